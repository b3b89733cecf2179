import { type ImportIssue, VALUE_LEVELS, type ValueLevel, parseValueLevel } from '@rolemap/domain';
import { DICTIONARY_LIMITS, type DictionaryEntry, kindAtDepth } from '../dictionary-entry';

/** The columns of a dictionary file, by their canonical names. */
export const DICTIONARY_FIELDS = ['id', 'parent_id', 'label', 'description', 'level'] as const;
export type DictionaryField = (typeof DICTIONARY_FIELDS)[number];

/** One row as read from a file (or built from an edit), every value as text. */
export interface DictionaryRow {
  /** The row as a spreadsheet numbers it; null for rows that came from no file (an edit). */
  rowNumber: number | null;
  id: string;
  parentId: string;
  label: string;
  description: string;
  level: string;
}

export interface BuildDictionaryOptions {
  /** File name used in the issues (or "dictionary" for an edit). */
  file: string;
  /** The header each field was read from, for the issues' column names; the canonical name otherwise. */
  columns?: Partial<Record<DictionaryField, string>>;
  /**
   * The level for an activity whose level is empty (the classifier's suggestion), or null when it
   * cannot suggest one; without it an empty level is an error.
   */
  suggestLevel?: (text: string) => ValueLevel | null;
}

export interface BuiltDictionary {
  /** In tree order: each function, then each of its processes followed by that process's activities. Empty when there are errors. */
  entries: DictionaryEntry[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** Most rows named in one message; the rest are counted. */
const MAX_LISTED_ROWS = 20;

/**
 * Checks a whole dictionary and turns it into a tree: ids present and unique, labels present,
 * every parent known, no cycles, at most three levels (function → process → activity), levels
 * only on activities and readable. Every problem is reported with its row; nothing is returned
 * unless there is none.
 */
export function buildDictionary(rows: readonly DictionaryRow[], options: BuildDictionaryOptions): BuiltDictionary {
  const issues = new Issues(options.file, options.columns ?? {});
  if (rows.length === 0) issues.error('EMPTY_DICTIONARY', null, null, null, 'The dictionary has no entries.');
  if (rows.length > DICTIONARY_LIMITS.entries) {
    issues.error(
      'TOO_MANY_ENTRIES',
      null,
      null,
      null,
      `A dictionary has at most ${DICTIONARY_LIMITS.entries.toLocaleString('en-US')} entries (this one has ${rows.length.toLocaleString('en-US')}).`,
    );
    return issues.result([]);
  }

  const byId = new Map<string, DictionaryRow[]>();
  for (const row of rows) {
    checkTexts(row, issues);
    if (row.id === '') continue;
    const same = byId.get(row.id);
    if (same) same.push(row);
    else byId.set(row.id, [row]);
  }
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    issues.error(
      'DUPLICATE_ID',
      same[1].rowNumber,
      'id',
      id,
      `The id "${id}" is used by ${issues.rows(same.map((row) => row.rowNumber))}; each entry needs its own id.`,
    );
  }

  const parentOf = new Map<string, string>();
  for (const row of rows) {
    if (row.id === '' || row.parentId === '' || byId.get(row.id)?.[0] !== row) continue;
    if (row.parentId === row.id) {
      issues.error('CYCLE', row.rowNumber, 'parent_id', row.parentId, `"${row.id}" is its own parent.`);
    } else if (!byId.has(row.parentId)) {
      issues.error(
        'UNKNOWN_PARENT',
        row.rowNumber,
        'parent_id',
        row.parentId,
        `The parent id "${row.parentId}" is not the id of any entry in the dictionary.`,
      );
    } else {
      parentOf.set(row.id, row.parentId);
    }
  }

  const depthOf = depths(rows, byId, parentOf, issues);
  for (const row of rows) {
    const depth = depthOf.get(row.id);
    if (depth === undefined || byId.get(row.id)?.[0] !== row) continue;
    // Report the first entry too deep; the ones below it follow from it.
    if (kindAtDepth(depth) === null && kindAtDepth(depth - 1) !== null) {
      const path = ancestorsOf(row.id, parentOf).reverse().join(' → ');
      issues.error(
        'TOO_DEEP',
        row.rowNumber,
        'parent_id',
        row.parentId,
        `"${row.id}" sits ${depth + 1} levels deep (${path} → ${row.id}); a dictionary has three levels: function → process → activity, and activities have no children.`,
      );
    }
  }
  const levelOf = levels(rows, depthOf, byId, issues, options.suggestLevel);
  if (issues.errors.length > 0) return issues.result([]);
  return issues.result(treeOrder(rows, parentOf, depthOf, levelOf));
}

function checkTexts(row: DictionaryRow, issues: Issues): void {
  if (row.id === '') issues.error('MISSING_ID', row.rowNumber, 'id', null, 'Every entry needs an id.');
  else if (row.id.length > DICTIONARY_LIMITS.keyLength) {
    issues.error(
      'ID_TOO_LONG',
      row.rowNumber,
      'id',
      shorten(row.id),
      `An id has at most ${DICTIONARY_LIMITS.keyLength} characters.`,
    );
  }
  if (row.label === '') issues.error('EMPTY_LABEL', row.rowNumber, 'label', null, 'Every entry needs a label.');
  else if (row.label.length > DICTIONARY_LIMITS.labelLength) {
    issues.error(
      'LABEL_TOO_LONG',
      row.rowNumber,
      'label',
      shorten(row.label),
      `A label has at most ${DICTIONARY_LIMITS.labelLength} characters (this one has ${row.label.length}).`,
    );
  }
  if (row.description.length > DICTIONARY_LIMITS.descriptionLength) {
    issues.error(
      'DESCRIPTION_TOO_LONG',
      row.rowNumber,
      'description',
      shorten(row.description),
      `A description has at most ${DICTIONARY_LIMITS.descriptionLength.toLocaleString('en-US')} characters (this one has ${row.description.length.toLocaleString('en-US')}).`,
    );
  }
}

/** Depth of every entry whose chain of parents reaches a root (0 for a root); each cycle is reported once. */
function depths(
  rows: readonly DictionaryRow[],
  byId: ReadonlyMap<string, DictionaryRow[]>,
  parentOf: ReadonlyMap<string, string>,
  issues: Issues,
): Map<string, number> {
  const depthOf = new Map<string, number>();
  // Entries in a cycle, or below one or below an unknown parent: they have no depth.
  const unresolved = new Set<string>();
  for (const row of rows) {
    if (row.id === '' || depthOf.has(row.id) || unresolved.has(row.id)) continue;
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current = row.id;
    let depthAbove: number | null;
    for (;;) {
      const known = depthOf.get(current);
      if (known !== undefined) {
        depthAbove = known;
        break;
      }
      if (unresolved.has(current)) {
        depthAbove = null;
        break;
      }
      if (onChain.has(current)) {
        const cycle = chain.slice(chain.indexOf(current));
        const first = byId.get(cycle[0])![0];
        issues.error(
          'CYCLE',
          first.rowNumber,
          'parent_id',
          first.parentId,
          `The parent ids go round in a circle: ${[...cycle, cycle[0]].join(' → ')} (${issues.rows(cycle.map((id) => byId.get(id)![0].rowNumber))}).`,
        );
        depthAbove = null;
        break;
      }
      chain.push(current);
      onChain.add(current);
      const parent = parentOf.get(current);
      if (parent === undefined) {
        // A root (depth 0, so the one "above" it is -1), or an entry whose parent is unknown or itself (reported already).
        depthAbove = byId.get(current)![0].parentId === '' ? -1 : null;
        break;
      }
      current = parent;
    }
    let depth = depthAbove;
    for (let index = chain.length - 1; index >= 0; index--) {
      if (depth === null) unresolved.add(chain[index]);
      else depthOf.set(chain[index], (depth += 1));
    }
  }
  return depthOf;
}

function levels(
  rows: readonly DictionaryRow[],
  depthOf: ReadonlyMap<string, number>,
  byId: ReadonlyMap<string, DictionaryRow[]>,
  issues: Issues,
  suggestLevel: BuildDictionaryOptions['suggestLevel'],
): Map<string, { level: ValueLevel; suggested: boolean }> {
  const levelOf = new Map<string, { level: ValueLevel; suggested: boolean }>();
  for (const row of rows) {
    if (byId.get(row.id)?.[0] !== row) continue;
    const kind = kindAtDepth(depthOf.get(row.id) ?? -1);
    const given = row.level;
    if (given !== '' && kind !== 'ACTIVITY' && kind !== null) {
      issues.error(
        'LEVEL_NOT_ALLOWED',
        row.rowNumber,
        'level',
        given,
        `"${row.id}" is a ${kind.toLowerCase()}; only activities (the third level) have a value level. Leave the level empty.`,
      );
      continue;
    }
    if (kind !== 'ACTIVITY') continue;
    if (given !== '') {
      const level = parseValueLevel(given);
      if (level) levelOf.set(row.id, { level, suggested: false });
      else {
        issues.error(
          'UNKNOWN_LEVEL',
          row.rowNumber,
          'level',
          given,
          `"${given}" is not a value level; use one of ${VALUE_LEVELS.join(', ')} (or 1-4), or leave it empty for a suggestion.`,
        );
      }
      continue;
    }
    const suggestion = row.label === '' ? null : (suggestLevel?.(activityText(row.label, row.description)) ?? null);
    if (suggestion) levelOf.set(row.id, { level: suggestion, suggested: true });
    else {
      issues.error(
        'MISSING_LEVEL',
        row.rowNumber,
        'level',
        null,
        `The activity "${row.id}" has no level${suggestLevel ? ' and the classifier cannot suggest one for its wording' : ''}; give one of ${VALUE_LEVELS.join(', ')}.`,
      );
    }
  }
  return levelOf;
}

/** What the classifier reads for an activity: its label, and its description when there is one. */
export function activityText(label: string, description: string | null | undefined): string {
  const extra = description?.trim();
  return extra ? `${label.trim()}: ${extra}` : label.trim();
}

function treeOrder(
  rows: readonly DictionaryRow[],
  parentOf: ReadonlyMap<string, string>,
  depthOf: ReadonlyMap<string, number>,
  levelOf: ReadonlyMap<string, { level: ValueLevel; suggested: boolean }>,
): DictionaryEntry[] {
  const children = new Map<string | null, DictionaryRow[]>();
  for (const row of rows) {
    const parent = parentOf.get(row.id) ?? null;
    const list = children.get(parent);
    if (list) list.push(row);
    else children.set(parent, [row]);
  }
  const entries: DictionaryEntry[] = [];
  const visit = (parent: string | null) => {
    for (const row of children.get(parent) ?? []) {
      const kind = kindAtDepth(depthOf.get(row.id)!)!;
      const level = levelOf.get(row.id);
      entries.push({
        key: row.id,
        parentKey: parent,
        kind,
        label: row.label,
        description: row.description === '' ? null : row.description,
        valueLevel: level?.level ?? null,
        levelSource: level ? (level.suggested ? 'SUGGESTED' : 'CONFIRMED') : null,
      });
      visit(row.id);
    }
  };
  visit(null);
  return entries;
}

/** The ids from `id` up to its root, nearest first (stops at a repeat, so it is safe on broken input). */
function ancestorsOf(id: string, parentOf: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>([id]);
  const path: string[] = [];
  let current = parentOf.get(id);
  while (current !== undefined && !seen.has(current)) {
    path.push(current);
    seen.add(current);
    current = parentOf.get(current);
  }
  return path;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

class Issues {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  constructor(
    private readonly file: string,
    private readonly columns: Partial<Record<DictionaryField, string>>,
  ) {}

  error(code: string, row: number | null, field: DictionaryField | null, value: string | null, message: string): void {
    this.errors.push({
      file: this.file,
      row,
      column: field === null ? null : (this.columns[field] ?? field),
      value,
      message,
      code,
    });
  }

  /** "rows 4 and 9", "rows 1, 2, 3 and 5 more"; edits without rows are left out. */
  rows(numbers: readonly (number | null)[]): string {
    const rows = numbers.filter((row): row is number => row !== null);
    if (rows.length === 0) return 'more than one entry';
    if (rows.length === 1) return `row ${rows[0]}`;
    const listed = rows.slice(0, MAX_LISTED_ROWS);
    const rest = rows.length - listed.length;
    if (rest > 0) return `rows ${listed.join(', ')} and ${rest} more`;
    return `rows ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
  }

  result(entries: DictionaryEntry[]): BuiltDictionary {
    return { entries, errors: this.errors, warnings: this.warnings };
  }
}
