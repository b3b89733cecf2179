import type { IsoDate } from '@rolemap/domain';

export type DateOrder = 'DMY' | 'MDY';

export type DateReading = { iso: IsoDate } | { error: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AP]M)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})${TIME}$`, 'i');
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})$/i;
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const COMPACT = /^(19\d{2}|20\d{2})(\d{2})(\d{2})$/;
/** Excel day serials 10000-99999 are 1927-2173; shorter numbers are more likely not dates. */
const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/;

/**
 * For a column of slash dates such as 03/04/2020, decides day-first or month-first from
 * the values: a first number above 12 can only be a day, a second above 12 only a day
 * too. Null when the column gives no clue (then only unambiguous values like 05/05/2020
 * can be read). With clues both ways, the majority wins and the others are errors.
 */
export function decideDateOrder(values: Iterable<string>): DateOrder | null {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const value of values) {
    const match = SLASHED.exec(value.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) dayFirst++;
    else if (Number(match[2]) > 12) monthFirst++;
  }
  if (dayFirst === 0 && monthFirst === 0) return null;
  return dayFirst >= monthFirst ? 'DMY' : 'MDY';
}

/** Reads one date as YYYY-MM-DD; `order` is the column's day/month order. */
export function parseDate(text: string, order: DateOrder | null): DateReading {
  const value = text.trim();
  let match = ISO.exec(value);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]), value);
  match = COMPACT.exec(value);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]), value);
  if (EXCEL_SERIAL.test(value)) return { iso: excelSerialToIso(Number(value)) };
  match = SLASHED.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = fullYear(match[3]);
    if (first === second) return checked(year, first, second, value);
    if (order === null) {
      if (first > 12) return checked(year, second, first, value);
      if (second > 12) return checked(year, first, second, value);
      return {
        error: `"${value}" is ambiguous: it could be ${describe(year, second, first)} (dd/mm/yyyy) or ${describe(year, first, second)} (mm/dd/yyyy), and no other date in this column has a day above 12 to tell. Write it as YYYY-MM-DD.`,
      };
    }
    const [month, day] = order === 'DMY' ? [second, first] : [first, second];
    if (month > 12) {
      const expected = order === 'DMY' ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
      return { error: `"${value}" does not fit this column's ${expected} format (month ${month}). Write it as YYYY-MM-DD.` };
    }
    return checked(year, month, day, value);
  }
  match = DAY_MONTH_NAME.exec(value);
  if (match) return named(Number(match[1]), match[2], match[3], value);
  match = MONTH_NAME_DAY.exec(value);
  if (match) return named(Number(match[2]), match[1], match[3], value);
  return { error: `"${value}" is not a date; write it as YYYY-MM-DD (e.g. 2021-03-31).` };
}

function named(day: number, monthName: string, year: string, value: string): DateReading {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return { error: `"${value}" has an unknown month name "${monthName}".` };
  return checked(fullYear(year), month, day, value);
}

function checked(year: number, month: number, day: number, value: string): DateReading {
  if (year < 1900 || year > 2100) return { error: `"${value}" has year ${year}, outside 1900-2100.` };
  if (month < 1 || month > 12) return { error: `"${value}" has month ${month}; months are 1-12.` };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > lastDay) return { error: `"${value}" has day ${day}, but that month has ${lastDay} days.` };
  return { iso: isoOf(year, month, day) };
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** Excel counts days from 1899-12-30 (it wrongly thinks 1900 was a leap year). */
function excelSerialToIso(serial: number): IsoDate {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function describe(year: number, month: number, day: number): string {
  return `${day} ${MONTHS[month - 1] ?? '?'} ${year}`;
}

/** `asOf` minus a number of years, to the month (YearsInCurrentRole 2.5 → 30 months back). */
export function yearsBefore(asOf: IsoDate, years: number): IsoDate {
  const [year, month, day] = asOf.split('-').map(Number);
  const months = Math.round(years * 12);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function todayIso(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}
