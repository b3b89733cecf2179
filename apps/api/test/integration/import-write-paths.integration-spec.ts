import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticOrg, peopleCsv, responsibilitiesCsv } from '@rolemap/demo-data';
import type { DataSource } from 'typeorm';
import {
  AuditLogService,
  type DatabaseTarget,
  type EmbeddedPostgres,
  LOCAL_OPERATOR,
  OrganizationsService,
  acrossAllTenants,
  createDataSource,
  startEmbeddedPostgres,
} from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import { resetDatabase, testDatabaseUrl } from '../support/test-app';

// A generated chart, with cells COPY text must escape and characters beyond Latin-1.
const org = generateSyntheticOrg({ size: 400, seed: 3 });
org.people[5] = { ...org.people[5], name: 'Zoë “Zed” Ångström', previousTitle: 'Chef\\de cuisine' };
org.responsibilities[7] = { ...org.responsibilities[7], description: 'Tab\there, newline\nthere, back\\slash, Ολυμπία' };
const PEOPLE = Buffer.from(peopleCsv(org.people));
const RESPONSIBILITIES = Buffer.from(responsibilitiesCsv(org.responsibilities));

/** Everything the import wrote for one snapshot, without the generated ids, in one order. */
async function writtenRows(dataSource: DataSource, snapshotId: string) {
  // The bulk tables have no foreign keys (so no TRUNCATE … CASCADE reaches them): filter by snapshot.
  const query = (sql: string) => dataSource.query(sql, [snapshotId]);
  return {
    positions: await query(
      `SELECT p.external_id, p.title, p.department, p.location, p.tier, p.tier_source, p.fte::text, p.vacant, p.depth,
              m.external_id AS manager
       FROM position p LEFT JOIN position m ON m.id = p.reports_to_id WHERE p.snapshot_id = $1 ORDER BY p.external_id`,
    ),
    people: await query(
      `SELECT employee_id, name, email, hire_date::text FROM person WHERE snapshot_id = $1 ORDER BY employee_id`,
    ),
    assignments: await query(
      `SELECT p.employee_id, pos.external_id, a.role_start_date::text, a.previous_title, a.last_promotion_date::text,
              a.performance_rating
       FROM assignment a JOIN person p ON p.id = a.person_id JOIN position pos ON pos.id = a.position_id
       WHERE a.snapshot_id = $1 ORDER BY p.employee_id`,
    ),
    responsibilities: await query(
      `SELECT pos.external_id, r.title, r.description, r.value_level, r.value_level_source,
              r.classification_confidence::text, r.share_pct::text, r.held_since::text
       FROM responsibility r JOIN position pos ON pos.id = r.position_id
       WHERE r.snapshot_id = $1 ORDER BY pos.external_id, r.title, r.share_pct, r.held_since`,
    ),
    snapshots: await query(
      'SELECT version, people_count, position_count, responsibility_count, content_hash FROM org_snapshot WHERE id = $1',
    ),
  };
}

async function importInto(dataSource: DataSource, target: DatabaseTarget) {
  const imports = new ImportService(dataSource, target, new OrganizationsService(dataSource), new AuditLogService(dataSource));
  const outcome = await imports.importFiles(LOCAL_OPERATOR, {
    organizationName: 'Paths Co',
    people: { fileName: 'people.csv', data: PEOPLE },
    responsibilities: { fileName: 'responsibilities.csv', data: RESPONSIBILITIES },
    asOf: '2026-11-01',
  });
  expect(outcome.errors).toEqual([]);
  expect(outcome.snapshot?.version).toBe(1);
  return writtenRows(dataSource, outcome.snapshot?.id as string);
}

describe('the three bulk-write paths write the same snapshot', () => {
  let server: DataSource;
  let embedded: EmbeddedPostgres;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-write-paths-'));

  beforeAll(async () => {
    await resetDatabase();
    server = createDataSource({ url: testDatabaseUrl(), embedded: false });
    await server.initialize();
    await server.runMigrations();
    // Rows other test files left (TRUNCATE … CASCADE does not reach the bulk tables), so the
    // planner's row count below is this import's alone.
    await acrossAllTenants(() => server.query('TRUNCATE position, person, assignment, responsibility CASCADE'));
    embedded = await startEmbeddedPostgres(dataDir);
  });
  afterAll(async () => {
    await server?.destroy();
    await embedded?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("COPY FROM STDIN on PostgreSQL, PGlite's in-process COPY FROM '/dev/blob', and INSERTs through its socket", async () => {
    const onServer = await importInto(server, { url: testDatabaseUrl(), embedded: false });
    expect(onServer.positions).toHaveLength(400);
    expect(onServer.responsibilities).toHaveLength(org.responsibilities.length);
    expect(onServer.responsibilities.map((row: { description: string }) => row.description)).toContain(
      'Tab\there, newline\nthere, back\\slash, Ολυμπία',
    );

    const embeddedSource = createDataSource({ url: embedded.url, embedded: true });
    await embeddedSource.initialize();
    try {
      await embeddedSource.runMigrations();
      const inProcess = await importInto(embeddedSource, { url: embedded.url, embedded: true, copyIn: embedded.copyIn });
      expect(inProcess).toEqual(onServer);

      await acrossAllTenants(() => embeddedSource.query('TRUNCATE organization CASCADE'));
      const throughSocket = await importInto(embeddedSource, { url: embedded.url, embedded: true });
      expect(throughSocket).toEqual(onServer);
    } finally {
      await embeddedSource.destroy();
    }
  });

  it('rolls the in-process COPY back with the import when a later step fails', async () => {
    const embeddedSource = createDataSource({ url: embedded.url, embedded: true });
    await embeddedSource.initialize();
    try {
      // As the owner: every tenant's rows, orphans of dropped organizations included.
      await acrossAllTenants(() => embeddedSource.query('TRUNCATE organization CASCADE'));
      const positionCount = async () =>
        (await acrossAllTenants(() => embeddedSource.query('SELECT count(*)::int AS count FROM position')))[0].count;
      const before = await positionCount();
      const failing: DatabaseTarget = {
        url: embedded.url,
        embedded: true,
        copyIn: async (statement, data) => {
          await embedded.copyIn(statement, data);
          if (statement.startsWith('COPY responsibility')) throw new Error('disk full');
        },
      };
      const imports = new ImportService(
        embeddedSource,
        failing,
        new OrganizationsService(embeddedSource),
        new AuditLogService(embeddedSource),
      );
      await expect(
        imports.importFiles(LOCAL_OPERATOR, {
          organizationName: 'Paths Co',
          people: { fileName: 'people.csv', data: PEOPLE },
          responsibilities: { fileName: 'responsibilities.csv', data: RESPONSIBILITIES },
          asOf: '2026-11-01',
        }),
      ).rejects.toThrow('disk full');
      expect(await positionCount()).toBe(before);
      expect(await embeddedSource.query('SELECT id FROM org_snapshot')).toEqual([]);
    } finally {
      await embeddedSource.destroy();
    }
  });

  it('leaves the planner fresh statistics: ANALYZE runs after the import', async () => {
    const [{ reltuples }] = await server.query("SELECT reltuples FROM pg_class WHERE relname = 'responsibility'");
    expect(reltuples).toBe(org.responsibilities.length);
  });
});
