import type { IsoDate } from '@rolemap/domain';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 for a `YYYY-MM-DD` date (UTC, so no time-zone drift), or NaN. */
export function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
}

/**
 * Whole calendar months from `from` to `to` (negative when `to` is earlier), as a person
 * counts them: 2025-03-01 → 2025-12-01 is 9 months; 2025-03-15 → 2025-04-14 is 0.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (!a || !b) return Number.NaN;
  const months = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2]));
  const dayA = Number(a[3]);
  const dayB = Number(b[3]);
  if (months > 0 && dayB < dayA) return months - 1;
  if (months < 0 && dayB > dayA) return months + 1;
  return months;
}

/**
 * The same day `months` later (or earlier when negative), clamped to the month's end:
 * addMonths('2024-03-31', -1) is '2024-02-29'.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const monthIndex = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Years from `from` to `to`, fractional (365.25-day years). */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  return (dayNumber(to) - dayNumber(from)) / 365.25;
}

/** The later of two optional dates (ISO dates compare correctly as strings). */
export function laterDate(a: IsoDate | null | undefined, b: IsoDate | null | undefined): IsoDate | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a >= b ? a : b;
}

/** "this month", "1 month ago", "9 months ago", "2 years and 1 month ago". */
export function monthsAgoText(months: number): string {
  if (months <= 0) return 'this month';
  if (months < 24) return `${months} month${months === 1 ? '' : 's'} ago`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? `${years} years ago` : `${years} years and ${rest} month${rest === 1 ? '' : 's'} ago`;
}
