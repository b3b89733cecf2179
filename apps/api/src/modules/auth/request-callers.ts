import { Injectable } from '@nestjs/common';
import { AccountsService, type Caller, bindRequestTenant } from '@rolemap/server-core';
import type { Request } from 'express';

export const SESSION_COOKIE = 'rolemap_session';

/**
 * Builds the caller of a request once, from the session cookie or an `Authorization: Bearer`
 * API token; the guard and the GraphQL context share it. A cookie sent by a page of another
 * origin is ignored (SameSite=Lax already keeps it off cross-site posts; this also covers
 * same-site subdomains and old browsers), so a cross-origin request is anonymous.
 */
@Injectable()
export class RequestCallers {
  private readonly callers = new WeakMap<Request, Promise<Caller | null>>();
  private readonly settled = new WeakMap<Request, Caller | null>();

  constructor(private readonly accounts: AccountsService) {}

  of(req: Request): Promise<Caller | null> {
    let caller = this.callers.get(req);
    if (!caller) {
      caller = this.build(req);
      this.callers.set(req, caller);
      caller.then(
        (built) => this.settled.set(req, built),
        () => this.settled.set(req, null),
      );
    }
    return caller;
  }

  /** The caller if the request already built one (the request log must not cost a lookup); else undefined. */
  peek(req: Request): Caller | null | undefined {
    return this.settled.get(req);
  }

  /** The caller, with the request's database work bound to their tenant (none for an anonymous request). */
  private async build(req: Request): Promise<Caller | null> {
    const caller = await this.credentialsOf(req);
    bindRequestTenant(caller?.tenantId ?? null);
    return caller;
  }

  private async credentialsOf(req: Request): Promise<Caller | null> {
    const origin = { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) return this.accounts.callerOfApiToken(bearer, origin);
    const session = sessionCookieOf(req);
    if (!session || isCrossOrigin(req)) return null;
    return this.accounts.callerOfSession(session, origin);
  }
}

export function sessionCookieOf(req: Request): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** True when the browser says the request comes from a page of another origin. */
export function isCrossOrigin(req: Request): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}
