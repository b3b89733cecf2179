import type { RowLabel } from '../issues/issue-collector';
import { ReadError } from './read-error';

/**
 * How much of a file is read before it is refused. Generous for any org chart (a 100k-person
 * HRIS export has ~20 columns, its responsibilities ~320k rows), small enough that no file, however
 * built, can take a worker's memory or more than a few seconds: a one-row CSV of a million columns,
 * a stray cell in column XFD, a compressed workbook that unpacks to gigabytes.
 */
export interface ReadLimits {
  /** Rows per file (per worksheet), blank ones included. */
  maxRows: number;
  /** Columns per row: the cells of a CSV row; the last column holding a value in a worksheet. */
  maxColumns: number;
  /** Cells per file: CSV fields, XLSX cells as stored (empty styled ones too), JSON values. */
  maxCells: number;
  /** Characters in one CSV row (quoted line breaks included). */
  maxRowCharacters: number;
  /** Unpacked size of one worksheet's XML. */
  maxSheetXmlBytes: number;
  /** Unpacked size of the workbook's shared-strings table. */
  maxSharedStringsBytes: number;
  /** Unpacked size of any other part of a workbook (styles, drawings, images). */
  maxWorkbookPartBytes: number;
  /** Unpacked size of the whole workbook. */
  maxWorkbookBytes: number;
  /**
   * Largest expansion of a workbook part over 1 MB unpacked. Spreadsheet XML packs 5-30 times;
   * zip bombs a thousand (the bound Apache POI has long used for the same check).
   */
  maxCompressionRatio: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxRows: 2_000_000,
  maxColumns: 1_000,
  maxCells: 20_000_000,
  maxRowCharacters: 1024 * 1024,
  maxSheetXmlBytes: 256 * 1024 * 1024,
  maxSharedStringsBytes: 128 * 1024 * 1024,
  maxWorkbookPartBytes: 64 * 1024 * 1024,
  maxWorkbookBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 100,
});

export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...overrides };
}

/** Counts rows and cells as a reader produces them and stops the read at the first limit passed. */
export class ReadBudget {
  private rows = 0;
  private cells = 0;

  constructor(
    private readonly fileName: string,
    readonly limits: ReadLimits,
    private readonly label: RowLabel = 'row',
  ) {}

  /**
   * One row read. `width` is its number of cells; `columnName` names a column for the message
   * (XLSX letters; "Column 1001" otherwise).
   */
  admit(rowNumber: number, width: number, columnName: (index: number) => string = defaultColumnName): void {
    const { maxRows, maxColumns, maxCells } = this.limits;
    if (++this.rows > maxRows) {
      throw new ReadError(
        'TOO_MANY_ROWS',
        `${this.fileName} has more than ${count(maxRows)} ${this.label}s; split it into smaller files.`,
        { row: rowNumber },
      );
    }
    if (width > maxColumns) {
      throw new ReadError(
        'TOO_MANY_COLUMNS',
        `${this.fileName}, ${this.label} ${rowNumber}, has ${count(width)} columns (a value in ${columnName(width - 1)}); ` +
          `rolemap reads at most ${count(maxColumns)}. Remove the columns it does not need, or anything typed far to the right.`,
        { row: rowNumber, column: columnName(width - 1) },
      );
    }
    this.cells += width;
    if (this.cells > maxCells) {
      throw new ReadError(
        'TOO_MANY_CELLS',
        `${this.fileName} has more than ${count(maxCells)} cells (reached at ${this.label} ${rowNumber}); split it into smaller files.`,
        { row: rowNumber },
      );
    }
  }
}

export function defaultColumnName(index: number): string {
  return `Column ${index + 1}`;
}

export function count(value: number): string {
  return value.toLocaleString('en');
}
