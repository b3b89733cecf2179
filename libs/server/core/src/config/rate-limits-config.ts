import { ConfigError } from './parse-env';

/** At most `limit` requests per `windowMs`, counted per IP address and per account. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Abuse limits on what is expensive or guessable; null switches one off. */
export interface RateLimits {
  /** Everything under /api/auth/ (sign-in, sign-in links): slows password and link guessing. */
  signIn: RateLimit | null;
  /** GraphQL multipart requests (previewImport, commitImport): each is read and parsed whole. */
  uploads: RateLimit | null;
  /** Report, audit-log and personal-data downloads: each builds a file. */
  exports: RateLimit | null;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signIn: { limit: 10, windowMs: 60_000 },
  uploads: { limit: 30, windowMs: 10 * 60_000 },
  exports: { limit: 120, windowMs: 10 * 60_000 },
};

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000 };

/** `ROLEMAP_RATE_LIMIT_SIGN_IN=10/1m` (count / window in s, m or h) or `off`. */
export function rateLimitsFrom(env: NodeJS.ProcessEnv): RateLimits {
  return {
    signIn: parseRateLimit('ROLEMAP_RATE_LIMIT_SIGN_IN', env.ROLEMAP_RATE_LIMIT_SIGN_IN, DEFAULT_RATE_LIMITS.signIn),
    uploads: parseRateLimit('ROLEMAP_RATE_LIMIT_UPLOADS', env.ROLEMAP_RATE_LIMIT_UPLOADS, DEFAULT_RATE_LIMITS.uploads),
    exports: parseRateLimit('ROLEMAP_RATE_LIMIT_EXPORTS', env.ROLEMAP_RATE_LIMIT_EXPORTS, DEFAULT_RATE_LIMITS.exports),
  };
}

export function parseRateLimit(name: string, raw: string | undefined, fallback: RateLimit | null): RateLimit | null {
  const text = raw?.trim() ?? '';
  if (text === '') return fallback;
  if (/^off$/i.test(text)) return null;
  const match = /^(\d+)\s*\/\s*(\d+)\s*(s|m|h)$/i.exec(text);
  const limit = match ? Number(match[1]) : NaN;
  const windowMs = match ? Number(match[2]) * UNIT_MS[match[3].toLowerCase()] : NaN;
  if (!match || limit < 1 || windowMs < 1_000 || windowMs > 24 * UNIT_MS.h) {
    throw new ConfigError(`${name} must be a count per window such as 10/1m (s, m or h, at most 24h) or off (got "${raw}")`);
  }
  return { limit, windowMs };
}

/** "10 per minute", "30 per 10 minutes": how the limit reads in a refusal. */
export function describeWindow(windowMs: number): string {
  const [unit, size] =
    windowMs % UNIT_MS.h === 0
      ? ['hour', windowMs / UNIT_MS.h]
      : windowMs % UNIT_MS.m === 0
        ? ['minute', windowMs / UNIT_MS.m]
        : ['second', windowMs / UNIT_MS.s];
  return size === 1 ? unit : `${size} ${unit}s`;
}
