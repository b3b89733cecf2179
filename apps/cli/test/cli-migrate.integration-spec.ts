import { Client } from 'pg';
import { MIGRATIONS } from '@rolemap/server-core';
import { runCli } from './run-cli';

/** `rolemap migrate` and `--revert` on a database of their own: reverting drops what the others use. */
describe('rolemap migrate --revert', () => {
  const name = `rolemap_cli_migrate_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: process.env.ROLEMAP_TEST_SERVER_URL });
  let env: Record<string, string>;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.ROLEMAP_TEST_SERVER_URL!);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const tables = async () => {
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    await client.end();
    return rows.map((row) => row.table_name as string).sort();
  };

  it('says so when there is nothing to revert', () => {
    const result = runCli(['migrate', '--revert'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/No migration has been applied to .*: nothing to revert/);
  });

  it('migrates up, reverts with the down step without applying anything first, and migrates up again', async () => {
    const latest = MIGRATIONS[MIGRATIONS.length - 1].name;
    expect(runCli(['migrate'], env).stdout).toMatch(
      new RegExp(`Applied ${MIGRATIONS.length} migration\\(s\\) .*${MIGRATIONS.map((migration) => migration.name).join(', ')}`),
    );
    expect(await tables()).toEqual(expect.arrayContaining(['organization', 'position', 'rolemap_migrations']));
    expect(runCli(['seed-demo'], env).status).toBe(0);

    // With data in place: only the latest migration goes down, and nothing is applied first.
    const reverted = runCli(['migrate', '--revert'], env);
    expect(reverted.stderr).toBe('');
    expect(reverted.status).toBe(0);
    expect(reverted.stdout).toMatch(new RegExp(`Reverted ${latest} on PostgreSQL at `));
    expect(runCli(['migrate'], env).stdout).toMatch(new RegExp(`Applied 1 migration\\(s\\) .*${latest}`));
    const seeded = runCli(['seed-demo', '--json'], env);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ created: false });
  });

  it('reverts every migration of an empty database, one per call, down to nothing', async () => {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    expect(runCli(['migrate'], env).status).toBe(0);
    for (const migration of [...MIGRATIONS].reverse()) {
      expect(runCli(['migrate', '--revert'], env).stdout).toMatch(new RegExp(`Reverted ${migration.name} on PostgreSQL at `));
    }
    expect(await tables()).toEqual(['rolemap_migrations']);
    expect(runCli(['migrate', '--revert'], env).stdout).toMatch(/nothing to revert/);
    expect(runCli(['migrate'], env).stdout).toMatch(new RegExp(`Applied ${MIGRATIONS.length} migration\\(s\\)`));
    const seeded = runCli(['seed-demo', '--json'], env);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ created: true, snapshotVersion: 1 });
  });
});
