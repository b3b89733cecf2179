import { findHeaderRow } from '../detect/header-row';

export interface TableInfo {
  /** Unique, non-empty column names: the file's headers, or "Column 1…N" without a header. */
  headers: string[];
  hasHeader: boolean;
  /** Spreadsheet row of the header (the last one for a two-row header); null without a header. */
  headerRowNumber: number | null;
  /** Non-blank rows above the header (a title or preamble), skipped. */
  skippedRowNumbers: number[];
  /** First data row, to show the user when asking for a mapping of a headerless file. */
  firstDataCells: string[] | null;
  /** JSON with nested "children": rows carry their parent's row. */
  hasTree: boolean;
}

export interface TableRow {
  /** Row as the user sees it: spreadsheet row, or 1-based item for JSON. */
  rowNumber: number;
  cells: string[];
  /** JSON trees: the row of the parent object, which is the manager. */
  parentRowNumber: number | null;
}

/** Receives a table as it is read, so rows never pile up in memory. */
export interface TableSink {
  begin(info: TableInfo): void;
  row(row: TableRow): void;
}

/** Rows looked at before deciding where the header is. */
const SAMPLE_ROWS = 25;

/**
 * Turns a stream of raw rows into header + data rows: skips blank rows, buffers the
 * first few to find the header (or decide there is none), then passes rows through.
 */
export class TableAssembler {
  private readonly sample: TableRow[] = [];
  private started = false;

  constructor(
    private readonly sink: TableSink,
    private readonly forcedHasHeader?: boolean,
  ) {}

  push(rowNumber: number, cells: string[]): void {
    if (cells.every((cell) => cell.trim() === '')) return;
    const row: TableRow = { rowNumber, cells, parentRowNumber: null };
    if (this.started) {
      this.sink.row(row);
      return;
    }
    this.sample.push(row);
    if (this.sample.length >= SAMPLE_ROWS) this.start();
  }

  finish(): void {
    if (!this.started) this.start();
  }

  private start(): void {
    this.started = true;
    const headerIndex = findHeaderRow(
      this.sample.map((row) => row.cells),
      this.forcedHasHeader,
    );
    const dataRows = headerIndex === null ? this.sample : this.sample.slice(headerIndex + 1);
    const width = Math.max(0, ...this.sample.map((row) => row.cells.length));
    const headerCells = headerIndex === null ? [] : this.sample[headerIndex].cells;
    this.sink.begin({
      headers: uniqueHeaders(headerCells, width),
      hasHeader: headerIndex !== null,
      headerRowNumber: headerIndex === null ? null : this.sample[headerIndex].rowNumber,
      skippedRowNumbers: headerIndex === null ? [] : this.sample.slice(0, headerIndex).map((row) => row.rowNumber),
      firstDataCells: dataRows[0]?.cells ?? null,
      hasTree: false,
    });
    for (const row of dataRows) this.sink.row(row);
    this.sample.length = 0;
  }
}

/** Empty headers become "Column N"; repeated ones get " (2)", " (3)" so each column has its own name. */
export function uniqueHeaders(cells: readonly string[], width: number): string[] {
  const seen = new Map<string, number>();
  const headers: string[] = [];
  for (let index = 0; index < Math.max(width, cells.length); index++) {
    const base = (cells[index] ?? '').trim() || `Column ${index + 1}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    headers.push(count === 1 ? base : `${base} (${count})`);
  }
  return headers;
}
