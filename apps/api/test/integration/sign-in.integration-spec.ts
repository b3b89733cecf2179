import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const PASSWORD = 'correct horse battery';

describe('signing in: sessions in cookies, API tokens, the one guard (PostgreSQL, real HTTP)', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await api.app
      .get(AccountsService)
      .create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada Lovelace', password: PASSWORD });
  });
  afterAll(() => api?.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const graphqlWithCookie = async (query: string, cookie: string, headers: Record<string, string> = {}) =>
    (await (
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify({ query }),
      })
    ).json()) as { data?: Record<string, any> | null; errors?: { message: string; extensions: { code: string } }[] };
  const signIn = async () => {
    const response = await post('/api/auth/sign-in', { email: 'ADA@example.com', password: PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    return /rolemap_session=[^;]+/.exec(setCookie)![0];
  };

  it('answers UNAUTHENTICATED to a request without credentials, except the public ones', async () => {
    const anonymous = await api.graphql('{ organizations { id } }', {}, { token: null });
    expect(anonymous.errors?.[0]).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
      message: expect.stringMatching(/Sign in first/),
    });
    expect((await api.graphql('{ me { displayName } }', {}, { token: null })).data).toEqual({ me: null });
    expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    const report = await fetch(`${api.url}/api/organizations/00000000-0000-4000-8000-000000000000/reports/summary`);
    expect(report.status).toBe(401);
    expect(await report.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
  });

  it('signs in with e-mail and password into an httpOnly SameSite cookie, and out again', async () => {
    const cookie = await signIn();
    expect((await graphqlWithCookie('{ me { displayName email via owner } }', cookie)).data).toEqual({
      me: { displayName: 'Ada Lovelace', email: 'ada@example.com', via: 'session', owner: false },
    });
    expect((await graphqlWithCookie('{ organizations { id } }', cookie)).data).toEqual({ organizations: [] });
    const out = await post('/api/auth/sign-out', {}, { cookie });
    expect(out.status).toBe(204);
    expect((await graphqlWithCookie('{ organizations { id } }', cookie)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("writes sign-ins, refused sign-ins and role changes into the audit log of the account's organizations", async () => {
    const created = await api.graphql<{ createOrganization: { id: string } }>(
      'mutation { createOrganization(name: "Audited Co") { id } }',
    );
    const organizationId = created.data!.createOrganization.id;
    const accounts = api.app.get(AccountsService);
    const ada = (await accounts.byEmail('ada@example.com'))!;
    await accounts.grant(LOCAL_OPERATOR, ada.id, organizationId, 'VIEWER');
    expect((await post('/api/auth/sign-in', { email: 'ada@example.com', password: 'not the password' })).status).toBe(401);
    await signIn();
    const log = await api.graphql<{
      auditLog: { entries: { action: string; actorName: string; target: string; ip: string | null }[] };
    }>(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["sign-in", "sign-in-failed", "role-change"] }) { entries { action actorName target ip } } }',
      { o: organizationId },
    );
    expect(log.data!.auditLog.entries.map(({ action, actorName, target }) => ({ action, actorName, target }))).toEqual([
      { action: 'sign-in', actorName: 'Ada Lovelace', target: 'ada@example.com' },
      { action: 'sign-in-failed', actorName: 'Ada Lovelace', target: 'ada@example.com' },
      { action: 'role-change', actorName: 'local operator', target: 'ada@example.com' },
    ]);
    for (const entry of log.data!.auditLog.entries.slice(0, 2)) expect(entry.ip).toMatch(/127\.0\.0\.1/);
  });

  it('refuses a wrong password with 401 and one message for unknown e-mails and wrong passwords alike', async () => {
    const wrong = await post('/api/auth/sign-in', { email: 'ada@example.com', password: 'not the password' });
    const unknown = await post('/api/auth/sign-in', { email: 'nobody@example.com', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
    const missing = await post('/api/auth/sign-in', { email: 'ada@example.com' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toBe('password is required');
  });

  it('makes a stolen cookie useless from another origin, and refuses form posts and cross-site sign-in', async () => {
    const cookie = await signIn();
    const fromElsewhere = await graphqlWithCookie('{ me { displayName } }', cookie, { origin: 'https://evil.example' });
    expect(fromElsewhere.data).toEqual({ me: null });
    const crossSite = await graphqlWithCookie('{ organizations { id } }', cookie, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // The same cookie from this server's own origin works.
    const own = await graphqlWithCookie('{ me { displayName } }', cookie, { origin: api.url });
    expect(own.data).toEqual({ me: { displayName: 'Ada Lovelace' } });
    // A form on another site cannot sign a browser in (login CSRF) or out.
    const form = await fetch(`${api.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=ada%40example.com&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(form.status).toBe(400);
    const crossSignIn = await post(
      '/api/auth/sign-in',
      { email: 'ada@example.com', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(crossSignIn.status).toBe(403);
    // A simple cross-site GraphQL post is stopped by the CSRF check before it runs.
    const simple = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { displayName } }')}`, {
      headers: { cookie },
    });
    expect(simple.status).toBe(400);
  });

  it('signs in once with a one-time link', async () => {
    const accounts = api.app.get(AccountsService);
    const account = (await accounts.byEmail('ada@example.com'))!;
    const link = await accounts.createSignInLink(LOCAL_OPERATOR, account.id);
    const first = await post('/api/auth/link', { token: link.token });
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toMatch(/rolemap_session=rms_/);
    const again = await post('/api/auth/link', { token: link.token });
    expect(again.status).toBe(401);
    expect((await again.json()).message).toMatch(/used, expired or unknown/);
  });

  it('creates, lists and revokes personal API tokens; a revoked or garbled token is refused at once', async () => {
    const cookie = await signIn();
    const created = await graphqlWithCookie(
      'mutation { createApiToken(name: "laptop", days: 30) { token apiToken { id name expiresAt } } }',
      cookie,
    );
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^rmt_/);
    const me = await api.graphql<{ me: { displayName: string; via: string } }>('{ me { displayName via } }', {}, { token });
    expect(me.data?.me).toEqual({ displayName: 'Ada Lovelace', via: 'api-token' });
    const listed = await api.graphql<{ apiTokens: { id: string; lastUsedAt: string | null }[] }>(
      '{ apiTokens { id lastUsedAt } }',
      {},
      { token },
    );
    expect(listed.data?.apiTokens).toEqual([{ id: apiToken.id, lastUsedAt: expect.any(String) }]);
    expect((await api.graphql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: apiToken.id }, { token })).data).toEqual({
      revokeApiToken: true,
    });
    expect((await api.graphql('{ organizations { id } }', {}, { token })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.graphql('{ organizations { id } }', {}, { token: token.slice(0, -2) })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
