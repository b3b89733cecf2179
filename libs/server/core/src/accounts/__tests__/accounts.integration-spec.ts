import { DomainError } from '@rolemap/domain';
import type { DataSource } from 'typeorm';
import { LOCAL_OPERATOR } from '../../common/caller';
import { createDataSource } from '../../database/data-source';
import { DEFAULT_TENANT_ID, acrossAllTenants, withTenant } from '../../database/tenant-scope';
import { OrganizationEntity } from '../../organizations/organization.entity';
import { AccountsService } from '../accounts.service';
import { tokenHash } from '../credential-token';
import { MAX_FAILED_SIGN_INS } from '../sign-in-lockout';
import type { SignInObserver } from '../sign-in-observer';

function testDatabaseUrl(): string {
  const url = process.env.ROLEMAP_TEST_DATABASE_URL;
  if (!url) throw new Error('ROLEMAP_TEST_DATABASE_URL is not set: run through libs/server/core/test/jest.integration.config.js');
  return url;
}

const PASSWORD = 'correct horse battery';

async function expectRefused(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (message) expect((error as DomainError).message).toMatch(message);
}

describe('accounts, sessions, tokens and sign-in links (PostgreSQL)', () => {
  let dataSource: DataSource;
  let accounts: AccountsService;

  beforeAll(async () => {
    dataSource = createDataSource({ url: testDatabaseUrl(), embedded: false });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    accounts = new AccountsService(dataSource);
  });
  beforeEach(() => acrossAllTenants(() => dataSource.query('TRUNCATE accounts, organization CASCADE')));
  afterAll(() => dataSource?.destroy());

  it('keeps an argon2id hash of the password and finds the account whatever the case of its e-mail', async () => {
    await accounts.create(LOCAL_OPERATOR, { email: ' Ada@Example.COM ', displayName: 'Ada', password: PASSWORD });
    const [row] = await dataSource.query('SELECT email, password_hash FROM accounts');
    expect(row.email).toBe('ada@example.com');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    const { caller } = await accounts.signInWithPassword('ADA@example.com', PASSWORD);
    expect(caller).toMatchObject({ displayName: 'Ada', via: 'session', organizationIds: [] });
    await expectRefused(accounts.create(LOCAL_OPERATOR, { email: 'ada@EXAMPLE.com', displayName: 'Ada 2' }), 'CONFLICT');
  });

  it('refuses bad input naming the field and its limit', async () => {
    await expectRefused(
      accounts.create(LOCAL_OPERATOR, { email: 'not-an-address', displayName: 'X' }),
      'BAD_USER_INPUT',
      /email/,
    );
    await expectRefused(accounts.create(LOCAL_OPERATOR, { email: 'a@b.c', displayName: ' ' }), 'BAD_USER_INPUT', /displayName/);
    await expectRefused(
      accounts.create(LOCAL_OPERATOR, { email: 'a@b.c', displayName: 'A', password: 'short' }),
      'BAD_USER_INPUT',
      /password has 10 to 1024 characters/,
    );
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    await accounts.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada', password: PASSWORD });
    await expectRefused(
      accounts.signInWithPassword('ada@example.com', 'wrong password!'),
      'UNAUTHENTICATED',
      /^Wrong e-mail or password$/,
    );
    await expectRefused(
      accounts.signInWithPassword('nobody@example.com', PASSWORD),
      'UNAUTHENTICATED',
      /^Wrong e-mail or password$/,
    );
  });

  it('locks an account after repeated wrong passwords, with a clear message, even for the right one', async () => {
    const account = await accounts.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada', password: PASSWORD });
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      await expectRefused(accounts.signInWithPassword('ada@example.com', 'wrong password!'), 'UNAUTHENTICATED', /Wrong/);
    }
    await expectRefused(
      accounts.signInWithPassword('ada@example.com', 'wrong password!'),
      'UNAUTHENTICATED',
      /locked for 15 more minutes/,
    );
    await expectRefused(accounts.signInWithPassword('ada@example.com', PASSWORD), 'UNAUTHENTICATED', /locked/);
    // Once the lock has passed, the right password works again.
    await dataSource.query("UPDATE accounts SET locked_until = now() - interval '1 second' WHERE id = $1", [account.id]);
    await expect(accounts.signInWithPassword('ada@example.com', PASSWORD)).resolves.toHaveProperty('token');
  });

  it('stores only the SHA-256 of a session token; sign-out, expiry and a disabled account end it', async () => {
    await accounts.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada', password: PASSWORD });
    const { token } = await accounts.signInWithPassword('ada@example.com', PASSWORD);
    const [row] = await dataSource.query('SELECT token_hash FROM sessions');
    expect(row.token_hash).toBe(tokenHash(token));
    expect(JSON.stringify(await dataSource.query('SELECT * FROM sessions'))).not.toContain(token);
    expect(await accounts.callerOfSession(token)).toMatchObject({ displayName: 'Ada' });
    expect(await accounts.callerOfSession(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();

    await accounts.signOut(token);
    expect(await accounts.callerOfSession(token)).toBeNull();

    const second = await accounts.signInWithPassword('ada@example.com', PASSWORD);
    await dataSource.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
      tokenHash(second.token),
    ]);
    expect(await accounts.callerOfSession(second.token)).toBeNull();

    const third = await accounts.signInWithPassword('ada@example.com', PASSWORD);
    await dataSource.query('UPDATE accounts SET disabled = true');
    expect(await accounts.callerOfSession(third.token)).toBeNull();
  });

  it('signs in once with a sign-in link, and never after it is used or expired', async () => {
    const account = await accounts.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada' });
    const link = await accounts.createSignInLink(LOCAL_OPERATOR, account.id);
    const { token, caller } = await accounts.redeemSignInLink(link.token);
    expect(caller.id).toBe(account.id);
    expect(await accounts.callerOfSession(token)).not.toBeNull();
    await expectRefused(accounts.redeemSignInLink(link.token), 'UNAUTHENTICATED', /used, expired or unknown/);

    const expired = await accounts.createSignInLink(LOCAL_OPERATOR, account.id, -1000);
    await expectRefused(accounts.redeemSignInLink(expired.token), 'UNAUTHENTICATED');
  });

  it('creates the first owner once, with a one-time link, HR admin of every organization', async () => {
    const first = await accounts.createFirstOwner();
    expect(first).not.toBeNull();
    expect(await accounts.createFirstOwner()).toBeNull();
    const { caller } = await accounts.redeemSignInLink(first!.link.token);
    expect(caller.organizationIds).toBe('ALL');
    expect(first!.link.expiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 60 * 60 * 1000);
  });

  it('gives an account its role and person per organization', async () => {
    const organization = await dataSource.getRepository(OrganizationEntity).save({ name: 'Acme' });
    const account = await accounts.create(LOCAL_OPERATOR, { email: 'lee@example.com', displayName: 'Lee', password: PASSWORD });
    await expectRefused(
      accounts.grant(LOCAL_OPERATOR, account.id, organization.id, 'LEADER'),
      'BAD_USER_INPUT',
      /personExternalId/,
    );
    await accounts.grant(LOCAL_OPERATOR, account.id, organization.id, 'LEADER', 'E110');
    const { caller } = await accounts.signInWithPassword('lee@example.com', PASSWORD);
    expect(caller.organizationIds).toEqual([organization.id]);
    expect(caller.memberships).toEqual([{ organizationId: organization.id, role: 'LEADER', personExternalId: 'E110' }]);
    await expectRefused(accounts.grant(caller, account.id, organization.id, 'HR_ADMIN'), 'FORBIDDEN', /owner/);
    await accounts.grant(LOCAL_OPERATOR, account.id, organization.id, 'VIEWER');
    expect((await accounts.callerOf(account, 'session')).memberships[0].role).toBe('VIEWER');
  });

  it('issues personal API tokens: listed without the secret, revoked and expired ones refused', async () => {
    await accounts.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada', password: PASSWORD });
    const { caller } = await accounts.signInWithPassword('ada@example.com', PASSWORD);
    const issued = await accounts.createApiToken(caller, 'laptop CLI', 30);
    expect(issued.token).toMatch(/^rmt_/);
    expect(await accounts.callerOfApiToken(issued.token)).toMatchObject({ id: caller.id, via: 'api-token' });
    const [listed] = await accounts.apiTokens(caller);
    expect(listed).toMatchObject({ id: issued.id, name: 'laptop CLI', revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    // A session token is not an API token, and the other way round.
    expect(await accounts.callerOfSession(issued.token)).toBeNull();

    await accounts.revokeApiToken(caller, issued.id);
    expect(await accounts.callerOfApiToken(issued.token)).toBeNull();
    await expectRefused(accounts.revokeApiToken(caller, '00000000-0000-4000-8000-000000000000'), 'NOT_FOUND');

    const expiring = await accounts.createApiToken(caller, 'script', 1);
    await dataSource.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [expiring.id]);
    expect(await accounts.callerOfApiToken(expiring.token)).toBeNull();
    await expectRefused(accounts.createApiToken(caller, 'x', 0), 'BAD_USER_INPUT', /days must be/);
    await expectRefused(accounts.createApiToken(caller, ' ', 1), 'BAD_USER_INPUT', /name/);
  });

  it('tells the sign-in observer (the audit log) of every sign-in and every refusal, with where it came from', async () => {
    const events: string[] = [];
    const observer: SignInObserver = {
      signedIn: (caller, method, origin) => void events.push(`in ${caller.displayName} ${method} ${origin.ip}`),
      signInRefused: (email, reason, origin) => void events.push(`refused ${email} ${reason} ${origin.ip}`),
      roleChanged: (caller, email, _organizationId, role) => void events.push(`role ${email} ${role} by ${caller.displayName}`),
    };
    const observed = new AccountsService(dataSource, observer);
    const account = await observed.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada', password: PASSWORD });
    const origin = { ip: '192.0.2.7', userAgent: 'test' };
    await observed.signInWithPassword('ada@example.com', PASSWORD, origin);
    await observed.signInWithPassword('ada@example.com', 'wrong password!', origin).catch(() => undefined);
    await observed.signInWithPassword('eve@example.com', PASSWORD, origin).catch(() => undefined);
    const link = await observed.createSignInLink(LOCAL_OPERATOR, account.id);
    await observed.redeemSignInLink(link.token, origin);
    await observed.redeemSignInLink(link.token, origin).catch(() => undefined);
    expect(events).toEqual([
      'in Ada password 192.0.2.7',
      'refused ada@example.com wrong-credentials 192.0.2.7',
      'refused eve@example.com wrong-credentials 192.0.2.7',
      'in Ada link 192.0.2.7',
      'refused null link-refused 192.0.2.7',
    ]);
  });
  describe('tenants', () => {
    let tenantB: string;
    beforeEach(async () => {
      const [row] = await acrossAllTenants(() =>
        dataSource.query('INSERT INTO tenant (name) VALUES ($1) RETURNING id', [`accounts-spec-${Date.now()}-${Math.random()}`]),
      );
      tenantB = row.id;
    });

    it('signs an account in to its own tenant, whichever tenant the request started in', async () => {
      await withTenant(tenantB, () =>
        accounts.create(LOCAL_OPERATOR, { email: 'bea@b.example', displayName: 'Bea', password: PASSWORD }),
      );
      const { caller, token } = await accounts.signInWithPassword('bea@b.example', PASSWORD);
      expect(caller.tenantId).toBe(tenantB);
      expect((await accounts.callerOfSession(token))?.tenantId).toBe(tenantB);
      const api = await withTenant(tenantB, () => accounts.createApiToken(caller, 'script', 1));
      expect((await accounts.callerOfApiToken(api.token))?.tenantId).toBe(tenantB);
      // The default tenant sees neither the account nor its credentials.
      expect(await accounts.byEmail('bea@b.example')).toBeNull();
      expect(await dataSource.query('SELECT id FROM sessions')).toEqual([]);
    });

    it('keeps e-mails unique across tenants, and roles within one', async () => {
      const ada = await accounts.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Ada' });
      expect(ada.tenantId).toBe(DEFAULT_TENANT_ID);
      await expectRefused(
        withTenant(tenantB, () => accounts.create(LOCAL_OPERATOR, { email: 'ada@example.com', displayName: 'Other Ada' })),
        'CONFLICT',
        /exists already/,
      );
      const organizationInB = await withTenant(tenantB, () =>
        dataSource.getRepository(OrganizationEntity).save({ name: 'B Co' }),
      );
      await expectRefused(accounts.grant(LOCAL_OPERATOR, ada.id, organizationInB.id, 'VIEWER'), 'NOT_FOUND');
      await expectRefused(
        withTenant(tenantB, () => accounts.grant(LOCAL_OPERATOR, ada.id, organizationInB.id, 'VIEWER')),
        'NOT_FOUND',
      );
    });
  });
});
