import { spreadsheetSafe } from '@rolemap/reports';
import ExcelJS from 'exceljs';
import type { DictionaryEntry } from '../dictionary-entry';
import type { DictionaryFileFormat } from './dictionary-formats';

/** The columns of an exported dictionary; readDictionaryFile reads them back. */
export const DICTIONARY_FILE_HEADERS = ['id', 'parent_id', 'label', 'description', 'level'] as const;

function cellsOf(entry: DictionaryEntry): string[] {
  return [entry.key, entry.parentKey ?? '', entry.label, entry.description ?? '', entry.valueLevel ?? ''].map(
    (value) => spreadsheetSafe(value) as string,
  );
}

/** RFC 4180 CSV with CRLF line ends and a byte-order mark (so Excel reads it as UTF-8). */
export function dictionaryCsv(entries: readonly DictionaryEntry[]): string {
  const lines = [DICTIONARY_FILE_HEADERS.join(','), ...entries.map((entry) => cellsOf(entry).map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One sheet, header frozen, ready to edit and import again. */
export async function dictionaryXlsx(entries: readonly DictionaryEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dictionary', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'id', width: 14 },
    { header: 'parent_id', width: 12 },
    { header: 'label', width: 60 },
    { header: 'description', width: 60 },
    { header: 'level', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) sheet.addRow(cellsOf(entry));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeDictionaryFile(entries: readonly DictionaryEntry[], format: DictionaryFileFormat): Promise<Buffer> {
  return format === 'csv' ? Buffer.from(dictionaryCsv(entries), 'utf8') : dictionaryXlsx(entries);
}
