import type { IsoDate } from '@rolemap/domain';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD` as a UTC date; rejects anything else so a bad `asOf` fails loudly. */
export function parseIsoDate(iso: string): Date {
  const match = ISO_DATE.exec(iso);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || formatIsoDate(date) !== iso) throw new Error(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  return date;
}

export function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return formatIsoDate(new Date(parseIsoDate(iso).getTime() + days * DAY_MS));
}

/** Calendar months, clamped to the month's last day (2026-03-31 minus 1 month is 2026-02-28). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const date = parseIsoDate(iso);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return formatIsoDate(target);
}

/** Whole calendar months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (months > 0 && b.getUTCDate() < a.getUTCDate()) months -= 1;
  if (months < 0 && b.getUTCDate() > a.getUTCDate()) months += 1;
  return months;
}

/**
 * `count` consecutive dates ending at `asOf`, newest first: index n is n days before `asOf`.
 * The synthetic generator shares these strings across 100k records instead of formatting each.
 */
export function isoDatesBefore(asOf: IsoDate, count: number): IsoDate[] {
  const end = parseIsoDate(asOf).getTime();
  const dates = new Array<IsoDate>(count);
  for (let n = 0; n < count; n++) dates[n] = formatIsoDate(new Date(end - n * DAY_MS));
  return dates;
}
