import type { Command } from 'commander';
import { withDatabase } from '../../../api/src/database/database-session';
import { cliConfig } from '../cli-context';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Create or upgrade the database schema (embedded database, or DATABASE_URL).')
    .action(async () => {
      await withDatabase(cliConfig(), async ({ database, appliedMigrations }) => {
        console.log(
          appliedMigrations.length
            ? `Applied ${appliedMigrations.length} migration(s) to ${database.description}: ${appliedMigrations.join(', ')}`
            : `The schema of ${database.description} is up to date.`,
        );
      });
    });
}
