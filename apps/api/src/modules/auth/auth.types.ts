import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ORGANIZATION_ROLES, type OrganizationRole } from '@rolemap/domain';

export const OrganizationRoleEnum = Object.fromEntries(ORGANIZATION_ROLES.map((role) => [role, role])) as {
  [K in OrganizationRole]: K;
};
registerEnumType(OrganizationRoleEnum, {
  name: 'OrganizationRole',
  description:
    'HR_ADMIN: everything in the organization; LEADER: their own subtree; EMPLOYEE: their own role; VIEWER: the chart without ratings, findings or pigeonholing flags.',
});

@ObjectType('Membership', { description: 'The signed-in account’s role in one organization.' })
export class MembershipType {
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field(() => OrganizationRoleEnum) role: OrganizationRole;
  @Field(() => String, { nullable: true, description: 'Their person in the chart (HRIS employee id): a leader’s subtree root.' })
  personExternalId: string | null;
}

@ObjectType('Me', { description: 'Who is signed in.' })
export class MeType {
  @Field(() => ID, { nullable: true, description: 'Null for the local operator.' }) id: string | null;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field({ description: 'The installation’s owner: HR admin of every organization.' }) owner: boolean;
  @Field({ description: 'session, api-token or local.' }) via: string;
  @Field(() => [MembershipType]) memberships: MembershipType[];
}

@ObjectType('ApiToken', { description: 'A personal API token; the secret itself is shown only once, when it is created.' })
export class ApiTokenType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => ApiTokenType) apiToken: ApiTokenType;
  @Field({ description: 'The secret: send it as Authorization: Bearer <token>. It cannot be shown again.' }) token: string;
}
