import fs from 'node:fs';
import { LOCAL_OPERATOR, OrganizationsService, PrivacyService } from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { resolveOrganization } from '../organization-option';

/** `rolemap person export <id>`: everything held about the person, as JSON on stdout or in --out. */
export async function exportPerson(externalId: string, options: { org?: string; out?: string }): Promise<void> {
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const data = await app.get(PrivacyService).personData(LOCAL_OPERATOR, organization.id, externalId);
    const json = `${JSON.stringify(data, null, 2)}\n`;
    if (options.out) {
      // Private to the user who runs it: the file holds personal data.
      fs.writeFileSync(options.out, json, { mode: 0o600 });
      console.log(`Wrote ${options.out} (${data.snapshots.length} snapshot(s), ${data.reviews.length} review(s)).`);
    } else {
      process.stdout.write(json);
    }
  });
}

/** `rolemap person erase <id> --yes`: removes the person from every snapshot, leaving an audit entry. */
export async function erasePerson(externalId: string, options: { org?: string; yes?: boolean; json?: boolean }): Promise<void> {
  if (!options.yes) {
    throw new CliError(
      `Erasing ${externalId} removes them from every snapshot and cannot be undone; run again with --yes to confirm.`,
      EXIT.invalidInput,
    );
  }
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const result = await app.get(PrivacyService).erasePerson(LOCAL_OPERATOR, organization.id, externalId);
    if (options.json) {
      console.log(JSON.stringify(result));
      return;
    }
    console.log(
      `Erased ${externalId} from "${organization.name}": ${result.snapshots} snapshot(s), ${result.responsibilities} responsibilities, ` +
        `${result.reviews} review(s), ${result.overrides} override(s), ${result.storedFiles} uploaded file(s), ` +
        `${result.surveyResponses} survey response(s), ${result.actions} action(s), ${result.scenarios} scenario(s); ` +
        `${result.auditEntriesRedacted} audit entr${result.auditEntriesRedacted === 1 ? 'y' : 'ies'} redacted.`,
    );
  });
}
