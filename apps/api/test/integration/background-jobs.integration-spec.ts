import { AccountsService, DEFAULT_JOBS_CONFIG, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import { type GraphqlResult, resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const PEOPLE = [
  'employee_id,name,title,manager_id',
  'A1,Ada Lovelace,Chief Executive Officer,',
  'B1,Grace Hopper,VP Engineering,A1',
  'C1,Alan Turing,Software Engineer,B1',
].join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!, $options: ImportOptions) {
  result: commitImport(organizationName: $org, people: $people, options: $options) {
    ok snapshotVersion people errors { message }
    job { id kind state progress attempts organizationId requestedByName }
  }
}`;

const JOB = `query($id: ID!) {
  job(id: $id) {
    id kind state progress stage attempts error organizationId finishedAt downloadUrl
    importResult { ok organizationId snapshotVersion people positions errors { file row column value code message } }
  }
}`;

interface JobView {
  id: string;
  kind: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
  attempts: number;
  error: string | null;
  organizationId: string | null;
  importResult: {
    ok: boolean;
    organizationId: string | null;
    snapshotVersion: number | null;
    people: number;
    errors: { row: number | null; column: string | null; code: string; message: string }[];
  } | null;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('background jobs on the PostgreSQL queue: imports above the threshold (PostgreSQL)', () => {
  let api: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    await resetDatabase();
    // Every import goes to the queue here; the threshold itself is checked below with a real size.
    api = await startTestApp(undefined, {
      jobs: { ...DEFAULT_JOBS_CONFIG, importThresholdBytes: 100, pollIntervalMs: 500, staleAfterMs: 3_000 },
    });
    dataSource = api.app.get(DataSource);
  });
  afterAll(() => api?.close());

  const job = async (id: string, token?: string | null) =>
    api.graphql<{ job: JobView }>(JOB, { id }, token === undefined ? undefined : { token });
  const finished = (id: string) =>
    until(
      () => job(id),
      (result) => ['DONE', 'FAILED'].includes(result.data?.job.state ?? ''),
    ).then((result) => result.data!.job);

  it('queues a large import, runs it to DONE with its outcome, and audits the import once', async () => {
    const queued = await api.upload<{ result: { ok: boolean; snapshotVersion: number | null; job: JobView | null } }>(
      IMPORT,
      { org: 'Queued Co', people: null, options: { asOf: '2026-01-01' } },
      { people: { name: 'people.csv', content: PEOPLE } },
    );
    expect(queued.errors).toBeUndefined();
    const { result } = queued.data!;
    expect(result.snapshotVersion).toBeNull();
    expect(result.job).toMatchObject({ kind: 'IMPORT', state: 'QUEUED', progress: 0, attempts: 0, organizationId: null });

    const done = await finished(result.job!.id);
    expect(done).toMatchObject({ state: 'DONE', progress: 1, attempts: 1, error: null });
    expect(done.importResult).toMatchObject({ ok: true, snapshotVersion: 1, people: 3 });
    expect(done.organizationId).toBe(done.importResult!.organizationId);
    const audit = await dataSource.query(
      "SELECT target, actor_name FROM audit_log WHERE organization_id = $1 AND action = 'import'",
      [done.organizationId],
    );
    expect(audit).toEqual([{ target: 'snapshot v1', actor_name: 'Test Owner' }]);
    // The uploaded bytes a queued job reads are gone once it is done (the snapshot keeps its copy).
    expect(await dataSource.query('SELECT 1 FROM background_job_input WHERE job_id = $1', [done.id])).toEqual([]);
  });

  it('imports small files in the request, as before', async () => {
    const small = await api.upload<{ result: { ok: boolean; snapshotVersion: number | null; job: JobView | null } }>(
      IMPORT,
      { org: 'Small Co', people: null, options: { asOf: '2026-01-01' } },
      { people: { name: 'people.csv', content: 'employee_id,name,title,manager_id\nZ1,Zed,Chief,\n' } },
    );
    expect(small.data!.result).toMatchObject({ ok: true, snapshotVersion: 1, job: null });
  });

  it('reports bad files as a DONE job whose outcome names row and column, writing nothing', async () => {
    const queued = await api.upload<{ result: { job: JobView } }>(
      IMPORT,
      { org: 'Broken Co', people: null, options: { asOf: '2026-01-01' } },
      { people: { name: 'people.csv', content: `${PEOPLE}\nD1,Dana,Engineer,NOBODY\nD2,Dee,Engineer,NOBODY` } },
    );
    const done = await finished(queued.data!.result.job.id);
    expect(done.state).toBe('DONE');
    expect(done.importResult!.ok).toBe(false);
    expect(done.importResult!.errors[0]).toMatchObject({ row: expect.any(Number), column: expect.any(String) });
    expect(await dataSource.query("SELECT 1 FROM organization WHERE name = 'Broken Co'")).toEqual([]);
  });

  it('runs a job delivered again after it was done (a worker that died before acknowledging it) without importing twice', async () => {
    const queued = await api.upload<{ result: { job: JobView } }>(
      IMPORT,
      { org: 'Twice Co', people: null, options: { asOf: '2026-01-01' } },
      { people: { name: 'people.csv', content: PEOPLE } },
    );
    const done = await finished(queued.data!.result.job.id);
    // What pg-boss does when a worker died between the commit and its acknowledgement: deliver it again.
    await dataSource.query(`INSERT INTO pgboss.job (name, data) VALUES ('rolemap-import', $1)`, [
      JSON.stringify({ jobId: done.id }),
    ]);
    await until(
      () =>
        dataSource.query(
          "SELECT state FROM pgboss.job WHERE name = 'rolemap-import' AND data->>'jobId' = $1 AND state <> 'completed'",
          [done.id],
        ),
      (rows: unknown[]) => rows.length === 0,
    );
    const again = (await job(done.id)).data!.job;
    expect(again).toMatchObject({ state: 'DONE', attempts: 1 });
    const snapshots = await dataSource.query('SELECT version FROM org_snapshot WHERE organization_id = $1', [
      done.organizationId,
    ]);
    expect(snapshots).toEqual([{ version: 1 }]);
    const audit = await dataSource.query("SELECT 1 FROM audit_log WHERE organization_id = $1 AND action = 'import'", [
      done.organizationId,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('shows a job to its requester and the organization’s HR admins, and to nobody else', async () => {
    const queued = await api.upload<{ result: { job: JobView } }>(
      IMPORT,
      { org: 'Queued Co', people: null, options: { asOf: '2026-02-01' } },
      { people: { name: 'people.csv', content: `${PEOPLE}\nC2,Edsger Dijkstra,Software Engineer,B1` } },
    );
    const done = await finished(queued.data!.result.job.id);
    expect(done.importResult).toMatchObject({ ok: true, snapshotVersion: 2 });
    const accounts = api.app.get(AccountsService);
    const tokenFor = async (role: 'HR_ADMIN' | 'VIEWER' | null) => {
      const account = await accounts.create(LOCAL_OPERATOR, {
        email: `${role ?? 'outsider'}-jobs@test.invalid`,
        displayName: String(role),
      });
      if (role) await accounts.grant(LOCAL_OPERATOR, account.id, done.organizationId!, role, null);
      return (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'jobs', 1)).token;
    };
    const hr: GraphqlResult<{ job: JobView }> = await job(done.id, await tokenFor('HR_ADMIN'));
    expect(hr.data?.job.state).toBe('DONE');
    for (const token of [await tokenFor('VIEWER'), await tokenFor(null)]) {
      const refused = await job(done.id, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await job(done.id, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('says in /api/ready that the queue is running', async () => {
    // The earlier tests' last job may still be finishing on a busy machine: wait (bounded) for it.
    let body: { queue?: { inFlight?: number } } = {};
    for (const started = Date.now(); Date.now() - started < 20_000; ) {
      const response = await fetch(`${api.url}/api/ready`);
      expect(response.status).toBe(200);
      body = await response.json();
      if (body.queue?.inFlight === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(body).toMatchObject({ status: 'ready', queue: { running: true, working: true, inFlight: 0 } });
  });
});
