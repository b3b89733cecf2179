import type { OrganizationsService } from '../../api/src/modules/organizations/organizations.service';
import type { OrganizationEntity } from '../../api/src/modules/organizations/organization.entity';
import { LOCAL_OPERATOR } from '../../api/src/common/caller';
import { CliError, EXIT } from './cli-context';

/**
 * `--org <name>`; without it the only organization there is. Several and no --org is an
 * error listing them, so the user can pick one.
 */
export async function resolveOrganization(organizations: OrganizationsService, name?: string): Promise<OrganizationEntity> {
  if (name) {
    const organization = await organizations.findByName(LOCAL_OPERATOR, name.trim());
    if (!organization) throw new CliError(`No organization named "${name}". ${await listHint(organizations)}`, EXIT.invalidInput);
    return organization;
  }
  const all = await organizations.list(LOCAL_OPERATOR);
  if (all.length === 1) return all[0];
  if (all.length === 0) throw new CliError('There is no organization yet: import one with `rolemap import` or run `rolemap seed-demo`.', EXIT.invalidInput);
  throw new CliError(`Several organizations exist; choose one with --org. ${await listHint(organizations)}`, EXIT.invalidInput);
}

async function listHint(organizations: OrganizationsService): Promise<string> {
  const names = (await organizations.list(LOCAL_OPERATOR)).map((org) => `"${org.name}"`);
  return names.length ? `Organizations: ${names.join(', ')}.` : '';
}
