import type { Responsibility, SnapshotData, Tier, ValueLevel } from '@rolemap/domain';
import { confirmedTextKey } from '../classify/nlp/normalise-statement';
import { responsibilityKey } from '../snapshot/responsibility-key';
import { classifiedTextOf } from '../snapshot/snapshot-from-records';

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
}

export const NO_OVERRIDES: ClassificationOverrides = Object.freeze({ tiers: new Map(), levels: new Map() });

/**
 * The snapshot as HR corrected it. Overrides are a layer over what the import read, not baked
 * into it, so clearing one brings back the file's value or the inference. Untouched positions
 * and responsibilities are the same objects; with no overrides the snapshot itself comes back.
 */
export function applyOverrides(data: SnapshotData, overrides: ClassificationOverrides): SnapshotData {
  const wording = overrides.wording ?? new Map<string, ValueLevel>();
  if (overrides.tiers.size === 0 && overrides.levels.size === 0 && wording.size === 0) return data;
  const positions = overrides.tiers.size
    ? data.positions.map((position) => {
        const tier = overrides.tiers.get(position.externalId);
        return tier ? { ...position, tier, tierSource: 'OVERRIDE' as const } : position;
      })
    : data.positions;
  return { ...data, positions, responsibilities: overriddenLevels(data, overrides.levels, wording) };
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
