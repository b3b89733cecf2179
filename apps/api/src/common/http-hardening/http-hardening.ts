import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { hostNameOf, isHostAllowed } from '@rolemap/server-core';

/**
 * Refuses requests whose Host header names a host this server was not configured for. A page on
 * another site that points its own name at 127.0.0.1 (DNS rebinding) is same-origin with the
 * server as far as the browser knows; its requests still carry that other name, and stop here.
 */
export function allowedHostsGuard(allowedHosts: readonly string[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isHostAllowed(req.headers.host, allowedHosts)) return next();
    const name = hostNameOf(req.headers.host);
    res
      .status(421)
      .type('text/plain; charset=utf-8')
      .send(
        name
          ? `rolemap does not answer to the host name "${name}". ` +
              'If that name is meant to reach this server, add it to ROLEMAP_ALLOWED_HOSTS (comma-separated) and restart.\n'
          : 'rolemap needs a Host header naming this server.\n',
      );
  };
}

/**
 * The built web app loads only its own scripts, styles, images and fonts and talks only to its
 * own origin; no page may frame it. Object URLs (blob:) carry chart and report exports, data: URLs
 * small images. HTTPS-only headers (HSTS, upgrade-insecure-requests) are left out: rolemap is
 * served over plain HTTP on loopback, where they would break it.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
