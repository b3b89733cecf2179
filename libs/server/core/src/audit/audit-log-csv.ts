import type { AuditLogEntity } from './audit-log.entity';

export const AUDIT_CSV_HEADER = ['at', 'action', 'actor_id', 'actor_name', 'target', 'details', 'ip', 'user_agent'];

/** The audit log as CSV lines (header first), for the download route and the CLI alike. */
export async function* auditLogCsv(entries: AsyncIterable<AuditLogEntity>): AsyncGenerator<string> {
  yield csvLine(AUDIT_CSV_HEADER);
  for await (const entry of entries) {
    yield csvLine([
      entry.at.toISOString(),
      entry.action,
      entry.actorId ?? '',
      entry.actorName,
      entry.target ?? '',
      JSON.stringify(entry.details),
      entry.ip ?? '',
      entry.userAgent ?? '',
    ]);
  }
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => quote(formulaSafe(cell))).join(',')}\r\n`;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab / CR) as a formula; an actor name or
 * user agent is whatever the client sent, so such text gets a leading apostrophe (OWASP).
 */
function formulaSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
