import { TIERS, VALUE_LEVELS, type Tier, type ValueLevel } from '@rolemap/domain';
import type { PolicyFieldsFragment, PolicyInput } from '../../../gql/graphql';
import { MIX_FIELD } from '../../shared/utils/mix';

export type ThresholdName = keyof PolicyFieldsFragment['thresholds'];

/** Inputs keep what the user typed (strings) so a half-typed number is not lost or rewritten. */
export type PolicyDraft = {
  mix: Record<Tier, Record<ValueLevel, string>>;
  thresholds: Record<ThresholdName, string>;
};

export type PolicyErrors = {
  mix: Partial<Record<Tier, string>>;
  thresholds: Partial<Record<ThresholdName, string>>;
};

type ThresholdMeta = { label: string; unit: string; hint: string; min?: number; max?: number; step?: number };

export const THRESHOLDS: Record<ThresholdName, ThresholdMeta> = {
  promotionWindowMonths: {
    label: 'Recent promotion window',
    unit: 'months',
    hint: 'A promotion within this many months counts as recent.',
  },
  implementationExcessPoints: {
    label: 'Still tactical above expected by',
    unit: 'points',
    hint: 'Implementation share this far above the tier’s expectation counts as still tactical.',
  },
  carriedOverSharePct: {
    label: 'Carried-over work from',
    unit: '% of time',
    hint: 'Responsibilities kept from before the promotion taking at least this share.',
    max: 100,
  },
  delegationMinSharePct: {
    label: 'Smallest task worth delegating',
    unit: '% of time',
    hint: 'Smaller responsibilities are not suggested for delegation.',
    max: 100,
  },
  managerImplementationExcessPoints: {
    label: 'Manager delegation gap above expected by',
    unit: 'points',
    hint: 'A manager’s implementation share must exceed the expectation this much before tasks count as delegation gaps.',
  },
  pigeonholeMinRating: {
    label: 'Pigeonholing: rating at least',
    unit: 'of 5',
    hint: 'Performance rating from 1 to 5.',
    min: 1,
    max: 5,
  },
  pigeonholeMinYearsInRole: {
    label: 'Pigeonholing: years in role at least',
    unit: 'years',
    hint: 'Years in the same role without promotion.',
    step: 0.5,
  },
  pigeonholeMinImplementationPct: {
    label: 'Pigeonholing: implementation at least',
    unit: '% of time',
    hint: 'Share of time on implementation work.',
    max: 100,
  },
  spanMin: { label: 'Narrow span below', unit: 'reports', hint: 'Fewer direct reports than this is a narrow span.' },
  spanMax: { label: 'Wide span above', unit: 'reports', hint: 'More direct reports than this is a wide span.' },
  maxLayers: {
    label: 'Most layers under one leader',
    unit: 'layers',
    hint: 'Counted from the leader down to the deepest report.',
  },
};

export const THRESHOLD_NAMES = Object.keys(THRESHOLDS) as ThresholdName[];

export function toDraft(policy: PolicyFieldsFragment): PolicyDraft {
  const mix = Object.fromEntries(
    TIERS.map((tier) => {
      const entry = policy.expectedMix.find((item) => item.tier === tier);
      return [tier, Object.fromEntries(VALUE_LEVELS.map((level) => [level, String(entry?.mix[MIX_FIELD[level]] ?? 0)]))];
    }),
  ) as PolicyDraft['mix'];
  const thresholds = Object.fromEntries(
    THRESHOLD_NAMES.map((name) => [name, String(policy.thresholds[name])]),
  ) as PolicyDraft['thresholds'];
  return { mix, thresholds };
}

function parse(raw: string): number | null {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

export function mixTotal(values: Record<ValueLevel, string>): number {
  return VALUE_LEVELS.reduce((sum, level) => sum + (parse(values[level]) ?? 0), 0);
}

/** The same rules the server checks (libs/domain policyProblems), phrased for the form. */
export function validateDraft(draft: PolicyDraft): PolicyErrors {
  const errors: PolicyErrors = { mix: {}, thresholds: {} };
  for (const tier of TIERS) {
    const values = draft.mix[tier];
    const bad = VALUE_LEVELS.find((level) => {
      const value = parse(values[level]);
      return value === null || value < 0 || value > 100;
    });
    if (bad) {
      errors.mix[tier] = 'Each share must be a number from 0 to 100.';
      continue;
    }
    const total = mixTotal(values);
    if (Math.abs(total - 100) > 0.01)
      errors.mix[tier] =
        `Adds up to ${round(total)}, not 100 (${total > 100 ? `${round(total - 100)} too many` : `${round(100 - total)} missing`}).`;
  }
  for (const name of THRESHOLD_NAMES) {
    const value = parse(draft.thresholds[name]);
    const meta = THRESHOLDS[name];
    if (value === null) errors.thresholds[name] = 'Enter a number.';
    else if (value < (meta.min ?? 0)) errors.thresholds[name] = `Must be at least ${meta.min ?? 0}.`;
    else if (meta.max !== undefined && value > meta.max) errors.thresholds[name] = `Must be at most ${meta.max}.`;
  }
  const spanMin = parse(draft.thresholds.spanMin);
  const spanMax = parse(draft.thresholds.spanMax);
  if (!errors.thresholds.spanMin && spanMin !== null && spanMax !== null && spanMin > spanMax) {
    errors.thresholds.spanMin = 'Must not be above the wide-span limit.';
  }
  return errors;
}

export function hasErrors(errors: PolicyErrors): boolean {
  return Object.keys(errors.mix).length > 0 || Object.keys(errors.thresholds).length > 0;
}

export function toPolicyInput(draft: PolicyDraft): PolicyInput {
  return {
    expectedMix: TIERS.map((tier) => ({
      tier,
      implementation: Number(draft.mix[tier].IMPLEMENTATION),
      unification: Number(draft.mix[tier].UNIFICATION),
      communication: Number(draft.mix[tier].COMMUNICATION),
      leadership: Number(draft.mix[tier].LEADERSHIP),
    })),
    thresholds: Object.fromEntries(THRESHOLD_NAMES.map((name) => [name, Number(draft.thresholds[name])])),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
