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

/**
 * The viewer's locale (the browser's language): every date and number of the app is written
 * the way the viewer reads them, through the formatters below and nothing else.
 */
export function userLocale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language || undefined : undefined;
}

// Formatters are costly to build and used for every row of long tables: one per locale and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: (locale: string | undefined) => T): T {
  const locale = userLocale();
  const id = `${locale ?? ''}|${key}`;
  let formatter = formatters.get(id) as T | undefined;
  if (!formatter) {
    try {
      formatter = build(locale);
    } catch {
      // An unusable browser language: fall back to the runtime's default rather than fail the page.
      formatter = build(undefined);
    }
    formatters.set(id, formatter);
  }
  return formatter;
}

/**
 * A calendar date from the API (YYYY-MM-DD, or an ISO time of which the date is meant), in the
 * viewer's locale, e.g. "2 Dec 2026" (en-GB), "Dec 2, 2026" (en-US), "02.12.2026" (de-DE).
 * Read in UTC, so a date is the same day in every time zone.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return cached('date', (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date);
}

/** A moment (audit entries, decisions), in the viewer's locale, in UTC and saying so; `seconds` for logs. */
export function formatDateTime(value: string | Date | null | undefined, { seconds = false } = {}): string {
  if (!value) return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return cached(
    seconds ? 'date-time-seconds' : 'date-time',
    (locale) =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' as const } : {}),
        timeZone: 'UTC',
        timeZoneName: 'short',
      }),
  ).format(date);
}

/** A count with the viewer's thousands separators: "1,530" (en), "1.530" (de). */
export function formatNumber(value: number): string {
  return cached('number', (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })).format(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** Today in the viewer's own calendar, YYYY-MM-DD (what due dates are compared with). */
export function todayLocalIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
