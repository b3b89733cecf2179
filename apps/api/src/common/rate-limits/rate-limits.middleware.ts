import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type RateLimit, type RateLimits, describeWindow } from '@rolemap/server-core';
import { SlidingWindowLimiter } from './sliding-window-limiter';

interface Rule {
  name: 'sign-in' | 'upload' | 'export';
  /** How the refusal names what was limited: "Too many sign-in attempts". */
  what: string;
  limiter: SlidingWindowLimiter;
  limit: RateLimit;
  matches(req: Request): boolean;
}

export interface RateLimitOptions {
  /**
   * The account making the request (from its cookie or token, before the body is read); counted
   * besides its IP address. Only asked for requests a limit applies to.
   */
  callerIdOf?: (req: Request) => Promise<string | null> | string | null;
}

const EXPORT_PATH = /^\/api\/organizations\/[^/]+\/(reports\/[^/]+|audit-log\.csv|people\/[^/]+\/data\.json)$/;

/**
 * Abuse limits per IP address and per account, checked before the request is read (an upload is
 * refused before its bytes are taken in): sign-in under /api/auth/, multipart uploads to
 * /graphql, and downloads of reports, the audit log and personal data. A refusal is HTTP 429
 * with Retry-After and a message naming the limit and when to try again.
 */
export function rateLimits(limits: RateLimits, options: RateLimitOptions = {}): RequestHandler {
  const rules: Rule[] = [];
  const add = (name: Rule['name'], what: string, limit: RateLimit | null, matches: Rule['matches']) => {
    if (limit) rules.push({ name, what, limit, limiter: new SlidingWindowLimiter(limit), matches });
  };
  add('sign-in', 'sign-in attempts', limits.signIn, (req) => req.path.startsWith('/api/auth/'));
  add('upload', 'uploads', limits.uploads, (req) => req.method === 'POST' && req.path === '/graphql' && isMultipart(req));
  add('export', 'downloads', limits.exports, (req) => req.method === 'GET' && EXPORT_PATH.test(req.path));
  const callerIdOf = options.callerIdOf ?? (() => null);

  return async (req: Request, res: Response, next: NextFunction) => {
    const rule = rules.find((candidate) => candidate.matches(req));
    if (!rule) return next();
    let callerId: string | null;
    try {
      callerId = await callerIdOf(req);
    } catch (error) {
      return next(error);
    }
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const keys = [`ip:${ip}`, ...(callerId ? [`account:${callerId}`] : [])];
    const { allowed, retryAfterMs } = rule.limiter.take(keys);
    if (allowed) return next();
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const message =
      `Too many ${rule.what}: at most ${rule.limit.limit} per ${describeWindow(rule.limit.windowMs)} ` +
      `from one address or account. Try again in ${retryAfterSeconds} s.`;
    res.setHeader('retry-after', String(retryAfterSeconds));
    // The body of a refused upload is not read; closing is cheaper than draining it.
    if (rule.name === 'upload') res.setHeader('connection', 'close');
    const extensions = { code: 'TOO_MANY_REQUESTS', limit: rule.name, retryAfterSeconds };
    res
      .status(429)
      .json(
        req.path === '/graphql'
          ? { errors: [{ message, extensions }] }
          : { statusCode: 429, error: 'Too Many Requests', message, ...extensions },
      );
  };
}

function isMultipart(req: Request): boolean {
  return /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}
