import { Client } from 'pg';
import Papa from 'papaparse';
import { DEMO_CAST } from '@rolemap/demo-data';
import { type DemoTestApp, startTestAppWithDemo, testDatabaseUrl } from '../support/test-app';

interface Entry {
  action: string;
  actorName: string;
  actorId: string | null;
  target: string | null;
  details: string;
  ip: string | null;
  userAgent: string | null;
}

const AUDIT_QUERY = `query($o: ID!, $filter: AuditLogFilterInput, $first: Int, $offset: Int) {
  auditLog(organizationId: $o, filter: $filter, first: $first, offset: $offset) {
    totalCount entries { action actorName actorId target details ip userAgent }
  }
}`;

describe('audit log (PostgreSQL)', () => {
  let demo: DemoTestApp;
  let sql: Client;

  const post = (query: string, variables: Record<string, unknown>) =>
    fetch(`${demo.api.url}/graphql`, {
      method: 'POST',
      headers: demo.api.authorized({ 'content-type': 'application/json', 'user-agent': 'audit-spec/1.0' }),
      body: JSON.stringify({ query, variables }),
    }).then((response) => response.json() as Promise<{ data?: Record<string, unknown>; errors?: { message: string }[] }>);

  const auditLog = async (variables: Record<string, unknown> = {}) => {
    const result = await demo.api.graphql<{ auditLog: { totalCount: number; entries: Entry[] } }>(AUDIT_QUERY, {
      o: demo.organizationId,
      ...variables,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.auditLog;
  };

  beforeAll(async () => {
    demo = await startTestAppWithDemo();
    sql = new Client({ connectionString: testDatabaseUrl() });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await demo?.api.close();
  });

  it('records the import that seeded the organization, by the local operator, without a request origin', async () => {
    const log = await auditLog({ filter: { actions: ['import'] } });
    expect(log.totalCount).toBe(1);
    const [entry] = log.entries;
    expect(entry).toMatchObject({
      action: 'import',
      actorName: 'local operator',
      actorId: null,
      target: 'snapshot v1',
      ip: null,
    });
    expect(JSON.parse(entry.details)).toMatchObject({ version: 1, people: expect.any(Number) });
  });

  it('records policy edits, overrides, reviews and exports with the IP and user agent of the request', async () => {
    const policy = await post(
      'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { thresholds: { spanMax: 25 } }) { thresholds { spanMax } } }',
      { o: demo.organizationId },
    );
    expect(policy.errors).toBeUndefined();
    const override = await post(
      'mutation($o: ID!, $e: String!) { setTierOverride(organizationId: $o, externalId: $e, tier: DIRECTOR) }',
      {
        o: demo.organizationId,
        e: DEMO_CAST.promotedManager,
      },
    );
    expect(override.errors).toBeUndefined();
    const findings = await demo.api.graphql<{ findings: { nodes: { key: string }[] } }>(
      'query($s: ID!) { findings(snapshotId: $s, first: 1) { nodes { key } } }',
      { s: demo.snapshotId },
    );
    const key = findings.data!.findings.nodes[0].key;
    const review = await post(
      'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: ACCEPTED, note: "talked to them") { key } }',
      { s: demo.snapshotId, k: key },
    );
    expect(review.errors).toBeUndefined();
    const download = await fetch(`${demo.api.url}/api/organizations/${demo.organizationId}/reports/summary?format=md`, {
      headers: demo.api.authorized({ 'user-agent': 'audit-spec/1.0' }),
    });
    expect(download.status).toBe(200);
    await download.arrayBuffer();

    const log = await auditLog({ filter: { actions: ['policy-edit', 'override', 'review', 'export'] } });
    // The last policy edit is the demo seed's own, made without a request.
    expect(log.entries.map((entry) => entry.action)).toEqual(['export', 'review', 'override', 'policy-edit', 'policy-edit']);
    expect(log.entries[4]).toMatchObject({ target: 'policy v1', ip: null });
    for (const entry of log.entries.slice(0, 4)) {
      expect(entry.ip).toMatch(/127\.0\.0\.1/);
      expect(entry.userAgent).toBe('audit-spec/1.0');
      expect(entry.actorName).toBe('Test Owner');
    }
    const [exported, reviewed, overridden, edited] = log.entries;
    expect(JSON.parse(exported.details)).toMatchObject({ kind: 'summary', format: 'md', snapshotVersion: 1 });
    expect(reviewed.target).toBe(key);
    // The note is personal and is erased with the person; the log says only that there was one.
    expect(JSON.parse(reviewed.details)).toEqual({ status: 'ACCEPTED', withNote: true });
    expect(overridden).toMatchObject({ target: DEMO_CAST.promotedManager });
    expect(JSON.parse(overridden.details)).toEqual({ kind: 'TIER', value: 'DIRECTOR' });
    expect(edited.target).toBe('policy v2');
    expect(JSON.parse(edited.details).policy.thresholds.spanMax).toBe(25);
  });

  it('pages newest first and filters by time', async () => {
    const all = await auditLog({ first: 500 });
    // import, the seed's policy edit and starter dictionary, and the four actions above.
    // The acceptance's review and the action it opened are two entries.
    expect(all.totalCount).toBe(8);
    const second = await auditLog({ first: 2, offset: 2 });
    expect(second.entries).toEqual(all.entries.slice(2, 4));
    const future = await auditLog({ filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.totalCount).toBe(0);
    const past = await auditLog({ filter: { to: new Date(Date.now() + 60_000).toISOString() } });
    expect(past.totalCount).toBe(8);
  });

  it('refuses an unknown action and a page size past the limit, naming them', async () => {
    const unknown = await demo.api.graphql(AUDIT_QUERY, { o: demo.organizationId, filter: { actions: ['delete-everything'] } });
    expect(JSON.stringify(unknown.errors)).toMatch(/filter.actions may only hold/);
    const huge = await demo.api.graphql(AUDIT_QUERY, { o: demo.organizationId, first: 501 });
    expect(JSON.stringify(huge.errors)).toMatch(/first/);
  });

  it('exports the log as CSV, oldest first, and records the export', async () => {
    const response = await fetch(`${demo.api.url}/api/organizations/${demo.organizationId}/audit-log.csv`, {
      headers: demo.api.authorized(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => row.action)).toEqual([
      'import',
      'policy-edit',
      'dictionary-edit',
      'policy-edit',
      'override',
      'review',
      'action',
      'export',
    ]);
    expect(rows[3].user_agent).toBe('audit-spec/1.0');
    expect(JSON.parse(rows[0].details)).toMatchObject({ version: 1 });
    const log = await auditLog({ first: 1 });
    expect(log.entries[0]).toMatchObject({ action: 'export', target: 'audit log' });

    const filtered = await fetch(`${demo.api.url}/api/organizations/${demo.organizationId}/audit-log.csv?action=import`, {
      headers: demo.api.authorized(),
    });
    expect(Papa.parse(await filtered.text(), { skipEmptyLines: true }).data).toHaveLength(2);
    const bad = await fetch(`${demo.api.url}/api/organizations/${demo.organizationId}/audit-log.csv?action=nope`, {
      headers: demo.api.authorized(),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/action "nope"/);
  });

  it('is append-only in the database itself: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const before = await sql.query('SELECT count(*)::int AS n FROM audit_log');
    await expect(sql.query("UPDATE audit_log SET actor_name = 'someone else'")).rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(sql.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE is refused/);
    await expect(sql.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE is refused/);
    // The erasure path may rewrite the target and details only, never who, when or what.
    await sql.query('BEGIN');
    await sql.query("SET LOCAL rolemap.audit_redaction = 'on'");
    await expect(sql.query("UPDATE audit_log SET action = 'review'")).rejects.toThrow(/append-only/);
    await sql.query('ROLLBACK');
    expect((await sql.query('SELECT count(*)::int AS n FROM audit_log')).rows).toEqual(before.rows);
  });
});
