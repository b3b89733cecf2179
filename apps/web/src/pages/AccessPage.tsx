import { MembersPanel } from '../modules/account/components/MembersPanel';
import { useIsHrAdmin } from '../modules/account/hooks/useIsHrAdmin';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { useOrg } from '../modules/organizations/hooks/useOrg';

export function AccessPage() {
  const { orgId } = useOrg();
  if (!useIsHrAdmin(orgId)) return <ErrorState title="Only the organization’s HR admins see who has access." error={null} />;
  return <MembersPanel organizationId={orgId} />;
}
