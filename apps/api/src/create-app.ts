import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { DestinationStream } from 'pino';
import {
  type AppConfig,
  type DatabaseObservers,
  type DatabaseTarget,
  withRequestOrigin,
  withRequestTenantScope,
} from '@rolemap/server-core';
import { AppModule } from './app.module';
import { DomainErrorsFilter } from './common/domain-errors.filter';
import { allowedHostsGuard, securityHeaders } from './common/http-hardening/http-hardening';
import { rateLimits } from './common/rate-limits/rate-limits.middleware';
import { RequestCallers } from './modules/auth/request-callers';
import { graphqlMultipart } from './modules/uploads/graphql-multipart.middleware';
import { createServerLog, NestPinoLogger, requestLog } from './common/logging/server-log';

export interface CreateAppOptions {
  /** Where log lines go; stdout when absent. */
  logDestination?: DestinationStream;
}

/** Builds the Nest application (GraphQL at /graphql, the web app at /) without listening. */
export async function createApp(
  config: AppConfig,
  database: DatabaseTarget,
  observers: DatabaseObservers = {},
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const log = createServerLog(config.logLevel, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database, observers), {
    logger: new NestPinoLogger(log),
  });
  app.disable('x-powered-by');
  const callers = app.get(RequestCallers);
  // Row-level security: a request's queries see no tenant's rows until its caller is known, then only theirs.
  app.use((_req: Request, _res: Response, next: NextFunction) => withRequestTenantScope(next));
  // First, so refused requests (wrong host, rate limits) are logged with their id too.
  app.use(requestLog(log, (req) => callers.peek(req)));
  // Before anything else answers: a request for another host name learns nothing, not even a 404.
  app.use(allowedHostsGuard(config.allowedHosts));
  app.use(securityHeaders());
  // The audit log records where each action came from; services read it from this scope.
  app.use((req: Request, _res: Response, next: NextFunction) =>
    withRequestOrigin({ ip: req.ip ?? req.socket.remoteAddress ?? null, userAgent: req.get('user-agent') ?? null }, next),
  );
  // Before an upload's bytes are read: a refused one costs next to nothing.
  // Per address and per account: the caller is built here once and reused by the guard.
  app.use(rateLimits(config.rateLimits, { callerIdOf: async (req) => (await callers.of(req))?.id ?? null }));
  // Uploads are read whole, part by part as they arrive, before the operation runs.
  app.use('/graphql', graphqlMultipart({ maxFileBytes: config.maxUploadBytes, maxFiles: 2 }));
  app.useGlobalFilters(new DomainErrorsFilter());
  app.useGlobalPipes(new ValidationPipe({ transform: true, forbidUnknownValues: false }));
  if (config.webDistDir && fs.existsSync(path.join(config.webDistDir, 'index.html'))) {
    serveWebApp(app, config.webDistDir);
  }
  return app;
}

/** Static assets plus a single-page-app fallback so deep links such as /review/… load index.html. */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  app.useStaticAssets(webDistDir, { index: false, maxAge: '1h' });
  const indexHtml = path.join(webDistDir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = req.method === 'GET' && !req.path.startsWith('/graphql') && !req.path.startsWith('/api/');
    if (isPage && req.accepts('html')) res.sendFile(indexHtml);
    else next();
  });
}
