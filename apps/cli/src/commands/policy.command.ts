import { LOCAL_OPERATOR, OrganizationsService, PolicyService } from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { resolveOrganization } from '../organization-option';
import { readPolicyFile } from '../policy-file';

/** `rolemap policy show`: the policy in force as JSON, itself a valid --policy file. */
export async function showPolicy(options: { org?: string }): Promise<void> {
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    console.log(JSON.stringify(await app.get(PolicyService).policy(LOCAL_OPERATOR, organization.id), null, 2));
  });
}

/** `rolemap policy set <file>`: the file merged over the policy in force, saved as a new version. */
export async function setPolicy(file: string, options: { org?: string }): Promise<void> {
  await withServices([], async (app) => {
    const organization = await resolveOrganization(app.get(OrganizationsService), options.org);
    const policies = app.get(PolicyService);
    const merged = readPolicyFile(file, await policies.policy(LOCAL_OPERATOR, organization.id));
    await policies.updatePolicy(LOCAL_OPERATOR, organization.id, merged);
    console.log(`Saved a new policy for "${organization.name}".`);
  });
}
