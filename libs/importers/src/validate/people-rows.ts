import type { IsoDate, PeopleRecord } from '@rolemap/domain';
import type { PeoplePlan } from '../detect/people-mapping';
import type { IssueCollector } from '../issues/issue-collector';
import type { PeopleMappingTarget } from '../types';
import type { ColumnSlots, RawRow } from './column-slots';
import { isNotGiven, isRootMarker, isVacantName } from '../values/markers';
import { parseNumber, parsePercentOrNumber, parseYears } from '../values/parse-number';
import { type DateOrder, parseDate, yearsBefore } from '../values/parse-date';

/** The mapped cells of one row, kept compactly until the whole file is read. */
export interface RawPerson extends RawRow {
  parentRowNumber: number | null;
}

/** Slots of the people targets a file maps. */
export type PeopleSlots = ColumnSlots<PeopleMappingTarget>;

/** A row turned into a record, with its manager reference still unresolved. */
export interface PersonDraft {
  record: PeopleRecord;
  /** Manager as written (id, e-mail or name); null when the row is a root. */
  managerReference: string | null;
  /** Dotted-line managers' employee ids as written, split and de-duplicated; empty when none. */
  dottedLineReferences: string[];
  /** The period the row describes, in history exports (null when the file has no such column). */
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
}

export interface PeopleRowContext {
  plan: PeoplePlan;
  slots: PeopleSlots;
  issues: IssueCollector;
  asOf: IsoDate;
  dateOrders: Partial<Record<PeopleMappingTarget, DateOrder | null>>;
  /** Full-time weekly hours for turning hours into FTE; null when no hours column. */
  fullTimeHours: number | null;
  /** JSON trees: row → employee id, so a child's manager is its parent's id. */
  employeeIdByRow: ReadonlyMap<number, string> | null;
  /** Rows with an empty title, reported once for the file (the tier then comes from grade or structure). */
  untitledRows: number[];
}

export const MIN_RATING = 1;
export const MAX_RATING = 5;
export const MAX_FTE = 1.5;

/**
 * Checks one row's values and builds its record, reporting every problem in the row.
 * Returns null only when the row has no employee id (it cannot be part of the chart).
 */
export function buildPersonDraft(raw: RawPerson, context: PeopleRowContext): PersonDraft | null {
  const { plan, slots, issues } = context;
  const row = raw.rowNumber;
  // Built only when a message needs it: most rows are valid.
  const where = () => capital(issues.at(row));
  const header = (target: PeopleMappingTarget) => plan.headerOf[target] ?? target;

  const employeeId = slots.get(raw, 'employee_id');
  const title = slots.get(raw, 'title');
  let name: string;
  if (plan.nameSource === 'name') name = slots.get(raw, 'name');
  else if (plan.nameSource === 'first_last')
    name = slots.intern([slots.get(raw, 'first_name'), slots.get(raw, 'last_name')].filter(Boolean).join(' '));
  else name = employeeId;
  const vacant = isVacantName(name) || (name === '' && title !== '');

  if (employeeId === '') {
    issues.error(
      'REQUIRED',
      { row, column: header('employee_id'), value: '' },
      `${where()} has no employee id; every row needs one.`,
    );
  }
  if (name === '' && title === '') {
    issues.error(
      'REQUIRED',
      { row, column: plan.mapping.fields.name?.header ?? null, value: '' },
      `${where()} has neither a name nor a title; give the name, or the title if the post is vacant.`,
    );
  }
  if (title === '' && name !== '' && slots.has('title')) context.untitledRows.push(row);

  const text = (target: PeopleMappingTarget) => {
    const value = slots.get(raw, target);
    return isNotGiven(value) ? null : value;
  };

  const record: PeopleRecord = {
    rowNumber: row,
    employeeId,
    name,
    title,
    managerId: null,
    department: text('department'),
    location: text('location'),
    email: text('email'),
    hireDate: dateField(raw, 'hire_date', 'years_at_company', context),
    roleStartDate: dateField(raw, 'role_start_date', 'years_in_current_role', context),
    previousTitle: text('previous_title'),
    lastPromotionDate: dateField(raw, 'last_promotion_date', 'years_since_last_promotion', context),
    performanceRating: rating(raw, context),
    fte: fte(raw, context),
    ...(slots.has('grade') ? { grade: text('grade') } : {}),
    vacant,
  };
  if (employeeId === '') return null;
  return {
    record,
    managerReference: managerReference(raw, context),
    dottedLineReferences: splitIdList(slots.get(raw, 'dotted_line_manager_id')),
    validFrom: periodDate(raw, 'valid_from', context),
    validTo: periodDate(raw, 'valid_to', context),
  };
}

/**
 * One or more employee ids in one cell, separated by `;`, `|` or `,` (HRIS exports use all three
 * for multi-valued fields); blanks and "n/a"-style markers are dropped, repeats kept once.
 */
export function splitIdList(cell: string): string[] {
  if (cell === '') return [];
  const ids: string[] = [];
  for (const part of cell.split(/[;|,]/)) {
    const id = part.trim();
    if (id !== '' && !isNotGiven(id) && !isRootMarker(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function periodDate(raw: RawPerson, target: 'valid_from' | 'valid_to', context: PeopleRowContext): IsoDate | null {
  const { slots, issues, plan } = context;
  if (!slots.has(target)) return null;
  const value = slots.get(raw, target);
  if (isNotGiven(value)) return null;
  const reading = parseDate(value, context.dateOrders[target] ?? null);
  if ('iso' in reading) return slots.intern(reading.iso);
  issues.error(
    'BAD_DATE',
    { row: raw.rowNumber, column: plan.headerOf[target] ?? target, value },
    `${capital(issues.at(raw.rowNumber))}: ${reading.error}`,
  );
  return null;
}

function managerReference(raw: RawPerson, context: PeopleRowContext): string | null {
  const { plan, slots } = context;
  if (plan.managerSource === null) return null;
  if (plan.managerSource === 'tree') {
    if (raw.parentRowNumber === null) return null;
    return context.employeeIdByRow?.get(raw.parentRowNumber) || null;
  }
  const value = slots.get(raw, plan.managerSource);
  return isRootMarker(value) ? null : value;
}

function dateField(
  raw: RawPerson,
  target: PeopleMappingTarget,
  yearsTarget: PeopleMappingTarget,
  context: PeopleRowContext,
): IsoDate | null {
  const { slots, issues, plan } = context;
  // Built only when a message needs it: most rows are valid.
  const where = () => capital(issues.at(raw.rowNumber));
  if (slots.has(target)) {
    const value = slots.get(raw, target);
    if (isNotGiven(value)) return null;
    const reading = parseDate(value, context.dateOrders[target] ?? null);
    if ('iso' in reading) return slots.intern(reading.iso);
    issues.error(
      'BAD_DATE',
      { row: raw.rowNumber, column: plan.headerOf[target] ?? target, value },
      `${where()}: ${reading.error}`,
    );
    return null;
  }
  if (!slots.has(yearsTarget)) return null;
  const value = slots.get(raw, yearsTarget);
  if (isNotGiven(value)) return null;
  const years = parseYears(value);
  if (years === null || years < 0 || years > 100) {
    issues.error(
      'BAD_NUMBER',
      { row: raw.rowNumber, column: plan.headerOf[yearsTarget] ?? yearsTarget, value },
      `${where()}: "${value}" is not a number of years (0-100).`,
    );
    return null;
  }
  return slots.intern(yearsBefore(context.asOf, years));
}

function rating(raw: RawPerson, context: PeopleRowContext): number | null {
  const { slots, issues, plan } = context;
  const value = slots.get(raw, 'performance_rating');
  if (isNotGiven(value)) return null;
  const column = plan.headerOf.performance_rating ?? 'performance_rating';
  // Built only when a message needs it: most rows are valid.
  const where = () => capital(issues.at(raw.rowNumber));
  const number = parseNumber(value);
  if (number === null) {
    issues.error(
      'BAD_NUMBER',
      { row: raw.rowNumber, column, value },
      `${where()}: performance rating "${value}" is not a number.`,
    );
    return null;
  }
  if (number < MIN_RATING || number > MAX_RATING) {
    issues.error(
      'RATING_OUT_OF_RANGE',
      { row: raw.rowNumber, column, value },
      `${where()}: performance rating ${value} is outside ${MIN_RATING}-${MAX_RATING}.`,
    );
    return null;
  }
  return number;
}

function fte(raw: RawPerson, context: PeopleRowContext): number | null {
  const { slots, issues, plan } = context;
  // Built only when a message needs it: most rows are valid.
  const where = () => capital(issues.at(raw.rowNumber));
  const fromHours = !slots.has('fte') && slots.has('standard_hours');
  const target: PeopleMappingTarget = fromHours ? 'standard_hours' : 'fte';
  const value = slots.get(raw, target);
  if (isNotGiven(value)) return null;
  const column = plan.headerOf[target] ?? target;
  const parsed = parsePercentOrNumber(value);
  if (parsed === null) {
    issues.error(
      'BAD_FTE',
      { row: raw.rowNumber, column, value },
      `${where()}: ${fromHours ? 'hours' : 'FTE'} "${shorten(value)}" is not a number.`,
    );
    return null;
  }
  let result: number;
  if (fromHours) {
    if (context.fullTimeHours === null || context.fullTimeHours <= 0) return null;
    result = round(parsed.value / context.fullTimeHours);
  } else {
    result = parsed.percent ? round(parsed.value / 100) : parsed.value;
  }
  if (!(result > 0 && result <= MAX_FTE)) {
    const hint =
      !parsed.percent && parsed.value > MAX_FTE && parsed.value <= 150 ? ` If it is a percentage, write ${value}%.` : '';
    const shown = fromHours ? `${value} hours (${result} of ${context.fullTimeHours} full-time hours)` : value;
    issues.error(
      'BAD_FTE',
      { row: raw.rowNumber, column, value },
      `${where()}: FTE ${shown} must be above 0 and at most ${MAX_FTE}.${hint}`,
    );
    return null;
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
