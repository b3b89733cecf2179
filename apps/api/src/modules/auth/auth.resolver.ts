import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AccountsService, type Caller, OrganizationsService } from '@rolemap/server-core';
import { Context } from '@nestjs/graphql';
import { CurrentCaller, type GraphqlContext } from '../../common/graphql-context';
import { Public, SignedIn } from './access-rule.decorator';
import { ApiTokenType, CreatedApiTokenType, MeType } from './auth.types';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly accounts: AccountsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Public()
  @Query(() => MeType, { nullable: true, description: 'Who is signed in; null when nobody is.' })
  async me(@Context() context: GraphqlContext): Promise<MeType | null> {
    const caller = context.caller;
    if (!caller) return null;
    const account = caller.id ? await this.accounts.account(caller.id) : null;
    const names = new Map((await this.organizations.list(caller)).map((organization) => [organization.id, organization.name]));
    return {
      id: caller.id,
      displayName: caller.displayName,
      email: account?.email ?? null,
      owner: caller.organizationIds === 'ALL',
      via: caller.via,
      memberships: caller.memberships.map((membership) => ({
        ...membership,
        organizationName: names.get(membership.organizationId) ?? membership.organizationId,
      })),
    };
  }

  @SignedIn()
  @Query(() => [ApiTokenType], {
    description: 'The signed-in account’s personal API tokens, newest first (without their secrets).',
  })
  apiTokens(@CurrentCaller() caller: Caller): Promise<ApiTokenType[]> {
    return this.accounts.apiTokens(caller);
  }

  @SignedIn()
  @Mutation(() => CreatedApiTokenType, {
    description: 'A personal API token for the CLI or scripts; days null: valid until revoked.',
  })
  async createApiToken(
    @CurrentCaller() caller: Caller,
    @Args('name') name: string,
    @Args('days', { type: () => Int, nullable: true, defaultValue: 90 }) days: number | null,
  ): Promise<CreatedApiTokenType> {
    const issued = await this.accounts.createApiToken(caller, name, days);
    const apiToken = (await this.accounts.apiTokens(caller)).find((token) => token.id === issued.id)!;
    return { apiToken, token: issued.token };
  }

  @SignedIn()
  @Mutation(() => Int, {
    description: 'Signs you out everywhere: ends every session of your account, this one too (API tokens stay). How many ended.',
  })
  signOutEverywhere(@CurrentCaller() caller: Caller): Promise<number> {
    return this.accounts.revokeOwnSessions(caller);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Revokes one of your API tokens; it stops working at once.' })
  async revokeApiToken(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.accounts.revokeApiToken(caller, id);
    return true;
  }
}
