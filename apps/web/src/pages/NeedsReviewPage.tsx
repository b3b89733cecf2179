import { useOrg } from '../modules/organizations/hooks/useOrg';
import { ReviewQueueView } from '../modules/review-queue/components/ReviewQueueView';

export function NeedsReviewPage() {
  const { snapshotId, snapshots } = useOrg();
  const version = snapshots.find((snapshot) => snapshot.id === snapshotId)?.version ?? null;
  return <ReviewQueueView key={snapshotId ?? 'none'} snapshotId={snapshotId} snapshotVersion={version} />;
}
