import { ConfigError, parseBoolean } from './parse-env';

/** The roles a first SSO sign-in may grant on its own; anything more is an HR admin's decision. */
export const SSO_DEFAULT_ROLES = ['EMPLOYEE', 'VIEWER'] as const;
export type SsoDefaultRole = (typeof SSO_DEFAULT_ROLES)[number];

/** Single sign-on through an OpenID Connect provider (ROLEMAP_OIDC_*); null in the config when off. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE alone). */
  clientSecret: string | null;
  /** Where the provider sends the browser back; null: this server's /api/auth/sso/callback on the request's host. */
  redirectUrl: string | null;
  /** Shown on the sign-in page: "Sign in with <name>". */
  providerName: string;
  /** The organization (id or exact name) new SSO accounts join, and as what; null: they join none. */
  defaultOrganization: string | null;
  defaultRole: SsoDefaultRole | null;
  /** A first SSO sign-in with a verified e-mail of an existing account signs in as that account. */
  linkByEmail: boolean;
}

export function oidcConfigFrom(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.ROLEMAP_OIDC_ISSUER?.trim() ?? '';
  if (!issuer) {
    const stray = OIDC_VARIABLES.filter((name) => name !== 'ROLEMAP_OIDC_ISSUER' && env[name]?.trim());
    if (stray.length)
      throw new ConfigError(`${stray.join(', ')} set without ROLEMAP_OIDC_ISSUER: set the issuer to turn single sign-on on`);
    return null;
  }
  const issuerUrl = httpUrl('ROLEMAP_OIDC_ISSUER', issuer);
  const clientId = env.ROLEMAP_OIDC_CLIENT_ID?.trim() ?? '';
  if (!clientId) throw new ConfigError('ROLEMAP_OIDC_CLIENT_ID is required with ROLEMAP_OIDC_ISSUER');
  const redirect = env.ROLEMAP_OIDC_REDIRECT_URL?.trim() || null;
  if (redirect) {
    const url = httpUrl('ROLEMAP_OIDC_REDIRECT_URL', redirect);
    if (url.pathname !== '/api/auth/sso/callback') {
      throw new ConfigError(`ROLEMAP_OIDC_REDIRECT_URL must end in /api/auth/sso/callback (got "${redirect}")`);
    }
  }
  const defaultOrganization = env.ROLEMAP_OIDC_DEFAULT_ORG?.trim() || null;
  const role = env.ROLEMAP_OIDC_DEFAULT_ROLE?.trim().toUpperCase() || (defaultOrganization ? 'EMPLOYEE' : 'NONE');
  if (role !== 'NONE' && !(SSO_DEFAULT_ROLES as readonly string[]).includes(role)) {
    throw new ConfigError(
      `ROLEMAP_OIDC_DEFAULT_ROLE must be one of ${SSO_DEFAULT_ROLES.join(', ')} or none (got "${env.ROLEMAP_OIDC_DEFAULT_ROLE}")`,
    );
  }
  if (role !== 'NONE' && !defaultOrganization) {
    throw new ConfigError('ROLEMAP_OIDC_DEFAULT_ROLE needs ROLEMAP_OIDC_DEFAULT_ORG: the organization new SSO accounts join');
  }
  return {
    issuer: issuerUrl.href,
    clientId,
    clientSecret: env.ROLEMAP_OIDC_CLIENT_SECRET?.trim() || null,
    redirectUrl: redirect,
    providerName: env.ROLEMAP_OIDC_NAME?.trim() || issuerUrl.hostname,
    defaultOrganization,
    defaultRole: role === 'NONE' ? null : (role as SsoDefaultRole),
    linkByEmail: parseBoolean('ROLEMAP_OIDC_LINK_BY_EMAIL', env.ROLEMAP_OIDC_LINK_BY_EMAIL, true),
  };
}

const OIDC_VARIABLES = [
  'ROLEMAP_OIDC_ISSUER',
  'ROLEMAP_OIDC_CLIENT_ID',
  'ROLEMAP_OIDC_CLIENT_SECRET',
  'ROLEMAP_OIDC_REDIRECT_URL',
  'ROLEMAP_OIDC_NAME',
  'ROLEMAP_OIDC_DEFAULT_ORG',
  'ROLEMAP_OIDC_DEFAULT_ROLE',
  'ROLEMAP_OIDC_LINK_BY_EMAIL',
];

/** https, or plain http only to this machine (a provider for development or tests). */
function httpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL such as https://login.example.com (got "${raw}")`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return url;
  throw new ConfigError(`${name} must be an https:// URL (plain http only to localhost) (got "${raw}")`);
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
