import type { ProgressCallback } from '../types';

/** Rows between progress reports when no new bytes arrive (XLSX/JSON are read at once). */
const ROWS_PER_REPORT = 1000;

/** Tracks reading progress and reports it at most once per chunk or per 1000 rows. */
export class ProgressTracker {
  rowsRead = 0;
  bytesRead = 0;
  private lastReportedRows = -1;
  private lastReportedBytes = -1;

  constructor(
    readonly totalBytes: number,
    private readonly callback?: ProgressCallback,
  ) {}

  addBytes(count: number): void {
    this.bytesRead += count;
    this.report();
  }

  addRow(): void {
    this.rowsRead++;
    if (this.rowsRead - this.lastReportedRows >= ROWS_PER_REPORT) this.report();
  }

  finish(): void {
    this.bytesRead = this.totalBytes;
    this.report();
  }

  private report(): void {
    if (!this.callback) return;
    if (this.rowsRead === this.lastReportedRows && this.bytesRead === this.lastReportedBytes) return;
    this.lastReportedRows = this.rowsRead;
    this.lastReportedBytes = this.bytesRead;
    this.callback({ rowsRead: this.rowsRead, bytesRead: this.bytesRead, totalBytes: this.totalBytes });
  }
}
