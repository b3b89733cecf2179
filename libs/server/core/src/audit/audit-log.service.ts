import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Caller, assertCanAccess } from '../common/caller';
import { isUuid } from '../common/uuid';
import type { AuditAction } from './audit-actions';
import { AuditLogEntity } from './audit-log.entity';
import { currentRequestOrigin } from './request-origin';

export interface AuditEntryInput {
  action: AuditAction;
  /** Null for actions outside any organization (a sign-in). */
  organizationId: string | null;
  /** What was acted on, in words a reader recognises: `snapshot v3`, `policy v2`, a finding key. */
  target?: string | null;
  /** The facts of the action; never file contents, ratings or notes (the entry outlives them). */
  details?: Record<string, unknown>;
}

export interface AuditLogFilter {
  actions?: readonly AuditAction[] | null;
  /** Inclusive bounds on when the action happened. */
  from?: Date | null;
  to?: Date | null;
}

export interface AuditLogPage {
  totalCount: number;
  entries: AuditLogEntity[];
}

export const AUDIT_PAGE_MAX = 500;
const EXPORT_BATCH = 1000;

/**
 * The append-only record of who did what, when and from where. Services call `record` inside
 * the transaction that does the work, so an action that rolls back leaves no entry and one that
 * commits always has one. The request's IP and user agent come from its origin (request-origin.ts).
 */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(caller: Caller, input: AuditEntryInput, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const origin = currentRequestOrigin();
    await manager.query(
      `INSERT INTO audit_log (organization_id, actor_id, actor_name, action, target, details, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        input.organizationId,
        caller.id,
        caller.displayName,
        input.action,
        input.target ?? null,
        JSON.stringify(input.details ?? {}),
        origin?.ip ?? null,
        origin?.userAgent?.slice(0, 500) ?? null,
      ],
    );
  }

  /** The organization's entries, newest first. */
  async page(
    caller: Caller,
    organizationId: string,
    filter: AuditLogFilter,
    { first, offset }: { first: number; offset: number },
  ): Promise<AuditLogPage> {
    this.checkAccess(caller, organizationId);
    if (!Number.isInteger(first) || first < 1 || first > AUDIT_PAGE_MAX) {
      throw new DomainError('BAD_USER_INPUT', `first must be a whole number from 1 to ${AUDIT_PAGE_MAX} (got ${first})`);
    }
    if (!Number.isInteger(offset) || offset < 0) {
      throw new DomainError('BAD_USER_INPUT', `offset must be a whole number of at least 0 (got ${offset})`);
    }
    const query = this.filtered(organizationId, filter);
    const [entries, totalCount] = await query
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .take(first)
      .skip(offset)
      .getManyAndCount();
    return { totalCount, entries };
  }

  /** Every matching entry, oldest first, read a batch at a time (for CSV exports of any size). */
  async *entries(caller: Caller, organizationId: string, filter: AuditLogFilter): AsyncGenerator<AuditLogEntity> {
    this.checkAccess(caller, organizationId);
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const query = this.filtered(organizationId, filter);
      if (after) query.andWhere('(entry.at, entry.id) > (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
      const batch = await query.orderBy('entry.at', 'ASC').addOrderBy('entry.id', 'ASC').take(EXPORT_BATCH).getMany();
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
      const last = batch[batch.length - 1];
      after = { at: last.at, id: last.id };
    }
  }

  private checkAccess(caller: Caller, organizationId: string): void {
    if (!isUuid(organizationId)) throw new DomainError('NOT_FOUND', `No organization with id ${organizationId}`);
    assertCanAccess(caller, organizationId);
  }

  private filtered(organizationId: string, filter: AuditLogFilter) {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new DomainError('BAD_USER_INPUT', 'The audit log filter’s from date is after its to date');
    }
    const query = this.dataSource
      .getRepository(AuditLogEntity)
      .createQueryBuilder('entry')
      .where('entry.organization_id = :organizationId', { organizationId });
    if (filter.actions?.length) query.andWhere('entry.action = ANY(:actions)', { actions: [...filter.actions] });
    if (filter.from) query.andWhere('entry.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('entry.at <= :to', { to: filter.to });
    return query;
  }
}

/**
 * A bound of the audit log filter as people type it: a time, or a date, which as `to` means the
 * whole of that day (UTC). Null when absent; a BAD_USER_INPUT error naming the field otherwise.
 */
export function auditTimeBound(field: string, raw: string | undefined | null, edge: 'from' | 'to'): Date | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field} must be a date or time such as 2026-12-01 or 2026-12-01T09:30:00Z (got "${raw}")`,
    );
  }
  return dateOnly && edge === 'to' ? new Date(date.getTime() + 86_400_000 - 1) : date;
}
