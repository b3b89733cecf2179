import { type PeopleRecord } from '@rolemap/domain';
import { planPeopleColumns, type PeoplePlan } from '../detect/people-mapping';
import { IssueCollector } from '../issues/issue-collector';
import { readTable, type ReadSummary } from '../read/read-table';
import type { TableInfo, TableSink } from '../read/table';
import type { DetectedMapping, ImportInput, PeopleImport, PeopleImportOptions, PeopleMappingTarget } from '../types';
import { isNotGiven } from '../values/markers';
import { parseNumber } from '../values/parse-number';
import { type DateOrder, decideDateOrder, todayIso } from '../values/parse-date';
import { resolveDuplicateIds } from '../validate/duplicate-ids';
import { checkHierarchy } from '../validate/hierarchy';
import { ColumnSlots } from '../validate/column-slots';
import { buildPersonDraft, type PeopleSlots, type PersonDraft, type RawPerson } from '../validate/people-rows';
import { resolveManagers } from '../validate/resolve-managers';
import { resolveDottedLines } from '../validate/dotted-lines';
import { skipHistoryRows } from '../validate/history-rows';
import { capital } from '../validate/people-rows';
import { reportTableShape } from '../read/table-shape';
import { StringPool } from '../validate/string-pool';

const DATE_TARGETS = ['hire_date', 'role_start_date', 'last_promotion_date', 'valid_from', 'valid_to'] as const;

/**
 * Reads, maps and validates a people file. Every problem is collected; callers must write
 * nothing unless `errors` is empty. `records` holds the rows that could be built, for
 * previews.
 */
export async function parsePeopleFile(
  input: ImportInput,
  options: PeopleImportOptions = {},
  strings: StringPool = new StringPool(),
): Promise<PeopleImport> {
  const issues = new IssueCollector(input.fileName, options.hints);
  const asOf = options.asOf ?? todayIso();
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) {
    issues.error('BAD_OPTION', { value: options.asOf }, `asOf "${options.asOf}" must be a real date written YYYY-MM-DD.`);
  }

  // Assigned inside the sink callbacks; the casts stop TypeScript narrowing them to null.
  let table = null as TableInfo | null;
  let plan = null as PeoplePlan | null;
  let slots = null as PeopleSlots | null;
  const rawRows: RawPerson[] = [];
  const sink: TableSink = {
    begin(info) {
      table = info;
      plan = planPeopleColumns(
        info.headers,
        { map: options.map, asOf, asOfGiven: options.asOf !== undefined, isTree: info.hasTree },
        issues,
      );
      slots = new ColumnSlots<PeopleMappingTarget>(plan.columnOf, strings);
    },
    row(row) {
      // Only mapped cells are kept: memory grows with the records, not with the file's width.
      rawRows.push({
        rowNumber: row.rowNumber,
        parentRowNumber: row.parentRowNumber,
        values: (slots as PeopleSlots).extract(row.cells),
      });
    },
  };
  const summary = await readTable(input, options, sink, issues);
  const result = (records: PeopleRecord[]): PeopleImport =>
    resultOf(records, issues, summary, table, plan?.mapping ?? emptyMapping(), rawRows.length);
  if (!summary || !table || !plan || !slots) return result([]);
  const tableInfo: TableInfo = table;
  const peoplePlan: PeoplePlan = plan;
  const peopleSlots: PeopleSlots = slots;

  if (!reportTableShape(tableInfo, rawRows.length, issues)) return result([]);
  if (!checkRequiredColumns(peoplePlan, tableInfo, issues)) return result([]);

  const dateOrders: Partial<Record<PeopleMappingTarget, DateOrder | null>> = {};
  for (const target of DATE_TARGETS) {
    if (peopleSlots.has(target)) dateOrders[target] = options.dateOrder ?? decideDateOrder(peopleSlots.values(rawRows, target));
  }
  const fullTimeHours = peopleSlots.has('standard_hours')
    ? (options.fullTimeHours ?? mostCommonNumber(peopleSlots.values(rawRows, 'standard_hours')))
    : null;
  const employeeIdByRow = tableInfo.hasTree
    ? new Map(rawRows.map((raw) => [raw.rowNumber, peopleSlots.get(raw, 'employee_id')]))
    : null;

  const untitledRows: number[] = [];
  const context = {
    plan: peoplePlan,
    slots: peopleSlots,
    issues,
    asOf,
    dateOrders,
    fullTimeHours,
    employeeIdByRow,
    untitledRows,
  };
  const drafts: PersonDraft[] = [];
  for (const raw of rawRows) {
    const draft = buildPersonDraft(raw, context);
    if (draft) drafts.push(draft);
  }
  if (untitledRows.length > 0) {
    issues.warning(
      'MISSING_TITLE',
      { row: untitledRows[0], column: peoplePlan.headerOf.title ?? 'title', value: '', rows: untitledRows },
      untitledRows.length === 1
        ? `${capital(issues.at(untitledRows[0]))} has no job title; it is imported without one, so its tier comes from the grade or the place in the chart.`
        : `${capital(issues.atRows(untitledRows))} have no job title; they are imported without one, so their tiers come from the grade or the place in the chart.`,
    );
  }

  const employeeIdHeader = peoplePlan.mapping.fields.employee_id?.header ?? 'employee_id';
  const current = skipHistoryRows(drafts, issues, { asOf, employeeIdHeader, periodHeaders: periodHeaders(peoplePlan) });
  const people = resolveDuplicateIds(current, issues, employeeIdHeader, { jobShares: options.jobShares ?? false });
  const managerHeader = peoplePlan.mapping.fields.manager_id?.header ?? null;
  const resolution = resolveManagers(people, issues, managerHeader, peoplePlan.managerHint, peoplePlan.managerSource === 'tree');
  peoplePlan.mapping.managerReference = resolution.kind;
  resolveDottedLines(people, issues, peoplePlan.headerOf.dotted_line_manager_id ?? null);
  const records = people.map((draft) => draft.record);
  checkHierarchy(records, issues, {
    allowMultipleRoots: options.allowMultipleRoots ?? false,
    managerHeader,
    hasManagerColumn: peoplePlan.managerSource !== null,
    unresolved: resolution.unresolved,
  });
  return result(records);
}

/**
 * An employee id column is required, and a name or a title to show. Without a title column
 * tiers come from grades or the structure, so that is a warning.
 */
function checkRequiredColumns(plan: PeoplePlan, table: TableInfo, issues: IssueCollector): boolean {
  const { fields } = plan.mapping;
  const how = (field: string) =>
    table.hasHeader || issues.hints === 'web'
      ? issues.mapColumn(field)
      : `the file has no header row, so ${issues.mapColumn(field, true)}; first row: ${firstRowPreview(table)}`;
  const missing = (field: string) =>
    issues.error(
      'MISSING_COLUMN',
      { column: null },
      `No ${field} column was found among ${headerList(table.headers)}; ${how(field)}.`,
    );
  if (!fields.employee_id) missing('employee_id');
  if (!fields.title && !fields.name) missing('title');
  else if (!fields.title) {
    issues.warning(
      'MISSING_COLUMN',
      { column: null },
      `No title column was found among ${headerList(table.headers)}; people are imported without titles, so tiers come from grades or the structure. If the file has titles, ${how('title')}.`,
    );
  }
  if (!fields.name && fields.employee_id) {
    issues.warning(
      'MISSING_COLUMN',
      { column: null },
      `No name column was found (nor first/last name); people are named by their employee id. Map a name column if the file has one.`,
    );
  }
  return fields.employee_id !== undefined && (fields.title !== undefined || fields.name !== undefined);
}

function periodHeaders(plan: PeoplePlan): string {
  return [plan.headerOf.valid_from, plan.headerOf.valid_to].filter(Boolean).join(' / ');
}

/** The usual weekly hours in the column; taken as full time when no option says otherwise. */
function mostCommonNumber(values: Iterable<string>): number | null {
  const counts = new Map<number, number>();
  for (const value of values) {
    if (isNotGiven(value)) continue;
    const number = parseNumber(value.replace(/%$/, ''));
    if (number !== null && number > 0) counts.set(number, (counts.get(number) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [number, count] of counts)
    if (best === null || count > (counts.get(best) ?? 0) || (count === counts.get(best) && number > best)) best = number;
  return best;
}

function headerList(headers: readonly string[]): string {
  const shown = headers
    .slice(0, 30)
    .map((header) => `"${header}"`)
    .join(', ');
  return headers.length > 30 ? `${shown} and ${headers.length - 30} more` : shown || 'no columns';
}

function firstRowPreview(table: TableInfo): string {
  const cells = table.firstDataCells ?? [];
  return (
    cells
      .slice(0, 12)
      .map((cell, index) => `${index + 1}="${cell.length > 30 ? `${cell.slice(0, 27)}...` : cell}"`)
      .join(', ') + (cells.length > 12 ? ', …' : '')
  );
}

function emptyMapping<Field extends string, Target extends string>(): DetectedMapping<Field, Target> {
  return { fields: {}, columns: [], unmappedHeaders: [], managerReference: null };
}

function resultOf(
  records: PeopleRecord[],
  issues: IssueCollector,
  summary: ReadSummary | null,
  table: TableInfo | null,
  mapping: DetectedMapping<never, never> | PeopleImport['mapping'],
  rowCount: number,
): PeopleImport {
  return {
    records,
    errors: issues.errors,
    warnings: issues.warnings,
    mapping: mapping as PeopleImport['mapping'],
    format: summary?.format ?? null,
    encoding: summary?.encoding ?? null,
    ...(summary?.delimiter !== undefined ? { delimiter: summary.delimiter } : {}),
    hasHeader: table?.hasHeader ?? false,
    rowCount,
  };
}

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
