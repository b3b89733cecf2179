import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { AUDIT_ACTIONS, AUDIT_PAGE_MAX, type AuditLogEntity } from '@rolemap/server-core';
import { ArrayMaxSize, IsDate, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

@InputType()
export class AuditLogFilterInput {
  @Field(() => [String], { nullable: true, description: `Only these actions: ${AUDIT_ACTIONS.join(', ')}.` })
  @IsOptional()
  @ArrayMaxSize(AUDIT_ACTIONS.length)
  @IsIn(AUDIT_ACTIONS, { each: true, message: `filter.actions may only hold ${AUDIT_ACTIONS.join(', ')}` })
  actions?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries at or before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => AuditLogFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditLogFilterInput)
  filter?: AuditLogFilterInput | null;

  @Field(() => Int, { defaultValue: 50, description: `Page size, 1-${AUDIT_PAGE_MAX}.` })
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  first = 50;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  offset = 0;
}

@ObjectType('AuditLogEntry', { description: 'One audited action: who, when, what, from where.' })
export class AuditLogEntryType {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field(() => String, { description: 'sign-in, import, policy-edit, override, review, export, erasure, …' })
  action: string;
  @Field(() => String, { nullable: true, description: 'The account; null for the local operator.' })
  actorId: string | null;
  @Field() actorName: string;
  @Field(() => String, { nullable: true }) target: string | null;
  @Field(() => String, { description: 'The facts of the action as a JSON object.' })
  details: string;
  @Field(() => String, { nullable: true }) ip: string | null;
  @Field(() => String, { nullable: true }) userAgent: string | null;

  static from(entry: AuditLogEntity): AuditLogEntryType {
    return {
      id: entry.id,
      at: entry.at,
      action: entry.action,
      actorId: entry.actorId,
      actorName: entry.actorName,
      target: entry.target,
      details: JSON.stringify(entry.details),
      ip: entry.ip,
      userAgent: entry.userAgent,
    };
  }
}

@ObjectType('AuditLogPage')
export class AuditLogPageType {
  @Field(() => Int) totalCount: number;
  @Field(() => [AuditLogEntryType], { description: 'Newest first.' }) entries: AuditLogEntryType[];
}
