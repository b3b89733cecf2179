import { Link } from 'react-router-dom';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { ActionsOverview } from '../modules/review/components/ActionsOverview';

export function ActionsPage() {
  const { orgId, snapshotId } = useOrg();
  if (!snapshotId) {
    return (
      <p>
        No snapshot yet. <Link to={`/org/${orgId}/import`}>Import the org chart</Link>.
      </p>
    );
  }
  return <ActionsOverview key={snapshotId} organizationId={orgId} snapshotId={snapshotId} />;
}
