import { randomUUID } from 'node:crypto';
import { AccountsService, DEFAULT_JOBS_CONFIG, LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const QUEUE = `mutation($o: ID!) { queueReanalysis(organizationId: $o) { id kind state organizationId } }`;
const JOB = `query($id: ID!) {
  job(id: $id) { id kind state progress error reanalysis { snapshotVersion findings byKind { kind count } } }
}`;
const POLICY = `mutation($o: ID!, $max: Float!) {
  updatePolicy(organizationId: $o, policy: { thresholds: { spanMax: $max } }) { thresholds { spanMax } }
}`;

interface JobView {
  id: string;
  state: string;
  progress: number;
  error: string | null;
  reanalysis: { snapshotVersion: number; findings: number; byKind: { kind: string; count: number }[] } | null;
}

/** Re-analysis after a policy change as a background job: what the saved policy finds, with progress. */
describe('re-analysis after a policy change as a background job (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp(undefined, { jobs: { ...DEFAULT_JOBS_CONFIG, pollIntervalMs: 500 } });
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    organizationId = (await api.graphql<{ organizations: { id: string }[] }>('{ organizations { id } }')).data!.organizations[0]
      .id;
  });
  afterAll(() => api?.close());

  const reanalyse = async (): Promise<JobView> => {
    const queued = await api.graphql<{ queueReanalysis: { id: string; kind: string; state: string } }>(QUEUE, {
      o: organizationId,
    });
    expect(queued.errors).toBeUndefined();
    expect(queued.data!.queueReanalysis).toMatchObject({ kind: 'REANALYSIS', state: 'QUEUED' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await api.graphql<{ job: JobView }>(JOB, { id: queued.data!.queueReanalysis.id })).data!.job;
      if (job.state === 'DONE' || job.state === 'FAILED') return job;
      if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify(job)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const spanFindings = (job: JobView) => job.reanalysis!.byKind.find((entry) => entry.kind === 'SPAN_OF_CONTROL')?.count ?? 0;

  it('says what the saved policy finds in the latest snapshot, before and after a change', async () => {
    const before = await reanalyse();
    expect(before).toMatchObject({ state: 'DONE', progress: 1, error: null, reanalysis: { snapshotVersion: 1 } });
    const total = (job: JobView) => job.reanalysis!.byKind.reduce((sum, entry) => sum + entry.count, 0);
    expect(total(before)).toBe(before.reanalysis!.findings);

    // Two reports at most: far more leaders now run too wide a team.
    expect((await api.graphql(POLICY, { o: organizationId, max: 2 })).errors).toBeUndefined();
    const after = await reanalyse();
    expect(after.state).toBe('DONE');
    expect(spanFindings(after)).toBeGreaterThan(spanFindings(before));
    expect(after.reanalysis!.findings).toBeGreaterThan(before.reanalysis!.findings);
  });

  it('is for the organization’s HR admins only', async () => {
    const accounts = api.app.get(AccountsService);
    const viewer = await accounts.create(LOCAL_OPERATOR, { email: `${randomUUID()}@viewer.test.invalid`, displayName: 'V' });
    await accounts.grant(LOCAL_OPERATOR, viewer.id, organizationId, 'VIEWER', null);
    const { token } = await accounts.createApiToken(await accounts.callerOf(viewer, 'api-token'), 'reanalysis', 1);
    const refused = await api.graphql(QUEUE, { o: organizationId }, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
