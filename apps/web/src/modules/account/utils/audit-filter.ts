/** What the audit log records (the server's audit-actions.ts); the filter offers these. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'role-change',
  'import',
  'policy-edit',
  'role-purpose',
  'override',
  'review',
  'export',
  'privacy-export',
  'erasure',
  'organization-export',
  'organization-import',
] as const;

export type AuditFilter = {
  actions: string[];
  /** Dates as the date inputs give them (YYYY-MM-DD), both whole days in UTC; '' for no bound. */
  from: string;
  to: string;
};

export const AUDIT_PAGE_SIZE = 50;

/** The GraphQL filter: `to` covers the whole day, as the CSV route reads it too. */
export function auditFilterInput(filter: AuditFilter) {
  return {
    actions: filter.actions.length ? filter.actions : null,
    from: filter.from ? `${filter.from}T00:00:00.000Z` : null,
    to: filter.to ? `${filter.to}T23:59:59.999Z` : null,
  };
}

/** The CSV download of the same filtered log (GET /api/organizations/:id/audit-log.csv). */
export function auditCsvUrl(organizationId: string, filter: AuditFilter): string {
  const query = new URLSearchParams();
  for (const action of filter.actions) query.append('action', action);
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  const search = query.toString();
  return `/api/organizations/${encodeURIComponent(organizationId)}/audit-log.csv${search ? `?${search}` : ''}`;
}
