import {
  LOCAL_OPERATOR,
  type OrgSnapshotEntity,
  type OrganizationEntity,
  type OrganizationsService,
  type SnapshotsService,
} from '@rolemap/server-core';
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
  if (all.length === 0)
    throw new CliError(
      'There is no organization yet: import one with `rolemap import` or run `rolemap seed-demo`.',
      EXIT.invalidInput,
    );
  throw new CliError(`Several organizations exist; choose one with --org. ${await listHint(organizations)}`, EXIT.invalidInput);
}

async function listHint(organizations: OrganizationsService): Promise<string> {
  const names = (await organizations.list(LOCAL_OPERATOR)).map((org) => `"${org.name}"`);
  return names.length ? `Organizations: ${names.join(', ')}.` : '';
}

/** `--snapshot 2` and the like: a version number from 1, or null when the option is absent. */
export function parseVersionOption(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) {
    throw new CliError(`${flag} must be a version number such as 2 (got "${value}")`, EXIT.invalidInput);
  }
  return version;
}

/** The organization's snapshot of that version (the latest by as-of date when null), or a clear CLI error. */
export function resolveSnapshot(
  snapshots: SnapshotsService,
  organization: OrganizationEntity,
  version: number | null,
): Promise<OrgSnapshotEntity> {
  return snapshots.byVersion(LOCAL_OPERATOR, organization.id, version).catch((error: Error) => {
    throw new CliError(`${organization.name}: ${error.message}`, EXIT.invalidInput);
  });
}

/** The snapshot before `snapshot` by as-of date (what `diff` compares it with), or a clear CLI error. */
export async function resolvePreviousSnapshot(
  snapshots: SnapshotsService,
  organization: OrganizationEntity,
  snapshot: OrgSnapshotEntity,
): Promise<OrgSnapshotEntity> {
  const previous = await snapshots.before(LOCAL_OPERATOR, snapshot);
  if (previous) return previous;
  throw new CliError(
    `${organization.name}: snapshot v${snapshot.version} (as of ${snapshot.asOf}) is the earliest: nothing to compare it with`,
    EXIT.invalidInput,
  );
}
