import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

const origins = new AsyncLocalStorage<RequestOrigin>();

/**
 * Runs `work` with the request's origin in scope, so services deep in the core can record it
 * without every method taking it as an argument. The API wraps each HTTP request in this; the
 * CLI has no request, and its entries carry no IP or user agent.
 */
export function withRequestOrigin<T>(origin: RequestOrigin, work: () => T): T {
  return origins.run(origin, work);
}

export function currentRequestOrigin(): RequestOrigin | null {
  return origins.getStore() ?? null;
}
