import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { DomainError } from '@rolemap/domain';
import { AccountsService, type Caller, type IssuedToken } from '@rolemap/server-core';
import type { Request, Response } from 'express';
import { Public, SignedIn } from './access-rule.decorator';
import { RequestCallers, SESSION_COOKIE, isCrossOrigin, sessionCookieOf } from './request-callers';

interface SignInBody {
  email?: unknown;
  password?: unknown;
}

interface SignedInAs {
  displayName: string;
  expiresAt: string | null;
}

/**
 * Signing in and out for the web app: a session in an httpOnly, SameSite=Lax cookie (Secure over
 * https). Posts must be JSON, which a form on another site cannot send, and come from this origin.
 */
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly callers: RequestCallers,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(@Req() req: Request, @Body() body: SignInBody, @Res({ passthrough: true }) res: Response): Promise<SignedInAs> {
    assertSameOriginJson(req);
    if (typeof body?.email !== 'string' || !body.email.trim()) throw new DomainError('BAD_USER_INPUT', 'email is required');
    if (typeof body.password !== 'string' || !body.password) throw new DomainError('BAD_USER_INPUT', 'password is required');
    const session = await this.accounts.signInWithPassword(body.email, body.password, originOf(req));
    return this.startSession(req, res, session);
  }

  /** Uses up a one-time sign-in link (the web app's /sign-in?link=… page posts it here). */
  @Public()
  @Post('link')
  @HttpCode(200)
  async redeemLink(
    @Req() req: Request,
    @Body() body: { token?: unknown },
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedInAs> {
    assertSameOriginJson(req);
    if (typeof body?.token !== 'string') throw new DomainError('BAD_USER_INPUT', 'token is required');
    return this.startSession(req, res, await this.accounts.redeemSignInLink(body.token, originOf(req)));
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    assertSameOriginJson(req);
    const token = sessionCookieOf(req);
    if (token) await this.accounts.signOut(token);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
  }

  @SignedIn()
  @Get('me')
  async me(@Req() req: Request): Promise<{ id: string | null; displayName: string; via: Caller['via'] }> {
    const caller = (await this.callers.of(req))!;
    return { id: caller.id, displayName: caller.displayName, via: caller.via };
  }

  private startSession(req: Request, res: Response, session: { caller: Caller } & IssuedToken): SignedInAs {
    res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions(req), expires: session.expiresAt ?? undefined });
    return { displayName: session.caller.displayName, expiresAt: session.expiresAt?.toISOString() ?? null };
  }
}

export function cookieOptions(req: Request) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/' };
}

export function originOf(req: Request) {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
}

/** Login CSRF: a page elsewhere must not sign a browser in (or out) behind its user's back. */
function assertSameOriginJson(req: Request): void {
  if (!req.is('application/json')) throw new DomainError('BAD_USER_INPUT', 'Send the request as application/json');
  if (isCrossOrigin(req)) throw new DomainError('FORBIDDEN', 'Signing in and out is only possible from this server’s own pages');
}
