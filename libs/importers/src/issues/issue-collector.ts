import type { ImportIssue } from '@rolemap/domain';
import { type FixHint, type HintStyle, fixHint, mapColumnHint } from './fix-hints';

/** JSON files have items, not rows; messages say which so the user looks in the right place. */
export type RowLabel = 'row' | 'item';

export interface IssueLocation {
  row?: number | null;
  column?: string | null;
  value?: string | null;
  /** Every row concerned when there are several (kept whole; messages list only the first ones). */
  rows?: readonly number[];
}

/** Most rows listed in one message; the rest are counted, so a 10k-root file gives a readable error. */
export const MAX_LISTED_ROWS = 20;

/** Collects every problem of one file; validation never stops at the first. */
export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  rowLabel: RowLabel = 'row';

  constructor(
    readonly file: string,
    /** Whether fixes are worded for the command line or for the web wizard. */
    readonly hints: HintStyle = 'cli',
  ) {}

  /** How to apply a fix, in the words of the surface the file came through. */
  fix(hint: FixHint): string {
    return fixHint(hint, this.hints);
  }

  mapColumn(field: string, headerless = false, what = 'it'): string {
    return mapColumnHint(this.hints, field, headerless, what);
  }

  error(code: string, location: IssueLocation, message: string): void {
    this.errors.push(this.issue(code, location, message));
  }

  warning(code: string, location: IssueLocation, message: string): void {
    this.warnings.push(this.issue(code, location, message));
  }

  /** "row 4" or "item 4". */
  at(row: number): string {
    return `${this.rowLabel} ${row}`;
  }

  /** "rows 4 and 9", "rows 1, 2, 3 and 5 more". */
  atRows(rows: readonly number[]): string {
    const plural = `${this.rowLabel}s`;
    if (rows.length === 1) return this.at(rows[0]);
    const listed = rows.slice(0, MAX_LISTED_ROWS);
    const rest = rows.length - listed.length;
    if (rest > 0) return `${plural} ${listed.join(', ')} and ${rest} more`;
    return `${plural} ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
  }

  private issue(code: string, location: IssueLocation, message: string): ImportIssue {
    return {
      file: this.file,
      row: location.row ?? null,
      column: location.column ?? null,
      value: location.value ?? null,
      message,
      code,
      ...(location.rows && location.rows.length > 0 ? { rows: [...location.rows] } : {}),
    };
  }
}

/** One line for logs and the CLI: `org.csv, row 4, column "Manager_ID", value "B7": …`. */
export function formatIssue(issue: ImportIssue): string {
  const parts = [issue.file];
  const label = /\.json$/i.test(issue.file) ? 'item' : 'row';
  if (issue.row !== null) parts.push(`${label} ${issue.row}`);
  if (issue.column !== null) parts.push(`column "${issue.column}"`);
  if (issue.value !== null) parts.push(`value "${issue.value}"`);
  return `${parts.join(', ')}: [${issue.code}] ${issue.message}`;
}
