import type { RoleScope } from './model/build-role-definitions';

// What can be asked for, without the writers (PDF and XLSX libraries): the CLI's help and argument
// checks read this, and load the writers only when a report is written.

export const REPORT_KINDS = ['role', 'delegation', 'summary', 'plan'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export type ReportRequest =
  | { kind: 'role'; scope: RoleScope }
  | { kind: 'delegation'; leaderEmployeeId: string }
  | { kind: 'summary' }
  /** A scenario or delegation plan: its edits, before and after, and tracking once approved. */
  | { kind: 'plan'; scenarioId: string };

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
