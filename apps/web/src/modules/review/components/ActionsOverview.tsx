import { useSearchParams } from 'react-router-dom';
import type { ActionStatus } from '../../../gql/graphql';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useActionStatus } from '../hooks/useActionStatus';
import { useActions } from '../hooks/useActions';
import { ActionList } from './ActionList';

type Props = {
  organizationId: string;
  snapshotId: string;
};

const SHOWN: Record<string, { label: string; statuses: ActionStatus[] | null }> = {
  active: { label: 'Open and in progress', statuses: ['OPEN', 'IN_PROGRESS'] },
  done: { label: 'Done', statuses: ['DONE'] },
  all: { label: 'All', statuses: null },
};

/** Every action HR can see (a leader: their team's), overdue first; the filter lives in the URL. */
export function ActionsOverview({ organizationId, snapshotId }: Props) {
  const [params, setParams] = useSearchParams();
  const shown = SHOWN[params.get('show') ?? ''] ? (params.get('show') as string) : 'active';
  const overdueOnly = params.get('overdue') === '1';
  const actions = useActions(snapshotId, null, SHOWN[shown].statuses, overdueOnly);
  const setActionStatus = useActionStatus();
  const update = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="actions-heading" className="actions-overview">
      <h2 id="actions-heading" className="section-title">
        Actions
      </h2>
      <div className="filters">
        <label>
          Show{' '}
          <select value={shown} onChange={(event) => update('show', event.target.value === 'active' ? null : event.target.value)}>
            {Object.entries(SHOWN).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={overdueOnly}
            onChange={(event) => update('overdue', event.target.checked ? '1' : null)}
          />{' '}
          Overdue only
        </label>
      </div>
      {actions.loading && !actions.data && <LoadingState label="Loading actions…" />}
      {actions.error && (
        <ErrorState title="Could not load the actions." error={actions.error} onRetry={() => void actions.refetch()} />
      )}
      {actions.data && (
        <ActionList
          actions={actions.data.actions}
          onStatus={setActionStatus}
          label="Actions"
          reviewHrefOf={(positionId) => `/org/${organizationId}/review/${positionId}`}
        />
      )}
    </section>
  );
}
