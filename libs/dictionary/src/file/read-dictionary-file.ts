import { type ImportInput, type ReadLimits, columnNamed, readPlainTable } from '@rolemap/importers';
import {
  type BuildDictionaryOptions,
  type BuiltDictionary,
  DICTIONARY_FIELDS,
  type DictionaryField,
  type DictionaryRow,
  buildDictionary,
} from '../validate/build-dictionary';

/** Headers read as each column (compared without case, spaces or punctuation). */
export const DICTIONARY_HEADERS: Readonly<Record<DictionaryField, readonly string[]>> = {
  id: ['id', 'code', 'key', 'activity id', 'entry id'],
  parent_id: ['parent id', 'parent', 'parent code', 'parent key'],
  label: ['label', 'name', 'title', 'activity'],
  description: ['description', 'details', 'notes'],
  level: ['level', 'value level'],
};
const REQUIRED: readonly DictionaryField[] = ['id', 'parent_id', 'label'];

export interface ReadDictionaryOptions extends Pick<BuildDictionaryOptions, 'suggestLevel'> {
  limits?: Partial<ReadLimits>;
}

export interface DictionaryFile extends BuiltDictionary {
  /** Data rows read. */
  rowCount: number;
}

/**
 * Reads an activity dictionary from CSV or XLSX (columns id, parent id, label, description, level,
 * found by header) and validates it whole (see buildDictionary): errors name the row, column and value.
 */
export async function readDictionaryFile(input: ImportInput, options: ReadDictionaryOptions = {}): Promise<DictionaryFile> {
  const table = await readPlainTable(input, { limits: options.limits });
  if (table.errors.length > 0) return { entries: [], errors: table.errors, warnings: [], rowCount: 0 };
  const columnOf = {} as Record<DictionaryField, number | null>;
  for (const field of DICTIONARY_FIELDS) columnOf[field] = columnNamed(table.headers, DICTIONARY_HEADERS[field]);
  const missing = REQUIRED.filter((field) => columnOf[field] === null);
  if (missing.length > 0) {
    return {
      entries: [],
      errors: missing.map((field) => ({
        file: input.fileName,
        row: null,
        column: null,
        value: null,
        code: 'MISSING_COLUMN',
        message: `No "${field}" column: give a header row with ${DICTIONARY_FIELDS.join(', ')} (found ${table.headers.map((header) => `"${header}"`).join(', ') || 'no header'}).`,
      })),
      warnings: [],
      rowCount: table.rows.length,
    };
  }
  const cell = (cells: readonly string[], field: DictionaryField) => {
    const column = columnOf[field];
    return column === null ? '' : plainText(cells[column] ?? '');
  };
  const rows: DictionaryRow[] = table.rows.map(({ rowNumber, cells }) => ({
    rowNumber,
    id: cell(cells, 'id'),
    parentId: cell(cells, 'parent_id'),
    label: cell(cells, 'label'),
    description: cell(cells, 'description'),
    level: cell(cells, 'level'),
  }));
  const columns: Partial<Record<DictionaryField, string>> = {};
  for (const field of DICTIONARY_FIELDS) {
    const column = columnOf[field];
    if (column !== null) columns[field] = table.headers[column];
  }
  const built = buildDictionary(rows, { file: input.fileName, columns, suggestLevel: options.suggestLevel });
  return { ...built, rowCount: rows.length };
}

/**
 * Trimmed cell text. Exports put an apostrophe before text a spreadsheet would run as a formula
 * (`'=SUM…`); reading it back drops that apostrophe, so an export re-imports unchanged.
 */
export function plainText(raw: string): string {
  const text = raw.trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}
