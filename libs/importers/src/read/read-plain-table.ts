import type { ImportIssue } from '@rolemap/domain';
import { normalizeHeader } from '../detect/normalize-header';
import { IssueCollector } from '../issues/issue-collector';
import type { FileFormat, ImportInput } from '../types';
import type { ReadLimits } from './read-limits';
import { readTable } from './read-table';
import type { TableRow } from './table';

export interface PlainTable {
  format: FileFormat | null;
  /** The header row's cells (unique, "Column N" where empty). */
  headers: string[];
  /** Data rows below the header, numbered as a spreadsheet numbers them; blank rows skipped. */
  rows: TableRow[];
  /** File-level problems (unreadable, unsupported, a reading limit passed): `rows` is then empty. */
  errors: ImportIssue[];
}

export interface PlainTableOptions {
  sheet?: string;
  limits?: Partial<ReadLimits>;
}

/**
 * A CSV or XLSX file with a header in its first row, read with the same guards as the org chart
 * imports (encodings, delimiters, NUL bytes, reading limits, hostile workbooks), for files
 * whose columns the caller interprets itself (the activity dictionary).
 */
export async function readPlainTable(input: ImportInput, options: PlainTableOptions = {}): Promise<PlainTable> {
  const issues = new IssueCollector(input.fileName);
  let headers: string[] = [];
  const rows: TableRow[] = [];
  const summary = await readTable(
    input,
    { ...options, hasHeader: true },
    {
      begin: (info) => {
        headers = info.headers;
      },
      row: (row) => {
        rows.push(row);
      },
    },
    issues,
  );
  if (summary?.format === 'json') {
    issues.error('UNSUPPORTED_FORMAT', {}, `${input.fileName}: give a CSV or XLSX file here, not JSON.`);
  }
  const failed = issues.errors.length > 0;
  return { format: summary?.format ?? null, headers, rows: failed ? [] : rows, errors: issues.errors };
}

/** The column whose header is one of `names` (compared without case, spaces or punctuation), or null. */
export function columnNamed(headers: readonly string[], names: readonly string[]): number | null {
  const wanted = new Set(names.map(normalizeHeader));
  const index = headers.findIndex((header) => wanted.has(normalizeHeader(header)));
  return index < 0 ? null : index;
}
