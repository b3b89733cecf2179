import type { EntityManager } from 'typeorm';
import type { ImportIssue, PeopleRecord, ResponsibilityRecord } from '@rolemap/domain';
import type { DetectedMapping, FileFormat, HintStyle, ImportProgress, TextEncodingName } from '@rolemap/importers';

/**
 * An upload: its bytes (an HTTP upload), or a file on disk (the CLI), which is then parsed and
 * compressed for storage as a stream instead of being held whole for the import.
 */
export type UploadedFile = { fileName: string; data: Buffer } | { fileName: string; path: string };

export interface ImportRequest {
  organizationName: string;
  people: UploadedFile;
  responsibilities?: UploadedFile | null;
  /** Problems found while the files were received (one too large); when any, nothing is read. */
  uploadErrors?: ImportIssue[];
  /** Header → canonical field for the people file; overrides detection. */
  peopleMap?: Record<string, string>;
  responsibilitiesMap?: Record<string, string>;
  sheet?: string;
  /** Force header / no header instead of detecting it (applies to both files). */
  hasHeader?: boolean;
  allowMultipleRoots?: boolean;
  /** Read one id on rows with different names (same title and manager) as a job share. */
  jobShares?: boolean;
  /** Word fixes in messages for the command line (the default) or the web wizard. */
  hints?: HintStyle;
  /** The date the chart describes (YYYY-MM-DD); today by default. */
  asOf?: string;
  label?: string | null;
  /** Validate and count, write nothing. */
  dryRun?: boolean;
  /** Import even when the content equals the latest snapshot's. */
  allowDuplicate?: boolean;
  onProgress?: (stage: 'people' | 'responsibilities', progress: ImportProgress) => void;
  /**
   * Called inside the import's transaction with the outcome, after everything is written and
   * before the commit (a background job marks itself done here, so a retry never imports twice).
   * Not called when nothing is written for errors or a dry run.
   */
  beforeCommit?: (manager: EntityManager, outcome: ImportOutcome) => Promise<void>;
}

export interface ImportedFileReport {
  fileName: string;
  format: FileFormat | null;
  encoding: TextEncodingName | null;
  delimiter: string | null;
  hasHeader: boolean;
  rowCount: number;
  mapping: DetectedMapping;
}

export interface ImportOutcome {
  ok: boolean;
  dryRun: boolean;
  organization: { id: string | null; name: string };
  snapshot: { id: string; version: number } | null;
  /** Set when the upload equals an existing snapshot and nothing new was written. */
  duplicateOf: { id: string; version: number } | null;
  people: number;
  positions: number;
  responsibilities: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  files: { people: ImportedFileReport; responsibilities: ImportedFileReport | null };
  /** The posts with no manager (the first MAX_TOPS_LISTED), so HR can see what "several tops" means. */
  tops: TopPost[];
  /** Milliseconds per phase (parse, build, write), for the CLI's summary and the benchmark. */
  timings: ImportTimings;
}

export interface TopPost {
  row: number;
  employeeId: string;
  name: string;
  title: string;
}

export interface ImportTimings {
  parseMs: number;
  buildMs: number;
  /** COPY/INSERT of the snapshot's rows. */
  writeMs: number;
  /** Storing the uploaded files (compressed while the rows were parsed). */
  storeMs: number;
}

/** An uploaded file on its way to storage: digest and compression run off the main thread. */
export interface PreparedUpload {
  kind: 'PEOPLE' | 'RESPONSIBILITIES';
  fileName: string;
  byteSize: number;
  sha256: Promise<string>;
  gzipped: Promise<Buffer>;
}

/** Validated records ready to be written: the demo seed and tests come in here directly. */
export interface RecordsImport {
  organizationName: string;
  people: PeopleRecord[];
  responsibilities: ResponsibilityRecord[];
  asOf: string;
  label: string | null;
  sourceFileName: string | null;
  files?: PreparedUpload[];
  allowDuplicate?: boolean;
  /** See ImportRequest.beforeCommit: what is written, inside the transaction, before the commit. */
  beforeCommit?: (manager: EntityManager, written: WrittenImport) => Promise<void>;
  /**
   * Runs inside the import's transaction once the snapshot is written (before the audit entry),
   * so what a caller records about the new snapshot commits or rolls back with it.
   */
  withinTransaction?: (manager: EntityManager, snapshot: { id: string; version: number }) => Promise<void>;
}

/** A `RecordsImport` without its rows: how and where they are written. */
export type ImportSettings = Omit<RecordsImport, 'people' | 'responsibilities'>;

export type WrittenImport = Pick<ImportOutcome, 'organization' | 'snapshot' | 'duplicateOf' | 'warnings' | 'timings'>;
