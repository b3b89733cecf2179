import type { Writable } from 'node:stream';
import { REPORT_FORMATS, type ReportFormat } from './catalog';
import { writeCsv } from './csv/write-csv';
import { writeMarkdown } from './markdown/write-markdown';
import type { Report } from './model/report-types';
import { writePdf } from './pdf/write-pdf';
import type { WriteReportOptions } from './write-report-options';
import { writeXlsx } from './xlsx/write-xlsx';

export { REPORT_CONTENT_TYPES, REPORT_FORMATS, type ReportFormat, isReportFormat } from './catalog';

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
