export interface WriteReportOptions {
  /** Called as the report is written: `done` of `total` units (roles, rows) so far. */
  onProgress?(done: number, total: number): void;
  /** CSV only: which table to write, by name (default: the report's main table). */
  csvTable?: string;
}
