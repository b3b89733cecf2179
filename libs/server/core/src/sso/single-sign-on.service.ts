import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import type * as Oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { type AccountEntity } from '../accounts/account.entity';
import { DEFAULT_TENANT_ID, acrossAllTenants, withTenant } from '../database/tenant-scope';
import { AccountsService, type IssuedToken, type RequestOrigin } from '../accounts/accounts.service';
import { tokenHash } from '../accounts/credential-token';
import type { Caller } from '../common/caller';
import type { AppConfig } from '../config/app-config';
import { type OidcConfig, isLoopback } from '../config/oidc-config';
import { latestSnapshot } from '../snapshots/snapshot-order';
import { APP_CONFIG } from '../server-core.tokens';

/** How long the browser has to come back from the provider. */
export const SSO_ATTEMPT_LIFETIME_MS = 10 * 60 * 1000;
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';

export interface SsoStart {
  authorizationUrl: string;
  /** Goes into a short-lived cookie: the callback must come back to the browser that started. */
  state: string;
}

export interface SsoSignIn extends IssuedToken {
  caller: Caller;
  /** The page of this app to open now. */
  returnTo: string;
}

/**
 * Single sign-on through an OpenID Connect provider: the authorization-code flow with PKCE (S256),
 * state and nonce (openid-client checks the provider's answer, the ID token's signature, issuer,
 * audience, nonce and expiry). The (issuer, subject) of the ID token is the identity; on its first
 * sign-in it is linked to the account with its verified e-mail, or gets a new account, which joins
 * the configured organization. Every refusal says why and reaches the audit log.
 */
@Injectable()
export class SingleSignOnService {
  private discovered: Promise<Oidc.Configuration> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  /** The provider's name for the sign-in page, or null when single sign-on is off. */
  get providerName(): string | null {
    return this.config.oidc?.providerName ?? null;
  }

  /** Where to send the browser to sign in; `requestOrigin` is this server as the browser reached it. */
  async start(returnTo: string | null | undefined, requestOrigin: string): Promise<SsoStart> {
    const sso = this.settings();
    const configuration = await this.provider();
    const oidc = oidcClient();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await this.dataSource.query('DELETE FROM sso_attempts WHERE expires_at < now()');
    await this.dataSource.query(
      `INSERT INTO sso_attempts (state_hash, nonce, code_verifier, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [tokenHash(state), nonce, codeVerifier, safeReturnPath(returnTo), new Date(Date.now() + SSO_ATTEMPT_LIFETIME_MS)],
    );
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUrl(sso, requestOrigin),
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { authorizationUrl: url.href, state };
  }

  /**
   * The provider sent the browser back: checks it is the browser that started (the state in its
   * cookie), redeems the code with the PKCE verifier, checks the ID token and signs in.
   */
  async finish(
    query: URLSearchParams,
    stateFromCookie: string | null,
    requestOrigin: string,
    origin: RequestOrigin = {},
  ): Promise<SsoSignIn> {
    const sso = this.settings();
    const state = query.get('state');
    if (!state || !stateFromCookie || state !== stateFromCookie) {
      return this.refuse(null, 'the answer does not belong to a sign-in this browser started (state mismatch)', origin);
    }
    const [attempts] = (await this.dataSource.query(
      `UPDATE sso_attempts SET used_at = now() WHERE state_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING nonce, code_verifier, return_to`,
      [tokenHash(state)],
    )) as [{ nonce: string; code_verifier: string; return_to: string }[], number];
    const attempt = attempts[0];
    if (!attempt) return this.refuse(null, 'the sign-in was used already or took longer than 10 minutes', origin);
    const providerError = query.get('error');
    if (providerError) {
      const description = query.get('error_description');
      return this.refuse(null, `the provider refused: ${providerError}${description ? ` (${description})` : ''}`, origin);
    }
    const callbackUrl = new URL(this.redirectUrl(sso, requestOrigin));
    callbackUrl.search = query.toString();
    let claims: SignInClaims;
    try {
      const configuration = await this.provider();
      const oidc = oidcClient();
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      claims = { ...idToken };
      // Many providers put e-mail and name only in the userinfo answer when an access token comes along.
      if (claims.email === undefined && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
        const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        claims = {
          ...userInfo,
          ...idToken,
          email: userInfo.email,
          email_verified: userInfo.email_verified,
          name: userInfo.name ?? idToken.name,
        };
      }
    } catch (error) {
      return this.refuse(null, `the provider's answer did not check out: ${reasonOf(error)}`, origin);
    }
    // Who signs in is found across tenants (nobody is known yet); the session is then theirs.
    const account = await acrossAllTenants(() => this.accountFor(sso, claims, origin));
    const issued = await withTenant(account.tenantId, () =>
      this.accounts.signInVouchedFor(account, origin, { issuer: claims.iss, subject: claims.sub }),
    );
    return { ...issued, returnTo: attempt.return_to };
  }

  private async accountFor(sso: OidcConfig, claims: SignInClaims, origin: RequestOrigin): Promise<AccountEntity> {
    const [linked] = (await this.dataSource.query(
      `UPDATE sso_identities SET last_sign_in_at = now() WHERE issuer = $1 AND subject = $2 RETURNING account_id`,
      [claims.iss, claims.sub],
    )) as [{ account_id: string }[], number];
    if (linked.length) {
      const account = await this.accounts.account(linked[0].account_id);
      if (account) return account;
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (!email) return this.refuse(null, 'the provider sent no e-mail address (is the "email" scope allowed?)', origin);
    if (claims.email_verified !== true) {
      return this.refuse(
        email,
        `the provider does not vouch for the e-mail address ${email} (email_verified is not true)`,
        origin,
      );
    }
    const existing = await this.accounts.byEmail(email);
    if (existing) {
      if (!sso.linkByEmail) {
        return this.refuse(
          email,
          `an account with the e-mail ${email} exists and linking by e-mail is off (ROLEMAP_OIDC_LINK_BY_EMAIL)`,
          origin,
        );
      }
      await this.link(existing, claims);
      return existing;
    }
    const displayName = (typeof claims.name === 'string' && claims.name.trim().slice(0, 200)) || email;
    // A new account belongs to the tenant of the organization it joins (the default tenant without one).
    const organization = await this.defaultOrganization(sso);
    return withTenant(organization?.tenant_id ?? DEFAULT_TENANT_ID, async () => {
      const account = await this.accounts.createWithoutPassword(email, displayName);
      await this.link(account, claims);
      if (organization) await this.joinDefaultOrganization(sso, account, organization.id);
      return account;
    });
  }

  private async link(account: AccountEntity, claims: SignInClaims): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sso_identities (account_id, issuer, subject, last_sign_in_at) VALUES ($1, $2, $3, now())`,
      [account.id, claims.iss, claims.sub],
    );
  }

  /**
   * ROLEMAP_OIDC_DEFAULT_ORG / _ROLE. An employee is who the newest chart says has that e-mail;
   * when nobody there has it, the account joins nothing until an HR admin adds it.
   */
  private async defaultOrganization(sso: OidcConfig): Promise<{ id: string; tenant_id: string } | null> {
    if (!sso.defaultOrganization || !sso.defaultRole) return null;
    const [organization] = (await this.dataSource.query(
      'SELECT id, tenant_id FROM organization WHERE id::text = $1 OR name = $1 ORDER BY (id::text = $1) DESC LIMIT 1',
      [sso.defaultOrganization],
    )) as { id: string; tenant_id: string }[];
    return organization ?? null;
  }

  private async joinDefaultOrganization(sso: OidcConfig, account: AccountEntity, organizationId: string): Promise<void> {
    if (!sso.defaultRole) return;
    const organization = { id: organizationId };
    let personExternalId: string | null = null;
    if (sso.defaultRole === 'EMPLOYEE') {
      const snapshot = await latestSnapshot(this.dataSource.manager, organization.id);
      const people = snapshot
        ? ((await this.dataSource.query(
            'SELECT employee_id FROM person WHERE snapshot_id = $1 AND lower(trim(email)) = $2 LIMIT 2',
            [snapshot.id, account.email],
          )) as { employee_id: string }[])
        : [];
      // Two people with one address: which role is theirs is for an HR admin to say.
      if (people.length !== 1) return;
      personExternalId = people[0].employee_id;
    }
    await this.accounts.joinOnFirstSignIn(account, organization.id, sso.defaultRole, personExternalId);
  }

  private async refuse(email: string | null, detail: string, origin: RequestOrigin): Promise<never> {
    // Nobody is signed in yet: the refusal is recorded outside any tenant, as failed sign-ins are.
    await acrossAllTenants(() => this.accounts.singleSignOnRefused(email, detail, origin));
    throw new DomainError('UNAUTHENTICATED', `Single sign-on refused: ${detail}`);
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new DomainError('NOT_FOUND', 'Single sign-on is not configured (ROLEMAP_OIDC_ISSUER)');
    return this.config.oidc;
  }

  private redirectUrl(sso: OidcConfig, requestOrigin: string): string {
    return sso.redirectUrl ?? new URL(SSO_CALLBACK_PATH, requestOrigin).href;
  }

  /** The provider's metadata and keys, fetched on first use (and again after a failure). */
  private provider(): Promise<Oidc.Configuration> {
    const sso = this.settings();
    if (!this.discovered) {
      const oidc = oidcClient();
      const issuer = new URL(sso.issuer);
      this.discovered = oidc
        .discovery(
          issuer,
          sso.clientId,
          undefined,
          sso.clientSecret ? oidc.ClientSecretBasic(sso.clientSecret) : oidc.None(),
          isLoopback(issuer.hostname) && issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {},
        )
        .catch((error: Error) => {
          this.discovered = null;
          throw new DomainError('CONFLICT', `The single sign-on provider ${sso.issuer} cannot be reached: ${error.message}`);
        });
    }
    return this.discovered;
  }
}

// openid-client is an ES module that every CLI command and server start would load (~0.1 s) for
// sign-ins that most never see: it is loaded on first use.
let oidcModule: typeof Oidc | undefined;
function oidcClient(): typeof Oidc {
  oidcModule ??= require('openid-client') as typeof Oidc;
  return oidcModule;
}

/** What the sign-in goes by: the ID token's issuer and subject, e-mail and name from it or from userinfo. */
type SignInClaims = Pick<Oidc.IDToken, 'iss' | 'sub'> & { email?: unknown; email_verified?: unknown; name?: unknown };

/** openid-client wraps the check that failed (the claim, the parameter) as the cause: that is the useful part. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof Error && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** A path of this app to go back to; anything else (another site, `//host`) becomes `/`. */
export function safeReturnPath(returnTo: string | null | undefined): string {
  const path = returnTo?.trim() ?? '';
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || path.length > 500) return '/';
  if ([...path].some((character) => character.charCodeAt(0) < 32)) return '/';
  return path;
}
