import { TIERS, defaultTierForGrade, type Tier } from '@rolemap/domain';
import { tierLabel } from '../../shared/utils/format';

export type GradeRow = {
  grade: string;
  tier: Tier | null;
  /** HR (HR's table), DEFAULT (a scheme rolemap knows) or NONE (title and structure decide). */
  source: string;
  scheme: string | null;
  positions: number;
};

/** '' is "no row in HR's table": the known scheme decides, or the title and structure. */
export type GradeDraft = Tier | '';

export const draftOf = (row: GradeRow): GradeDraft => (row.source === 'HR' && row.tier ? row.tier : '');

export function isTierDraft(value: string): value is GradeDraft {
  return value === '' || (TIERS as readonly string[]).includes(value);
}

/** What the grade gives without HR's table, for the "default" choice: "Director (UK Senior Civil Service)". */
export function defaultChoiceLabel(grade: string): string {
  const known = defaultTierForGrade(grade);
  return known ? `Default: ${tierLabel(known.tier)} (${known.scheme})` : 'Default: none, the title and reporting lines decide';
}

export function sourceText(row: GradeRow): string {
  if (row.source === 'HR') return 'Set by HR';
  if (row.source === 'DEFAULT') return `Default scheme${row.scheme ? `: ${row.scheme}` : ''}`;
  return 'No tier: the title and reporting lines decide';
}

/** The edits to send: only grades whose choice differs from what is saved (null takes a grade out of HR's table). */
export function changedGrades(
  rows: readonly GradeRow[],
  drafts: Readonly<Record<string, GradeDraft>>,
): { grade: string; tier: Tier | null }[] {
  return rows
    .filter((row) => drafts[row.grade] !== undefined && drafts[row.grade] !== draftOf(row))
    .map((row) => ({ grade: row.grade, tier: drafts[row.grade] || null }));
}
