import type { Responsibility, SnapshotData, Tier, ValueLevel } from '@rolemap/domain';
import { responsibilityKey } from '../snapshot/responsibility-key';

/**
 * HR's corrections, kept across snapshots: a tier per position (by its external id) and a value
 * level per responsibility (by `responsibilityKey(employeeId, title)`).
 */
export interface ClassificationOverrides {
  tiers: ReadonlyMap<string, Tier>;
  levels: ReadonlyMap<string, ValueLevel>;
}

export const NO_OVERRIDES: ClassificationOverrides = Object.freeze({ tiers: new Map(), levels: new Map() });

/**
 * The snapshot as HR corrected it. Overrides are a layer over what the import read, not baked
 * into it, so clearing one brings back the file's value or the inference. Untouched positions
 * and responsibilities are the same objects; with no overrides the snapshot itself comes back.
 */
export function applyOverrides(data: SnapshotData, overrides: ClassificationOverrides): SnapshotData {
  if (overrides.tiers.size === 0 && overrides.levels.size === 0) return data;
  const positions = overrides.tiers.size
    ? data.positions.map((position) => {
        const tier = overrides.tiers.get(position.externalId);
        return tier ? { ...position, tier, tierSource: 'OVERRIDE' as const } : position;
      })
    : data.positions;
  return { ...data, positions, responsibilities: overriddenLevels(data, overrides.levels) };
}

function overriddenLevels(data: SnapshotData, levels: ReadonlyMap<string, ValueLevel>): Responsibility[] {
  if (levels.size === 0) return data.responsibilities;
  const employeeIdByPerson = new Map(data.people.map((person) => [person.id, person.employeeId]));
  const employeeIdByPosition = new Map<string, string>();
  for (const assignment of data.assignments) {
    const employeeId = employeeIdByPerson.get(assignment.personId);
    if (employeeId) employeeIdByPosition.set(assignment.positionId, employeeId);
  }
  return data.responsibilities.map((responsibility) => {
    const employeeId = employeeIdByPosition.get(responsibility.positionId);
    const valueLevel = employeeId ? levels.get(responsibilityKey(employeeId, responsibility.title)) : undefined;
    return valueLevel
      ? { ...responsibility, valueLevel, valueLevelSource: 'OVERRIDE' as const, classificationConfidence: 1 }
      : responsibility;
  });
}
