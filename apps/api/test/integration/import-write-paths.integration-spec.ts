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

  // On a server the chart is written while the responsibilities file is read (before its errors or the duplicate check are known).
  it('rolls back the chart written early when the responsibilities file has errors, and undoes it for a duplicate', async () => {
    const imports = new ImportService(
      server,
      { url: testDatabaseUrl(), embedded: false },
      new OrganizationsService(server),
      new AuditLogService(server),
    );
    const rowCounts = async () =>
      (
        await acrossAllTenants(() =>
          server.query(
            `SELECT (SELECT count(*)::int FROM position) AS positions, (SELECT count(*)::int FROM person) AS people,
                    (SELECT count(*)::int FROM responsibility) AS responsibilities, (SELECT count(*)::int FROM org_snapshot) AS snapshots,
                    (SELECT count(*)::int FROM organization WHERE name = 'Early Co') AS organizations`,
          ),
        )
      )[0];
    const before = await rowCounts();
    const badRow = org.responsibilities.length + 2;
    const invalid = await imports.importFiles(LOCAL_OPERATOR, {
      organizationName: 'Early Co',
      people: { fileName: 'people.csv', data: PEOPLE },
      responsibilities: {
        fileName: 'responsibilities.csv',
        data: Buffer.concat([
          RESPONSIBILITIES,
          Buffer.from(`${org.people[1].employeeId},Sign off budgets,,NOT_A_LEVEL,10,2020-01-01\n`),
        ]),
      },
      asOf: '2026-11-01',
    });
    expect(invalid.ok).toBe(false);
    expect(invalid.errors).toEqual([expect.objectContaining({ file: 'responsibilities.csv', row: badRow })]);
    expect(invalid.organization.id).toBeNull();
    expect(await rowCounts()).toEqual(before);

    const request = {
      organizationName: 'Early Co',
      people: { fileName: 'people.csv', data: PEOPLE },
      responsibilities: { fileName: 'responsibilities.csv', data: RESPONSIBILITIES },
      asOf: '2026-11-01',
    };
    const first = await imports.importFiles(LOCAL_OPERATOR, request);
    expect(first.snapshot?.version).toBe(1);
    const afterFirst = await rowCounts();
    const again = await imports.importFiles(LOCAL_OPERATOR, request);
    expect(again.snapshot).toBeNull();
    expect(again.duplicateOf).toEqual(first.snapshot);
    expect(again.warnings).toContainEqual(expect.objectContaining({ code: 'DUPLICATE_SNAPSHOT' }));
    expect(await rowCounts()).toEqual(afterFirst);
    // The digest stored after the fact is the one a file read up front gives.
    const [written] = await server.query('SELECT content_hash, responsibility_count FROM org_snapshot WHERE id = $1', [
      first.snapshot?.id,
    ]);
    expect(written).toEqual({
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      responsibility_count: org.responsibilities.length,
    });
  });
});
