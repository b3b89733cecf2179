import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatDate } from '../../shared/utils/format';
import { useApiTokens } from '../hooks/useApiTokens';

const LIFETIMES = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 366, label: 'A year' },
  { days: null, label: 'Until revoked' },
];

type TokenRow = { expiresAt?: string | null; revokedAt?: string | null };

function statusOf(token: TokenRow, now: number): string {
  if (token.revokedAt) return `Revoked ${formatDate(token.revokedAt)}`;
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'Expired';
  return 'Active';
}

/** "My API tokens": for the CLI (`rolemap login`) and scripts. A new token's secret is shown once. */
export function ApiTokensPanel() {
  const { tokens, loading, error, refetch, create, creating, revoke, created, dismissCreated } = useApiTokens();
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState('90');
  const [actionError, setActionError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const now = Date.now();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setActionError(null);
    setCopied(false);
    try {
      await create(name.trim(), lifetime === 'none' ? null : Number(lifetime));
      setName('');
    } catch (caught) {
      setActionError((caught as Error).message);
    }
  };
  const revokeToken = async (id: string) => {
    setActionError(null);
    try {
      await revoke(id);
    } catch (caught) {
      setActionError((caught as Error).message);
    }
  };
  const copy = async (token: string) => {
    await navigator.clipboard?.writeText(token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <section className="card" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">My API tokens</h2>
      <p className="muted">
        For the command line (<code>rolemap login --server … --token …</code>) and scripts: send it as{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you, with your roles.
      </p>
      <form className="form__grid" aria-label="New API token" onSubmit={(event) => void submit(event)}>
        <label className="field">
          Name
          <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="laptop CLI" />
        </label>
        <label className="field">
          Valid for
          <select value={lifetime} onChange={(e) => setLifetime(e.target.value)}>
            {LIFETIMES.map((option) => (
              <option key={option.label} value={option.days === null ? 'none' : String(option.days)}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--primary" disabled={creating || !name.trim()}>
          {creating ? 'Creating…' : 'Create token'}
        </button>
      </form>
      {created && (
        <div className="notice" role="status" aria-label="New token">
          <p>
            <strong>{created.name}</strong>: copy it now, it will not be shown again
            {created.expiresAt ? ` (valid until ${formatDate(created.expiresAt)})` : ' (valid until revoked)'}.
          </p>
          <p>
            <code className="token-secret" aria-label="Token secret">
              {created.token}
            </code>
          </p>
          <button type="button" className="button" onClick={() => void copy(created.token)}>
            {copied ? 'Copied' : 'Copy'}
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={dismissCreated}>
            Done
          </button>
        </div>
      )}
      {actionError && (
        <p role="alert" className="state state--error">
          {actionError}
        </p>
      )}
      {loading && <LoadingState label="Loading your tokens…" />}
      {error && <ErrorState title="Could not load your tokens." error={error} onRetry={() => void refetch()} />}
      {!loading && !error && tokens.length === 0 && <p className="muted">You have no API tokens.</p>}
      {tokens.length > 0 && (
        <table className="data-table data-table--compact" aria-label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const status = statusOf(token, now);
              return (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{formatDate(token.createdAt)}</td>
                  <td>{token.expiresAt ? formatDate(token.expiresAt) : 'Never'}</td>
                  <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : 'Never'}</td>
                  <td>{status}</td>
                  <td>
                    {status === 'Active' && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={`Revoke ${token.name}`}
                        onClick={() => void revokeToken(token.id)}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
