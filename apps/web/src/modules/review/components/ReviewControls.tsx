import { isOverdue } from '@rolemap/domain';
import { useId, useState } from 'react';
import type { ActionFieldsFragment, ActionPlanInput, ActionStatus, ReviewStatus } from '../../../gql/graphql';
import { formatDateTime, todayLocalIso } from '../../shared/utils/format';
import { useFindingHistory } from '../hooks/useFindingHistory';
import { ActionForm } from './ActionForm';
import { ActionSummary } from './ActionSummary';
import { DecisionHistory } from './DecisionHistory';

type Props = {
  snapshotId: string;
  findingKey: string;
  status: ReviewStatus;
  note: string | null;
  reviewer: string | null;
  reviewedAt: string | null;
  /** The newest action a decision on the finding planned. */
  action: ActionFieldsFragment | null;
  /** Who or what the finding is about, for the buttons' accessible names. */
  subject: string;
  onReview: (status: ReviewStatus, note: string, action?: ActionPlanInput) => Promise<unknown>;
  onActionStatus?: (id: string, status: ActionStatus) => Promise<unknown>;
};

/**
 * Accept (planning the action it leads to), dismiss or reopen a finding, each with its own note.
 * A decision is added to the finding's history; the note box starts empty for the next one.
 */
export function ReviewControls({
  snapshotId,
  findingKey,
  status,
  note,
  reviewer,
  reviewedAt,
  action,
  subject,
  onReview,
  onActionStatus,
}: Props) {
  const noteId = useId();
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState<ReviewStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const history = useFindingHistory(snapshotId, findingKey);

  const submit = async (next: ReviewStatus, plan?: ActionPlanInput) => {
    setSaving(next);
    setError(null);
    try {
      await onReview(next, draft, plan);
      setDraft('');
      setPlanning(false);
      if (showHistory) void history.refetch();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(null);
    }
  };

  const startAccepting = () => {
    setPlanning(true);
    void history.load();
  };

  const suggested = history.data?.findingHistory.suggestedAction;
  return (
    <div className="review-controls">
      {status !== 'OPEN' && (
        <p className="review-controls__decision">
          {status === 'ACCEPTED' ? 'Accepted' : 'Dismissed'}
          {reviewer ? ` by ${reviewer}` : ''}
          {reviewedAt ? ` on ${formatDateTime(reviewedAt)}` : ''}
          {note ? (
            <>
              : <q>{note}</q>
            </>
          ) : (
            '.'
          )}
        </p>
      )}
      {action && (status === 'ACCEPTED' || action.status === 'DONE') && (
        <ActionSummary action={action} overdue={isOverdue(action, todayLocalIso())} onStatus={onActionStatus} />
      )}
      <label htmlFor={noteId} className="review-controls__label">
        Note
      </label>
      <textarea
        id={noteId}
        rows={2}
        value={draft}
        placeholder={status === 'OPEN' ? 'Why you accept or dismiss this finding' : 'Why you change the decision'}
        onChange={(event) => setDraft(event.target.value)}
      />
      {planning ? (
        suggested ? (
          <ActionForm
            suggested={{ ...suggested, delegateTo: suggested.delegateTo ?? '' }}
            saving={saving === 'ACCEPTED'}
            onSubmit={(plan) => void submit('ACCEPTED', plan)}
            onCancel={() => setPlanning(false)}
          />
        ) : history.error ? (
          <p role="alert" className="field-error">
            Could not load the suggested action: {history.error.message}
          </p>
        ) : (
          <p className="muted">Loading the suggested action…</p>
        )
      ) : (
        <div className="review-controls__buttons">
          <button
            type="button"
            className="button button--primary"
            disabled={saving !== null}
            aria-label={`Accept finding for ${subject}`}
            onClick={startAccepting}
          >
            {status === 'ACCEPTED' ? 'Accept again…' : 'Accept…'}
          </button>
          {status !== 'DISMISSED' && (
            <button
              type="button"
              className="button"
              disabled={saving !== null}
              aria-label={`Dismiss finding for ${subject}`}
              onClick={() => void submit('DISMISSED')}
            >
              {saving === 'DISMISSED' ? 'Saving…' : 'Dismiss'}
            </button>
          )}
          {status !== 'OPEN' && (
            <button
              type="button"
              className="button button--quiet"
              disabled={saving !== null}
              aria-label={`Reopen finding for ${subject}`}
              onClick={() => void submit('OPEN')}
            >
              {saving === 'OPEN' ? 'Saving…' : 'Reopen'}
            </button>
          )}
          {(status !== 'OPEN' || action) && (
            <button
              type="button"
              className="button button--quiet"
              aria-expanded={showHistory}
              aria-label={`History of the finding for ${subject}`}
              onClick={() => {
                setShowHistory((shown) => !shown);
                if (!showHistory) void history.load();
              }}
            >
              History
            </button>
          )}
        </div>
      )}
      {showHistory && history.data && <DecisionHistory history={history.data.findingHistory} />}
      {error && (
        <p role="alert" className="field-error">
          Could not save the review: {error}
        </p>
      )}
    </div>
  );
}
