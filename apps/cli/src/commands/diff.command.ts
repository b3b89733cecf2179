import type { Command } from 'commander';
import { LOCAL_OPERATOR } from '../../../api/src/common/caller';
import { withDatabase } from '../../../api/src/database/database-session';
import { cliConfig } from '../cli-context';
import { parseVersionOption, resolveOrganization, resolvePreviousSnapshot, resolveSnapshot } from '../organization-option';
import { cliServices } from '../services';

interface DiffOptions {
  org?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('What changed between two snapshots: joiners, leavers, moves and promotions.')
    .option('-o, --org <name>', 'organization (default: the only one)')
    .option('--from <version>', 'earlier snapshot version (default: the one before --to by as-of date)')
    .option('--to <version>', 'later snapshot version (default: the latest by as-of date)')
    .option('--json', 'print the diff as JSON')
    .action(async (options: DiffOptions) => {
      const config = cliConfig();
      await withDatabase(config, async ({ dataSource, database }) => {
        const services = cliServices(dataSource, database, config);
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
    });
}
