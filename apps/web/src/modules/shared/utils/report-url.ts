export type ReportKind = 'role' | 'delegation' | 'summary' | 'plan';
export type ReportFormat = 'pdf' | 'xlsx' | 'csv' | 'md';
export type ReportScope = { positionId?: string; department?: string; all?: boolean; scenarioId?: string };

export const REPORT_DOWNLOAD_FORMATS: readonly ReportFormat[] = ['pdf', 'xlsx', 'csv', 'md'];

/** The API's streamed report download, e.g. /api/organizations/…/reports/role?format=pdf&positionId=…. */
export function reportUrl(
  organizationId: string,
  kind: ReportKind,
  format: ReportFormat,
  params: ReportScope & { snapshotId: string },
): string {
  const query = new URLSearchParams({ format, snapshotId: params.snapshotId });
  if (params.positionId) query.set('positionId', params.positionId);
  if (params.department) query.set('department', params.department);
  if (params.all) query.set('all', 'true');
  if (params.scenarioId) query.set('scenarioId', params.scenarioId);
  return `/api/organizations/${encodeURIComponent(organizationId)}/reports/${kind}?${query.toString()}`;
}
