import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { MIGRATIONS, acrossAllTenants, createDataSource, startEmbeddedPostgres } from '../src';

function testDatabaseUrl(): string {
  const url = process.env.ROLEMAP_TEST_DATABASE_URL;
  if (!url) throw new Error('ROLEMAP_TEST_DATABASE_URL is not set: run through libs/server/core/test/jest.integration.config.js');
  return url;
}

/** What TypeORM would change to make the database match the entities: nothing, when they agree. */
async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
  return upQueries.map((query) => query.query);
}

/** As the connecting user: the app's role sees only the tables it has rights on (none, once the tenants migration is undone). */
async function tablesOf(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await acrossAllTenants(() =>
    dataSource.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"),
  );
  return rows.map((row) => row.table_name);
}

describe('entities and migrations describe the same schema', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource({ url: testDatabaseUrl(), embedded: false });
    await dataSource.initialize();
  });
  afterAll(() => dataSource?.destroy());

  it('leaves nothing for TypeORM to change after the migrations (PostgreSQL)', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await schemaDrift(dataSource)).toEqual([]);
  });

  it('undoes every migration with its down step and applies them again, to the same schema', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const migrated = await tablesOf(dataSource);
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tablesOf(dataSource)).toEqual(['rolemap_migrations']);
    expect(await acrossAllTenants(() => dataSource.query('SELECT * FROM rolemap_migrations'))).toEqual([]);
    const reapplied = await dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied).toHaveLength(MIGRATIONS.length);
    expect(await tablesOf(dataSource)).toEqual(migrated);
    expect(await schemaDrift(dataSource)).toEqual([]);
  });

  it('leaves nothing to change on the embedded database either', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-schema-'));
    const embedded = await startEmbeddedPostgres(dataDir);
    const local = createDataSource({ url: embedded.url, embedded: true });
    try {
      await local.initialize();
      await local.runMigrations({ transaction: 'each' });
      expect(await schemaDrift(local)).toEqual([]);
    } finally {
      if (local.isInitialized) await local.destroy();
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
