import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { createDataSource } from './data-source';
import { type OpenDatabase, openDatabase } from './open-database';

export interface DatabaseSession {
  database: OpenDatabase;
  dataSource: DataSource;
  /** Migrations applied by this session (names), empty when the schema was current. */
  appliedMigrations: string[];
}

/**
 * Opens the configured database (embedded or server), brings its schema up to date (unless
 * `migrate` is false: reverting a migration must not first apply the pending ones) and runs
 * `work`; always closes everything, also when `work` throws.
 */
export async function withDatabase<T>(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  work: (session: DatabaseSession) => Promise<T>,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openDatabase(config);
  const dataSource = createDataSource(database);
  try {
    await dataSource.initialize();
    const applied = migrate ? await dataSource.runMigrations({ transaction: 'each' }) : [];
    return await work({ database, dataSource, appliedMigrations: applied.map((migration) => migration.name) });
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.close();
  }
}
