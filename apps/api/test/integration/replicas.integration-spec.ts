import { generateSyntheticOrg, peopleCsv, responsibilitiesCsv } from '@rolemap/demo-data';
import { Client } from 'pg';
import { createOwnDatabase } from '../support/test-app';
import { type ServerProcess, signInWithFirstStartLink, startServerProcess, until } from '../support/server-process';

/**
 * Several API processes on one PostgreSQL database, as behind a load balancer: nothing one
 * replica needs lives only in another's memory, a job queued on one runs on another, and a
 * worker killed outright (kill -9) mid-job loses nothing and applies nothing twice.
 */
describe('several replicas on one database, and a worker killed mid-job (PostgreSQL, real server processes)', () => {
  let own: { url: string; drop: () => Promise<void> };
  let db: Client;
  /** Queues jobs but never runs them (ROLEMAP_JOB_CONCURRENCY=0), so whatever it queues runs elsewhere. */
  let a: ServerProcess;
  /** Runs jobs. */
  let b: ServerProcess;
  /** Started when B is killed. */
  let c: ServerProcess;
  let cookie = '';
  const started: ServerProcess[] = [];

  const replica = async (env: Record<string, string> = {}) => {
    const server = await startServerProcess({
      DATABASE_URL: own.url,
      ROLEMAP_JOB_IMPORT_MB: '0',
      ROLEMAP_JOB_POLL_SECONDS: '0.5',
      ROLEMAP_JOB_STALE_SECONDS: '3',
      ...env,
    });
    started.push(server);
    return server;
  };

  const graphql = async <T = Record<string, any>>(
    server: ServerProcess,
    query: string,
    variables: Record<string, unknown> = {},
  ) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };

  const upload = async (server: ServerProcess, organizationName: string, people: string, responsibilities?: string) => {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({
        query: `mutation($org: String!, $people: Upload!, $responsibilities: Upload) {
          commitImport(organizationName: $org, people: $people, responsibilities: $responsibilities, options: { asOf: "2026-06-01", allowDuplicate: true }) {
            ok job { id state }
          }
        }`,
        variables: { org: organizationName, people: null, responsibilities: null },
      }),
    );
    form.append(
      'map',
      JSON.stringify(
        responsibilities ? { 0: ['variables.people'], 1: ['variables.responsibilities'] } : { 0: ['variables.people'] },
      ),
    );
    form.append('0', new Blob([people]), 'people.csv');
    if (responsibilities) form.append('1', new Blob([responsibilities]), 'responsibilities.csv');
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { cookie, 'x-rolemap-client': 'test' },
      body: form,
    }).catch((error: Error) => {
      throw new Error(`upload to ${server.url} failed (${error.message}); server output:\n${server.output().slice(-3000)}`);
    });
    const body = (await response.json()) as {
      data?: { commitImport: { ok: boolean; job: { id: string; state: string } | null } };
      errors?: unknown;
    };
    if (!body.data?.commitImport.job) throw new Error(`not queued: ${JSON.stringify(body)}`);
    return body.data.commitImport.job.id;
  };

  const jobRow = async (id: string) =>
    (
      await db.query<{
        state: string;
        attempts: number;
        progress: number;
        worker: string | null;
        error: string | null;
        organization_id: string | null;
      }>('SELECT state, attempts, progress, worker, error, organization_id FROM background_job WHERE id = $1', [id])
    ).rows[0];

  const finished = (id: string, timeoutMs = 90_000) =>
    until(
      () => jobRow(id),
      (row) => row?.state === 'DONE' || row?.state === 'FAILED',
      timeoutMs,
    );

  /** 50,000 people (18 MB of CSV): long enough to read that the kill lands mid-way. */
  let big: { people: string; responsibilities: string };

  beforeAll(async () => {
    // Made first: building it takes seconds, and a keep-alive connection idle that long may be closed under a request.
    const org = generateSyntheticOrg({ size: 50_000, seed: 3 });
    big = { people: peopleCsv(org.people), responsibilities: responsibilitiesCsv(org.responsibilities) };
    own = await createOwnDatabase('replicas');
    db = new Client({ connectionString: own.url });
    await db.connect();
    // One after the other: the first migrates the database (and creates the queue's schema).
    a = await replica({ ROLEMAP_JOB_CONCURRENCY: '0' });
    b = await replica();
    cookie = await signInWithFirstStartLink(a);
  }, 180_000);

  afterAll(async () => {
    for (const server of started) if (server.child.exitCode === null && server.child.signalCode === null) await server.kill();
    await db?.end();
    await own?.drop();
  });

  it('reads on one replica what was written on the other, sessions included', async () => {
    await graphql(a, 'mutation { createOrganization(name: "Written On A") { id } }');
    const { organizations } = await graphql<{ organizations: { name: string }[] }>(b, '{ organizations { name } }');
    expect(organizations.map((org) => org.name)).toContain('Written On A');
    for (const server of [a, b]) {
      const ready = await fetch(`${server.url}/api/ready`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).queue).toMatchObject({ running: true, working: server === b });
    }
  });

  let snapshotId = '';
  let organizationId = '';

  it('runs a job queued on one replica on the other', async () => {
    const org = generateSyntheticOrg({ size: 400, seed: 7 });
    const id = await upload(a, 'Replica Co', peopleCsv(org.people), responsibilitiesCsv(org.responsibilities));
    const row = await finished(id);
    expect(row).toMatchObject({ state: 'DONE', attempts: 1, error: null });
    // Queued on A, which runs no jobs; B's process ran it.
    expect(row.worker).toMatch(new RegExp(`:${b.pid}:`));
    const { job } = await graphql<{ job: { importResult: { snapshotId: string; organizationId: string; people: number } } }>(
      a,
      'query($id: ID!) { job(id: $id) { importResult { snapshotId organizationId people } } }',
      { id },
    );
    expect(job.importResult.people).toBe(400);
    snapshotId = job.importResult.snapshotId;
    organizationId = job.importResult.organizationId;
  });

  const spanFindings = async (server: ServerProcess) =>
    (
      await graphql<{ findings: { totalCount: number } }>(
        server,
        'query($s: ID!) { findings(snapshotId: $s, filter: { kinds: [SPAN_OF_CONTROL] }) { totalCount } }',
        { s: snapshotId },
      )
    ).findings.totalCount;
  const setSpan = (server: ServerProcess, spanMin: number, spanMax: number) =>
    graphql(
      server,
      'mutation($o: ID!, $min: Float!, $max: Float!) { updatePolicy(organizationId: $o, policy: { thresholds: { spanMin: $min, spanMax: $max } }) { thresholds { spanMax } } }',
      {
        o: organizationId,
        min: spanMin,
        max: spanMax,
      },
    );

  it('sees a policy edit made on one replica at once on the other (the analysis cache is stamped in the database)', async () => {
    // Analysed (and cached) on both under the default policy first.
    const before = await spanFindings(b);
    expect(await spanFindings(a)).toBe(before);
    await setSpan(a, 2, 3);
    const strict = await spanFindings(b);
    expect(strict).toBeGreaterThan(before);
    expect(await spanFindings(a)).toBe(strict);
    await setSpan(b, 0, 100_000);
    expect(await spanFindings(a)).toBe(0);
    expect(await spanFindings(b)).toBe(0);
  });

  it('stays correct under a short mixed load on both replicas', async () => {
    const servers = [a, b];
    const stopAt = Date.now() + 6_000;
    const failures: string[] = [];
    let reads = 0;
    const reader = async (server: ServerProcess) => {
      while (Date.now() < stopAt) {
        try {
          await graphql(server, 'query($s: ID!) { snapshot(id: $s) { id } organizations { id } }', { s: snapshotId });
          await spanFindings(server);
          reads++;
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    };
    // Each edit is read back on the other replica straight away.
    const editor = async () => {
      const seen: number[] = [];
      for (let i = 0; i < 6; i++) {
        const spanMax = 20 + i;
        await setSpan(servers[i % 2], 1, spanMax);
        const { policy } = await graphql<{ policy: { thresholds: { spanMax: number } } }>(
          servers[(i + 1) % 2],
          'query($o: ID!) { policy(organizationId: $o) { thresholds { spanMax } } }',
          { o: organizationId },
        );
        seen.push(policy.thresholds.spanMax);
      }
      return seen;
    };
    const charts = [1, 2, 3, 4].map((seed) => generateSyntheticOrg({ size: 60 + seed, seed }));
    const imports = Promise.all(
      charts.map((chart, i) =>
        upload(servers[i % 2], 'Load Co', peopleCsv(chart.people), responsibilitiesCsv(chart.responsibilities)),
      ),
    );
    const [seen, jobIds] = await Promise.all([
      editor(),
      imports,
      ...servers.flatMap((server) => [reader(server), reader(server)]),
    ]);
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(4);
    expect(seen).toEqual([20, 21, 22, 23, 24, 25]);
    const rows = await Promise.all((jobIds as string[]).map((id) => finished(id)));
    expect(rows.map((row) => row.state)).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
    const versions = await db.query<{ version: number }>(
      "SELECT s.version FROM org_snapshot s JOIN organization o ON o.id = s.organization_id WHERE o.name = 'Load Co' ORDER BY 1",
    );
    expect(versions.rows.map((row) => row.version)).toEqual([1, 2, 3, 4]);
    const policies = await db.query<{ count: number }>(
      'SELECT COUNT(*)::int AS count FROM organization_policy WHERE organization_id = $1',
      [organizationId],
    );
    // Two edits in the cache test, six here: every one saved once, as its own version.
    expect(policies.rows[0].count).toBe(8);
  });

  it('retries a job whose worker was killed with kill -9 mid-way, on another replica, and applies it once', async () => {
    const id = await upload(a, 'Killed Co', big.people, big.responsibilities);
    const running = await until(
      () => jobRow(id),
      (row) => row?.state === 'RUNNING' && row.progress > 0,
      60_000,
      50,
    );
    expect(running.worker).toMatch(new RegExp(`:${b.pid}:`));
    await b.kill();
    c = await replica();
    const row = await finished(id, 150_000);
    // The killed run's transaction never committed; C found the silent job and ran it again.
    expect(row).toMatchObject({ state: 'DONE', attempts: 2, error: null });
    expect(row.worker).toMatch(new RegExp(`:${c.pid}:`));
    const snapshots = await db.query('SELECT version, position_count FROM org_snapshot WHERE organization_id = $1', [
      row.organization_id,
    ]);
    expect(snapshots.rows).toEqual([{ version: 1, position_count: 50_000 }]);
    const audit = await db.query("SELECT target FROM audit_log WHERE organization_id = $1 AND action = 'import'", [
      row.organization_id,
    ]);
    expect(audit.rows).toEqual([{ target: 'snapshot v1' }]);
    const inputs = await db.query('SELECT 1 FROM background_job_input WHERE job_id = $1', [id]);
    expect(inputs.rows).toEqual([]);
  }, 240_000);

  it('lets a running job finish when its replica is stopped (SIGTERM) within the grace period', async () => {
    const org = generateSyntheticOrg({ size: 5_000, seed: 11 });
    const id = await upload(a, 'Graceful Co', peopleCsv(org.people), responsibilitiesCsv(org.responsibilities));
    await until(
      () => jobRow(id),
      (row) => row?.state === 'RUNNING',
      60_000,
      50,
    );
    expect(await c.stop()).toBe(0);
    expect(await jobRow(id)).toMatchObject({ state: 'DONE', attempts: 1, error: null });
  }, 120_000);

  it('hands a running job back to the queue when the grace period runs out, and another replica finishes it', async () => {
    const d = await replica({ ROLEMAP_JOB_SHUTDOWN_GRACE_SECONDS: '0' });
    const id = await upload(a, 'Handed Back Co', big.people, big.responsibilities);
    await until(
      () => jobRow(id),
      (row) => row?.state === 'RUNNING' && row.progress > 0,
      60_000,
      50,
    );
    expect(await d.stop()).toBe(0);
    expect(await jobRow(id)).toMatchObject({ state: 'QUEUED', attempts: 1, error: expect.stringMatching(/shut down/) });
    const e = await replica();
    const row = await finished(id, 150_000);
    expect(row).toMatchObject({ state: 'DONE', attempts: 2, error: null });
    expect(row.worker).toMatch(new RegExp(`:${e.pid}:`));
    const snapshots = await db.query('SELECT version FROM org_snapshot WHERE organization_id = $1', [row.organization_id]);
    expect(snapshots.rows).toEqual([{ version: 1 }]);
  }, 240_000);
});
