import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import type { OrganizationRole } from '@rolemap/domain';
import type { Member } from '@rolemap/server-core';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OrganizationRoleEnum } from '../../auth/auth.types';

@ObjectType('Member', { description: 'Someone with access to the organization, and their role in it.' })
export class MemberType {
  @Field(() => ID) accountId: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => OrganizationRoleEnum) role: OrganizationRole;
  @Field(() => String, { nullable: true, description: 'Their person in the chart (HRIS employee id).' })
  personExternalId: string | null;
  @Field({ description: 'Signs in with a password.' }) hasPassword: boolean;
  @Field({ description: 'Has signed in with single sign-on.' }) singleSignOn: boolean;
  @Field() disabled: boolean;
  @Field() memberSince: Date;

  static from(member: Member): MemberType {
    return { ...member };
  }
}

@ArgsType()
export class MemberRoleArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => OrganizationRoleEnum)
  role: OrganizationRole;

  @Field(() => String, { nullable: true, description: 'Needed for LEADER and EMPLOYEE: their HRIS employee id.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  personExternalId?: string | null;
}

@ArgsType()
export class AddMemberArgs extends MemberRoleArgs {
  @Field({ description: 'Their e-mail; a new account (no password: single sign-on or a sign-in link) when there is none.' })
  @IsString()
  @MaxLength(320)
  email: string;

  @Field(() => String, { nullable: true, description: 'For a new account; the part of the e-mail before @ when absent.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string | null;
}

@ArgsType()
export class SetMemberRoleArgs extends MemberRoleArgs {
  @Field(() => ID)
  @IsString()
  accountId: string;
}
