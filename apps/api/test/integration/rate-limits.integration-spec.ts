import { LOCAL_OPERATOR, loadConfig } from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';
import { resetDatabase, startTestApp, type TestApp } from '../support/test-app';

const PREVIEW = `mutation($org: String!, $people: Upload!) {
  result: previewImport(organizationName: $org, people: $people) { ok }
}`;
const PEOPLE = 'employee_id,name,title,manager_id\nE1,Ada,CEO,\nE2,Ben,Engineer,E1\n';

describe('abuse limits on sign-in, uploads and exports (PostgreSQL)', () => {
  let api: TestApp;
  let organizationId: string;

  beforeAll(async () => {
    await resetDatabase();
    const { rateLimits } = loadConfig({
      ROLEMAP_RATE_LIMIT_SIGN_IN: '3/1m',
      ROLEMAP_RATE_LIMIT_UPLOADS: '2/1m',
      ROLEMAP_RATE_LIMIT_EXPORTS: '3/10m',
    });
    api = await startTestApp(undefined, { rateLimits });
    await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    const result = await api.graphql<{ organizations: { id: string }[] }>('{ organizations { id } }');
    organizationId = result.data!.organizations[0].id;
  });
  afterAll(() => api?.close());

  it('refuses the fourth export in ten minutes with 429, the limit and when to retry; every kind of download counts', async () => {
    const reports = `${api.url}/api/organizations/${organizationId}/reports/summary?format=md`;
    for (let i = 0; i < 2; i++) expect((await fetch(reports, { headers: api.authorized() })).status).toBe(200);
    expect(
      (await fetch(`${api.url}/api/organizations/${organizationId}/audit-log.csv`, { headers: api.authorized() })).status,
    ).toBe(200);
    const refused = await fetch(reports, { headers: api.authorized() });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await refused.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'TOO_MANY_REQUESTS',
      limit: 'export',
      retryAfterSeconds: retryAfter,
      message: `Too many downloads: at most 3 per 10 minutes from one address or account. Try again in ${retryAfter} s.`,
    });
    expect(
      (await fetch(`${api.url}/api/organizations/${organizationId}/people/E0001/data.json`, { headers: api.authorized() }))
        .status,
    ).toBe(429);
    // Other requests are not limited by it.
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    expect((await api.graphql('{ organizations { id } }')).errors).toBeUndefined();
  });

  it('refuses the third upload in a minute before reading it, as a GraphQL error', async () => {
    for (let i = 0; i < 2; i++) {
      const result = await api.upload<{ result: { ok: boolean } }>(
        PREVIEW,
        { org: 'Limits' },
        { people: { name: 'people.csv', content: PEOPLE } },
      );
      expect(result.data?.result.ok).toBe(true);
    }
    const refused = await api.upload(PREVIEW, { org: 'Limits' }, { people: { name: 'people.csv', content: PEOPLE } });
    expect(refused.errors).toEqual([
      {
        message: expect.stringMatching(
          /^Too many uploads: at most 2 per minute from one address or account\. Try again in \d+ s\.$/,
        ),
        extensions: { code: 'TOO_MANY_REQUESTS', limit: 'upload', retryAfterSeconds: expect.any(Number) },
      },
    ]);
    // Plain GraphQL requests are not uploads.
    expect((await api.graphql('{ organizations { id } }')).errors).toBeUndefined();
  });

  it('limits everything under /api/auth/ per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${api.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'someone@example.test', password: `guess-${i}` }),
      });
      statuses.push(response.status);
      if (response.status === 429)
        expect((await response.json()).message).toMatch(/^Too many sign-in attempts: at most 3 per minute/);
    }
    // The sign-in route itself arrives with accounts; whatever it answers, the fourth try is refused.
    expect(statuses[3]).toBe(429);
    expect(statuses.slice(0, 3)).not.toContain(429);
  });
});
