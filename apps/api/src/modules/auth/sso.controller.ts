import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { DomainError } from '@rolemap/domain';
import { SSO_ATTEMPT_LIFETIME_MS, SingleSignOnService } from '@rolemap/server-core';
import type { Request, Response } from 'express';
import { Public } from './access-rule.decorator';
import { cookieOptions, originOf } from './auth.controller';
import { SESSION_COOKIE } from './request-callers';

export const SSO_STATE_COOKIE = 'rolemap_sso_state';
const STATE_COOKIE_PATH = '/api/auth/sso';

interface SignInOptions {
  /** Null when single sign-on is off. */
  sso: { providerName: string; startUrl: string } | null;
}

/**
 * Single sign-on for the web app. `start` sends the browser to the provider with a state it also
 * keeps in a short-lived cookie of this path; `callback` checks the two match before anything
 * else, so an answer meant for another browser (login CSRF) signs nobody in. A refusal goes back
 * to the sign-in page, which shows why.
 */
@Controller('api')
export class SsoController {
  constructor(private readonly sso: SingleSignOnService) {}

  /** What the sign-in page offers besides e-mail and password (outside /api/auth/, so not rate-limited as a sign-in). */
  @Public()
  @Get('sign-in-options')
  options(): SignInOptions {
    const providerName = this.sso.providerName;
    return { sso: providerName ? { providerName, startUrl: '/api/auth/sso/start' } : null };
  }

  @Public()
  @Get('auth/sso/start')
  async start(@Req() req: Request, @Res() res: Response, @Query('returnTo') returnTo?: string): Promise<void> {
    if (typeof returnTo !== 'string' && returnTo !== undefined) throw new DomainError('BAD_USER_INPUT', 'returnTo is one path');
    const { authorizationUrl, state } = await this.sso.start(returnTo, requestOrigin(req));
    res.cookie(SSO_STATE_COOKIE, state, { ...cookieOptions(req), path: STATE_COOKIE_PATH, maxAge: SSO_ATTEMPT_LIFETIME_MS });
    res.setHeader('cache-control', 'no-store');
    res.redirect(302, authorizationUrl);
  }

  @Public()
  @Get('auth/sso/callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('cache-control', 'no-store');
    res.clearCookie(SSO_STATE_COOKIE, { ...cookieOptions(req), path: STATE_COOKIE_PATH });
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    try {
      const session = await this.sso.finish(query, stateCookieOf(req), requestOrigin(req), originOf(req));
      res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions(req), expires: session.expiresAt ?? undefined });
      res.redirect(302, session.returnTo);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      res.redirect(302, `/sign-in?${new URLSearchParams({ sso_error: error.message })}`);
    }
  }
}

/** This server as the browser reached it (the Host header is checked against ROLEMAP_ALLOWED_HOSTS first). */
function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}

function stateCookieOf(req: Request): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SSO_STATE_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}
