import { GradeTiersEditor } from '../modules/grades/components/GradeTiersEditor';
import { useOrg } from '../modules/organizations/hooks/useOrg';

export function GradesPage() {
  const { orgId } = useOrg();
  return <GradeTiersEditor key={orgId} organizationId={orgId} />;
}
