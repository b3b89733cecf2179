import { Link } from 'react-router-dom';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { OrgOverview } from '../modules/overview/components/OrgOverview';

export function OverviewPage() {
  const { orgId, organization, snapshot, linkSnapshotId, linkTo } = useOrg();
  if (!snapshot) {
    return (
      <p>
        No snapshot yet. <Link to={`/org/${orgId}/import`}>Import the org chart</Link>.
      </p>
    );
  }
  return (
    <OrgOverview
      key={snapshot.id}
      organizationId={orgId}
      snapshotId={snapshot.id}
      organizationName={organization.name}
      snapshotVersion={snapshot.version}
      linkSnapshotId={linkSnapshotId}
      reviewLink={(positionId) => linkTo(`/org/${orgId}/review/${positionId}`)}
    />
  );
}
