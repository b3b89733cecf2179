import type { Writable } from 'node:stream';
import { REPORT_FORMATS, type ReportFormat } from './catalog';
import { writeCsv } from './csv/write-csv';
import { writeMarkdown } from './markdown/write-markdown';
import { roleDefinitionsOf } from './model/build-role-definitions';
import type { Report, RoleDefinitionsStream } from './model/report-types';
import { writePdf } from './pdf/write-pdf';
import type { WriteReportOptions } from './write-report-options';
import { writeXlsx } from './xlsx/write-xlsx';

export { REPORT_CONTENT_TYPES, REPORT_FORMATS, type ReportFormat, isReportFormat } from './catalog';

/**
 * Streams a report to `out` (a file, an HTTP response) in the given format, ends the stream,
 * and resolves once everything has been handed to it. Role definitions given as a stream are
 * drawn role by role in a PDF; the other formats build every role first.
 */
export async function writeReport(
  given: Report | RoleDefinitionsStream,
  format: ReportFormat,
  out: Writable,
  options: WriteReportOptions = {},
): Promise<void> {
  if (format === 'pdf') return writePdf(given, out, options);
  const report = 'roleAt' in given ? roleDefinitionsOf(given) : given;
  switch (format) {
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
