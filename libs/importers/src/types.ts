import type { ReadLimits } from './read/read-limits';
import type { ImportIssue, PeopleField, PeopleRecord, ResponsibilityField, ResponsibilityRecord } from '@rolemap/domain';
import type { PeopleMappingTarget } from './fields';
import type { HintStyle } from './issues/fix-hints';

// The mapping names live in fields.ts, the entry point the browser can import without the parsers.
export {
  DERIVED_PEOPLE_INPUTS,
  EXTRA_PEOPLE_INPUTS,
  IGNORE_TARGET,
  type DerivedPeopleInput,
  type ExtraPeopleInput,
  type PeopleMappingTarget,
} from './fields';

/** An upload: either the bytes (from an HTTP upload) or a path on disk (the CLI). */
export type ImportInput = { fileName: string; data: Buffer } | { fileName: string; path: string };

export type FileFormat = 'csv' | 'xlsx' | 'json';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

export type ProgressCallback = (progress: ImportProgress) => void;

export type MappingMethod = 'explicit' | 'synonym' | 'fuzzy' | 'derived';

export interface ColumnMapping<Target extends string = string> {
  target: Target;
  /** The original header as the file spells it (or "Column 3" for headerless files). */
  header: string;
  /** 0-based column position. */
  columnIndex: number;
  method: MappingMethod;
  /** Why, in words the upload wizard can show (e.g. `matched "Manager_ID" as a Workday header`). */
  note: string;
}

export interface FieldMapping<Field extends string = string> {
  field: Field;
  /** The header shown to the user; "First Name + Last Name" for a combined name. */
  header: string;
  /** Every source column feeding the field. */
  headers: string[];
  method: MappingMethod;
  note: string;
}

export type ManagerReferenceKind = 'employee_id' | 'email' | 'name';

export interface DetectedMapping<Field extends string = string, Target extends string = string> {
  /** Per canonical field, where its value comes from. Fields absent here were not found. */
  fields: Partial<Record<Field, FieldMapping<Field>>>;
  /** Every mapped column, including derived inputs such as first/last name. */
  columns: ColumnMapping<Target>[];
  /** Headers that feed no field; the wizard offers them for manual mapping. */
  unmappedHeaders: string[];
  /** How the manager column refers to people (people files only). */
  managerReference: ManagerReferenceKind | null;
}

export interface ReadOptions {
  /** Header (or "Column 3" / "3") → field; overrides detection. `ignore` drops a column. */
  map?: Record<string, string>;
  /**
   * Stream an XLSX workbook row by row instead of loading it whole; by default only large
   * ones are (see XLSX_STREAMING_THRESHOLD_BYTES). Streamed workbooks ignore merged cells.
   */
  streamXlsx?: boolean;
  /** Where reading stops and the file is refused (rows, columns, cells, unpacked workbook sizes). */
  limits?: Partial<ReadLimits>;
  /** XLSX sheet name; the first sheet by default. */
  sheet?: string;
  /** Force header/no-header instead of detecting it. */
  hasHeader?: boolean;
  /** Force the date order for slash dates such as 03/04/2020 instead of deciding per column. */
  dateOrder?: 'DMY' | 'MDY';
  onProgress?: ProgressCallback;
  /** Word fixes for the command line (flags, the default) or the web wizard (what to click). */
  hints?: HintStyle;
}

export interface PeopleImportOptions extends ReadOptions {
  allowMultipleRoots?: boolean;
  /**
   * Read one id on rows with different names (same title and manager) as a job share, the
   * later holders imported as "<id>#2"…; by default that is a SHARED_ID error.
   */
  jobShares?: boolean;
  /** Reference date for tenure counts such as YearsInCurrentRole (YYYY-MM-DD); today by default. */
  asOf?: string;
  /** Weekly hours of a full-time post, to turn hours into FTE; by default the most common value in the column. */
  fullTimeHours?: number;
}

export interface ResponsibilitiesImportOptions extends ReadOptions {
  knownEmployeeIds: ReadonlySet<string>;
}

interface ImportResultBase<Field extends string, Target extends string> {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  mapping: DetectedMapping<Field, Target>;
  format: FileFormat | null;
  /** Text encoding of CSV/JSON files; null for XLSX. */
  encoding: TextEncodingName | null;
  delimiter?: string;
  hasHeader: boolean;
  /** Data rows read (blank rows skipped). */
  rowCount: number;
}

export interface PeopleImport extends ImportResultBase<PeopleField, PeopleMappingTarget> {
  records: PeopleRecord[];
}

export interface ResponsibilitiesImport extends ImportResultBase<ResponsibilityField, ResponsibilityField> {
  records: ResponsibilityRecord[];
}
