import { acrossAllTenants } from '@rolemap/server-core';
import { withCliDatabase } from '../cli-app';

/**
 * `rolemap migrate`: applies the pending migrations. With --revert it applies none and undoes the
 * latest applied one instead, with that migration's down step.
 */
export async function runMigrate(options: { revert?: boolean }): Promise<void> {
  if (options.revert) {
    await withCliDatabase(
      // Maintenance of the whole database, as the connecting user: once the tenants migration is
      // undone the app's role has no rights left, not even to read the migrations table.
      ({ database, dataSource }) =>
        acrossAllTenants(async () => {
          const runner = dataSource.createQueryRunner();
          const applied: { name: string }[] = await runner
            .hasTable('rolemap_migrations')
            .then((exists) =>
              exists ? runner.query('SELECT name FROM rolemap_migrations ORDER BY timestamp DESC, id DESC LIMIT 1') : [],
            )
            .finally(() => runner.release());
          const latest = applied[0];
          if (!latest) {
            console.log(`No migration has been applied to ${database.description}: nothing to revert.`);
            return;
          }
          await dataSource.undoLastMigration({ transaction: 'each' });
          console.log(`Reverted ${latest.name} on ${database.description}.`);
        }),
      { migrate: false },
    );
    return;
  }
  await withCliDatabase(async ({ database, appliedMigrations }) => {
    console.log(
      appliedMigrations.length
        ? `Applied ${appliedMigrations.length} migration(s) to ${database.description}: ${appliedMigrations.join(', ')}`
        : `The schema of ${database.description} is up to date.`,
    );
  });
}
