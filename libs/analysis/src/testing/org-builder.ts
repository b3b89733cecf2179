import type { IsoDate, Position, ResponsibilityLevel, SnapshotData, Tier } from '@rolemap/domain';
import { inferTiers } from '../tiers/infer-tiers';

/** [title, level, share of time, held since]. */
export type TestWork = [title: string, level: ResponsibilityLevel, sharePct: number, heldSince?: IsoDate | null];

export interface TestPerson {
  /** Employee id; also names the ids: position `pos-<id>`, person `per-<id>`. */
  id: string;
  name?: string;
  title?: string;
  manager?: string | null;
  department?: string | null;
  /** Forces the tier (as an HR override); otherwise inferred from title and structure. */
  tier?: Tier;
  vacant?: boolean;
  roleStartDate?: IsoDate | null;
  lastPromotionDate?: IsoDate | null;
  previousTitle?: string | null;
  rating?: number | null;
  work?: TestWork[];
}

export const positionIdOf = (employeeId: string) => `pos-${employeeId}`;

/**
 * A small snapshot for tests, readable at a glance. Builds SnapshotData directly (not via
 * snapshotFromRecords) so rule tests do not depend on the import path.
 */
export function buildSnapshot(
  people: readonly TestPerson[],
  options: { asOf?: IsoDate; snapshotId?: string } = {},
): SnapshotData {
  const positions: Position[] = people.map((p) => ({
    id: positionIdOf(p.id),
    externalId: p.id,
    title: p.title ?? 'Engineer',
    department: p.department === undefined ? 'Engineering' : p.department,
    location: null,
    tier: 'IC',
    tierSource: 'TITLE',
    fte: 1,
    reportsToId: p.manager ? positionIdOf(p.manager) : null,
    vacant: p.vacant ?? false,
  }));
  const overrides = new Map(people.filter((p) => p.tier).map((p) => [p.id, p.tier as Tier]));
  const tiers = inferTiers(positions, overrides);
  for (const position of positions) {
    const inferred = tiers.get(position.id)!;
    position.tier = inferred.tier;
    position.tierSource = inferred.source;
  }
  const filled = people.filter((p) => !p.vacant);
  return {
    organizationId: 'org-test',
    snapshotId: options.snapshotId ?? 'snap-test',
    asOf: options.asOf ?? '2025-12-01',
    positions,
    people: filled.map((p) => ({
      id: `per-${p.id}`,
      employeeId: p.id,
      name: p.name ?? `Person ${p.id}`,
      email: null,
      hireDate: null,
    })),
    assignments: filled.map((p) => ({
      personId: `per-${p.id}`,
      positionId: positionIdOf(p.id),
      roleStartDate: p.roleStartDate ?? null,
      previousTitle: p.previousTitle ?? null,
      lastPromotionDate: p.lastPromotionDate ?? null,
      performanceRating: p.rating ?? null,
    })),
    responsibilities: people.flatMap((p) =>
      (p.work ?? []).map(([title, valueLevel, sharePct, heldSince], i) => ({
        id: `r-${p.id}-${i + 1}`,
        positionId: positionIdOf(p.id),
        title,
        description: null,
        valueLevel,
        valueLevelSource: valueLevel === 'UNCLASSIFIED' ? ('CLASSIFIED' as const) : ('GIVEN' as const),
        classificationConfidence: valueLevel === 'UNCLASSIFIED' ? 0.4 : 1,
        sharePct,
        heldSince: heldSince ?? null,
      })),
    ),
  };
}

/** `count` people reporting to `manager`, ids `<prefix>1`, `<prefix>2`, … */
export function team(
  manager: string,
  prefix: string,
  count: number,
  template: Omit<TestPerson, 'id' | 'manager'> = {},
): TestPerson[] {
  return Array.from({ length: count }, (_, i) => ({ ...template, id: `${prefix}${i + 1}`, manager }));
}

/** A straight reporting line: first id at the top, each next one reporting to the previous. */
export function chain(
  ids: readonly string[],
  template: Omit<TestPerson, 'id' | 'manager'> = {},
  topManager: string | null = null,
): TestPerson[] {
  return ids.map((id, i) => ({ ...template, id, manager: i === 0 ? topManager : ids[i - 1] }));
}
