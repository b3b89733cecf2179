import { useId } from 'react';
import { ErrorState } from '../../shared/components/ErrorState';
import { LoadingState } from '../../shared/components/LoadingState';
import { formatDate } from '../../shared/utils/format';
import type { OrgSnapshot } from '../../organizations/hooks/useOrgContext';
import { useSnapshotDiff } from '../hooks/useSnapshotDiff';
import { SnapshotDiffView } from './SnapshotDiffView';
import { SnapshotTable } from './SnapshotTable';

type Props = {
  snapshots: readonly OrgSnapshot[];
  currentId: string | null;
  overviewLink: (snapshotId: string) => string;
  reviewQueueLink: (snapshotId: string) => string;
};

export function SnapshotsOverview({ snapshots, currentId, overviewLink, reviewQueueLink }: Props) {
  const { fromId, toId, setFromId, setToId, same, diff } = useSnapshotDiff(snapshots, currentId);
  const fromSelect = useId();
  const toSelect = useId();
  const option = (snapshot: OrgSnapshot) => (
    <option key={snapshot.id} value={snapshot.id}>
      v{snapshot.version} · {formatDate(snapshot.asOf)}
    </option>
  );
  return (
    <div className="stack">
      <section aria-labelledby="snapshots-heading">
        <h2 id="snapshots-heading" className="section-title">
          Versions
        </h2>
        {snapshots.length === 0 ? (
          <p className="muted">No snapshot imported yet.</p>
        ) : (
          <SnapshotTable
            snapshots={snapshots}
            currentId={currentId}
            overviewLink={overviewLink}
            reviewQueueLink={reviewQueueLink}
          />
        )}
      </section>
      <section aria-labelledby="diff-heading">
        <h2 id="diff-heading" className="section-title">
          What changed
        </h2>
        {snapshots.length < 2 ? (
          <p className="muted">Import a second version to compare who joined, left, moved and was promoted.</p>
        ) : (
          <>
            <div className="filters" role="group" aria-label="Versions to compare">
              <div className="field field--inline">
                <label htmlFor={fromSelect}>From</label>
                <select id={fromSelect} value={fromId ?? ''} onChange={(event) => setFromId(event.target.value)}>
                  {snapshots.map(option)}
                </select>
              </div>
              <div className="field field--inline">
                <label htmlFor={toSelect}>To</label>
                <select id={toSelect} value={toId ?? ''} onChange={(event) => setToId(event.target.value)}>
                  {snapshots.map(option)}
                </select>
              </div>
            </div>
            {same && <p className="muted">Choose two different versions.</p>}
            {diff.loading && <LoadingState label="Comparing versions…" />}
            {diff.error && (
              <ErrorState title="Could not compare these versions." error={diff.error} onRetry={() => void diff.refetch()} />
            )}
            {diff.data && !same && <SnapshotDiffView diff={diff.data.snapshotDiff} />}
          </>
        )}
      </section>
    </div>
  );
}
