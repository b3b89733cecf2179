import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AccountsService,
  DEFAULT_JOBS_CONFIG,
  DEFAULT_TENANT_ID,
  LOCAL_OPERATOR,
  TenantsService,
  acrossAllTenants,
  withTenant,
} from '@rolemap/server-core';
import { JobQueue } from '@rolemap/server-jobs';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const PEOPLE = (prefix: string) =>
  [
    'employee_id,name,title,manager_id',
    `A1,${prefix} Ada,Chief Executive Officer,`,
    `B1,${prefix} Grace,VP Engineering,A1`,
    `C1,${prefix} Alan,Software Engineer,B1`,
  ].join('\n');

const IMPORT = `mutation($org: String!, $people: Upload!, $options: ImportOptions) {
  result: commitImport(organizationName: $org, people: $people, options: $options) { ok job { id state } }
}`;

const JOB = `query($id: ID!) {
  job(id: $id) { id state error organizationId importResult { ok organizationId snapshotVersion people } }
}`;

interface JobView {
  id: string;
  state: string;
  error: string | null;
  organizationId: string | null;
  importResult: { ok: boolean; organizationId: string; snapshotVersion: number; people: number } | null;
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

/**
 * Workers act in the tenant a job was queued in: a job of tenant B writes into B, reads nothing
 * of A (not even A's organization of the same name), and A's owner cannot see B's job.
 */
describe('background jobs run in the tenant they were queued in (PostgreSQL)', () => {
  let api: TestApp;
  let dataSource: DataSource;
  let tenantB: string;
  let tokenB: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp(undefined, {
      jobs: { ...DEFAULT_JOBS_CONFIG, importThresholdBytes: 0, pollIntervalMs: 500, staleAfterMs: 3_000 },
    });
    dataSource = api.app.get(DataSource);
    tenantB = (await api.app.get(TenantsService).add(LOCAL_OPERATOR, `beta-${randomUUID()}`)).tenant.id;
    const accounts = api.app.get(AccountsService);
    tokenB = await withTenant(tenantB, async () => {
      const owner = await accounts.create(LOCAL_OPERATOR, {
        email: `owner-${randomUUID()}@beta.test.invalid`,
        displayName: 'Beta Owner',
        owner: true,
      });
      return (await accounts.createApiToken(await accounts.callerOf(owner, 'api-token'), 'tenant jobs', 1)).token;
    });
  });
  afterAll(() => api?.close());

  const importAs = async (token: string, prefix: string): Promise<string> => {
    const queued = await api.upload<{ result: { job: { id: string } | null } }>(
      IMPORT,
      { org: 'Acme', people: null, options: { asOf: '2026-01-01' } },
      { people: { name: 'people.csv', content: PEOPLE(prefix) } },
      { token },
    );
    expect(queued.errors).toBeUndefined();
    return queued.data!.result.job!.id;
  };
  const finished = (id: string, token: string) =>
    until(
      () => api.graphql<{ job: JobView }>(JOB, { id }, { token }),
      (result) => ['DONE', 'FAILED'].includes(result.data?.job.state ?? ''),
    ).then((result) => result.data!.job);

  it('imports a job of tenant B into tenant B, beside tenant A’s organization of the same name', async () => {
    const a = await finished(await importAs(api.ownerToken, 'Alpha'), api.ownerToken);
    expect(a).toMatchObject({ state: 'DONE', importResult: { ok: true, snapshotVersion: 1 } });

    const b = await finished(await importAs(tokenB, 'Beta'), tokenB);
    // Had the worker acted in tenant A, it would have found A's "Acme" and added its v2.
    expect(b).toMatchObject({ state: 'DONE', error: null, importResult: { ok: true, snapshotVersion: 1, people: 3 } });
    expect(b.organizationId).not.toBe(a.organizationId);

    const rows: { id: string; tenant_id: string; snapshots: number; names: string[] }[] = await acrossAllTenants(() =>
      dataSource.query(
        `SELECT o.id, o.tenant_id, count(DISTINCT s.id)::int AS snapshots, array_agg(DISTINCT p.name ORDER BY p.name) AS names
           FROM organization o JOIN org_snapshot s ON s.organization_id = o.id JOIN person p ON p.snapshot_id = s.id
          WHERE o.name = 'Acme' GROUP BY o.id, o.tenant_id ORDER BY o.tenant_id = $1 DESC`,
        [DEFAULT_TENANT_ID],
      ),
    );
    expect(rows).toEqual([
      { id: a.organizationId, tenant_id: DEFAULT_TENANT_ID, snapshots: 1, names: ['Alpha Ada', 'Alpha Alan', 'Alpha Grace'] },
      { id: b.organizationId, tenant_id: tenantB, snapshots: 1, names: ['Beta Ada', 'Beta Alan', 'Beta Grace'] },
    ]);
    const jobs: { id: string; tenant_id: string }[] = await acrossAllTenants(() =>
      dataSource.query('SELECT id, tenant_id FROM background_job WHERE id = ANY($1::uuid[]) ORDER BY tenant_id = $2 DESC', [
        [a.id, b.id],
        DEFAULT_TENANT_ID,
      ]),
    );
    expect(jobs).toEqual([
      { id: a.id, tenant_id: DEFAULT_TENANT_ID },
      { id: b.id, tenant_id: tenantB },
    ]);
    // The import's audit entry is in B's history.
    const audit: { tenant_id: string }[] = await acrossAllTenants(() =>
      dataSource.query("SELECT tenant_id FROM audit_log WHERE organization_id = $1 AND action = 'import'", [b.organizationId]),
    );
    expect(audit).toEqual([{ tenant_id: tenantB }]);

    // A's owner passes every service check, so only row-level security keeps B's job from them.
    const foreign = await api.graphql<{ job: JobView }>(JOB, { id: b.id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await api.graphql<{ job: JobView }>(JOB, { id: b.id }, { token: tokenB });
    expect(own.data?.job.state).toBe('DONE');
  });

  it('fails a job of tenant B that names tenant A’s organization: the worker cannot read it', async () => {
    const [alpha]: { id: string }[] = await acrossAllTenants(() =>
      dataSource.query("SELECT id FROM organization WHERE name = 'Acme' AND tenant_id = $1", [DEFAULT_TENANT_ID]),
    );
    const [snapshot]: { id: string }[] = await acrossAllTenants(() =>
      dataSource.query('SELECT id FROM org_snapshot WHERE organization_id = $1', [alpha.id]),
    );
    // Queued as tenant B's owner would, but aimed at A's organization and snapshot (as a forged request might).
    const queue = api.app.get(JobQueue);
    const accounts = api.app.get(AccountsService);
    const job = await withTenant(tenantB, async () => {
      const [owner] = await dataSource.query("SELECT id FROM accounts WHERE display_name = 'Beta Owner'");
      const caller = await accounts.callerOf((await accounts.account(owner.id))!, 'api-token');
      return queue.enqueue(caller, {
        kind: 'REPORT',
        organizationId: null,
        params: {
          kind: 'summary',
          format: 'csv',
          organizationId: alpha.id,
          snapshotId: snapshot.id,
          request: { kind: 'summary' },
        },
      });
    });
    const done = await finished(job.id, tokenB);
    expect(done.state).toBe('FAILED');
    expect(done.error).toMatch(/No organization|No snapshot|not found/i);
    const files: { output: Buffer | null }[] = await acrossAllTenants(() =>
      dataSource.query('SELECT output FROM background_job WHERE id = $1', [job.id]),
    );
    expect(files).toEqual([{ output: null }]);
  });
});
