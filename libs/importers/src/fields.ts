// The browser's entry point (`@rolemap/importers/fields`): the names a column can be mapped to,
// without the file parsers (papaparse, exceljs) that the rest of the library pulls in.
// Keep this file free of imports other than types and the import-free as-of helper.
import type { PeopleField } from '@rolemap/domain';

export { suggestAsOf, type AsOfSuggestion } from './as-of/suggest-as-of';

/**
 * Inputs that are not canonical fields themselves but from which one is built:
 * first + last name make `name`, tenure counts make dates, weekly hours make `fte`,
 * the manager's e-mail or name make `manager_id` once resolved, and a row's validity period
 * (valid_from / valid_to) says whether it is the current row of a person or history.
 */
export const DERIVED_PEOPLE_INPUTS = [
  'first_name',
  'last_name',
  'manager_email',
  'manager_name',
  'years_in_current_role',
  'years_since_last_promotion',
  'years_at_company',
  'standard_hours',
  'valid_from',
  'valid_to',
] as const;
export type DerivedPeopleInput = (typeof DERIVED_PEOPLE_INPUTS)[number];

/**
 * Columns read beside the canonical fields, into optional parts of a record: dotted-line
 * (matrix) managers, one or more employee ids per cell separated by `;`, `|` or `,`.
 */
export const EXTRA_PEOPLE_INPUTS = ['dotted_line_manager_id'] as const;
export type ExtraPeopleInput = (typeof EXTRA_PEOPLE_INPUTS)[number];

/** Anything a people-file column can be mapped to. */
export type PeopleMappingTarget = PeopleField | DerivedPeopleInput | ExtraPeopleInput;

/** Map value that removes a column from detection ("this column is not the department"). */
export const IGNORE_TARGET = 'ignore';
