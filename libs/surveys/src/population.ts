import type { SnapshotData, Tier } from '@rolemap/domain';
import type { CampaignScope, SurveyMode } from './survey-types';

/** A rule choosing who fills in the forms of part of the population; the first that matches wins. */
export interface ModeRule {
  /** Only people of this department (exact name); null for any. */
  department: string | null;
  /** Only positions of this tier; null for any. */
  tier: Tier | null;
  mode: SurveyMode;
}

export interface Participant {
  employeeId: string;
  personId: string;
  positionId: string;
  name: string;
  email: string | null;
  department: string | null;
  tier: Tier;
  /** The nearest filled post above (a vacant manager's post is skipped); null at the top. */
  managerEmployeeId: string | null;
  managerName: string | null;
  mode: SurveyMode;
}

export class PopulationError extends Error {}

/**
 * The people a campaign asks, from its base snapshot: everyone, one department, or a leader and
 * everyone below them. Vacant posts are never asked. Each gets the mode of the first rule that
 * matches (else `defaultMode`); a manager-filled form needs a manager, so at the top of the chart
 * MANAGER and BOTH fall back to SELF.
 */
export function surveyPopulation(
  base: SnapshotData,
  scope: CampaignScope,
  defaultMode: SurveyMode,
  rules: readonly ModeRule[] = [],
): Participant[] {
  const positions = new Map(base.positions.map((position) => [position.id, position]));
  const personOfPosition = new Map<string, string>();
  for (const assignment of base.assignments) personOfPosition.set(assignment.positionId, assignment.personId);
  const people = new Map(base.people.map((person) => [person.id, person]));
  const children = new Map<string, string[]>();
  for (const position of base.positions) {
    if (!position.reportsToId) continue;
    const list = children.get(position.reportsToId);
    if (list) list.push(position.id);
    else children.set(position.reportsToId, [position.id]);
  }

  let inScope: (positionId: string) => boolean;
  if (scope.kind === 'ORGANIZATION') {
    inScope = () => true;
  } else if (scope.kind === 'DEPARTMENT') {
    const department = (scope.value ?? '').trim();
    if (!base.positions.some((position) => position.department === department)) {
      throw new PopulationError(`No position of the base snapshot is in the department "${department}".`);
    }
    inScope = (positionId) => positions.get(positionId)?.department === department;
  } else {
    const leaderId = (scope.value ?? '').trim();
    const root = base.positions.find((position) => position.externalId === leaderId && !position.vacant);
    if (!root) throw new PopulationError(`Nobody with employee id "${leaderId}" is in the base snapshot.`);
    const subtree = new Set<string>([root.id]);
    const queue = [root.id];
    for (let head = 0; head < queue.length; head++) {
      for (const child of children.get(queue[head]) ?? []) {
        subtree.add(child);
        queue.push(child);
      }
    }
    inScope = (positionId) => subtree.has(positionId);
  }

  const holderOf = (positionId: string) => {
    const personId = personOfPosition.get(positionId);
    return personId ? people.get(personId) : undefined;
  };
  const participants: Participant[] = [];
  for (const position of base.positions) {
    if (position.vacant || !inScope(position.id)) continue;
    const person = holderOf(position.id);
    if (!person) continue;
    let managerPosition = position.reportsToId ? positions.get(position.reportsToId) : undefined;
    while (managerPosition && (managerPosition.vacant || !holderOf(managerPosition.id))) {
      managerPosition = managerPosition.reportsToId ? positions.get(managerPosition.reportsToId) : undefined;
    }
    const manager = managerPosition ? holderOf(managerPosition.id) : undefined;
    const rule = rules.find(
      (candidate) =>
        (candidate.department === null || candidate.department === position.department) &&
        (candidate.tier === null || candidate.tier === position.tier),
    );
    const wanted = rule?.mode ?? defaultMode;
    participants.push({
      employeeId: person.employeeId,
      personId: person.id,
      positionId: position.id,
      name: person.name,
      email: person.email,
      department: position.department,
      tier: position.tier,
      managerEmployeeId: manager?.employeeId ?? null,
      managerName: manager?.name ?? null,
      mode: manager ? wanted : 'SELF',
    });
  }
  return participants;
}
