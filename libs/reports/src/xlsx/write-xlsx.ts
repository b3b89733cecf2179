import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { Report } from '../model/report-types';
import { waitForDrain } from '../output/text-output';
import { type CellValue, type ColumnType, reportTables } from '../tables/report-tables';
import { spreadsheetSafe } from '../tables/spreadsheet-safe';
import type { WriteReportOptions } from '../write-report-options';

const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '0.00',
  percent: '0%',
  date: 'yyyy-mm-dd',
};
const HEADER_FILL = 'FF1F3B57';
const HEADER_FONT = 'FFFFFFFF';
/** Rows written between checks of the output stream's backpressure. */
const ROWS_PER_DRAIN_CHECK = 200;

/**
 * One sheet per table, written with exceljs's streaming WorkbookWriter: each row is committed
 * (serialised and let go) as soon as it is added, so memory stays flat however many roles the
 * report has. Header row frozen and bold, autofilter over the data, widths per column.
 */
export async function writeXlsx(report: Report, out: Writable, options: WriteReportOptions = {}): Promise<void> {
  const tables = reportTables(report);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'rolemap';
  workbook.title = `${report.header.title}: ${report.header.organizationName}`;
  // Fixed, so the same report gives the same file (and tests need no clock).
  workbook.created = new Date(`${report.header.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;

  const total = tables.reduce((sum, table) => sum + table.rowCount, 0);
  let done = 0;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    sheet.columns = table.columns.map((column) => ({ width: column.width }));
    const header = sheet.addRow(table.columns.map((column) => column.header));
    header.font = { bold: true, color: { argb: HEADER_FONT } };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.commit();

    let rowNumber = 1;
    for (const values of table.rows()) {
      const row = sheet.addRow(values.map((value, i) => cellValue(value, table.columns[i]?.type ?? 'text')));
      table.columns.forEach((column, i) => {
        const format = NUMBER_FORMATS[column.type];
        if (format) row.getCell(i + 1).numFmt = format;
        else if (column.width >= 40) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
      });
      row.commit();
      rowNumber++;
      options.onProgress?.(++done, total);
      if (rowNumber % ROWS_PER_DRAIN_CHECK === 0 && out.writableNeedDrain) await waitForDrain(out);
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rowNumber, column: table.columns.length } };
    sheet.commit();
  }
  await workbook.commit();
  await finished(out);
}

/** Typed cell: numbers as numbers, percents as fractions, dates as dates, text made formula-safe. */
export function cellValue(value: CellValue, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return type === 'percent' ? value / 100 : value;
  }
  if (type === 'date') {
    const parsed = parseIsoDate(value);
    if (parsed) return parsed;
  }
  return spreadsheetSafe(value);
}

/** `YYYY-MM-DD` as UTC midnight (what Excel's date serials mean), or a full ISO timestamp. */
function parseIsoDate(value: string): Date | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
