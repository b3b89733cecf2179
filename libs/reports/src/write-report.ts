import type { Writable } from 'node:stream';
import { writeCsv } from './csv/write-csv';
import { writeMarkdown } from './markdown/write-markdown';
import type { Report } from './model/report-types';
import { writePdf } from './pdf/write-pdf';
import type { WriteReportOptions } from './write-report-options';
import { writeXlsx } from './xlsx/write-xlsx';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Streams a report to `out` (a file, an HTTP response) in the given format, ends the stream,
 * and resolves once everything has been handed to it.
 */
export function writeReport(
  report: Report,
  format: ReportFormat,
  out: Writable,
  options: WriteReportOptions = {},
): Promise<void> {
  switch (format) {
    case 'pdf':
      return writePdf(report, out, options);
    case 'xlsx':
      return writeXlsx(report, out, options);
    case 'csv':
      return writeCsv(report, out, options);
    case 'md':
      return writeMarkdown(report, out, options);
    default:
      return Promise.reject(new Error(`Unknown report format "${String(format)}"; use one of ${REPORT_FORMATS.join(', ')}.`));
  }
}
