import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Request } from 'express';
import { type DestinationStream, type Logger, pino } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Caller, LogLevel } from '@rolemap/server-core';

/** An id a client or proxy sent that is safe to echo and to put in a log line. */
const INCOMING_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

let current: Logger | null = null;

/**
 * The server's one logger: JSON lines on stdout (or `destination`), the level from
 * ROLEMAP_LOG_LEVEL. Names, e-mail addresses, addresses and tokens never go in: log lines carry
 * ids (request, account) and shapes (method, path, status, time), not people.
 */
export function createServerLog(level: LogLevel, destination?: DestinationStream): Logger {
  current = pino(
    {
      level,
      base: { service: 'rolemap' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return current;
}

/** The logger for code outside a request (GraphQL error formatting, start-up); silent until the app is built. */
export function serverLog(): Logger {
  return current ?? pino({ level: 'silent' });
}

/**
 * One line per finished request: request id (from `X-Request-Id` when well-formed, else a new
 * UUID, echoed in the response), method, path without the query string (searches carry names),
 * GraphQL operation name, status, duration and the signed-in account's id.
 */
export function requestLog(logger: Logger, callerOf: (req: Request) => Caller | null | undefined) {
  return pinoHttp<IncomingMessage, ServerResponse>({
    logger,
    quietReqLogger: true,
    // The web app's files: a page load is dozens of them, and none says anything about the service.
    autoLogging: { ignore: (req) => req.method === 'GET' && !/^\/(graphql|api\/)/.test(req.url ?? '') },
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && INCOMING_REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      err: pino.stdSerializers.err,
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request finished',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, _res, line) => withRequestFacts(req as Request, line, callerOf),
    customErrorObject: (req, _res, _error, line) => withRequestFacts(req as Request, line, callerOf),
  });
}

function withRequestFacts(
  req: Request,
  line: Record<string, unknown>,
  callerOf: (req: Request) => Caller | null | undefined,
): Record<string, unknown> {
  const caller = callerOf(req);
  const operation = typeof req.body?.operationName === 'string' ? req.body.operationName.slice(0, 100) : undefined;
  return {
    ...line,
    ...(operation ? { operation } : {}),
    ...(caller ? { account: caller.id ?? 'local', via: caller.via } : {}),
  };
}

const START_UP_DETAIL = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestFactory']);

/** Nest's own messages (start-up errors, unhandled exceptions) through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    // Nest announces every module, route and resolver at start; that is detail, not news.
    if (context && START_UP_DETAIL.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    if (message instanceof Error) this.logger.error({ err: message, context }, message.message);
    else this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
