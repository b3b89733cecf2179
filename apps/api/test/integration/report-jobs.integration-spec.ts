import { randomUUID } from 'node:crypto';
import { DEMO_CAST } from '@rolemap/demo-data';
import { readPdf } from '@rolemap/reports/testing';
import {
  AccountsService,
  DEFAULT_JOBS_CONFIG,
  LOCAL_OPERATOR,
  OrganizationEntity,
  TenantsService,
  withTenant,
} from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';
import { DataSource } from 'typeorm';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const JOB = `query($id: ID!) {
  job(id: $id) { id kind state progress stage attempts error organizationId downloadUrl fileName expiresAt }
}`;

interface JobView {
  id: string;
  kind: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
  stage: string | null;
  error: string | null;
  organizationId: string;
  downloadUrl: string | null;
  fileName: string | null;
  expiresAt: string | null;
}

/** How long a report file lasts here: long enough to download it, short enough to watch it expire. */
const FILE_TTL_MS = 6_000;

describe('large reports as background jobs, with signed, expiring download links (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;
  let hrOfOtherOrg: string;
  let otherTenantOwner: string;
  let leaderToken: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp(undefined, {
      jobs: {
        ...DEFAULT_JOBS_CONFIG,
        // The demo has about 150 positions: a role report of all of them is "large" here.
        reportThresholdPositions: 100,
        pollIntervalMs: 500,
        staleAfterMs: 3_000,
        fileTtlMs: FILE_TTL_MS,
      },
    });
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    organizationId = (await api.graphql<{ organizations: { id: string }[] }>('{ organizations { id } }')).data!.organizations[0]
      .id;
    const accounts = api.app.get(AccountsService);
    const tokenOf = async (displayName: string, organization: string | null, role: 'HR_ADMIN' | 'LEADER', person?: string) => {
      const account = await accounts.create(LOCAL_OPERATOR, { email: `${randomUUID()}@jobs.test.invalid`, displayName });
      if (organization) await accounts.grant(LOCAL_OPERATOR, account.id, organization, role, person ?? null);
      return (await accounts.createApiToken(await accounts.callerOf(account, 'api-token'), 'report jobs', 1)).token;
    };
    const other = await api.app.get(DataSource).getRepository(OrganizationEntity).save({ name: 'Other Org' });
    hrOfOtherOrg = await tokenOf('HR elsewhere', other.id, 'HR_ADMIN');
    leaderToken = await tokenOf('A leader', organizationId, 'LEADER', DEMO_CAST.vpSales);
    const tenant = (await api.app.get(TenantsService).add(LOCAL_OPERATOR, `other-${randomUUID()}`)).tenant;
    otherTenantOwner = await withTenant(tenant.id, async () => {
      const owner = await accounts.create(LOCAL_OPERATOR, {
        email: `${randomUUID()}@other-tenant.test.invalid`,
        displayName: 'Other tenant owner',
        owner: true,
      });
      return (await accounts.createApiToken(await accounts.callerOf(owner, 'api-token'), 'report jobs', 1)).token;
    });
  });
  afterAll(() => api?.close());

  const report = (path: string, token = api.ownerToken) =>
    fetch(`${api.url}/api/organizations/${organizationId}/reports/${path}`, { headers: { authorization: `Bearer ${token}` } });
  const get = (path: string, token: string | null = api.ownerToken) =>
    fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const job = async (id: string) => (await api.graphql<{ job: JobView }>(JOB, { id })).data!.job;
  /** Polls the job as a client would, keeping every state it saw. */
  const follow = async (id: string): Promise<JobView[]> => {
    const seen: JobView[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const current = await job(id);
      seen.push(current);
      if (current.state === 'DONE' || current.state === 'FAILED') return seen;
      if (Date.now() > deadline) throw new Error(`job ${id} did not finish: ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const queue = async (path: string, token = api.ownerToken): Promise<string> => {
    const response = await report(path, token);
    expect(response.status).toBe(202);
    const body = (await response.json()) as { job: { id: string; kind: string; state: string }; statusUrl: string };
    expect(body.job).toMatchObject({ kind: 'REPORT', state: 'QUEUED' });
    expect(body.statusUrl).toBe(`/api/jobs/${body.job.id}`);
    return body.job.id;
  };

  let done: JobView;

  it('queues a role report of every position beyond the threshold, runs it with progress, and links its file', async () => {
    const id = await queue('role?format=pdf&all=true');
    const seen = await follow(id);
    done = seen.at(-1)!;
    expect(done).toMatchObject({
      state: 'DONE',
      progress: 1,
      error: null,
      organizationId,
      fileName: 'northwind-robotics-v1-role.pdf',
    });
    const progress = seen.map((view) => view.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done.downloadUrl).toMatch(new RegExp(`^/api/jobs/${id}/file\\?expires=\\d+&signature=[\\w-]+$`));
    expect(new Date(done.expiresAt!).getTime()).toBeGreaterThan(Date.now());

    const file = await get(done.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="northwind-robotics-v1-role.pdf"');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(file.headers.get('content-length')).toBe(String(bytes.length));
    const pdf = await readPdf(bytes);
    // Every role is in it, the promoted director's among them.
    expect(pdf.text).toMatch(/Director of Engineering, Platform/);
    expect(pdf.text).toMatch(/Page 1 of \d+/);
    // The job's status over plain HTTP says the same.
    const status = await (await get(`/api/jobs/${id}`)).json();
    expect(status).toMatchObject({ id, state: 'DONE', downloadUrl: done.downloadUrl });
  });

  it('builds small reports in the request, and any report on the queue when asked (async=true)', async () => {
    const inline = await report(`role?format=md&employeeId=${DEMO_CAST.promotedDirector}`);
    expect(inline.status).toBe(200);
    const id = await queue(`role?format=md&employeeId=${DEMO_CAST.promotedDirector}&async=true`);
    const finished = (await follow(id)).at(-1)!;
    expect(finished.state).toBe('DONE');
    const queued = await get(finished.downloadUrl!);
    expect(await queued.text()).toBe(await inline.text());
  });

  it('refuses what the request would refuse before queueing: a leader’s organization-wide report', async () => {
    const response = await report('role?format=pdf&all=true&async=true', leaderToken);
    expect(response.status).toBe(403);
  });

  it('refuses the link to a caller from another organization or tenant, to nobody signed in, and when tampered with', async () => {
    const url = done.downloadUrl!;
    expect((await get(url, hrOfOtherOrg)).status).toBe(404);
    expect((await get(url, otherTenantOwner)).status).toBe(404);
    expect((await get(`/api/jobs/${done.id}`, otherTenantOwner)).status).toBe(404);
    expect((await get(url, null)).status).toBe(401);
    const tampered = url.replace(/signature=([\w-])/, (_, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`);
    expect((await get(tampered)).status).toBe(403);
    // A later expiry cannot be signed without the job's key.
    const stretched = url.replace(/expires=(\d+)/, (_, ms: string) => `expires=${Number(ms) + 86_400_000}`);
    expect((await get(stretched)).status).toBe(403);
    expect((await get(`/api/jobs/${done.id}/file`)).status).toBe(403);
  });

  it('stops serving the file when its link expires, and drops it', async () => {
    const wait = new Date(done.expiresAt!).getTime() - Date.now() + 200;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const expired = await get(done.downloadUrl!);
    expect(expired.status).toBe(404);
    expect((await expired.json()).message).toMatch(/expired/);
    expect((await job(done.id)).downloadUrl).toBeNull();
    // The queue's upkeep deletes expired files (and their keys) within a few seconds.
    const dataSource = api.app.get(DataSource);
    const deadline = Date.now() + 15_000;
    let rows: { output: Buffer | null; download_key: Buffer | null }[] = [];
    while (Date.now() < deadline) {
      rows = await dataSource.query('SELECT output, download_key FROM background_job WHERE id = $1', [done.id]);
      if (rows[0]?.output === null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(rows).toEqual([{ output: null, download_key: null }]);
  });
});
