import { useOrg } from '../modules/organizations/hooks/useOrg';
import { PolicyEditor } from '../modules/policy/components/PolicyEditor';

export function PolicyPage() {
  const { orgId, snapshotId } = useOrg();
  return <PolicyEditor key={orgId} organizationId={orgId} snapshotId={snapshotId} />;
}
