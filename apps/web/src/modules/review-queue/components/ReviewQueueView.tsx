import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { useReviewQueue } from '../hooks/useReviewQueue';
import { ReviewGroupItem } from './ReviewGroupItem';

type Props = {
  snapshotId: string | null;
  snapshotVersion: number | null;
};

/**
 * HR's review queue for one snapshot: every wording the classifier left for review (or placed with
 * low confidence), most held first, confirmed one at a time or ticked and confirmed together.
 */
export function ReviewQueueView({ snapshotId, snapshotVersion }: Props) {
  const { queue, groups, selectedKeys, toggle, selectAll, confirm, confirmSelected, confirming, error, lastOutcome } =
    useReviewQueue(snapshotId);
  if (!snapshotId) return <p className="muted">No snapshot imported yet.</p>;
  if (queue.loading && !queue.data) return <LoadingState label="Loading the review queue…" />;
  if (queue.error || !queue.data) {
    return (
      <ErrorState title="Could not load the review queue." error={queue.error ?? null} onRetry={() => void queue.refetch()} />
    );
  }
  const summary = queue.data.classificationQueue;
  const selectable = groups.filter((group) => group.suggestedLevel).length;
  return (
    <section className="stack" aria-labelledby="queue-heading">
      <div>
        <h2 id="queue-heading" className="section-title">
          Needs review
        </h2>
        <p role="status" className="queue-summary">
          {summary.responsibilityCount === 0
            ? `Nothing needs review in snapshot v${snapshotVersion ?? '?'}: every responsibility has a level.`
            : `${summary.responsibilityCount} ${summary.responsibilityCount === 1 ? 'responsibility needs' : 'responsibilities need'} review in ` +
              `${summary.groupCount} ${summary.groupCount === 1 ? 'wording' : 'wordings'} ` +
              `(${summary.unclassifiedCount} unclassified, ${summary.lowConfidenceCount} placed with low confidence).`}
        </p>
        <p className="small muted">
          Unclassified work is left out of the value mixes and findings until it has a level. A confirmation sets the level for
          everyone holding the wording, is kept in later snapshots, and is remembered for this organization’s next imports.
        </p>
      </div>
      {lastOutcome && (
        <p className="notice small">
          Confirmed {lastOutcome.confirmed} {lastOutcome.confirmed === 1 ? 'wording' : 'wordings'} ({lastOutcome.overrides}{' '}
          {lastOutcome.overrides === 1 ? 'responsibility' : 'responsibilities'}); the findings have been recalculated.
        </p>
      )}
      {error && (
        <p role="alert" className="notice notice--error">
          Could not confirm: {error}
        </p>
      )}
      {groups.length > 0 && (
        <div className="toolbar queue-toolbar" role="group" aria-label="Bulk confirm">
          <label className="small">
            <input
              type="checkbox"
              checked={selectable > 0 && selectedKeys.length === selectable}
              disabled={confirming || selectable === 0}
              onChange={(event) => selectAll(event.target.checked)}
            />{' '}
            Select all with a suggestion
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={confirming || selectedKeys.length === 0}
            onClick={() => void confirmSelected()}
          >
            {confirming ? 'Confirming…' : `Confirm ${selectedKeys.length} selected`}
          </button>
          <span className="small muted">each with its suggested level</span>
        </div>
      )}
      {groups.length > 0 && (
        <ul className="review-list queue-list" aria-label="Wordings awaiting review" aria-busy={confirming}>
          {groups.map((group) => (
            <ReviewGroupItem
              key={group.key}
              group={group}
              selected={selectedKeys.includes(group.key)}
              busy={confirming}
              onSelect={(on) => toggle(group.key, on)}
              onConfirm={(level) => confirm([{ key: group.key, level }])}
            />
          ))}
        </ul>
      )}
      {summary.groupCount > groups.length && (
        <p className="small muted">
          Showing the {groups.length} most held of {summary.groupCount} wordings; more appear as these are confirmed.
        </p>
      )}
    </section>
  );
}
