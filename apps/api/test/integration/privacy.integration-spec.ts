import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { DEMO_CAST, generateDemoOrg } from '@rolemap/demo-data';
import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import { type DemoTestApp, createOwnDatabase, startTestAppWithDemo } from '../support/test-app';

const ERASED_ID = DEMO_CAST.promotedDirector;
const KEPT_ID = DEMO_CAST.vpSales;

interface PersonData {
  externalId: string;
  snapshots: {
    version: number;
    name: string;
    email: string | null;
    performanceRating: number | null;
    position: { title: string } | null;
    responsibilities: { title: string }[];
  }[];
  reviews: { findingKey: string; note: string | null }[];
  overrides: { kind: string; subjectKey: string }[];
  storedFiles: { fileName: string }[];
  auditEntries: { action: string }[];
  actions: { step: string; delegateTo: string | null }[];
  scenarios: { scenario: string; status: string; edits: unknown[] }[];
}

describe('privacy: a person’s data exported and erased (PostgreSQL)', () => {
  let demo: DemoTestApp;
  let sql: Client;
  // Its own database: the test reads every table, so nothing another spec left may be in it.
  let database: Awaited<ReturnType<typeof createOwnDatabase>>;
  let erasedName: string;

  const personData = async (externalId: string) => {
    const result = await demo.api.graphql<{ personData: string }>(
      'query($o: ID!, $e: String!) { personData(organizationId: $o, externalId: $e) }',
      {
        o: demo.organizationId,
        e: externalId,
      },
    );
    return { data: result.data ? (JSON.parse(result.data.personData) as PersonData) : null, errors: result.errors };
  };

  const findingKeyOf = async (snapshotId: string, employeeId: string) => {
    const result = await demo.api.graphql<{ findings: { nodes: { key: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s, first: 500) { nodes { key } } }',
      { s: snapshotId },
    );
    return result.data!.findings.nodes.map((node) => node.key).find((key) => key.split(':')[1] === employeeId)!;
  };

  /** Every row of every table in which the text appears as a whole identifier (or, for names, anywhere). */
  const tablesMentioning = async (text: string, wholeWord: boolean): Promise<string[]> => {
    const { rows: tables } = await sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const found: string[] = [];
    for (const { table_name } of tables) {
      const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const pattern = wholeWord ? `(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])` : escaped;
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${table_name}" t WHERE row_to_json(t)::text ~* $1`, [
        pattern,
      ]);
      if (rows[0].n > 0) found.push(`${table_name} (${rows[0].n})`);
    }
    return found;
  };

  beforeAll(async () => {
    database = await createOwnDatabase('privacy');
    demo = await startTestAppWithDemo({ url: database.url, embedded: false });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    // A second snapshot, with the uploaded file it came from, so the person is in two charts.
    const org = generateDemoOrg();
    const csv = ['employee_id,name', ...org.people.map((person) => `${person.employeeId},${person.name}`)].join('\n');
    await demo.api.app.get(ImportService).importRecords(LOCAL_OPERATOR, {
      organizationName: org.name,
      people: org.people,
      responsibilities: org.responsibilities,
      asOf: '2030-01-01',
      label: 'later',
      sourceFileName: 'people.csv',
      allowDuplicate: true,
      files: [
        {
          kind: 'PEOPLE',
          fileName: 'people.csv',
          byteSize: csv.length,
          sha256: Promise.resolve('0'.repeat(64)),
          gzipped: Promise.resolve(gzipSync(csv)),
        },
      ],
    });
    erasedName = (await personData(ERASED_ID)).data!.snapshots[0].name;
    // Reviews, overrides and an export that name both people; the kept person's action is delegated to the erased one.
    for (const id of [ERASED_ID, KEPT_ID]) {
      const key = await findingKeyOf(demo.snapshotId, id);
      const review = await demo.api.graphql(
        'mutation($s: ID!, $k: String!, $n: String, $a: ActionPlanInput) { reviewFinding(snapshotId: $s, key: $k, status: ACCEPTED, note: $n, action: $a) { key } }',
        {
          s: demo.snapshotId,
          k: key,
          n: `spoke with ${id}`,
          a: id === KEPT_ID ? { step: 'DELEGATE', delegateTo: erasedName, owner: 'HR', dueOn: '2031-01-31' } : null,
        },
      );
      expect(review.errors).toBeUndefined();
      const override = await demo.api.graphql(
        'mutation($o: ID!, $e: String!) { setTierOverride(organizationId: $o, externalId: $e, tier: EXECUTIVE) }',
        { o: demo.organizationId, e: id },
      );
      expect(override.errors).toBeUndefined();
      const report = await fetch(
        `${demo.api.url}/api/organizations/${demo.organizationId}/reports/role?format=md&employeeId=${id}`,
        { headers: demo.api.authorized() },
      );
      expect(report.status).toBe(200);
      await report.arrayBuffer();
    }
  });
  beforeAll(async () => {
    // A scenario that retitles the erased person's post, with notes naming them.
    const created = await demo.api.graphql<{ createScenario: { id: string } }>(
      'mutation($s: ID!, $n: String) { createScenario(snapshotId: $s, name: "Platform plan", notes: $n) { id } }',
      { s: demo.snapshotId, n: `Ask ${erasedName} first` },
    );
    expect(created.errors).toBeUndefined();
    const added = await demo.api.graphql(
      'mutation($id: ID!, $e: [ScenarioEditInput!]!) { addScenarioEdits(scenarioId: $id, edits: $e) { id } }',
      { id: created.data!.createScenario.id, e: [{ kind: 'CHANGE_TITLE', position: ERASED_ID, title: 'Head of Platform' }] },
    );
    expect(added.errors).toBeUndefined();
  });
  afterAll(async () => {
    await sql?.end();
    await demo?.api.close();
    await database?.drop();
  });

  it('exports everything held about the person across all snapshots, and records the export', async () => {
    const { data, errors } = await personData(ERASED_ID);
    expect(errors).toBeUndefined();
    expect(data!.externalId).toBe(ERASED_ID);
    expect(data!.snapshots.map((snapshot) => snapshot.version)).toEqual([1, 2]);
    const [first] = data!.snapshots;
    expect(first.name).toMatch(/\w+ \w+/);
    expect(first.position?.title).toMatch(/Director/);
    expect(first.responsibilities.length).toBeGreaterThan(0);
    expect(data!.reviews).toEqual([expect.objectContaining({ note: `spoke with ${ERASED_ID}` })]);
    expect(data!.overrides).toEqual([expect.objectContaining({ kind: 'TIER', subjectKey: ERASED_ID })]);
    expect(data!.storedFiles).toEqual([expect.objectContaining({ fileName: 'people.csv' })]);
    expect(data!.auditEntries.map((entry) => entry.action)).toEqual(expect.arrayContaining(['review', 'override', 'export']));
    // The action planned on the finding about them, and the one delegated to them.
    expect(data!.actions).toEqual([
      expect.objectContaining({ findingKey: expect.stringContaining(`:${ERASED_ID}`), owner: erasedName }),
      expect.objectContaining({ step: 'DELEGATE', delegateTo: erasedName }),
    ]);
    expect(data!.scenarios).toEqual([
      {
        scenario: 'Platform plan',
        status: 'DRAFT',
        edits: [expect.objectContaining({ kind: 'CHANGE_TITLE', position: ERASED_ID })],
      },
    ]);

    const download = await fetch(`${demo.api.url}/api/organizations/${demo.organizationId}/people/${ERASED_ID}/data.json`, {
      headers: demo.api.authorized(),
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="person-${ERASED_ID}.json"`);
    expect((await download.json()).snapshots).toEqual(data!.snapshots);

    const log = await demo.api.graphql<{ auditLog: { entries: { target: string }[] } }>(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["privacy-export"] }) { entries { target } } }',
      { o: demo.organizationId },
    );
    // The set-up's export (to learn their name), and the two above.
    expect(log.data!.auditLog.entries).toHaveLength(3);
  });

  it('says who is unknown', async () => {
    const { errors } = await personData('NOBODY-1');
    expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(/NOBODY-1/), extensions: { code: 'NOT_FOUND' } });
    const download = await fetch(`${demo.api.url}/api/organizations/${demo.organizationId}/people/NOBODY-1/data.json`, {
      headers: demo.api.authorized(),
    });
    expect(download.status).toBe(404);
  });

  it('erases the person from every table and leaves everyone else as they were', async () => {
    const before = (await personData(ERASED_ID)).data!;
    const names = [...new Set(before.snapshots.map((snapshot) => snapshot.name))];
    const emails = [...new Set(before.snapshots.flatMap((snapshot) => (snapshot.email ? [snapshot.email] : [])))];
    expect(await tablesMentioning(names[0], false)).not.toEqual([]);
    const kept = (await personData(KEPT_ID)).data!;
    const positionsBefore = await sql.query(
      'SELECT snapshot_id, count(*)::int AS n FROM position GROUP BY snapshot_id ORDER BY snapshot_id',
    );

    const erased = await demo.api.graphql<{ erasePerson: Record<string, number> }>(
      'mutation($o: ID!, $e: String!) { erasePerson(organizationId: $o, externalId: $e) { snapshots people responsibilities reviews overrides storedFiles auditEntriesRedacted surveyResponses actions scenarios } }',
      { o: demo.organizationId, e: ERASED_ID },
    );
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePerson).toMatchObject({
      snapshots: 2,
      people: 2,
      reviews: 1,
      overrides: 1,
      storedFiles: 1,
      actions: 2,
      scenarios: 1,
    });
    expect(erased.data!.erasePerson.responsibilities).toBe(before.snapshots.flatMap((s) => s.responsibilities).length);
    expect(erased.data!.erasePerson.auditEntriesRedacted).toBeGreaterThanOrEqual(4);

    // Nothing about them remains anywhere: not their id, names or e-mails, in any table.
    for (const text of [ERASED_ID, ...emails])
      expect({ text, found: await tablesMentioning(text, true) }).toEqual({ text, found: [] });
    for (const name of names) expect({ name, found: await tablesMentioning(name, false) }).toEqual({ name, found: [] });
    expect((await personData(ERASED_ID)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Everyone else is untouched, and the chart keeps its shape: their post is vacant.
    const keptAfter = (await personData(KEPT_ID)).data!;
    expect(keptAfter.snapshots).toEqual(kept.snapshots);
    expect(keptAfter.reviews).toEqual(kept.reviews);
    expect(keptAfter.overrides).toEqual(kept.overrides);
    const positionsAfter = await sql.query(
      'SELECT snapshot_id, count(*)::int AS n FROM position GROUP BY snapshot_id ORDER BY snapshot_id',
    );
    expect(positionsAfter.rows).toEqual(positionsBefore.rows);
    // Plans and actions that named them still stand, pointing at the vacated post (one reference in every snapshot).
    const vacated = await sql.query("SELECT DISTINCT external_id FROM position WHERE external_id LIKE 'erased-%'");
    expect(vacated.rows).toHaveLength(1);
    const plan = await sql.query('SELECT edits, notes FROM scenario');
    expect(plan.rows).toEqual([
      { edits: [expect.objectContaining({ position: vacated.rows[0].external_id })], notes: 'Ask [erased] first' },
    ]);
    const action = await sql.query('SELECT delegate_to FROM finding_action');
    expect(action.rows).toEqual([{ delegate_to: '[erased]' }]);
    const findings = await demo.api.graphql<{ findings: { totalCount: number; nodes: { key: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s, first: 500) { totalCount nodes { key } } }',
      { s: demo.snapshotId },
    );
    expect(findings.errors).toBeUndefined();
    expect(findings.data!.findings.nodes.some((node) => node.key.split(':')[1] === KEPT_ID)).toBe(true);
    // The server's cached analysis of the snapshot was dropped: no finding is about them any more.
    expect(findings.data!.findings.nodes.some((node) => node.key.split(':')[1] === ERASED_ID)).toBe(false);
    const counts = await sql.query(
      'SELECT s.people_count, (SELECT count(*)::int FROM person p WHERE p.snapshot_id = s.id) AS people FROM org_snapshot s',
    );
    for (const row of counts.rows) expect(row.people_count).toBe(row.people);

    // The erasure is in the audit log, by whom and what it removed, without naming the person.
    const log = await demo.api.graphql<{ auditLog: { entries: { actorName: string; target: string; details: string }[] } }>(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["erasure"] }) { entries { actorName target details } } }',
      { o: demo.organizationId },
    );
    expect(log.data!.auditLog.entries).toEqual([
      { actorName: 'Test Owner', target: 'a person (erased)', details: expect.stringContaining('"people":2') },
    ]);
  });
});
