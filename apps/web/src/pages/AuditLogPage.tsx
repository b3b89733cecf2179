import { AuditLogPanel } from '../modules/account/components/AuditLogPanel';
import { useIsHrAdmin } from '../modules/account/hooks/useIsHrAdmin';
import { ErrorState } from '../modules/shared/components/ErrorState';
import { useOrg } from '../modules/organizations/hooks/useOrg';

export function AuditLogPage() {
  const { orgId } = useOrg();
  if (!useIsHrAdmin(orgId)) return <ErrorState title="Only the organization’s HR admins see its audit log." error={null} />;
  return <AuditLogPanel organizationId={orgId} />;
}
