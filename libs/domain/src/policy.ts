import { DomainError } from './domain-error';
import { type Tier, TIERS } from './tier';
import { type ValueMix, VALUE_LEVELS } from './value-level';

/** Numbers the analysis compares against; every one is editable per organization. */
export interface PolicyThresholds {
  /** A promotion within this many months counts as recent. */
  promotionWindowMonths: number;
  /** Implementation share this many points above expected counts as "still tactical". */
  implementationExcessPoints: number;
  /** Carried-over responsibilities taking at least this share of time count as "still tactical". */
  carriedOverSharePct: number;
  /** Responsibilities below this share of time are too small to delegate. */
  delegationMinSharePct: number;
  /** A manager's implementation share must exceed expected by this many points before their tasks are delegation gaps. */
  managerImplementationExcessPoints: number;
  /** Pigeonholing: minimum performance rating (1-5). */
  pigeonholeMinRating: number;
  /** Pigeonholing: minimum years in the same role without promotion. */
  pigeonholeMinYearsInRole: number;
  /** Pigeonholing: minimum implementation share. */
  pigeonholeMinImplementationPct: number;
  /** Fewer direct reports than this is a narrow span (1 report). */
  spanMin: number;
  /** More direct reports than this is a wide span. */
  spanMax: number;
  /** Most management layers allowed under one leader, counted from the leader down to the deepest report. */
  maxLayers: number;
}

export interface ValueLevelPolicy {
  expectedMix: Record<Tier, ValueMix>;
  thresholds: PolicyThresholds;
}

export const DEFAULT_POLICY: ValueLevelPolicy = {
  expectedMix: {
    IC: { IMPLEMENTATION: 70, UNIFICATION: 15, COMMUNICATION: 10, LEADERSHIP: 5 },
    MANAGER: { IMPLEMENTATION: 30, UNIFICATION: 35, COMMUNICATION: 20, LEADERSHIP: 15 },
    DIRECTOR: { IMPLEMENTATION: 10, UNIFICATION: 30, COMMUNICATION: 30, LEADERSHIP: 30 },
    EXECUTIVE: { IMPLEMENTATION: 5, UNIFICATION: 15, COMMUNICATION: 30, LEADERSHIP: 50 },
  },
  thresholds: {
    promotionWindowMonths: 24,
    implementationExcessPoints: 15,
    carriedOverSharePct: 20,
    delegationMinSharePct: 5,
    managerImplementationExcessPoints: 15,
    pigeonholeMinRating: 4,
    pigeonholeMinYearsInRole: 3,
    pigeonholeMinImplementationPct: 50,
    spanMin: 2,
    spanMax: 12,
    maxLayers: 6,
  },
};

export class PolicyError extends DomainError {
  constructor(readonly problems: string[]) {
    super('BAD_USER_INPUT', `Invalid value-level policy: ${problems.join('; ')}`, { problems });
  }
}

/**
 * Merges a partial policy (as HR edits it) over the default and checks it:
 * every mix must have four non-negative numbers adding up to 100.
 */
export function resolvePolicy(input?: DeepPartialPolicy | null): ValueLevelPolicy {
  const merged: ValueLevelPolicy = {
    expectedMix: Object.fromEntries(
      TIERS.map((tier) => [tier, { ...DEFAULT_POLICY.expectedMix[tier], ...(input?.expectedMix?.[tier] ?? {}) }]),
    ) as Record<Tier, ValueMix>,
    thresholds: { ...DEFAULT_POLICY.thresholds, ...(input?.thresholds ?? {}) },
  };
  const problems = policyProblems(merged);
  if (problems.length > 0) throw new PolicyError(problems);
  return merged;
}

export type DeepPartialPolicy = {
  expectedMix?: Partial<Record<Tier, Partial<ValueMix>>>;
  thresholds?: Partial<PolicyThresholds>;
};

export function policyProblems(policy: ValueLevelPolicy): string[] {
  const problems: string[] = [];
  for (const tier of TIERS) {
    const mix = policy.expectedMix[tier];
    for (const level of VALUE_LEVELS) {
      const value = mix[level];
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
        problems.push(`${tier} ${level} must be a number from 0 to 100 (got ${String(value)})`);
      }
    }
    const total = VALUE_LEVELS.reduce((sum, level) => sum + (Number(mix[level]) || 0), 0);
    if (Math.abs(total - 100) > 0.01) problems.push(`${tier} mix adds up to ${total}, not 100`);
  }
  for (const [name, value] of Object.entries(policy.thresholds)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push(`threshold ${name} must be a non-negative number (got ${String(value)})`);
    }
  }
  const { spanMin, spanMax, pigeonholeMinRating } = policy.thresholds;
  if (spanMin > spanMax) problems.push(`spanMin (${spanMin}) is above spanMax (${spanMax})`);
  if (pigeonholeMinRating > 5) problems.push(`pigeonholeMinRating must be 1-5 (got ${pigeonholeMinRating})`);
  return problems;
}
