import { UploadWizard } from '../modules/imports/components/UploadWizard';
import { useOrg } from '../modules/organizations/hooks/useOrg';

/** A new snapshot of an existing organization. */
export function ImportPage() {
  const { organization } = useOrg();
  return <UploadWizard key={organization.id} organizationName={organization.name} />;
}
