import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useOwnPositionId } from '../modules/auth/hooks/useOwnPositionId';
import { useOrg } from '../modules/organizations/hooks/useOrg';
import { LeaderReview } from '../modules/review/components/LeaderReview';

export function LeaderReviewPage() {
  const { orgId, snapshotId } = useOrg();
  const { positionId = null } = useParams();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  // A leader's review opens on their own team.
  const ownPositionId = useOwnPositionId(orgId, snapshotId ?? null);
  if (!snapshotId) {
    return (
      <p>
        No snapshot yet. <Link to={`/org/${orgId}/import`}>Import the org chart</Link>.
      </p>
    );
  }
  return (
    <LeaderReview
      key={snapshotId}
      organizationId={orgId}
      snapshotId={snapshotId}
      leaderId={positionId ?? ownPositionId}
      onLeaderChange={(id) => navigate({ pathname: `/org/${orgId}/review/${id}`, search: searchParams.toString() })}
    />
  );
}
