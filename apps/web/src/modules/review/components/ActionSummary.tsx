import { useState } from 'react';
import type { ActionFieldsFragment, ActionStatus } from '../../../gql/graphql';
import { formatDate } from '../../shared/utils/format';
import { ACTION_STATUS_TEXT, STATUS_VERB, nextStatuses, stepText } from '../utils/actions';

type Props = {
  action: ActionFieldsFragment;
  /** Marked when the due date has passed and it is not done. */
  overdue: boolean;
  onStatus?: (id: string, status: ActionStatus) => Promise<unknown>;
};

/** One action: the step, who owns it, by when, where it stands, and buttons to move it on. */
export function ActionSummary({ action, overdue, onStatus }: Props) {
  const [saving, setSaving] = useState<ActionStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const move = async (status: ActionStatus) => {
    setSaving(status);
    setError(null);
    try {
      await onStatus?.(action.id, status);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(null);
    }
  };
  return (
    <div className={overdue ? 'action-summary action-summary--overdue' : 'action-summary'} aria-label="Action">
      <p className="action-summary__line">
        <strong>{stepText(action.step, action.delegateTo)}</strong> · owner {action.owner} · due {formatDate(action.dueOn)}{' '}
        <span className={`action-status action-status--${action.status.toLowerCase().replace('_', '-')}`}>
          {ACTION_STATUS_TEXT[action.status]}
        </span>
        {overdue && <span className="action-overdue">Overdue</span>}
        {action.resolvedInSnapshotId && <span className="muted"> (the finding is gone in a later snapshot)</span>}
      </p>
      {action.note && <p className="action-summary__note">{action.note}</p>}
      {onStatus && (
        <div className="action-summary__buttons">
          {nextStatuses(action.status).map((status) => (
            <button
              key={status}
              type="button"
              className="button button--quiet"
              disabled={saving !== null}
              onClick={() => void move(status)}
            >
              {saving === status ? 'Saving…' : STATUS_VERB[status]}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          Could not update the action: {error}
        </p>
      )}
    </div>
  );
}
