import iconv from 'iconv-lite';
import type { IssueCollector } from '../issues/issue-collector';
import type { TextEncodingName } from '../types';
import type { ByteSource } from './byte-source';
import { ICONV_NAMES, detectEncoding } from './detect-encoding';
import type { ProgressTracker } from './progress';
import { ReadError } from './read-error';
import { type ReadBudget, count } from './read-limits';
import { uniqueHeaders, type TableSink } from './table';

/** Keys holding sub-trees; everything else is a column. */
const CHILDREN_KEYS = ['children', '_children', 'subordinates', 'directReports'];

type JsonObject = Record<string, unknown>;

interface PendingItem {
  item: unknown;
  parentRow: number | null;
}

/**
 * Reads an array of objects, an object with one array property ({"employees": […]}), or
 * a tree whose objects carry `children` arrays. Trees are flattened in document order
 * (iteratively, so depth is unlimited) and each object's parent row is kept so the
 * caller can use the parent as manager. Row number = 1-based item in document order.
 */
export async function readJson(
  source: ByteSource,
  sink: TableSink,
  issues: IssueCollector,
  progress: ProgressTracker,
  budget: ReadBudget,
): Promise<{ encoding: TextEncodingName }> {
  const encoding = await detectEncoding(source);
  const text = iconv.decode(await source.readAll(), ICONV_NAMES[encoding]);
  progress.addBytes(source.totalBytes);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ReadError('BAD_JSON', `${source.fileName} is not valid JSON: ${describeJsonError(error as Error, text)}`);
  }
  const topLevel = topLevelItems(document, source.fileName);

  // Pass 1 collects the column names (the union of every object's keys, first seen first).
  const headerSet = new Map<string, true>();
  let hasTree = false;
  const { maxColumns } = budget.limits;
  walk(topLevel, (item, rowNumber, parentRow) => {
    if (parentRow !== null) hasTree = true;
    const keys = isObject(item) ? flatKeys(item) : [];
    budget.admit(rowNumber, keys.length);
    for (const key of keys) headerSet.set(key, true);
    // Every row gets a cell per key of any item, so the union is what must stay small.
    if (headerSet.size > maxColumns) {
      throw new ReadError(
        'TOO_MANY_COLUMNS',
        `${source.fileName}: its items have more than ${count(maxColumns)} different keys (item ${rowNumber} brings the count past it); rolemap reads at most ${count(maxColumns)} columns.`,
        { row: rowNumber },
      );
    }
  });
  const headers = uniqueHeaders([...headerSet.keys()], headerSet.size);
  const columnOf = new Map([...headerSet.keys()].map((key, index) => [key, index]));
  sink.begin({ headers, hasHeader: true, headerRowNumber: null, skippedRowNumbers: [], firstDataCells: null, hasTree });

  // Pass 2 emits rows.
  walk(topLevel, (item, rowNumber, parentRow) => {
    progress.addRow();
    if (!isObject(item)) {
      issues.error(
        'BAD_JSON_ITEM',
        { row: rowNumber, value: shortJson(item) },
        `Item ${rowNumber} is not an object, so it cannot be a person; remove it or wrap it in {…}.`,
      );
      return;
    }
    const cells = new Array<string>(headers.length).fill('');
    for (const [key, value] of flatEntries(item)) cells[columnOf.get(key) as number] = value;
    sink.row({ rowNumber, cells, parentRowNumber: parentRow });
  });
  progress.finish();
  return { encoding };
}

function topLevelItems(document: unknown, fileName: string): unknown[] {
  if (Array.isArray(document)) return document;
  if (isObject(document)) {
    if (CHILDREN_KEYS.some((key) => Array.isArray(document[key]))) return [document];
    const arrays = Object.entries(document).filter(([, value]) => Array.isArray(value));
    const ofObjects = arrays.filter(([, value]) => (value as unknown[]).some(isObject));
    if (arrays.length === 1) return arrays[0][1] as unknown[];
    if (ofObjects.length === 1) return ofObjects[0][1] as unknown[];
    const names = arrays.map(([key]) => `"${key}"`).join(', ');
    throw new ReadError(
      'BAD_JSON',
      arrays.length === 0
        ? `${fileName} holds a single object without a list of people; expected an array of objects, {"employees": […]} or a tree with "children".`
        : `${fileName} has several lists (${names}); keep only the list of people.`,
    );
  }
  throw new ReadError('BAD_JSON', `${fileName} holds a ${typeof document}, not a list of people.`);
}

/** Pre-order walk with an explicit stack: 100k-deep trees must not overflow the call stack. */
function walk(items: unknown[], visit: (item: unknown, rowNumber: number, parentRow: number | null) => void): void {
  const stack: PendingItem[] = [];
  for (let index = items.length - 1; index >= 0; index--) stack.push({ item: items[index], parentRow: null });
  let rowNumber = 0;
  while (stack.length > 0) {
    const { item, parentRow } = stack.pop() as PendingItem;
    rowNumber++;
    visit(item, rowNumber, parentRow);
    if (!isObject(item)) continue;
    const children = childrenOf(item);
    for (let index = children.length - 1; index >= 0; index--) stack.push({ item: children[index], parentRow: rowNumber });
  }
}

function childrenOf(item: JsonObject): unknown[] {
  for (const key of CHILDREN_KEYS) if (Array.isArray(item[key])) return item[key] as unknown[];
  return [];
}

function flatKeys(item: JsonObject): string[] {
  return flatEntries(item).map(([key]) => key);
}

/** Nested objects become dotted columns ("manager.id"); lists of values are joined. */
function flatEntries(item: JsonObject, prefix = ''): [string, string][] {
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(item)) {
    if (prefix === '' && CHILDREN_KEYS.includes(key) && Array.isArray(value)) continue;
    const column = prefix + key;
    if (isObject(value)) entries.push(...flatEntries(value, `${column}.`));
    else entries.push([column, scalarText(value)]);
  }
  return entries;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((part) => (isObject(part) ? JSON.stringify(part) : scalarText(part))).join(', ');
  return String(value);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Turns "at position 123" into a line and column the user can find. */
function describeJsonError(error: Error, text: string): string {
  const position = /position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${error.message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}
