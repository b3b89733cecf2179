// Runs in the browser too (through `@rolemap/importers/fields`): no imports.

export interface AsOfSuggestion {
  /** YYYY-MM-DD. */
  date: string;
  /** Where it was found, for the wizard to say ("from the file name"). */
  source: 'file name' | 'file content';
  /** The text it was read from, e.g. "2011-03-31" or "As of 31 March 2011". */
  text: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Numeric year-first dates: 2011-03-31, 2011_03_31, 2011.03.31, 20110331. */
const YEAR_FIRST = /(?<![0-9])((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9])/g;
/** 31 March 2011, 31-Mar-2011. */
const DAY_MONTH_YEAR = new RegExp(`(?<![0-9a-z])(0?[1-9]|[12]\\d|3[01])[ _-]?${MONTH}[ _,-]*((?:19|20)\\d\\d)(?![0-9])`, 'gi');
/** March 31, 2011. */
const MONTH_DAY_YEAR = new RegExp(
  `(?<![a-z])${MONTH}[ _-]?(0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?[ _-]*((?:19|20)\\d\\d)(?![0-9])`,
  'gi',
);
/** A date the file says the chart is as of: "As of", "as at", "Snapshot date", "Report date", "Effective". */
const CONTENT_LABEL =
  /\b(?:as of|as at|snapshot(?: date)?|report(?:ing)? date|effective(?: date)?|extract(?:ed)?(?: on)?|position at)\b[^0-9a-z\n]{0,6}/gi;

/**
 * The date an org-chart file describes, when its name or its first lines say it: a date in
 * the file name (organogram exports are named "…-2011-03-31-senior.csv"), else a date that
 * follows a label such as "As of" or "Snapshot date" in the first lines of the file. Only
 * real calendar dates count. Null when neither says.
 */
export function suggestAsOf(fileName: string, head = ''): AsOfSuggestion | null {
  const fromName = firstDate(fileName.replace(/\.[a-z0-9]+$/i, ''));
  if (fromName) return { ...fromName, source: 'file name' };
  const text = head.slice(0, 16_384);
  for (const label of text.matchAll(CONTENT_LABEL)) {
    const start = (label.index ?? 0) + label[0].length;
    const after = text.slice(start, start + 40);
    const found = firstDate(after);
    if (found && after.indexOf(found.text) <= 2)
      return { date: found.date, text: `${label[0].trim()} ${found.text}`, source: 'file content' };
  }
  return null;
}

function firstDate(text: string): { date: string; text: string } | null {
  const candidates: { index: number; date: string; text: string }[] = [];
  for (const match of text.matchAll(YEAR_FIRST)) push(candidates, match, match[1], match[3], match[4]);
  for (const match of text.matchAll(DAY_MONTH_YEAR)) push(candidates, match, match[3], monthNumber(match[2]), match[1]);
  for (const match of text.matchAll(MONTH_DAY_YEAR)) push(candidates, match, match[3], monthNumber(match[1]), match[2]);
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

function push(
  candidates: { index: number; date: string; text: string }[],
  match: RegExpMatchArray,
  year: string,
  month: string,
  day: string,
): void {
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (isRealDate(date)) candidates.push({ index: match.index ?? 0, date, text: match[0] });
}

function monthNumber(name: string): string {
  return String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1);
}

function isRealDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
