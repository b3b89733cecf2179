import { AccountsService, LOCAL_OPERATOR } from '@rolemap/server-core';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const PASSWORD = 'a long enough password';

describe('people with access, and signing out everywhere (PostgreSQL, real HTTP)', () => {
  let api: TestApp;
  let organizationId: string;
  let hrToken: string;
  let hrId: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    organizationId = (
      await api.graphql<{ createOrganization: { id: string } }>('mutation { createOrganization(name: "Members Co") { id } }')
    ).data!.createOrganization.id;
    const accounts = api.app.get(AccountsService);
    const hr = await accounts.create(LOCAL_OPERATOR, { email: 'hr@members.test', displayName: 'Hana HR', password: PASSWORD });
    hrId = hr.id;
    await accounts.grant(LOCAL_OPERATOR, hr.id, organizationId, 'HR_ADMIN');
    hrToken = (await accounts.createApiToken(await accounts.callerOf(hr, 'api-token'), 'tests', 1)).token;
  });
  afterAll(() => api?.close());

  const asHr = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) =>
    api.graphql<T>(query, { o: organizationId, ...variables }, { token: hrToken });
  const MEMBER_FIELDS = 'accountId email displayName role personExternalId hasPassword singleSignOn';

  it('adds someone by e-mail (a new account without a password), changes their role and removes them, all audited', async () => {
    const added = await asHr(
      `mutation($o: ID!) { addMember(organizationId: $o, email: " Lee@Members.TEST ", displayName: "Lee Leader", role: LEADER, personExternalId: "E110") { ${MEMBER_FIELDS} } }`,
    );
    expect(added.errors).toBeUndefined();
    const lee = added.data!.addMember;
    expect(lee).toMatchObject({
      email: 'lee@members.test',
      displayName: 'Lee Leader',
      role: 'LEADER',
      personExternalId: 'E110',
      hasPassword: false,
      singleSignOn: false,
    });
    const again = await asHr(
      'mutation($o: ID!) { addMember(organizationId: $o, email: "lee@members.test", role: VIEWER) { role } }',
    );
    expect(again.errors?.[0]).toMatchObject({
      extensions: { code: 'CONFLICT' },
      message: expect.stringMatching(/has access already/),
    });

    const noPerson = await asHr(
      'mutation($o: ID!, $a: ID!) { setMemberRole(organizationId: $o, accountId: $a, role: EMPLOYEE) { role } }',
      {
        a: lee.accountId,
      },
    );
    expect(noPerson.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/EMPLOYEE needs the employee id .*personExternalId/),
    });
    const viewer = await asHr(
      'mutation($o: ID!, $a: ID!) { setMemberRole(organizationId: $o, accountId: $a, role: VIEWER) { role personExternalId } }',
      {
        a: lee.accountId,
      },
    );
    expect(viewer.data).toEqual({ setMemberRole: { role: 'VIEWER', personExternalId: null } });

    const list = await asHr<{ members: { email: string; role: string }[] }>(
      'query($o: ID!) { members(organizationId: $o) { email role } }',
    );
    expect(list.data!.members).toEqual([
      { email: 'hr@members.test', role: 'HR_ADMIN' },
      { email: 'lee@members.test', role: 'VIEWER' },
    ]);

    expect(
      (await asHr('mutation($o: ID!, $a: ID!) { removeMember(organizationId: $o, accountId: $a) }', { a: lee.accountId })).data,
    ).toEqual({
      removeMember: true,
    });
    const gone = await asHr('mutation($o: ID!, $a: ID!) { removeMember(organizationId: $o, accountId: $a) }', {
      a: lee.accountId,
    });
    expect(gone.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const log = await asHr<{ auditLog: { entries: { actorName: string; target: string; details: string }[] } }>(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["role-change"] }) { entries { actorName target details } } }',
    );
    const leeEntries = log.data!.auditLog.entries.filter((entry) => entry.target === 'lee@members.test').reverse();
    expect(leeEntries.map((entry) => [entry.actorName, JSON.parse(entry.details)])).toEqual([
      ['Hana HR', { role: 'LEADER', personExternalId: 'E110', added: true }],
      ['Hana HR', { role: 'VIEWER', personExternalId: null }],
      ['Hana HR', { role: null, was: 'VIEWER' }],
    ]);
  });

  it('does not let an HR admin change or remove their own access', async () => {
    const own = await asHr(
      'mutation($o: ID!, $a: ID!) { setMemberRole(organizationId: $o, accountId: $a, role: VIEWER) { role } }',
      { a: hrId },
    );
    expect(own.errors?.[0]).toMatchObject({ message: expect.stringMatching(/cannot change your own role/) });
    const remove = await asHr('mutation($o: ID!, $a: ID!) { removeMember(organizationId: $o, accountId: $a) }', { a: hrId });
    expect(remove.errors?.[0]).toMatchObject({ message: expect.stringMatching(/cannot remove your own access/) });
  });

  it('signs out every browser of the account and nobody else’s, keeping its API tokens', async () => {
    const signIn = async (email: string) => {
      const response = await fetch(`${api.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      return /rolemap_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
    };
    const withCookie = async (cookie: string, query: string) =>
      (await (
        await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: Record<string, any> | null; errors?: { extensions: { code: string } }[] };
    const accounts = api.app.get(AccountsService);
    await accounts.create(LOCAL_OPERATOR, { email: 'other@members.test', displayName: 'Other', password: PASSWORD });
    const laptop = await signIn('hr@members.test');
    const phone = await signIn('hr@members.test');
    const someoneElse = await signIn('other@members.test');
    expect((await withCookie(laptop, 'mutation { signOutEverywhere }')).data).toEqual({ signOutEverywhere: 2 });
    for (const cookie of [laptop, phone]) {
      expect((await withCookie(cookie, '{ organizations { id } }')).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await withCookie(someoneElse, '{ me { displayName } }')).data).toEqual({ me: { displayName: 'Other' } });
    expect((await api.graphql('{ me { displayName } }', {}, { token: hrToken })).data).toEqual({
      me: { displayName: 'Hana HR' },
    });
    const log = await asHr<{ auditLog: { entries: { actorName: string; details: string }[] } }>(
      'query($o: ID!) { auditLog(organizationId: $o, filter: { actions: ["sign-out"] }) { entries { actorName details } } }',
    );
    expect(log.data!.auditLog.entries.map((entry) => [entry.actorName, JSON.parse(entry.details)])).toEqual([
      ['Hana HR', { everywhere: true, sessions: 2 }],
    ]);
  });
});
