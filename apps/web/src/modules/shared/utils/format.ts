import {
  FINDING_KIND_LABELS,
  TIER_LABELS,
  VALUE_LEVEL_LABELS,
  type FindingKind,
  type Tier,
  type ResponsibilityLevel,
  UNCLASSIFIED,
  UNCLASSIFIED_LABEL,
} from '@rolemap/domain';

export const findingKindLabel = (kind: FindingKind): string => FINDING_KIND_LABELS[kind];
export const tierLabel = (tier: Tier): string => TIER_LABELS[tier];
/** "Needs review" for a responsibility the classifier left UNCLASSIFIED. */
export const valueLevelLabel = (level: ResponsibilityLevel): string =>
  level === UNCLASSIFIED ? UNCLASSIFIED_LABEL : VALUE_LEVEL_LABELS[level];

/** Whole percentages read faster than decimals; the API keeps the precision. */
export function formatPct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Math.round(value)}%`;
}

/** Dates from the API are ISO strings; show them the same in every time zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Today in the viewer's own calendar, YYYY-MM-DD (what due dates are compared with). */
export function todayLocalIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
