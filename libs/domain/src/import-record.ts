import type { IsoDate } from './snapshot';
import type { ValueLevel } from './value-level';

/**
 * Canonical people-file fields. Importers map whatever headers an HRIS export uses onto
 * these names; everything after parsing speaks only these.
 */
export const PEOPLE_FIELDS = [
  'employee_id',
  'name',
  'title',
  'manager_id',
  'department',
  'location',
  'email',
  'hire_date',
  'role_start_date',
  'previous_title',
  'last_promotion_date',
  'performance_rating',
  'fte',
  'grade',
] as const;
export type PeopleField = (typeof PEOPLE_FIELDS)[number];

export const RESPONSIBILITY_FIELDS = ['employee_id', 'responsibility', 'description', 'value_level', 'share', 'since'] as const;
export type ResponsibilityField = (typeof RESPONSIBILITY_FIELDS)[number];

/** One validated row of a people file. `managerId` is already resolved to an employee id. */
export interface PeopleRecord {
  /** 1-based row number in the source file (the header is row 1 when there is one). */
  rowNumber: number;
  employeeId: string;
  name: string;
  title: string;
  managerId: string | null;
  department: string | null;
  location: string | null;
  email: string | null;
  hireDate: IsoDate | null;
  roleStartDate: IsoDate | null;
  previousTitle: string | null;
  lastPromotionDate: IsoDate | null;
  performanceRating: number | null;
  fte: number | null;
  /** Grade or job level as the file writes it ("SCS2", "3", "M2"); tiers are read from it first. */
  grade?: string | null;
  /**
   * Dotted-line (matrix) managers' employee ids, already checked against the file: present only
   * when the row names at least one, never the solid-line manager or the row itself.
   */
  dottedLineManagerIds?: string[];
  /** The post is empty (name given as "Vacant", or no person); the position still exists. */
  vacant: boolean;
}

/** One validated row of a responsibilities file. */
export interface ResponsibilityRecord {
  rowNumber: number;
  employeeId: string;
  responsibility: string;
  description: string | null;
  /** Null means "classify it from the text". */
  valueLevel: ValueLevel | null;
  sharePct: number;
  since: IsoDate | null;
}

/** A problem with an uploaded file, precise enough to fix it in a spreadsheet. */
export interface ImportIssue {
  file: string;
  /** 1-based row as a spreadsheet shows it; null for file-level problems. */
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  /** Machine-readable class of the problem, e.g. DUPLICATE_ID, UNKNOWN_MANAGER, CYCLE. */
  code: string;
  /**
   * Every row the problem concerns (several tops, a cycle, the copies of an id), so a client
   * can list or highlight them without reading the message; absent or empty for one-row and
   * file-level problems, whose row is `row`.
   */
  rows?: number[];
}
