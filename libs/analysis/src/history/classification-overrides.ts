import type { Position, Responsibility, SnapshotData, Tier, ValueLevel } from '@rolemap/domain';
import { confirmedTextKey } from '../classify/nlp/normalise-statement';
import { responsibilityKey } from '../snapshot/responsibility-key';
import { classifiedTextOf } from '../snapshot/snapshot-from-records';
import { type GradeTiers, inferTiers } from '../tiers/infer-tiers';

/**
 * HR's corrections, kept across snapshots: a tier per position (by its external id) and a value
 * level per responsibility (by `responsibilityKey(employeeId, title)`).
 */
export interface ClassificationOverrides {
  tiers: ReadonlyMap<string, Tier>;
  levels: ReadonlyMap<string, ValueLevel>;
  /**
   * Wording HR confirmed in this organization, by `confirmedTextKey(text)`: applied to levels the
   * classifier chose (never to levels given in the file or set per person), so a confirmation
   * also settles the same wording elsewhere, vacant posts and earlier snapshots included.
   */
  wording?: ReadonlyMap<string, ValueLevel>;
  /**
   * HR's grade → tier table of the organization as it stands now (keyed by gradeKey). When given,
   * every graded position's tier is inferred again with it (grade, then title, then structure),
   * so a change to the table shows in the next analysis of every snapshot, not only in later
   * imports. Absent: the tiers stay as the import inferred them.
   */
  gradeTiers?: GradeTiers;
}

export const NO_OVERRIDES: ClassificationOverrides = Object.freeze({ tiers: new Map(), levels: new Map() });

/**
 * The snapshot as HR corrected it. Overrides are a layer over what the import read, not baked
 * into it, so clearing one brings back the file's value or the inference. Untouched positions
 * and responsibilities are the same objects; with no overrides the snapshot itself comes back.
 */
export function applyOverrides(data: SnapshotData, overrides: ClassificationOverrides): SnapshotData {
  const wording = overrides.wording ?? new Map<string, ValueLevel>();
  const graded = overrides.gradeTiers ? regradedPositions(data.positions, overrides.gradeTiers) : data.positions;
  if (overrides.tiers.size === 0 && overrides.levels.size === 0 && wording.size === 0 && graded === data.positions) return data;
  const positions = overrides.tiers.size
    ? graded.map((position) => {
        const tier = overrides.tiers.get(position.externalId);
        return tier ? { ...position, tier, tierSource: 'OVERRIDE' as const } : position;
      })
    : graded;
  return { ...data, positions, responsibilities: overriddenLevels(data, overrides.levels, wording) };
}

/**
 * Graded positions with their tier inferred again under HR's current grade table (the same
 * rules as the import: grade, else title, then at least MANAGER with reports). A tier HR set on
 * the position itself stays. The same array back when nothing changes.
 */
function regradedPositions(positions: Position[], gradeTiers: GradeTiers): Position[] {
  if (!positions.some((position) => position.grade)) return positions;
  const withTable = inferTiers(positions, undefined, gradeTiers);
  let changed = false;
  const result = positions.map((position) => {
    if (!position.grade || position.tierSource === 'OVERRIDE') return position;
    const next = withTable.get(position.id);
    if (!next || (next.tier === position.tier && next.source === position.tierSource)) return position;
    changed = true;
    return { ...position, tier: next.tier, tierSource: next.source };
  });
  return changed ? result : positions;
}

function overriddenLevels(
  data: SnapshotData,
  levels: ReadonlyMap<string, ValueLevel>,
  wording: ReadonlyMap<string, ValueLevel>,
): Responsibility[] {
  if (levels.size === 0 && wording.size === 0) return data.responsibilities;
  // HR files repeat their wording: each distinct text is normalised once.
  const keyOfText = new Map<string, string>();
  const confirmedLevelOf = (responsibility: Responsibility): ValueLevel | undefined => {
    if (wording.size === 0 || responsibility.valueLevelSource !== 'CLASSIFIED') return undefined;
    const text = classifiedTextOf(responsibility.title, responsibility.description);
    let key = keyOfText.get(text);
    if (key === undefined) {
      key = confirmedTextKey(text);
      keyOfText.set(text, key);
    }
    return wording.get(key);
  };
  const employeeIdByPerson = new Map(data.people.map((person) => [person.id, person.employeeId]));
  const employeeIdByPosition = new Map<string, string>();
  for (const assignment of data.assignments) {
    const employeeId = employeeIdByPerson.get(assignment.personId);
    if (employeeId) employeeIdByPosition.set(assignment.positionId, employeeId);
  }
  return data.responsibilities.map((responsibility) => {
    const employeeId = employeeIdByPosition.get(responsibility.positionId);
    const valueLevel =
      (employeeId && levels.size ? levels.get(responsibilityKey(employeeId, responsibility.title)) : undefined) ??
      confirmedLevelOf(responsibility);
    return valueLevel
      ? { ...responsibility, valueLevel, valueLevelSource: 'OVERRIDE' as const, classificationConfidence: 1 }
      : responsibility;
  });
}
