// Imports on top of the server core: files and records become snapshots, and the demo organization.
export { ImportService } from './imports/import.service';
export { ImportJobsModule, ImportsModule } from './imports/imports.module';
export { type CommittedImport, ImportJobs, importOutcomeOfJob } from './imports/import-jobs.service';
export type {
  ImportOutcome,
  ImportRequest,
  ImportTimings,
  ImportedFileReport,
  PreparedUpload,
  RecordsImport,
  UploadedFile,
  WrittenImport,
} from './imports/import.types';
export { type BulkPath, type BulkTable, type Cell, bulkInsert } from './imports/bulk-insert';
export { type SnapshotMeta, positionDepths, writeSnapshot } from './imports/snapshot-writer';
export { DEMO_MAX_LAYERS, type DemoSeedResult, DemoSeedService } from './demo/demo-seed.service';
export { DemoModule } from './demo/demo.module';
export { DemoAccountsService, type DemoUser } from './demo/demo-accounts.service';
