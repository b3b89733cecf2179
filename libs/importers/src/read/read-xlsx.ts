import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { ByteSource } from './byte-source';
import type { ProgressTracker } from './progress';
import { ReadError } from './read-error';
import type { ReadBudget } from './read-limits';
import { TableAssembler, type TableSink } from './table';
import { type WorkbookInspection, inspectWorkbook } from './xlsx-archive';

/** exceljs is loaded by the first workbook read: CSV imports (and the CLI's start) do without its ~1,000 modules. */
function excel(): typeof ExcelJS {
  return require('exceljs') as typeof ExcelJS;
}

/**
 * Workbooks larger than this are streamed row by row instead of loaded whole: a 100k-row
 * HRIS export would otherwise hold every cell object in memory at once. Merged-cell
 * information sits after the rows in the sheet's XML, so streamed workbooks are read as
 * the flat tables such exports are; two-row merged headers are recognised in smaller ones.
 */
export const XLSX_STREAMING_THRESHOLD_BYTES = 1024 * 1024;

/**
 * Loaded whole only when small unpacked too: a small file can hold a large sheet, and a whole
 * load keeps an object for every cell stored.
 */
const WHOLE_LOAD_MAX_SHEET_XML_BYTES = 16 * 1024 * 1024;
const WHOLE_LOAD_MAX_CELLS = 250_000;

/**
 * Reads the first (or the named) worksheet. Row numbers are Excel's. Merged cells read
 * as their top-left value, so a department merged down several rows fills every row,
 * and a header spread over two rows ("Employee" merged across B1:C1 above "ID" and
 * "Name") becomes "Employee ID", "Employee Name". A table is as wide as its last column
 * holding a value: empty cells styled out to column XFD count for nothing.
 */
export async function readXlsx(
  source: ByteSource,
  sink: TableSink,
  progress: ProgressTracker,
  budget: ReadBudget,
  options: { sheet?: string; hasHeader?: boolean; streamXlsx?: boolean },
): Promise<void> {
  const inspection = await inspectWorkbook(await source.readAll(), source.fileName, budget.limits);
  const small =
    source.totalBytes <= XLSX_STREAMING_THRESHOLD_BYTES &&
    inspection.worksheets.reduce((sum, sheet) => sum + sheet.xmlBytes, 0) <= WHOLE_LOAD_MAX_SHEET_XML_BYTES &&
    inspection.cells <= WHOLE_LOAD_MAX_CELLS;
  if (options.streamXlsx ?? !small) {
    await readXlsxStreaming(source, inspection, sink, progress, budget, options);
    return;
  }
  const workbook = new (excel().Workbook)();
  try {
    await workbook.xlsx.load(inspection.archive as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReadError(
      'UNREADABLE_FILE',
      `${source.fileName} could not be opened as an Excel workbook: ${(error as Error).message}`,
    );
  }
  progress.addBytes(source.totalBytes);
  const worksheet = pickWorksheet(workbook, options.sheet, source.fileName);

  const rowNumbers: number[] = [];
  let width = 0;
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const rowWidth = valueWidth(row);
    budget.admit(row.number, rowWidth, columnLetters);
    rowNumbers.push(row.number);
    width = Math.max(width, rowWidth);
  });

  const twoRowHeader =
    rowNumbers.length > 1 && options.hasHeader !== false && hasHorizontalMergeIn(worksheet, rowNumbers[0], width);
  const assembler = new TableAssembler(sink, twoRowHeader ? true : options.hasHeader);
  let start = 0;
  if (twoRowHeader) {
    const top = rowNumbers[0];
    assembler.push(top + 1, combinedHeader(worksheet, top, width));
    start = rowNumbers[1] === top + 1 ? 2 : 1;
  }
  for (const rowNumber of rowNumbers.slice(start)) {
    const row = worksheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column)));
    progress.addRow();
    assembler.push(rowNumber, cells);
  }
  assembler.finish();
  progress.finish();
}

/** The streamed path: one pass over the chosen sheet, rows handed on as they are parsed. */
async function readXlsxStreaming(
  source: ByteSource,
  inspection: WorkbookInspection,
  sink: TableSink,
  progress: ProgressTracker,
  budget: ReadBudget,
  options: { sheet?: string; hasHeader?: boolean },
): Promise<void> {
  const input = Readable.from(chunksOf(inspection.archive));
  // Progress in the file's own bytes: the rebuilt archive is a little smaller or larger.
  const scale = source.totalBytes / Math.max(1, inspection.archive.length);
  input.on('data', (chunk: Buffer) => progress.addBytes(Math.round(chunk.length * scale)));
  const reader = new (excel().stream.xlsx.WorkbookReader)(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const assembler = new TableAssembler(sink, options.hasHeader);
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      const wanted =
        options.sheet === undefined
          ? !found
          : name === options.sheet || name.toLowerCase() === options.sheet.trim().toLowerCase();
      if (!wanted || found) {
        // Sheets must be drained for the reader to reach the next one.
        for await (const _row of worksheet) void _row;
        continue;
      }
      found = true;
      let width = 0;
      for await (const row of worksheet) {
        const rowWidth = valueWidth(row);
        budget.admit(row.number, rowWidth, columnLetters);
        width = Math.max(width, rowWidth);
        const cells: string[] = [];
        for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column)));
        progress.addRow();
        assembler.push(row.number, cells);
      }
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(
      'UNREADABLE_FILE',
      `${source.fileName} could not be opened as an Excel workbook: ${(error as Error).message}`,
    );
  }
  if (!found) {
    if (options.sheet === undefined) throw new ReadError('EMPTY_FILE', `${source.fileName} has no worksheets.`);
    const names = seen.map((candidate) => `"${candidate}"`).join(', ');
    throw new ReadError(
      'SHEET_NOT_FOUND',
      `${source.fileName} has no sheet "${options.sheet}"; its sheets are ${names || 'none'}.`,
    );
  }
  assembler.finish();
  progress.finish();
}

function* chunksOf(data: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < data.length; offset += 64 * 1024) yield data.subarray(offset, offset + 64 * 1024);
}

/** The column of the row's last cell holding a value (merged cells read their master's). */
function valueWidth(row: ExcelJS.Row): number {
  let last = 0;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (column > last && cellText(cell) !== '') last = column;
  });
  return last;
}

/** A 0-based column as Excel names it: 0 → "Column A", 16383 → "Column XFD". */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return `Column ${letters}`;
}

function pickWorksheet(workbook: ExcelJS.Workbook, sheet: string | undefined, fileName: string): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (sheet === undefined) {
    if (sheets.length === 0) throw new ReadError('EMPTY_FILE', `${fileName} has no worksheets.`);
    return sheets[0];
  }
  const found =
    sheets.find((candidate) => candidate.name === sheet) ??
    sheets.find((candidate) => candidate.name.toLowerCase() === sheet.trim().toLowerCase());
  if (!found) {
    const names = sheets.map((candidate) => `"${candidate.name}"`).join(', ');
    throw new ReadError('SHEET_NOT_FOUND', `${fileName} has no sheet "${sheet}"; its sheets are ${names || 'none'}.`);
  }
  return found;
}

function hasHorizontalMergeIn(worksheet: ExcelJS.Worksheet, rowNumber: number, width: number): boolean {
  const row = worksheet.getRow(rowNumber);
  for (let column = 1; column <= width; column++) {
    const cell = row.getCell(column);
    if (cell.isMerged && Number(cell.master.row) === rowNumber && Number(cell.master.col) !== column) return true;
  }
  return false;
}

/** Joins the two header rows per column; a cell merged down both rows counts once. */
function combinedHeader(worksheet: ExcelJS.Worksheet, top: number, width: number): string[] {
  const upper = worksheet.getRow(top);
  const lower = worksheet.getRow(top + 1);
  const headers: string[] = [];
  for (let column = 1; column <= width; column++) {
    const above = cellText(upper.getCell(column)).trim();
    const belowCell = lower.getCell(column);
    const mergedFromAbove = belowCell.isMerged && Number(belowCell.master.row) === top;
    const below = mergedFromAbove ? '' : cellText(belowCell).trim();
    headers.push([above, below].filter((part) => part !== '').join(' '));
  }
  return headers;
}

export function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged ? cell.master : cell;
  return valueText(source.value, source.numFmt);
}

function valueText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number') {
    // A percent-formatted 0.25 is what the user typed as 25%.
    if (numFmt && numFmt.includes('%')) return `${roundTo(value * 100, 10)}%`;
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return valueText((value.result ?? null) as ExcelJS.CellValue, numFmt);
    if ('formula' in value || 'sharedFormula' in value) return '';
    if ('text' in value && 'hyperlink' in value)
      return typeof value.text === 'string' ? value.text : valueText(value.text as ExcelJS.CellValue, numFmt);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** Excel stores dates without a zone; exceljs returns them as UTC midnight. */
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function roundTo(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
