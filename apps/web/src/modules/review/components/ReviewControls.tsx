import { useId, useState } from 'react';
import type { ReviewStatus } from '../../../gql/graphql';
import { formatDateTime } from '../../shared/utils/format';

type Props = {
  status: ReviewStatus;
  note: string | null;
  reviewer: string | null;
  reviewedAt: string | null;
  /** Who or what the finding is about, for the buttons' accessible names. */
  subject: string;
  onReview: (status: ReviewStatus, note: string) => Promise<unknown>;
};

/** Accept or dismiss a finding with a note; a decided finding can be reopened. */
export function ReviewControls({ status, note, reviewer, reviewedAt, subject, onReview }: Props) {
  const noteId = useId();
  const [draft, setDraft] = useState(note ?? '');
  const [saving, setSaving] = useState<ReviewStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (next: ReviewStatus) => {
    setSaving(next);
    setError(null);
    try {
      await onReview(next, draft);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(null);
    }
  };

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
      <label htmlFor={noteId} className="review-controls__label">
        Note
      </label>
      <textarea
        id={noteId}
        rows={2}
        value={draft}
        placeholder="Why you accept or dismiss this finding"
        onChange={(event) => setDraft(event.target.value)}
      />
      <div className="review-controls__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={saving !== null}
          aria-label={`Accept finding for ${subject}`}
          onClick={() => void submit('ACCEPTED')}
        >
          {saving === 'ACCEPTED' ? 'Saving…' : 'Accept'}
        </button>
        <button
          type="button"
          className="button"
          disabled={saving !== null}
          aria-label={`Dismiss finding for ${subject}`}
          onClick={() => void submit('DISMISSED')}
        >
          {saving === 'DISMISSED' ? 'Saving…' : 'Dismiss'}
        </button>
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
      </div>
      {error && (
        <p role="alert" className="field-error">
          Could not save the review: {error}
        </p>
      )}
    </div>
  );
}
