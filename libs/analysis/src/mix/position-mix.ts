import type { IsoDate, Responsibility, Tier, TierSource, ValueLevelPolicy, ValueMix } from '@rolemap/domain';
import type { PositionNode } from '../snapshot/snapshot-index';

/** How one position spends its time against what its tier calls for. Self-contained for the chart. */
export interface PositionMix {
  positionId: string;
  parentPositionId: string | null;
  employeeId: string | null;
  name: string | null;
  title: string;
  department: string | null;
  tier: Tier;
  /** What decided the tier: HR's override, the grade, the title or the structure. */
  tierSource: TierSource;
  depth: number;
  vacant: boolean;
  directReports: number;
  /** Percent of the holder's whole time per level, summed from responsibilities. Never rescaled. */
  actual: ValueMix;
  /** Sum of all responsibility shares, UNCLASSIFIED ones included (the time is taken, its level unknown). */
  allocatedPct: number;
  /** Share of time in UNCLASSIFIED responsibilities: left out of `actual`, gaps and findings until reviewed. */
  unclassifiedPct: number;
  /** How many of the position's responsibilities are UNCLASSIFIED. */
  unclassifiedCount: number;
  /** Responsibilities recorded for the position, UNCLASSIFIED ones included. */
  responsibilityCount: number;
  /**
   * At least one responsibility is recorded. Without any, the position's work is unknown: it is
   * never read as free time, never offered as a delegate, and rules that need it report it as not checked.
   */
  hasData: boolean;
  /** Positions in the subtree, this one included. */
  subtreeSize: number;
  /** Of those, how many have data (coverage of a leader's team: subtreeWithData / subtreeSize). */
  subtreeWithData: number;
  /** 100 − allocated when the responsibilities describe less than the whole job, else 0 (undescribed, not necessarily free). */
  unallocatedPct: number;
  /** allocated − 100 when the shares add up to more than the whole job, else 0. */
  overallocatedPct: number;
  /** The policy's mix for the position's tier (one object shared by every position of the tier). */
  expected: Readonly<ValueMix>;
  /** actual − expected per level, in points (negative = less than expected). */
  gap: ValueMix;
  /** actual − expected implementation, in points. */
  implementationExcess: number;
  /** Share of time in responsibilities held since before the holder's last promotion. */
  carriedOverPct: number;
  /** 0-1 colour score for the chart; see TACTICAL_GAP_FULL_SCALE_POINTS. */
  tacticalGap: number;
}

/**
 * tacticalGap = clamp(implementationExcess / 50, 0, 1) for MANAGER, DIRECTOR and EXECUTIVE;
 * always 0 for IC. Points above the tier's expected implementation share, with 50 points
 * (e.g. a director at 60% against 10%) reading as fully tactical. A fixed scale keeps one
 * colour meaning the same excess at every tier. ICs are expected to do the work, so their
 * implementation share is never a gap. Work that is not described (unallocated time) is
 * not guessed at: it neither raises nor lowers the score.
 */
export const TACTICAL_GAP_FULL_SCALE_POINTS = 50;

export function tacticalGapScore(tier: Tier, implementationExcess: number): number {
  if (tier === 'IC') return 0;
  return round2(clamp01(implementationExcess / TACTICAL_GAP_FULL_SCALE_POINTS));
}

/**
 * Mix of one position. `promotionDate` is the holder's last promotion (from HR or inferred
 * from snapshots); without one nothing counts as carried over.
 */
export function positionMixFor(
  node: PositionNode,
  policy: ValueLevelPolicy,
  promotionDate: IsoDate | null,
  expectedByTier: Readonly<Record<Tier, Readonly<ValueMix>>> = policy.expectedMix,
): PositionMix {
  const { position, person } = node;
  let implementation = 0;
  let unification = 0;
  let communication = 0;
  let leadership = 0;
  let unclassified = 0;
  let unclassifiedCount = 0;
  let carriedOver = 0;
  for (const responsibility of node.responsibilities) {
    const share = responsibility.sharePct;
    switch (responsibility.valueLevel) {
      case 'IMPLEMENTATION':
        implementation += share;
        break;
      case 'UNIFICATION':
        unification += share;
        break;
      case 'COMMUNICATION':
        communication += share;
        break;
      case 'LEADERSHIP':
        leadership += share;
        break;
      case 'UNCLASSIFIED':
        unclassified += share;
        unclassifiedCount++;
        break;
    }
    if (promotionDate !== null && isCarriedOver(responsibility, promotionDate)) carriedOver += share;
  }
  const allocated = round2(implementation + unification + communication + leadership + unclassified);
  const actual: ValueMix = {
    IMPLEMENTATION: round2(implementation),
    UNIFICATION: round2(unification),
    COMMUNICATION: round2(communication),
    LEADERSHIP: round2(leadership),
  };
  const expected = expectedByTier[position.tier];
  const gap: ValueMix = {
    IMPLEMENTATION: round2(actual.IMPLEMENTATION - expected.IMPLEMENTATION),
    UNIFICATION: round2(actual.UNIFICATION - expected.UNIFICATION),
    COMMUNICATION: round2(actual.COMMUNICATION - expected.COMMUNICATION),
    LEADERSHIP: round2(actual.LEADERSHIP - expected.LEADERSHIP),
  };
  const carriedOverPct = round2(carriedOver);
  return {
    positionId: position.id,
    parentPositionId: node.parent?.position.id ?? null,
    employeeId: person?.employeeId ?? null,
    name: person?.name ?? null,
    title: position.title,
    department: position.department,
    tier: position.tier,
    tierSource: position.tierSource,
    depth: node.depth,
    vacant: position.vacant,
    directReports: node.children.length,
    actual,
    allocatedPct: allocated,
    unclassifiedPct: round2(unclassified),
    unclassifiedCount,
    responsibilityCount: node.responsibilities.length,
    hasData: node.responsibilities.length > 0,
    // The subtree's own count is filled in by AnalysisContext, which sees the whole tree.
    subtreeSize: node.subtreeSize,
    subtreeWithData: node.responsibilities.length > 0 ? 1 : 0,
    unallocatedPct: allocated < 100 ? round2(100 - allocated) : 0,
    overallocatedPct: allocated > 100 ? round2(allocated - 100) : 0,
    expected,
    gap,
    implementationExcess: gap.IMPLEMENTATION,
    carriedOverPct,
    tacticalGap: tacticalGapScore(position.tier, gap.IMPLEMENTATION),
  };
}

/** Responsibilities held since before the promotion (an unknown start date is not assumed either way). */
export function carriedOverResponsibilities(
  responsibilities: readonly Responsibility[],
  promotionDate: IsoDate,
): Responsibility[] {
  return responsibilities.filter((r) => isCarriedOver(r, promotionDate));
}

function isCarriedOver(responsibility: Responsibility, promotionDate: IsoDate): boolean {
  // ISO dates compare correctly as strings.
  return responsibility.heldSince !== null && responsibility.heldSince < promotionDate;
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}
