import { Client } from 'pg';
import { DEFAULT_GRAPHQL_LIMITS, LOCAL_OPERATOR } from '@rolemap/server-core';
import {
  aliasedOrgChartsQuery,
  aliasedPositionPagesQuery,
  fragmentBombQuery,
  nestedReportsQuery,
} from '../../src/common/graphql-limits/testing/attack-queries';
import { DemoSeedService } from '@rolemap/server-imports';
import { resetDatabase, startTestApp, testDatabaseUrl, type TestApp } from '../support/test-app';

type GraphqlResponse = {
  status: number;
  ms: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
};

/** One POST /graphql, given up after `timeoutMs` so a hang fails the test instead of the run. */
async function post(
  { url, authorized }: Pick<TestApp, 'url' | 'authorized'>,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 5_000,
): Promise<GraphqlResponse> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: authorized({ 'content-type': 'application/json' }),
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.json();
  return { status: response.status, ms: performance.now() - started, body };
}

describe('one GraphQL request cannot take the server down (PostgreSQL, real HTTP)', () => {
  let api: TestApp;
  let snapshotId: string;
  let rootId: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp(undefined, { graphql: { ...DEFAULT_GRAPHQL_LIMITS, introspection: false } });
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    const org = await api.graphql<{ organizations: { latestSnapshot: { id: string } }[] }>(
      '{ organizations { latestSnapshot { id } } }',
    );
    snapshotId = org.data!.organizations[0].latestSnapshot.id;
    const chart = await api.graphql<{ orgChart: { id: string; parentId: string | null }[] }>(
      'query($s: ID!) { orgChart(snapshotId: $s) { id parentId } }',
      { s: snapshotId },
    );
    rootId = chart.data!.orgChart.find((node) => node.parentId === null)!.id;
  });
  afterAll(() => api?.close());

  const attacks = () => ({
    'six-deep directReports/reportsTo (275 bytes)': nestedReportsQuery(rootId),
    'fragments spreading the next one twice (3 KB)': fragmentBombQuery(rootId, 40),
    '1,000 aliases of orgChart': aliasedOrgChartsQuery(snapshotId, 1_000),
    '200 aliases of a 500-row positions page': aliasedPositionPagesQuery(snapshotId, 200, 500),
  });

  it.each([
    'six-deep directReports/reportsTo (275 bytes)',
    'fragments spreading the next one twice (3 KB)',
    '1,000 aliases of orgChart',
    '200 aliases of a 500-row positions page',
  ])('refuses %s with a clear error within a second, running nothing', async (name) => {
    const query = attacks()[name as keyof ReturnType<typeof attacks>];
    api.queries.length = 0;
    const { status, ms, body } = await post(api, query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].message).toMatch(/limit|too many selections|more th.. 3000 tokens/);
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX']).toContain(
      body.errors?.[0].extensions?.code,
    );
    expect(ms).toBeLessThan(1_000);
    expect(api.queries).toEqual([]); // refused before any resolver ran
  });

  it("keeps answering a second client's health checks while the attacks run", async () => {
    const healthLatencies: number[] = [];
    let attacking = true;
    const pollHealth = (async () => {
      while (attacking) {
        const started = performance.now();
        const response = await fetch(`${api.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        expect(response.status).toBe(200);
        healthLatencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const queries = Object.values(attacks());
    const answered: number[] = [];
    // Ten rounds of every attack, two at a time, as one client could send them.
    const work = Array.from({ length: 10 }, () => queries).flat();
    const worker = async () => {
      for (let query = work.shift(); query; query = work.shift()) {
        const { status, ms } = await post(api, query);
        expect(status).toBe(400);
        answered.push(ms);
      }
    };
    await Promise.all([worker(), worker()]);
    attacking = false;
    await pollHealth;
    expect(answered).toHaveLength(40);
    expect(Math.max(...answered)).toBeLessThan(1_000);
    expect(healthLatencies.length).toBeGreaterThan(3);
    expect(Math.max(...healthLatencies)).toBeLessThan(1_000);
  });

  it('still answers the web app’s own org chart and a legitimate nested query', async () => {
    const chart = await post(api, 'query($s: ID!) { orgChart(snapshotId: $s) { id name actualMix { implementation } } }', {
      s: snapshotId,
    });
    expect(chart.body.errors).toBeUndefined();
    const nested = await post(
      api,
      'query($id: ID!) { position(id: $id) { title directReports { title directReports { title } } } }',
      { id: rootId },
    );
    expect(nested.body.errors).toBeUndefined();
  });
});

describe('the per-request deadline (PostgreSQL, real HTTP)', () => {
  const TIMEOUT_MS = 1_000;
  let api: TestApp;
  let rootId: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp(undefined, { graphql: { ...DEFAULT_GRAPHQL_LIMITS, introspection: false, timeoutMs: TIMEOUT_MS } });
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    const org = await api.graphql<{ organizations: { latestSnapshot: { id: string } }[] }>(
      '{ organizations { latestSnapshot { id } } }',
    );
    const chart = await api.graphql<{ orgChart: { id: string; parentId: string | null }[] }>(
      'query($s: ID!) { orgChart(snapshotId: $s) { id parentId } }',
      { s: org.data!.organizations[0].latestSnapshot.id },
    );
    rootId = chart.data!.orgChart.find((node) => node.parentId === null)!.id;
  });
  afterAll(() => api?.close());

  it('answers with a clear error at the deadline while the database is stuck, and starts no resolver after it', async () => {
    // Another session holds the positions table: every query on it waits.
    const blocker = new Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE position IN ACCESS EXCLUSIVE MODE');
      api.queries.length = 0;
      const query =
        'query($id: ID!) { position(id: $id) { title directReports { title holder { name } directReports { title responsibilities { title } } } } }';
      const { ms, body } = await post(api, query, { id: rootId }, 5_000);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message:
            'The request ran past its 1 s time limit and was stopped. Ask for less (fewer fields, smaller pages) or try again later.',
          extensions: expect.objectContaining({ code: 'REQUEST_TIMEOUT' }),
        }),
      ]);
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(TIMEOUT_MS + 1_000);
      await blocker.query('COMMIT');
      // The stuck lookup finishes now (with the access check right after it, in the same service
      // call); none of the fields below it may start: no direct reports, holders or responsibilities.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(api.queries.length).toBeGreaterThan(0);
      expect(api.queries.filter((sql) => /reports_to_id" IN|FROM "assignment"|FROM "responsibility"/.test(sql))).toEqual([]);
    } finally {
      await blocker.end();
    }
    // And the server is fine afterwards.
    const { body } = await post(api, 'query($id: ID!) { position(id: $id) { title directReports { title } } }', {
      id: rootId,
    });
    expect(body.errors).toBeUndefined();
  });
});

describe('the deadline and writes (PostgreSQL, real HTTP)', () => {
  const TIMEOUT_MS = 500;
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp(undefined, { graphql: { ...DEFAULT_GRAPHQL_LIMITS, introspection: false, timeoutMs: TIMEOUT_MS } });
  });
  afterAll(() => api?.close());

  it('lets an import held up past the deadline finish and say so, instead of answering "stopped" while it commits', async () => {
    // Another session holds the snapshots table, so the import's write waits well past the deadline.
    const blocker = new Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE org_snapshot IN ACCESS EXCLUSIVE MODE');
      const people = ['employee_id,name,title,manager_id', 'E1,Ada Root,Chief Executive Officer,', 'E2,Alan Lee,Engineer,E1'];
      const upload = api.upload<{ commitImport: { ok: boolean; snapshotVersion: number | null } }>(
        'mutation($people: Upload!) { commitImport(organizationName: "Slow Write Co", people: $people) { ok snapshotVersion } }',
        { people: null },
        { people: { name: 'people.csv', content: people.join('\n') } },
        { timeoutMs: 10_000 },
      );
      await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3));
      await blocker.query('COMMIT');
      const result = await upload;
      expect(result.errors).toBeUndefined();
      expect(result.data!.commitImport).toEqual({ ok: true, snapshotVersion: 1 });
    } finally {
      await blocker.end();
    }
    const { body } = await post(api, '{ organization(name: "Slow Write Co") { snapshots { version } } }');
    expect(body).toEqual({ data: { organization: { snapshots: [{ version: 1 }] } } });
  });
});
