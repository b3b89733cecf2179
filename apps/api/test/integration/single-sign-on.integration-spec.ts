import { AccountsService, LOCAL_OPERATOR, loadConfig } from '@rolemap/server-core';
import { Client } from 'pg';
import { type TestApp, resetDatabase, startTestApp, testDatabaseUrl } from '../support/test-app';
import { CookieJar, type TestProvider, browseSignIn, startTestProvider } from '../support/oidc-test-provider';

/**
 * Single sign-on end to end: a real OpenID Connect provider (oidc-provider) in this process, a
 * browser walked through real HTTP redirects, its login and consent pages, back to rolemap.
 */
describe('single sign-on through OpenID Connect (oidc-provider, PostgreSQL, real HTTP)', () => {
  let provider: TestProvider;
  let api: TestApp;
  let organizationId: string;
  let db: Client;

  beforeAll(async () => {
    await resetDatabase();
    provider = await startTestProvider({
      'grace-sub': { email: 'Grace@Example.com', email_verified: true, name: 'Grace Hopper' },
      'newcomer-sub': { email: 'newcomer@example.com', email_verified: true, name: 'New Comer' },
      'unverified-sub': { email: 'ada@example.com', email_verified: false, name: 'Not Ada' },
      'no-email-sub': { name: 'Nameless' },
    });
    api = await startTestApp(undefined, {
      oidc: loadConfig({
        ROLEMAP_OIDC_ISSUER: provider.issuer,
        ROLEMAP_OIDC_CLIENT_ID: provider.clientId,
        ROLEMAP_OIDC_CLIENT_SECRET: provider.clientSecret,
        ROLEMAP_OIDC_NAME: 'Test IdP',
        ROLEMAP_OIDC_DEFAULT_ORG: 'Federated Co',
        ROLEMAP_OIDC_DEFAULT_ROLE: 'VIEWER',
      }).oidc,
    });
    provider.serve(`${api.url}/api/auth/sso/callback`);
    const created = await api.graphql<{ createOrganization: { id: string } }>(
      'mutation { createOrganization(name: "Federated Co") { id } }',
    );
    organizationId = created.data!.createOrganization.id;
    const accounts = api.app.get(AccountsService);
    for (const [email, name] of [
      ['grace@example.com', 'Grace Hopper'],
      ['ada@example.com', 'Ada Lovelace'],
    ]) {
      const account = await accounts.create(LOCAL_OPERATOR, { email, displayName: name, password: 'a long enough password' });
      await accounts.grant(LOCAL_OPERATOR, account.id, organizationId, 'HR_ADMIN');
    }
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
    await provider?.close();
  });

  const start = (returnTo = '/review') => `${api.url}/api/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`;
  const me = async (jar: CookieJar) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: jar.header(api.url) },
      body: JSON.stringify({ query: '{ me { displayName email via memberships { organizationId role } } }' }),
    });
    return ((await response.json()) as { data: { me: Record<string, unknown> | null } }).data.me;
  };
  const auditEntries = async (action: string) =>
    (
      await db.query<{ target: string | null; actor_name: string; details: Record<string, unknown> }>(
        'SELECT target, actor_name, details FROM audit_log WHERE action = $1 ORDER BY at, id',
        [action],
      )
    ).rows;

  it('offers the provider on the sign-in page', async () => {
    expect(await (await fetch(`${api.url}/api/sign-in-options`)).json()).toEqual({
      sso: { providerName: 'Test IdP', startUrl: '/api/auth/sso/start' },
    });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const response = await fetch(start(), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: 'rolemap',
      response_type: 'code',
      redirect_uri: `${api.url}/api/auth/sso/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.stringMatching(/^[\w-]{20,}$/),
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
      scope: 'openid email profile',
    });
    expect(response.headers.get('set-cookie')).toMatch(
      /rolemap_sso_state=[\w-]+; Max-Age=600; Path=\/api\/auth\/sso;.*HttpOnly; SameSite=Lax/,
    );
  });

  it('signs in the account with the verified e-mail, links the identity, and a signed-in GraphQL request works', async () => {
    const jar = new CookieJar();
    const { landedOn, visited } = await browseSignIn(start('/review?tab=mine'), jar, { login: 'grace-sub', appOrigin: api.url });
    expect(visited.some((url) => url.startsWith(`${provider.issuer}/interaction/`))).toBe(true);
    expect(landedOn.pathname + landedOn.search).toBe('/review?tab=mine');
    expect(jar.get(api.url, 'rolemap_session')).toMatch(/^rms_/);
    expect(await me(jar)).toEqual({
      displayName: 'Grace Hopper',
      email: 'grace@example.com',
      via: 'session',
      memberships: [{ organizationId, role: 'HR_ADMIN' }],
    });
    const organizations = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: jar.header(api.url) },
      body: JSON.stringify({ query: '{ organizations { name } }' }),
    });
    expect(await organizations.json()).toEqual({ data: { organizations: [{ name: 'Federated Co' }] } });
    const { rows } = await db.query(
      'SELECT i.issuer, i.subject, a.email FROM sso_identities i JOIN accounts a ON a.id = i.account_id',
    );
    expect(rows).toEqual([{ issuer: provider.issuer, subject: 'grace-sub', email: 'grace@example.com' }]);
    expect((await auditEntries('sign-in')).at(-1)).toMatchObject({
      target: 'grace@example.com',
      actor_name: 'Grace Hopper',
      details: { method: 'sso', issuer: provider.issuer, subject: 'grace-sub' },
    });
  });

  it('signs the linked identity in again by (issuer, subject), without a new account', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM accounts')).rows[0].n;
    const jar = new CookieJar();
    await browseSignIn(start('/'), jar, { login: 'grace-sub', appOrigin: api.url });
    expect((await me(jar))?.email).toBe('grace@example.com');
    expect((await db.query('SELECT count(*)::int AS n FROM accounts')).rows[0].n).toBe(before);
  });

  it('gives a first-time user a new account in the configured organization with the configured role', async () => {
    const jar = new CookieJar();
    const { landedOn } = await browseSignIn(start('https://evil.example/steal'), jar, {
      login: 'newcomer-sub',
      appOrigin: api.url,
    });
    expect(landedOn.pathname).toBe('/');
    expect(await me(jar)).toEqual({
      displayName: 'New Comer',
      email: 'newcomer@example.com',
      via: 'session',
      memberships: [{ organizationId, role: 'VIEWER' }],
    });
    const [grant] = (await auditEntries('role-change')).filter((entry) => entry.target === 'newcomer@example.com');
    expect(grant).toMatchObject({ actor_name: 'single sign-on', details: { role: 'VIEWER' } });
  });

  it('refuses an answer that does not carry the state this browser was given, before redeeming any code', async () => {
    const jar = new CookieJar();
    const { landedOn } = await browseSignIn(start(), jar, {
      login: 'grace-sub',
      appOrigin: api.url,
      beforeCallback: (url) => {
        url.searchParams.set('state', 'forged-state-of-another-sign-in');
        return url;
      },
    });
    expect(landedOn.pathname).toBe('/sign-in');
    expect(landedOn.searchParams.get('sso_error')).toMatch(/Single sign-on refused: .*state mismatch/);
    expect(jar.get(api.url, 'rolemap_session')).toBeUndefined();
    // Without the state cookie at all (a link someone else started, opened in this browser):
    const bare = new CookieJar();
    const other = await browseSignIn(start(), bare, {
      login: 'grace-sub',
      appOrigin: api.url,
      beforeCallback: (url) => {
        bare.set(api.url, 'rolemap_sso_state', 'not-the-state');
        return url;
      },
    });
    expect(other.landedOn.searchParams.get('sso_error')).toMatch(/state mismatch/);
    expect((await auditEntries('sign-in-failed')).at(-1)).toMatchObject({
      details: { reason: 'sso-refused', detail: expect.stringMatching(/state mismatch/) },
    });
  });

  it('refuses an ID token whose nonce is not the one this sign-in sent', async () => {
    const jar = new CookieJar();
    const { landedOn } = await browseSignIn(start(), jar, {
      login: 'grace-sub',
      appOrigin: api.url,
      // The provider's answer is checked against what was stored at the start: make that differ.
      beforeCallback: async (url) => {
        await db.query("UPDATE sso_attempts SET nonce = 'a-nonce-of-another-sign-in' WHERE used_at IS NULL");
        return url;
      },
    });
    expect(landedOn.searchParams.get('sso_error')).toMatch(/did not check out: .*nonce/i);
    expect(await me(jar)).toBeNull();
  });

  it('refuses an answer that names another issuer (mix-up)', async () => {
    const jar = new CookieJar();
    const { landedOn } = await browseSignIn(start(), jar, {
      login: 'grace-sub',
      appOrigin: api.url,
      beforeCallback: (url) => {
        url.searchParams.set('iss', 'https://attacker.example');
        return url;
      },
    });
    expect(landedOn.searchParams.get('sso_error')).toMatch(/did not check out: .*iss/i);
    expect(await me(jar)).toBeNull();
  });

  it('refuses to link an e-mail the provider does not say is verified, and one it does not send', async () => {
    const jar = new CookieJar();
    const { landedOn } = await browseSignIn(start(), jar, { login: 'unverified-sub', appOrigin: api.url });
    expect(landedOn.searchParams.get('sso_error')).toMatch(/does not vouch for the e-mail address ada@example.com/);
    expect(await me(jar)).toBeNull();
    expect((await db.query("SELECT 1 FROM sso_identities WHERE subject = 'unverified-sub'")).rowCount).toBe(0);
    const refused = (await auditEntries('sign-in-failed')).filter((entry) => entry.target === 'ada@example.com');
    expect(refused.at(-1)).toMatchObject({ actor_name: 'Ada Lovelace', details: { reason: 'sso-refused' } });
    const nameless = await browseSignIn(start(), new CookieJar(), { login: 'no-email-sub', appOrigin: api.url });
    expect(nameless.landedOn.searchParams.get('sso_error')).toMatch(/sent no e-mail address/);
  });

  it('does not let a sign-in be finished twice', async () => {
    const jar = new CookieJar();
    let callback: URL | null = null;
    await browseSignIn(start(), jar, {
      login: 'grace-sub',
      appOrigin: api.url,
      beforeCallback: (url) => (callback = new URL(url)),
    });
    jar.set(api.url, 'rolemap_sso_state', callback!.searchParams.get('state')!);
    const replay = await fetch(callback!, { redirect: 'manual', headers: { cookie: jar.header(api.url) } });
    expect(new URL(replay.headers.get('location')!, api.url).searchParams.get('sso_error')).toMatch(/used already/);
  });

  it('is off, with a clear answer, when no provider is configured', async () => {
    const plain = await startTestApp();
    try {
      expect(await (await fetch(`${plain.url}/api/sign-in-options`)).json()).toEqual({ sso: null });
      const response = await fetch(`${plain.url}/api/auth/sso/start`, { redirect: 'manual' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ message: expect.stringMatching(/not configured \(ROLEMAP_OIDC_ISSUER\)/) });
    } finally {
      await plain.close();
    }
  });
});
