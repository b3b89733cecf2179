import { BadRequestException, Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  AuditLogService,
  type AuditLogFilter,
  auditLogCsv,
  auditTimeBound,
  isAuditAction,
} from '@rolemap/server-core';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { RequestCallers } from '../auth/request-callers';

interface AuditLogQuery {
  action?: string | string[];
  from?: string;
  to?: string;
}

/**
 * GET /api/organizations/:organizationId/audit-log.csv?action=import&action=export&from=…&to=…
 * The whole (filtered) log as CSV, oldest first, streamed a batch at a time.
 */
@Controller('api/organizations/:organizationId')
export class AuditLogController {
  constructor(
    private readonly auditLog: AuditLogService,
    private readonly callers: RequestCallers,
  ) {}

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Get('audit-log.csv')
  async download(
    @Param('organizationId') organizationId: string,
    @Query() query: AuditLogQuery,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    // The guard has built the caller and checked their role in the organization.
    const caller = (await this.callers.of(req))!;
    const filter = auditFilterFrom(query);
    const entries = this.auditLog.entries(caller, organizationId, filter);
    // The first batch is read before any header is sent, so a bad id still gets its 404.
    const first = await entries.next();
    await this.auditLog.record(caller, {
      action: 'export',
      organizationId,
      target: 'audit log',
      details: { format: 'csv', ...query },
    });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="audit-log.csv"');
    res.setHeader('cache-control', 'no-store');
    async function* all() {
      if (!first.done) yield first.value;
      yield* entries;
    }
    try {
      await pipeline(Readable.from(auditLogCsv(all())), res);
    } catch {
      res.destroy();
    }
  }
}

export function auditFilterFrom(query: AuditLogQuery): AuditLogFilter {
  const actions = query.action === undefined ? [] : [query.action].flat();
  for (const action of actions) {
    if (!isAuditAction(action)) {
      throw new BadRequestException(`action "${action}" is not one of ${AUDIT_ACTIONS.join(', ')}`);
    }
  }
  return {
    actions: actions as AuditAction[],
    from: auditTimeBound('from', query.from, 'from'),
    to: auditTimeBound('to', query.to, 'to'),
  };
}
