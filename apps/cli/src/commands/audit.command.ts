import { once } from 'node:events';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  AuditLogService,
  LOCAL_OPERATOR,
  OrganizationsService,
  auditLogCsv,
  auditTimeBound,
  isAuditAction,
} from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { resolveOrganization } from '../organization-option';

interface AuditOptions {
  org?: string;
  action: string[];
  since?: string;
  until?: string;
  limit: string;
  json?: boolean;
  csv?: boolean;
}

/** `rolemap audit`: the organization's audit log, newest first (or all of it as CSV, oldest first). */
export async function runAudit(options: AuditOptions): Promise<void> {
  const filter = {
    actions: options.action.map(checkAction),
    from: auditTimeBound('--since', options.since, 'from'),
    to: auditTimeBound('--until', options.until, 'to'),
  };
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new CliError(`--limit must be a whole number from 1 to 500 (got "${options.limit}")`, EXIT.invalidInput);
  }
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const auditLog = app.get(AuditLogService);
    if (options.csv) {
      await auditLog.record(LOCAL_OPERATOR, {
        action: 'export',
        organizationId: organization.id,
        target: 'audit log',
        details: { format: 'csv', via: 'cli' },
      });
      for await (const line of auditLogCsv(auditLog.entries(LOCAL_OPERATOR, organization.id, filter))) {
        if (!process.stdout.write(line)) await once(process.stdout, 'drain');
      }
      return;
    }
    const page = await auditLog.page(LOCAL_OPERATOR, organization.id, filter, { first: limit, offset: 0 });
    if (options.json) {
      console.log(JSON.stringify({ organization: organization.name, totalCount: page.totalCount, entries: page.entries }));
      return;
    }
    console.log(`${organization.name}: ${page.entries.length} of ${page.totalCount} audit entries, newest first`);
    for (const entry of page.entries) {
      const from = entry.ip ? ` from ${entry.ip}` : '';
      console.log(`${entry.at.toISOString()}  ${entry.action.padEnd(14)} ${entry.actorName}${from}  ${entry.target ?? ''}`);
    }
  });
}

function checkAction(action: string): AuditAction {
  if (!isAuditAction(action)) {
    throw new CliError(`--action must be one of ${AUDIT_ACTIONS.join(', ')} (got "${action}")`, EXIT.invalidInput);
  }
  return action;
}
