import { normalizeHeader } from './normalize-header';
import { PEOPLE_SYNONYMS, RESPONSIBILITY_SYNONYMS } from './synonyms';

const KNOWN_HEADERS = new Set(
  [...Object.values(PEOPLE_SYNONYMS), ...Object.values(RESPONSIBILITY_SYNONYMS)].flat().map(normalizeHeader),
);

/** How far down a title/preamble may push the real header row. */
const MAX_PREAMBLE_ROWS = 10;

export function isKnownHeader(cell: string): boolean {
  return KNOWN_HEADERS.has(normalizeHeader(cell));
}

type CellKind = 'empty' | 'number' | 'date' | 'text';

function cellKind(cell: string): CellKind {
  const text = cell.trim();
  if (text === '') return 'empty';
  if (/^[-+]?\d+([.,]\d+)?%?$/.test(text)) return 'number';
  if (/^\d{4}-\d{1,2}-\d{1,2}([ T].*)?$/.test(text) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(text)) return 'date';
  return 'text';
}

/**
 * Index (within `rows`) of the header row, or null when the file has none.
 * A row with a known header name is the header (rows above it are a title or preamble).
 * Otherwise the first row is data when it looks like the rows below it: in the columns
 * that hold numbers or dates, it holds numbers or dates too. A header of words above
 * numbers is the usual case, so without such columns we assume a header.
 */
export function findHeaderRow(rows: readonly string[][], forced?: boolean): number | null {
  if (rows.length === 0) return forced === false ? null : 0;
  if (forced === true) return 0;
  if (forced === false) return null;
  for (let index = 0; index < Math.min(rows.length, MAX_PREAMBLE_ROWS); index++) {
    const cells = rows[index].filter((cell) => cell.trim() !== '');
    const known = cells.filter(isKnownHeader).length;
    if (known >= 2) return index;
    if (known === 1 && (cells.length >= 2 || rows[index].length === 1)) {
      // One match may be a data value such as the job title "Manager" in a headerless dump.
      if (index === 0 && firstRowLooksLikeData(rows)) return null;
      return index;
    }
  }
  return firstRowLooksLikeData(rows) ? null : 0;
}

function firstRowLooksLikeData(rows: readonly string[][]): boolean {
  const below = rows.slice(1);
  if (below.length === 0) return false;
  const width = Math.max(...rows.map((row) => row.length));
  let informative = 0;
  let alike = 0;
  for (let column = 0; column < width; column++) {
    const counts = new Map<CellKind, number>();
    for (const row of below) {
      const kind = cellKind(row[column] ?? '');
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const [majority, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if ((majority !== 'number' && majority !== 'date') || count < below.length / 2) continue;
    informative++;
    if (cellKind(rows[0][column] ?? '') === majority) alike++;
  }
  return informative > 0 && alike / informative >= 0.5;
}
