import { useOrg } from '../modules/organizations/hooks/useOrg';
import { SnapshotsOverview } from '../modules/snapshots/components/SnapshotsOverview';

export function SnapshotsPage() {
  const { orgId, snapshots, snapshotId } = useOrg();
  return (
    <SnapshotsOverview
      snapshots={snapshots}
      currentId={snapshotId}
      overviewLink={(id) => `/org/${orgId}/overview?snapshot=${encodeURIComponent(id)}`}
      reviewQueueLink={(id) => `/org/${orgId}/needs-review?snapshot=${encodeURIComponent(id)}`}
    />
  );
}
