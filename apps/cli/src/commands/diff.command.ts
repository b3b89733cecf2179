import { AnalysisService, LOCAL_OPERATOR, OrganizationsService, SnapshotsService } from '@rolemap/server-core';
import { withServices } from '../cli-app';
import { parseVersionOption, resolveOrganization, resolvePreviousSnapshot, resolveSnapshot } from '../organization-option';

interface DiffOptions {
  org?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

/** `rolemap diff`: joiners, leavers, moves and promotions between two snapshots. */
export async function runDiff(options: DiffOptions): Promise<void> {
  await withServices([], async (app) => {
    const services = {
      organizations: app.get(OrganizationsService),
      snapshots: app.get(SnapshotsService),
      analysis: app.get(AnalysisService),
    };
    const organization = await resolveOrganization(services.organizations, options.org);
    const to = await resolveSnapshot(services.snapshots, organization, parseVersionOption('--to', options.to));
    const fromVersion = parseVersionOption('--from', options.from);
    const from =
      fromVersion === null
        ? await resolvePreviousSnapshot(services.snapshots, organization, to)
        : await resolveSnapshot(services.snapshots, organization, fromVersion);
    const diff = await services.analysis.diff(LOCAL_OPERATOR, from.id, to.id);
    if (options.json) {
      console.log(JSON.stringify({ organization: organization.name, from: from.version, to: to.version, ...diff }));
      return;
    }
    console.log(`${organization.name}: snapshot v${from.version} (${from.asOf}) → v${to.version} (${to.asOf})`);
    const section = (title: string, lines: string[]) => {
      console.log(`\n${title} (${lines.length})`);
      for (const line of lines) console.log(`  ${line}`);
    };
    section(
      'Joiners',
      diff.joiners.map((person) => `${person.employeeId}  ${person.name}, ${person.title}`),
    );
    section(
      'Leavers',
      diff.leavers.map((person) => `${person.employeeId}  ${person.name}, ${person.title}`),
    );
    section(
      'Promotions',
      diff.promotions.map(
        (promotion) =>
          `${promotion.employeeId}  ${promotion.name}: ${promotion.fromTitle} → ${promotion.toTitle} (${promotion.fromTier} → ${promotion.toTier})`,
      ),
    );
    section(
      'Moves',
      diff.moves.map((move) => {
        const parts = [];
        if (move.managerChanged) parts.push(`manager ${move.fromManagerName ?? '—'} → ${move.toManagerName ?? '—'}`);
        if (move.departmentChanged) parts.push(`department ${move.fromDepartment ?? '—'} → ${move.toDepartment ?? '—'}`);
        return `${move.employeeId}  ${move.name}: ${parts.join('; ')}`;
      }),
    );
  });
}
