import type { NextFunction, Request, Response } from 'express';
import { rateLimits } from './rate-limits.middleware';

const EXPORT = '/api/organizations/o1/reports/summary';

function request(ip: string, account: string | null): Request {
  return { method: 'GET', path: EXPORT, ip, headers: {}, socket: {}, account } as unknown as Request;
}

/** Runs the middleware once; 'next' when it let the request through, else the status it answered. */
async function run(handler: ReturnType<typeof rateLimits>, req: Request): Promise<'next' | number> {
  let status: number | null = null;
  const res = {
    setHeader: () => res,
    status: (code: number) => ((status = code), res),
    json: () => res,
  } as unknown as Response;
  let passed = false;
  await handler(req, res, (() => (passed = true)) as NextFunction);
  return passed ? 'next' : (status ?? -1);
}

describe('rate limits per address and per account', () => {
  const limits = { signIn: null, uploads: null, exports: { limit: 2, windowMs: 60_000 } };
  const callerIdOf = async (req: Request) => (req as unknown as { account: string | null }).account;

  it('counts one account across addresses', async () => {
    const handler = rateLimits(limits, { callerIdOf });
    expect(await run(handler, request('10.0.0.1', 'ada'))).toBe('next');
    expect(await run(handler, request('10.0.0.2', 'ada'))).toBe('next');
    expect(await run(handler, request('10.0.0.3', 'ada'))).toBe(429);
    // Someone else, from a fresh address, is not held back by Ada's count.
    expect(await run(handler, request('10.0.0.4', 'bob'))).toBe('next');
  });

  it('counts an address whoever signs in from it, and anonymous requests by address alone', async () => {
    const handler = rateLimits(limits, { callerIdOf });
    expect(await run(handler, request('10.0.0.9', null))).toBe('next');
    expect(await run(handler, request('10.0.0.9', 'carol'))).toBe('next');
    expect(await run(handler, request('10.0.0.9', 'dave'))).toBe(429);
  });
});
