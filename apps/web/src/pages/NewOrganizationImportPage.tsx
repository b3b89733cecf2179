import { UploadWizard } from '../modules/imports/components/UploadWizard';

export function NewOrganizationImportPage() {
  return (
    <section aria-labelledby="new-import-heading" className="page">
      <h1 id="new-import-heading">Import an organization</h1>
      <p className="muted">Upload an HRIS export of your people and, optionally, what each person spends their time on.</p>
      <UploadWizard organizationName="" />
    </section>
  );
}
