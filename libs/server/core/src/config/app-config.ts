import path from 'node:path';
import { type GraphqlLimits, graphqlLimitsFrom } from './query-limits-config';
import { allowedHostsFrom } from './allowed-hosts';
import { type RateLimits, rateLimitsFrom } from './rate-limits-config';
import { type OidcConfig, oidcConfigFrom } from './oidc-config';
import { type JobsConfig, jobsConfigFrom } from './jobs-config';
import { ConfigError, parseBoolean } from './parse-env';
import { findRepoRoot } from './repo-root';

export { ConfigError } from './parse-env';

/** Everything the server and the CLI read from the environment, checked once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  /** A real PostgreSQL server; when null rolemap runs its embedded PGlite database. */
  databaseUrl: string | null;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Built web app served at `/`; null when it should not be served. */
  webDistDir: string | null;
  /** Seed the demo organization on first start of an empty database. */
  seedDemo: boolean;
  /** Host names the server answers to (the Host header); anything else is refused (DNS rebinding). */
  allowedHosts: string[];
  /** What one GraphQL request may ask for, and whether the schema is introspectable. */
  graphql: GraphqlLimits;
  /** Largest file an upload may carry (ROLEMAP_MAX_UPLOAD_MB); a larger one is refused, never cut short. */
  maxUploadBytes: number;
  /** Requests per IP and per account on sign-in, uploads and exports (ROLEMAP_RATE_LIMIT_*). */
  rateLimits: RateLimits;
  /** Least severe server log line written (ROLEMAP_LOG_LEVEL); logs are JSON lines on stdout. */
  logLevel: LogLevel;
  /** Single sign-on through OpenID Connect (ROLEMAP_OIDC_*); null when it is off. */
  oidc: OidcConfig | null;
  /** Background jobs: what goes on the queue, retries, dead-worker detection (ROLEMAP_JOB_*). */
  jobs: JobsConfig;
  /** Survey invitations and reminders by e-mail (ROLEMAP_SMTP_URL, ROLEMAP_SMTP_FROM); null: links as CSV only. */
  smtp: SmtpConfig | null;
  /** The address people open links at (ROLEMAP_PUBLIC_URL); default http://localhost:PORT. */
  publicUrl: string;
}

export interface SmtpConfig {
  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
  url: string;
  /** The From header of every message, e.g. `HR <hr@example.com>`. */
  from: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const repoRoot = findRepoRoot();

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = parsePort(env.PORT ?? '3000');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql:// (got "${databaseUrl}")`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  return {
    port,
    // Loopback by default: sign-in guards every request, but plain HTTP carries passwords readable. Containers set HOST=0.0.0.0.
    host,
    databaseUrl,
    dataDir: path.resolve(env.ROLEMAP_DATA_DIR?.trim() || '.rolemap'),
    webDistDir: env.ROLEMAP_WEB_DIST === '' ? null : path.resolve(env.ROLEMAP_WEB_DIST ?? path.join(repoRoot, 'dist/apps/web')),
    seedDemo: parseBoolean('ROLEMAP_SEED_DEMO', env.ROLEMAP_SEED_DEMO, true),
    allowedHosts: allowedHostsFrom(env.ROLEMAP_ALLOWED_HOSTS, host),
    graphql: graphqlLimitsFrom(env),
    maxUploadBytes: parseMegabytes('ROLEMAP_MAX_UPLOAD_MB', env.ROLEMAP_MAX_UPLOAD_MB, DEFAULT_MAX_UPLOAD_MB),
    rateLimits: rateLimitsFrom(env),
    logLevel: parseLogLevel(env.ROLEMAP_LOG_LEVEL),
    oidc: oidcConfigFrom(env),
    jobs: jobsConfigFrom(env),
    smtp: parseSmtp(env.ROLEMAP_SMTP_URL, env.ROLEMAP_SMTP_FROM),
    publicUrl: parsePublicUrl(env.ROLEMAP_PUBLIC_URL, port),
  };
}

function parseSmtp(rawUrl: string | undefined, rawFrom: string | undefined): SmtpConfig | null {
  const url = rawUrl?.trim() ?? '';
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      `ROLEMAP_SMTP_URL must be a URL such as smtp://user:password@mail.example.com:587 (got "${redactUrl(url)}")`,
    );
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError(`ROLEMAP_SMTP_URL must start with smtp:// or smtps:// (got "${redactUrl(url)}")`);
  }
  const from = rawFrom?.trim() || 'rolemap <rolemap@localhost>';
  if (!/@/.test(from) || /[\r\n]/.test(from)) {
    throw new ConfigError(`ROLEMAP_SMTP_FROM must be one address, e.g. "HR <hr@example.com>" (got "${from}")`);
  }
  return { url, from };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//…@');
}

function parsePublicUrl(raw: string | undefined, port: number): string {
  const text = raw?.trim() || `http://localhost:${port}`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`ROLEMAP_PUBLIC_URL must be an http(s) URL such as https://rolemap.example.com (got "${text}")`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`ROLEMAP_PUBLIC_URL must start with http:// or https:// (got "${text}")`);
  }
  return text.replace(/\/+$/, '');
}

function parseLogLevel(raw: string | undefined): LogLevel {
  const level = raw?.trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`ROLEMAP_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`);
  }
  return level as LogLevel;
}

/** A 100k-person people file is about 15 MB, its responsibilities about 22 MB. */
export const DEFAULT_MAX_UPLOAD_MB = 50;
/** Uploads are held in memory while they are checked; more than this per file is not sensible. */
const MAX_UPLOAD_MB_CEILING = 1024;

function parseMegabytes(name: string, raw: string | undefined, fallback: number): number {
  const text = raw?.trim() ?? '';
  const megabytes = text === '' ? fallback : Number(text);
  if (!/^(\d+(\.\d*)?|\.\d+)?$/.test(text) || !(megabytes > 0) || megabytes > MAX_UPLOAD_MB_CEILING) {
    throw new ConfigError(`${name} must be a number of megabytes above 0 and at most ${MAX_UPLOAD_MB_CEILING} (got "${raw}")`);
  }
  return Math.floor(megabytes * 1024 * 1024);
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535 (got "${raw}")`);
  }
  return port;
}
