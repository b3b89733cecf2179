import type { IsoDate, PeopleRecord, ResponsibilityRecord, SnapshotData } from '@rolemap/domain';
import type { NonRespondentPolicy, SurveyActivity, SurveyAnswers } from './survey-types';

/** What a person's part of the new snapshot came from. */
export type ClosingOutcome = 'SURVEYED' | 'CARRIED' | 'NONE' | 'OUTSIDE';

export interface ClosingInput {
  base: SnapshotData;
  /** The survey's name, quoted in the marks left on carried-over work. */
  campaignName: string;
  /** Employee ids the campaign asked. */
  population: ReadonlySet<string>;
  /** Final answers (the manager's once reviewed, else the person's own) of everyone who submitted. */
  responses: ReadonlyMap<string, SurveyAnswers>;
  activities: ReadonlyMap<string, SurveyActivity>;
  /**
   * When each person's activities started, from the previous closed campaign: employee id →
   * `activityKey(title)` → date. A person who kept the same activity keeps its date.
   */
  previousSince: ReadonlyMap<string, ReadonlyMap<string, IsoDate>>;
  /** The date the new snapshot describes; also the `since` of activities reported for the first time. */
  asOf: IsoDate;
  nonRespondents: NonRespondentPolicy;
}

export interface ClosedSnapshot {
  people: PeopleRecord[];
  responsibilities: ResponsibilityRecord[];
  outcomes: Map<string, ClosingOutcome>;
  coverage: ClosingCoverage;
}

export interface ClosingCoverage {
  /** People asked who submitted: their responsibilities are what they reported. */
  surveyed: number;
  /** People asked who did not answer and kept the base snapshot's responsibilities (marked with their age). */
  carried: number;
  /** People asked who did not answer and have no responsibilities in the new snapshot. */
  none: number;
  /** People outside the campaign's scope: unchanged from the base snapshot. */
  outside: number;
  /** How old the carried-over work is: days from the base snapshot's date to the new one. */
  carriedAgeDays: number;
  /** "Other" activities written in, classified at import and listed for HR's review when unsure. */
  writtenIn: number;
}

/** Activities are compared by their wording, case and spacing aside, so a reworded dictionary still matches. */
export function activityKey(title: string): string {
  return title.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * The records of the snapshot a campaign closes into: the base snapshot's people and positions as
 * they were, and responsibilities from the submitted surveys (the dictionary's label and level,
 * the share reported, `since` carried from the previous campaign when the activity is the same).
 * People asked who did not answer keep the base snapshot's responsibilities, marked with their age
 * (`KEEP_PREVIOUS`), or have none (`NONE`); people outside the scope keep theirs unchanged.
 * Written-in activities carry no level: the import classifies them, as it does any file.
 */
export function closeCampaignRecords(input: ClosingInput): ClosedSnapshot {
  const { base } = input;
  const assignmentOfPosition = new Map(base.assignments.map((assignment) => [assignment.positionId, assignment]));
  const people = new Map(base.people.map((person) => [person.id, person]));
  const employeeIdOfPosition = new Map<string, string>();
  for (const position of base.positions) {
    const assignment = assignmentOfPosition.get(position.id);
    const person = assignment ? people.get(assignment.personId) : undefined;
    // A vacant post keeps its own reference as its key, as the importer gives it.
    employeeIdOfPosition.set(position.id, person && !position.vacant ? person.employeeId : position.externalId);
  }

  const records: PeopleRecord[] = base.positions.map((position, index) => {
    const assignment = assignmentOfPosition.get(position.id);
    const person = assignment ? people.get(assignment.personId) : undefined;
    const vacant = position.vacant || !person;
    return {
      rowNumber: index + 1,
      employeeId: employeeIdOfPosition.get(position.id) as string,
      name: vacant ? 'Vacant' : (person as NonNullable<typeof person>).name,
      title: position.title,
      managerId: position.reportsToId ? (employeeIdOfPosition.get(position.reportsToId) ?? null) : null,
      department: position.department,
      location: position.location,
      email: vacant ? null : (person?.email ?? null),
      hireDate: vacant ? null : (person?.hireDate ?? null),
      roleStartDate: assignment?.roleStartDate ?? null,
      previousTitle: assignment?.previousTitle ?? null,
      lastPromotionDate: assignment?.lastPromotionDate ?? null,
      performanceRating: assignment?.performanceRating ?? null,
      fte: position.fte,
      vacant,
    };
  });

  const ageDays = Math.max(0, Math.round((Date.parse(input.asOf) - Date.parse(base.asOf)) / 86_400_000));
  const outcomes = new Map<string, ClosingOutcome>();
  const coverage: ClosingCoverage = { surveyed: 0, carried: 0, none: 0, outside: 0, carriedAgeDays: ageDays, writtenIn: 0 };
  const responsibilities: ResponsibilityRecord[] = [];
  const previousOf = new Map<string, typeof base.responsibilities>();
  for (const responsibility of base.responsibilities) {
    const employeeId = employeeIdOfPosition.get(responsibility.positionId);
    if (!employeeId) continue;
    const list = previousOf.get(employeeId);
    if (list) list.push(responsibility);
    else previousOf.set(employeeId, [responsibility]);
  }
  let row = 0;
  const keep = (employeeId: string, mark: string | null) => {
    for (const previous of previousOf.get(employeeId) ?? []) {
      responsibilities.push({
        rowNumber: ++row,
        employeeId,
        responsibility: previous.title,
        description: mark ? (previous.description ? `${mark} ${previous.description}` : mark) : previous.description,
        // Levels HR or the file settled stay; what the classifier chose is read again, as on import.
        valueLevel:
          previous.valueLevel === 'UNCLASSIFIED' || previous.valueLevelSource === 'CLASSIFIED' ? null : previous.valueLevel,
        sharePct: previous.sharePct,
        since: previous.heldSince,
      });
    }
  };

  for (const position of base.positions) {
    const employeeId = employeeIdOfPosition.get(position.id) as string;
    if (position.vacant || !assignmentOfPosition.has(position.id)) {
      keep(employeeId, null);
      continue;
    }
    if (!input.population.has(employeeId)) {
      outcomes.set(employeeId, 'OUTSIDE');
      coverage.outside++;
      keep(employeeId, null);
      continue;
    }
    const answers = input.responses.get(employeeId);
    if (!answers) {
      if (input.nonRespondents === 'KEEP_PREVIOUS' && (previousOf.get(employeeId)?.length ?? 0) > 0) {
        outcomes.set(employeeId, 'CARRIED');
        coverage.carried++;
        keep(
          employeeId,
          `[Not confirmed in survey "${input.campaignName}": carried from the snapshot of ${base.asOf}, ${ageDays} days old.]`,
        );
      } else {
        outcomes.set(employeeId, 'NONE');
        coverage.none++;
      }
      continue;
    }
    outcomes.set(employeeId, 'SURVEYED');
    coverage.surveyed++;
    const since = input.previousSince.get(employeeId);
    for (const line of answers.lines) {
      if (!(line.sharePct > 0)) continue;
      const activity = line.activityId ? input.activities.get(line.activityId) : undefined;
      const title = activity ? activity.label : (line.otherText ?? '').trim();
      if (!title) continue;
      if (!activity) coverage.writtenIn++;
      responsibilities.push({
        rowNumber: ++row,
        employeeId,
        responsibility: title,
        description: activity ? null : `Written in on survey "${input.campaignName}".`,
        valueLevel: activity ? activity.valueLevel : (line.valueLevel ?? null),
        sharePct: line.sharePct,
        since: since?.get(activityKey(title)) ?? input.asOf,
      });
    }
  }
  return { people: records, responsibilities, outcomes, coverage };
}
