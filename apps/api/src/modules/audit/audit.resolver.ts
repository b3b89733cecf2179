import { Args, Query, Resolver } from '@nestjs/graphql';
import { type AuditAction, AuditLogService, type Caller } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { AuditLogArgs, AuditLogEntryType, AuditLogPageType } from './dtos/audit-log.types';

@Resolver()
export class AuditResolver {
  constructor(private readonly auditLogService: AuditLogService) {}

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Query(() => AuditLogPageType, { description: 'The organization’s audit log, newest first, filtered by action and time.' })
  async auditLog(@CurrentCaller() caller: Caller, @Args() args: AuditLogArgs): Promise<AuditLogPageType> {
    const page = await this.auditLogService.page(
      caller,
      args.organizationId,
      { actions: args.filter?.actions as AuditAction[] | undefined, from: args.filter?.from, to: args.filter?.to },
      { first: args.first, offset: args.offset },
    );
    return { totalCount: page.totalCount, entries: page.entries.map(AuditLogEntryType.from) };
  }
}
