import type { Command } from 'commander';
import { LOCAL_OPERATOR } from '../../../api/src/common/caller';
import { withDatabase } from '../../../api/src/database/database-session';
import { cliConfig } from '../cli-context';
import { cliServices } from '../services';

export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description('Add the demo organization (about 150 people over six layers). Running it again adds nothing.')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = cliConfig();
      await withDatabase(config, async ({ dataSource, database }) => {
        const result = await cliServices(dataSource, database, config).demo.seed(LOCAL_OPERATOR);
        if (options.json) console.log(JSON.stringify(result));
        else if (result.created)
          console.log(`Seeded "${result.organization}" (snapshot v${result.snapshotVersion}, ${result.people} people).`);
        else console.log(`"${result.organization}" is already there (snapshot v${result.snapshotVersion}); nothing added.`);
      });
    });
}
