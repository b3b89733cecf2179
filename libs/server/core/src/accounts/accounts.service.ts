import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { DomainError, type OrganizationRole, isOrganizationRole } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, type Membership, isOwner } from '../common/caller';
import { acrossAllTenants, withTenant } from '../database/tenant-scope';
import { isUuid } from '../common/uuid';
import { AccountEntity } from './account.entity';
import { ApiTokenEntity } from './api-token.entity';
import { isTokenOfKind, newToken, tokenHash } from './credential-token';
import { MembershipEntity } from './membership.entity';
import { SessionEntity } from './session.entity';
import { SignInLinkEntity } from './sign-in-link.entity';
import { lockedUntilAfter, lockoutMessage } from './sign-in-lockout';
import { SIGN_IN_OBSERVER, type SignInObserver } from './sign-in-observer';

export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const SIGN_IN_LINK_LIFETIME_MS = 60 * 60 * 1000;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
const MAX_DISPLAY_NAME_LENGTH = 200;
const MAX_TOKEN_NAME_LENGTH = 100;
const MAX_API_TOKEN_DAYS = 366;

export interface NewAccount {
  email: string;
  displayName: string;
  password?: string | null;
  owner?: boolean;
}

/** A freshly issued credential: the token is shown once and never stored. */
export interface IssuedToken {
  token: string;
  expiresAt: Date | null;
}

export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Where a request came from, for the caller it builds. */
export interface RequestOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

const WRONG_CREDENTIALS = 'Wrong e-mail or password';

/** Who the audit log names for what a first single sign-on grants. */
const SINGLE_SIGN_ON_CALLER: Caller = Object.freeze({
  id: null,
  displayName: 'single sign-on',
  organizationIds: Object.freeze([]),
  memberships: Object.freeze([]),
  via: 'local',
});

/**
 * Accounts and everything that proves who someone is: argon2id passwords, sessions, personal API
 * tokens and one-time sign-in links (only SHA-256 hashes of those are kept), and memberships
 * giving each account its role per organization. Builds the `Caller` the services check.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(SIGN_IN_OBSERVER) private readonly observer: SignInObserver | null = null,
  ) {}

  async create(caller: Caller, account: NewAccount): Promise<AccountEntity> {
    if (!isOwner(caller)) throw new DomainError('FORBIDDEN', 'Only the owner can add accounts');
    return this.insertAccount(this.dataSource.manager, account);
  }

  /** The installation's first owner, who signs in with a one-time link. Null when there is an owner already. */
  async createFirstOwner(
    email = 'owner@localhost',
    displayName = 'Owner',
  ): Promise<{ account: AccountEntity; link: IssuedToken } | null> {
    return this.dataSource.transaction(async (manager) => {
      // Two servers starting on one database must not both create an owner.
      await manager.query('LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE');
      if ((await manager.getRepository(AccountEntity).countBy({ owner: true })) > 0) return null;
      const account = await this.insertAccount(manager, { email, displayName, owner: true });
      return { account, link: await this.issueSignInLink(manager, account.id, 24 * SIGN_IN_LINK_LIFETIME_MS) };
    });
  }

  /** The account with this e-mail in the current tenant. */
  async byEmail(email: string): Promise<AccountEntity | null> {
    return this.dataSource.getRepository(AccountEntity).findOneBy({ email: normalisedEmail(email) });
  }

  async setPassword(accountId: string, password: string): Promise<void> {
    checkPassword(password);
    await this.dataSource
      .getRepository(AccountEntity)
      .update({ id: accountId }, { passwordHash: await hash(password), failedSignIns: 0, lockedUntil: null });
  }

  /** Gives the account a role in the organization (replacing the one it had there). */
  async grant(
    caller: Caller,
    accountId: string,
    organizationId: string,
    role: OrganizationRole,
    personExternalId: string | null = null,
  ): Promise<void> {
    if (!isOwner(caller)) throw new DomainError('FORBIDDEN', 'Only the owner can change roles');
    if (!isOrganizationRole(role))
      throw new DomainError('BAD_USER_INPUT', `role must be one of HR_ADMIN, LEADER, EMPLOYEE, VIEWER (got "${role}")`);
    if ((role === 'LEADER' || role === 'EMPLOYEE') && !personExternalId?.trim()) {
      throw new DomainError('BAD_USER_INPUT', `A ${role} needs the employee id of their person in the chart (personExternalId)`);
    }
    // Both the account and the organization must be the caller's tenant's (row-level security hides the others).
    if (!(await this.account(accountId))) throw new DomainError('NOT_FOUND', `No account with id ${accountId}`);
    const organizations: unknown[] = isUuid(organizationId)
      ? await this.dataSource.query('SELECT 1 FROM organization WHERE id = $1', [organizationId])
      : [];
    if (!organizations.length) throw new DomainError('NOT_FOUND', `No organization with id ${organizationId}`);
    await this.dataSource.query(
      `INSERT INTO memberships (account_id, organization_id, role, person_external_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, organization_id) DO UPDATE SET role = EXCLUDED.role, person_external_id = EXCLUDED.person_external_id`,
      [accountId, organizationId, role, personExternalId?.trim() || null],
    );
    const account = await this.account(accountId);
    await this.observer?.roleChanged(caller, account?.email ?? accountId, organizationId, role, personExternalId?.trim() || null);
  }

  /**
   * Checks the password and opens a session. Wrong passwords count towards a lock-out; the message
   * does not say whether the e-mail exists.
   */
  async signInWithPassword(
    email: string,
    password: string,
    origin: RequestOrigin = {},
  ): Promise<{ caller: Caller } & IssuedToken> {
    // Signing in names no tenant: which account (and so which tenant) this e-mail is, is looked up across them.
    const account = await acrossAllTenants(() => this.byEmail(email));
    if (!account || !account.passwordHash || account.disabled) {
      // The same work as a real check, so timing does not tell which e-mails exist.
      await verify(DUMMY_HASH, password).catch(() => false);
      await (account
        ? withTenant(account.tenantId, () => this.observer?.signInRefused(account.email, 'wrong-credentials', origin))
        : acrossAllTenants(() => this.observer?.signInRefused(normalisedEmail(email), 'wrong-credentials', origin)));
      throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    return withTenant(account.tenantId, () => this.checkPassword(account, password, origin));
  }

  private async checkPassword(
    account: AccountEntity,
    password: string,
    origin: RequestOrigin,
  ): Promise<{ caller: Caller } & IssuedToken> {
    const now = new Date();
    if (account.lockedUntil && account.lockedUntil > now) {
      await this.observer?.signInRefused(account.email, 'locked', origin);
      throw new DomainError('UNAUTHENTICATED', lockoutMessage(account.lockedUntil, now));
    }
    const valid = await verify(account.passwordHash!, password).catch(() => false);
    if (!valid) {
      const [{ failed_sign_ins: failed }] = await updateReturning<{ failed_sign_ins: number }>(
        this.dataSource.manager,
        'UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1 WHERE id = $1 RETURNING failed_sign_ins',
        [account.id],
      );
      const lockedUntil = lockedUntilAfter(Number(failed), now);
      await this.observer?.signInRefused(account.email, lockedUntil ? 'locked' : 'wrong-credentials', origin);
      if (lockedUntil) {
        await this.dataSource.query('UPDATE accounts SET locked_until = $2, failed_sign_ins = 0 WHERE id = $1', [
          account.id,
          lockedUntil,
        ]);
        throw new DomainError('UNAUTHENTICATED', lockoutMessage(lockedUntil, now));
      }
      throw new DomainError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    await this.dataSource.getRepository(AccountEntity).update({ id: account.id }, { failedSignIns: 0, lockedUntil: null });
    const session = await this.openSession(account.id);
    const caller = await this.callerOf(account, 'session', origin);
    await this.observer?.signedIn(caller, 'password', origin);
    return { ...session, caller };
  }

  /**
   * Opens a session for an account another party has vouched for (the single sign-on provider).
   * A disabled account is refused like an unknown one.
   */
  async signInVouchedFor(
    account: AccountEntity,
    origin: RequestOrigin,
    details: Record<string, unknown>,
  ): Promise<{ caller: Caller } & IssuedToken> {
    if (account.disabled) {
      await this.observer?.signInRefused(account.email, 'sso-refused', origin, 'the account is disabled');
      throw new DomainError('UNAUTHENTICATED', 'This account is disabled; ask an HR admin');
    }
    const session = await this.openSession(account.id);
    const caller = await this.callerOf(account, 'session', origin);
    await this.observer?.signedIn(caller, 'sso', origin, details);
    return { ...session, caller };
  }

  /** Records a refused single sign-on (the audit log shows why). */
  async singleSignOnRefused(email: string | null, detail: string, origin: RequestOrigin = {}): Promise<void> {
    await this.observer?.signInRefused(email ? normalisedEmail(email) : null, 'sso-refused', origin, detail);
  }

  /**
   * An account without a password for someone a trusted party vouches for: the single sign-on
   * provider on a first sign-in, or an HR admin adding a member by e-mail.
   */
  async createWithoutPassword(email: string, displayName: string): Promise<AccountEntity> {
    return this.insertAccount(this.dataSource.manager, { email, displayName });
  }

  /**
   * Puts the account in the organization on its first single sign-on (ROLEMAP_OIDC_DEFAULT_*),
   * recorded as a role change by the single sign-on itself.
   */
  async joinOnFirstSignIn(
    account: AccountEntity,
    organizationId: string,
    role: OrganizationRole,
    personExternalId: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO memberships (account_id, organization_id, role, person_external_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, organization_id) DO NOTHING`,
      [account.id, organizationId, role, personExternalId],
    );
    await this.observer?.roleChanged(SINGLE_SIGN_ON_CALLER, account.email, organizationId, role, personExternalId);
  }

  /** Ends every session of the caller's account (every browser signs out; API tokens stay). Returns how many. */
  async revokeOwnSessions(caller: Caller): Promise<number> {
    const accountId = requireAccount(caller, 'Sessions');
    const rows = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      'UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING id',
      [accountId],
    );
    await this.observer?.sessionsRevoked?.(caller, rows.length);
    return rows.length;
  }

  async openSession(accountId: string, lifetimeMs = SESSION_LIFETIME_MS): Promise<IssuedToken> {
    const token = newToken('session');
    const expiresAt = new Date(Date.now() + lifetimeMs);
    await this.dataSource.getRepository(SessionEntity).insert({ accountId, tokenHash: tokenHash(token), expiresAt });
    return { token, expiresAt };
  }

  /** The caller of a session cookie, or null when it is unknown, expired, revoked or its account disabled. */
  async callerOfSession(token: string, origin: RequestOrigin = {}): Promise<Caller | null> {
    if (!isTokenOfKind(token, 'session')) return null;
    // Whose the token is decides the tenant: looked up across all of them.
    const [row] = await acrossAllTenants(() =>
      this.dataSource.query(
        `SELECT ${CALLER_COLUMNS} FROM sessions t JOIN accounts a ON a.id = t.account_id
       WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT a.disabled`,
        [tokenHash(token)],
      ),
    );
    return row ? callerFromRow(row, 'session', origin) : null;
  }

  async signOut(sessionToken: string): Promise<void> {
    await acrossAllTenants(() =>
      this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [
        tokenHash(sessionToken),
      ]),
    );
  }

  /** A link that signs the account in once, within the hour (the owner's first link: a day). */
  async createSignInLink(caller: Caller, accountId: string, lifetimeMs = SIGN_IN_LINK_LIFETIME_MS): Promise<IssuedToken> {
    if (!isOwner(caller) && caller.id !== accountId)
      throw new DomainError('FORBIDDEN', 'Only the owner can make sign-in links for others');
    return this.issueSignInLink(this.dataSource.manager, accountId, lifetimeMs);
  }

  /** Uses up the link and opens a session; a used, expired or unknown link is refused. */
  async redeemSignInLink(linkToken: string, origin: RequestOrigin = {}): Promise<{ caller: Caller } & IssuedToken> {
    const refused = new DomainError('UNAUTHENTICATED', 'This sign-in link is used, expired or unknown; ask for a new one');
    if (!isTokenOfKind(linkToken, 'link')) {
      await acrossAllTenants(() => this.observer?.signInRefused(null, 'link-refused', origin));
      throw refused;
    }
    // The link names the account, and so the tenant: looked up across all of them.
    const account = await acrossAllTenants(async () => {
      const rows = await updateReturning<{ account_id: string }>(
        this.dataSource.manager,
        `UPDATE sign_in_links SET used_at = now()
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id`,
        [tokenHash(linkToken)],
      );
      return rows.length ? this.dataSource.getRepository(AccountEntity).findOneBy({ id: rows[0].account_id }) : null;
    });
    if (!account || account.disabled) {
      await acrossAllTenants(() => this.observer?.signInRefused(null, 'link-refused', origin));
      throw refused;
    }
    return withTenant(account.tenantId, async () => {
      const session = await this.openSession(account.id);
      const caller = await this.callerOf(account, 'session', origin);
      await this.observer?.signedIn(caller, 'link', origin);
      return { ...session, caller };
    });
  }

  /** A personal API token for the CLI or scripts; shown once. `days` null: until revoked. */
  async createApiToken(caller: Caller, name: string, days: number | null = 90): Promise<IssuedToken & { id: string }> {
    const accountId = requireAccount(caller);
    const trimmed = name?.trim() ?? '';
    if (!trimmed || trimmed.length > MAX_TOKEN_NAME_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `A token's name has 1 to ${MAX_TOKEN_NAME_LENGTH} characters`);
    }
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_API_TOKEN_DAYS)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `days must be a whole number from 1 to ${MAX_API_TOKEN_DAYS} (or none for no expiry)`,
      );
    }
    const token = newToken('api');
    const expiresAt = days === null ? null : new Date(Date.now() + days * 24 * 60 * 60 * 1000);
    const saved = await this.dataSource
      .getRepository(ApiTokenEntity)
      .save({ accountId, name: trimmed, tokenHash: tokenHash(token), expiresAt });
    return { id: saved.id, token, expiresAt };
  }

  async apiTokens(caller: Caller): Promise<ApiTokenSummary[]> {
    const rows = await this.dataSource
      .getRepository(ApiTokenEntity)
      .find({ where: { accountId: requireAccount(caller) }, order: { createdAt: 'DESC' } });
    return rows.map(({ id, name, createdAt, expiresAt, lastUsedAt, revokedAt }) => ({
      id,
      name,
      createdAt,
      expiresAt,
      lastUsedAt,
      revokedAt,
    }));
  }

  /** Revokes one of the caller's own tokens; it stops working on the next request. */
  async revokeApiToken(caller: Caller, tokenId: string): Promise<void> {
    const repository = this.dataSource.getRepository(ApiTokenEntity);
    const row = isUuid(tokenId) ? await repository.findOneBy({ id: tokenId, accountId: requireAccount(caller) }) : null;
    if (!row) throw new DomainError('NOT_FOUND', `You have no API token with id ${tokenId}`);
    if (!row.revokedAt) await repository.update({ id: row.id }, { revokedAt: new Date() });
  }

  /** The caller of an `Authorization: Bearer` token, or null when unknown, expired, revoked or disabled. */
  async callerOfApiToken(token: string, origin: RequestOrigin = {}): Promise<Caller | null> {
    if (!isTokenOfKind(token, 'api')) return null;
    // Whose the token is decides the tenant: looked up across all of them.
    return acrossAllTenants(async () => {
      const [row] = await this.dataSource.query(
        `SELECT ${CALLER_COLUMNS}, t.id AS token_id, t.last_used_at FROM api_tokens t JOIN accounts a ON a.id = t.account_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT a.disabled`,
        [tokenHash(token)],
      );
      if (!row) return null;
      // At most one write a minute per token: "last used" is for people, not an access log.
      if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > 60_000) {
        await this.dataSource.query('UPDATE api_tokens SET last_used_at = now() WHERE id = $1', [row.token_id]);
      }
      return callerFromRow(row, 'api-token', origin);
    });
  }

  async callerOf(account: AccountEntity, via: Caller['via'], origin: RequestOrigin = {}): Promise<Caller> {
    const rows = await this.dataSource.getRepository(MembershipEntity).findBy({ accountId: account.id });
    const memberships: Membership[] = rows.map((row) => ({
      organizationId: row.organizationId,
      role: row.role,
      personExternalId: row.personExternalId,
    }));
    return {
      id: account.id,
      displayName: account.displayName,
      tenantId: account.tenantId,
      organizationIds: account.owner ? 'ALL' : memberships.map((membership) => membership.organizationId),
      memberships,
      via,
      ip: origin.ip ?? null,
      userAgent: origin.userAgent ?? null,
    };
  }

  async account(id: string): Promise<AccountEntity | null> {
    return isUuid(id) ? this.dataSource.getRepository(AccountEntity).findOneBy({ id }) : null;
  }

  private async insertAccount(manager: EntityManager, account: NewAccount): Promise<AccountEntity> {
    const email = normalisedEmail(account.email);
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
      throw new DomainError('BAD_USER_INPUT', `email must be an e-mail address (got "${account.email}")`);
    }
    const displayName = account.displayName?.trim() ?? '';
    if (!displayName || displayName.length > MAX_DISPLAY_NAME_LENGTH) {
      throw new DomainError('BAD_USER_INPUT', `displayName has 1 to ${MAX_DISPLAY_NAME_LENGTH} characters`);
    }
    if (account.password != null) checkPassword(account.password);
    const existing = await manager.getRepository(AccountEntity).findOneBy({ email });
    if (existing) throw new DomainError('CONFLICT', `An account with the e-mail ${email} exists already`);
    try {
      return await manager.getRepository(AccountEntity).save({
        email,
        displayName,
        passwordHash: account.password != null ? await hash(account.password) : null,
        owner: account.owner ?? false,
      });
    } catch (error) {
      // E-mails are unique in the whole installation: one held in another tenant is not visible here.
      if ((error as { code?: string }).code === '23505')
        throw new DomainError('CONFLICT', `An account with the e-mail ${email} exists already`);
      throw error;
    }
  }

  private async issueSignInLink(manager: EntityManager, accountId: string, lifetimeMs: number): Promise<IssuedToken> {
    const token = newToken('link');
    const expiresAt = new Date(Date.now() + lifetimeMs);
    await manager.getRepository(SignInLinkEntity).insert({ accountId, tokenHash: tokenHash(token), expiresAt });
    return { token, expiresAt };
  }
}

/** The account and its memberships in the same statement as the credential: one round trip per request. */
const CALLER_COLUMNS = `a.id, a.display_name, a.owner, a.tenant_id,
  COALESCE((SELECT json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role, 'personExternalId', m.person_external_id))
            FROM memberships m WHERE m.account_id = a.id), '[]'::json) AS memberships`;

interface CallerRow {
  id: string;
  tenant_id: string;
  display_name: string;
  owner: boolean;
  memberships: Membership[];
}

function callerFromRow(row: CallerRow, via: Caller['via'], origin: RequestOrigin): Caller {
  return {
    id: row.id,
    displayName: row.display_name,
    tenantId: row.tenant_id,
    organizationIds: row.owner ? 'ALL' : row.memberships.map((membership) => membership.organizationId),
    memberships: row.memberships,
    via,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent ?? null,
  };
}

// An argon2id hash of a random string, checked against when the e-mail is unknown.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$7wwLA5KqHjVDzhghTxnvng$7pPSwtKEtV7gQbaMUWb4vMIMIfYBmI0OcYNKBjbf6jk';

/** The rows of an UPDATE … RETURNING (TypeORM hands those back as [rows, count]). */
async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const [rows] = (await manager.query(sql, parameters)) as [T[], number];
  return rows;
}

function normalisedEmail(email: string): string {
  return (email ?? '').trim().toLowerCase();
}

function checkPassword(password: string): void {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new DomainError('BAD_USER_INPUT', `password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
}

function requireAccount(caller: Caller, what = 'API tokens'): string {
  if (!caller.id) throw new DomainError('BAD_USER_INPUT', `${what} belong to an account; the local operator has none`);
  return caller.id;
}
