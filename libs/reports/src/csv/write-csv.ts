import type { Writable } from 'node:stream';
import type { Report } from '../model/report-types';
import type { WriteReportOptions } from '../write-report-options';
import { type CellValue, type ReportTable, reportTables } from '../tables/report-tables';
import { spreadsheetSafe } from '../tables/spreadsheet-safe';
import { TextOutput } from '../output/text-output';

/** Excel only reads a CSV as UTF-8 when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One table as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or
 * line break), UTF-8 with a BOM. CSV holds one table: the report's main one unless
 * `options.csvTable` names another (see reportTables for the names).
 */
export async function writeCsv(report: Report, out: Writable, options: WriteReportOptions = {}): Promise<void> {
  const table = chooseTable(reportTables(report), options.csvTable);
  const output = new TextOutput(out);
  await output.write(UTF8_BOM + csvLine(table.columns.map((column) => column.header)));
  let done = 0;
  for (const row of table.rows()) {
    await output.write(csvLine(row));
    options.onProgress?.(++done, table.rowCount);
  }
  await output.end();
}

export function chooseTable(tables: ReportTable[], name: string | undefined): ReportTable {
  if (name === undefined) return tables[0];
  const found = tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  if (!found) throw new Error(`This report has no table "${name}"; it has ${tables.map((table) => table.name).join(', ')}.`);
  return found;
}

export function csvLine(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = String(spreadsheetSafe(value));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
