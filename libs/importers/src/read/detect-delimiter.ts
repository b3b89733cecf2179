import Papa from 'papaparse';

export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;
const SAMPLE_ROWS = 50;

/**
 * Picks the delimiter that splits the sample into the most consistent number of fields
 * (quotes respected), preferring more fields on a tie. A one-column file gets a comma.
 */
export function detectDelimiter(sample: string, fileName: string): string {
  const text = completeLines(sample);
  const preferred = /\.tsv$|\.tab$/i.test(fileName) ? '\t' : /\.psv$/i.test(fileName) ? '|' : null;
  let best = { delimiter: preferred ?? ',', score: -1 };
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: true }).data;
    const score = consistencyScore(rows) + (delimiter === preferred ? 0.5 : 0);
    if (score > best.score) best = { delimiter, score };
  }
  return best.score > 0 ? best.delimiter : (preferred ?? ',');
}

/** 0 when the delimiter never splits a row; otherwise rewards consistent, wide rows. */
function consistencyScore(rows: string[][]): number {
  if (rows.length === 0) return 0;
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  let modalWidth = 0;
  let modalCount = 0;
  for (const [width, count] of counts) {
    if (count > modalCount || (count === modalCount && width > modalWidth)) {
      modalWidth = width;
      modalCount = count;
    }
  }
  if (modalWidth < 2) return 0;
  const consistency = modalCount / rows.length;
  return consistency * 100 + Math.min(modalWidth, 99) / 100;
}

/** The sample is cut at a byte limit; drop the partial last line unless it is the only one. */
function completeLines(sample: string): string {
  const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  return lastBreak > 0 ? sample.slice(0, lastBreak) : sample;
}
