import { AUDIT_ACTIONS } from '@rolemap/domain';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatDateTime } from '../../shared/utils/format';
import { useAuditLog } from '../hooks/useAuditLog';
import { auditCsvUrl } from '../utils/audit-filter';

type Props = { organizationId: string };

const dateTime = (iso: string) => formatDateTime(iso, { seconds: true });

/** Compact facts of an entry: `method: sso · issuer: …`. */
function describeDetails(details: string): string {
  try {
    return Object.entries(JSON.parse(details) as Record<string, unknown>)
      .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(' · ');
  } catch {
    return details;
  }
}

/** The organization's audit log for HR admins: filter by action and dates, page through, download as CSV. */
export function AuditLogPanel({ organizationId }: Props) {
  const { entries, totalCount, loading, error, refetch, filter, setFilter, page, pageCount, setPage } =
    useAuditLog(organizationId);
  const toggle = (action: string) =>
    setFilter({
      ...filter,
      actions: filter.actions.includes(action) ? filter.actions.filter((a) => a !== action) : [...filter.actions, action],
    });

  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <form className="form__grid" aria-label="Filter the audit log" onSubmit={(event) => event.preventDefault()}>
        <fieldset className="field">
          <legend>Actions</legend>
          {AUDIT_ACTIONS.map((action) => (
            <label key={action} className="field--inline">
              <input type="checkbox" checked={filter.actions.includes(action)} onChange={() => toggle(action)} /> {action}
            </label>
          ))}
        </fieldset>
        <label className="field">
          From
          <input type="date" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
        </label>
        <label className="field">
          To
          <input type="date" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
        </label>
        <a className="button" href={auditCsvUrl(organizationId, filter)} download>
          Download CSV
        </a>
      </form>
      {loading && <LoadingState label="Loading the audit log…" />}
      {error && <ErrorState title="Could not load the audit log." error={error} onRetry={() => void refetch()} />}
      {!loading && !error && (
        <>
          <p className="muted" role="status">
            {totalCount === 0 ? 'No entries match.' : `${totalCount} ${totalCount === 1 ? 'entry' : 'entries'}, newest first.`}
          </p>
          {entries.length > 0 && (
            <table className="data-table data-table--compact" aria-label="Audit entries">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">On</th>
                  <th scope="col">Details</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{dateTime(entry.at)}</td>
                    <td>{entry.actorName}</td>
                    <td>{entry.action}</td>
                    <td>{entry.target ?? '—'}</td>
                    <td>{describeDetails(entry.details)}</td>
                    <td>{entry.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pageCount > 1 && (
            <nav aria-label="Audit log pages" className="pager">
              <button type="button" className="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
                Newer
              </button>
              <span>
                Page {page + 1} of {pageCount}
              </span>
              <button type="button" className="button" disabled={page + 1 >= pageCount} onClick={() => setPage(page + 1)}>
                Older
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
