import type { PeopleField } from '@rolemap/domain';
import type { IssueCollector } from '../issues/issue-collector';
import type { ColumnMapping, DetectedMapping, FieldMapping, ManagerReferenceKind, PeopleMappingTarget } from '../types';
import { detectColumns } from './detect-columns';
import { normalizeHeader } from './normalize-header';
import { MANAGER_REFERENCE_HINTS, PEOPLE_SYNONYMS } from './synonyms';

/** Label for the manager when it comes from the JSON tree rather than a column. */
export const TREE_PARENT_HEADER = '(parent in the "children" tree)';

/**
 * Which column feeds what, after combining first + last name, choosing one manager
 * column and turning tenure counts into dates.
 */
export interface PeoplePlan {
  mapping: DetectedMapping<PeopleField, PeopleMappingTarget>;
  /** Column index of every target the import reads. */
  columnOf: Partial<Record<PeopleMappingTarget, number>>;
  headerOf: Partial<Record<PeopleMappingTarget, string>>;
  nameSource: 'name' | 'first_last' | 'employee_id';
  managerSource: 'manager_id' | 'manager_email' | 'manager_name' | 'tree' | null;
  managerHint: ManagerReferenceKind;
}

export interface PlanPeopleOptions {
  map?: Record<string, string>;
  asOf: string;
  asOfGiven: boolean;
  isTree: boolean;
}

export function planPeopleColumns(headers: readonly string[], options: PlanPeopleOptions, issues: IssueCollector): PeoplePlan {
  const { columns, unmappedHeaders } = detectColumns(headers, PEOPLE_SYNONYMS, options.map, issues);
  const byTarget = new Map<PeopleMappingTarget, ColumnMapping<PeopleMappingTarget>>(
    columns.map((column) => [column.target, column]),
  );

  // Oracle's HR sample has "name" (the first name) next to "lastName" and no first-name column.
  const plainName = byTarget.get('name');
  if (
    plainName &&
    plainName.method !== 'explicit' &&
    byTarget.has('last_name') &&
    !byTarget.has('first_name') &&
    normalizeHeader(plainName.header) === 'name'
  ) {
    const asFirst = {
      ...plainName,
      target: 'first_name' as const,
      note: `"${plainName.header}" sits next to a last-name column, so it is read as the first name`,
    };
    byTarget.delete('name');
    byTarget.set('first_name', asFirst);
    columns.splice(columns.indexOf(plainName), 1, asFirst);
  }

  const fields: Partial<Record<PeopleField, FieldMapping<PeopleField>>> = {};
  const columnOf: Partial<Record<PeopleMappingTarget, number>> = {};
  const headerOf: Partial<Record<PeopleMappingTarget, string>> = {};
  const use = (target: PeopleMappingTarget) => {
    const column = byTarget.get(target);
    if (!column) return null;
    columnOf[target] = column.columnIndex;
    headerOf[target] = column.header;
    return column;
  };
  const direct = (field: PeopleField) => {
    const column = use(field);
    if (column)
      fields[field] = { field, header: column.header, headers: [column.header], method: column.method, note: column.note };
    return column;
  };

  direct('employee_id');
  direct('title');
  for (const field of ['department', 'location', 'email', 'previous_title', 'performance_rating', 'grade'] as const)
    direct(field);

  let nameSource: PeoplePlan['nameSource'] = 'employee_id';
  if (direct('name')) {
    nameSource = 'name';
  } else if (byTarget.has('first_name') || byTarget.has('last_name')) {
    nameSource = 'first_last';
    const parts = [use('first_name'), use('last_name')].filter(
      (column): column is ColumnMapping<PeopleMappingTarget> => column !== null,
    );
    const explicit = parts.some((part) => part.method === 'explicit');
    fields.name = {
      field: 'name',
      header: parts.map((part) => part.header).join(' + '),
      headers: parts.map((part) => part.header),
      method: explicit ? 'explicit' : 'derived',
      note: `full name joined from ${parts.map((part) => `"${part.header}"`).join(' and ')}`,
    };
  }

  let managerSource: PeoplePlan['managerSource'] = null;
  let managerHint: ManagerReferenceKind = 'employee_id';
  const managerColumns = (['manager_id', 'manager_email', 'manager_name'] as const).filter((target) => byTarget.has(target));
  const chosenManager = managerColumns.find((target) => byTarget.get(target)?.method === 'explicit') ?? managerColumns[0];
  if (chosenManager) {
    const column = use(chosenManager) as ColumnMapping<PeopleMappingTarget>;
    managerSource = chosenManager;
    managerHint = MANAGER_REFERENCE_HINTS[chosenManager] ?? 'employee_id';
    fields.manager_id = {
      field: 'manager_id',
      header: column.header,
      headers: [column.header],
      method: column.method,
      note: column.note,
    };
  } else if (options.isTree) {
    managerSource = 'tree';
    fields.manager_id = {
      field: 'manager_id',
      header: TREE_PARENT_HEADER,
      headers: [],
      method: 'derived',
      note: 'each object in a "children" list reports to the object that holds the list',
    };
  }

  const asOfNote = options.asOfGiven ? `as of ${options.asOf}` : `as of today (${options.asOf}); pass asOf to pin it`;
  const derived = (field: PeopleField, from: PeopleMappingTarget, what: string) => {
    if (direct(field)) return;
    const column = use(from);
    if (!column) return;
    fields[field] = {
      field,
      header: column.header,
      headers: [column.header],
      method: 'derived',
      note: `${what} from "${column.header}" ${asOfNote}`,
    };
  };
  derived('hire_date', 'years_at_company', 'hire date counted back');
  derived('role_start_date', 'years_in_current_role', 'role start counted back');
  derived('last_promotion_date', 'years_since_last_promotion', 'last promotion counted back');
  // Read into an optional part of the record (validate/dotted-lines.ts), not a canonical field.
  use('dotted_line_manager_id');
  // Not fields of a record: they only decide which rows are current (validate/history-rows.ts).
  use('valid_from');
  use('valid_to');
  if (!direct('fte')) {
    const column = use('standard_hours');
    if (column) {
      fields.fte = {
        field: 'fte',
        header: column.header,
        headers: [column.header],
        method: 'derived',
        note: `FTE = "${column.header}" ÷ the full-time hours (the option, else the most common value in the column)`,
      };
    }
  }

  // Say so when a matched column is not used, so the wizard does not imply it is.
  for (const column of columns) {
    if (column.target in columnOf) continue;
    const usedInstead = column.target.startsWith('manager_')
      ? fields.manager_id?.header
      : column.target.endsWith('_name')
        ? fields.name?.header
        : undefined;
    if (usedInstead) column.note += ` (not used: "${usedInstead}" is used instead)`;
  }

  return {
    mapping: { fields, columns, unmappedHeaders, managerReference: null },
    columnOf,
    headerOf,
    nameSource,
    managerSource,
    managerHint,
  };
}
