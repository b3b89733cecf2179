import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, MembersService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { AddMemberArgs, MemberType, SetMemberRoleArgs } from './dtos/member.types';

/** "People with access": the organization's members and their roles, for its HR admins. */
@Resolver()
export class MembersResolver {
  constructor(private readonly membersService: MembersService) {}

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Query(() => [MemberType], { description: 'Everyone with access to the organization, by name.' })
  async members(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<MemberType[]> {
    return (await this.membersService.list(caller, organizationId)).map(MemberType.from);
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => MemberType, { description: 'Gives someone access by e-mail (creating their account if there is none).' })
  async addMember(@CurrentCaller() caller: Caller, @Args() args: AddMemberArgs): Promise<MemberType> {
    return MemberType.from(await this.membersService.add(caller, args.organizationId, args));
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => MemberType, { description: 'Changes a member’s role (not your own).' })
  async setMemberRole(@CurrentCaller() caller: Caller, @Args() args: SetMemberRoleArgs): Promise<MemberType> {
    return MemberType.from(await this.membersService.change(caller, args.organizationId, args.accountId, args));
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => Boolean, { description: 'Takes away a member’s access to the organization (not your own).' })
  async removeMember(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('accountId', { type: () => ID }) accountId: string,
  ): Promise<boolean> {
    await this.membersService.remove(caller, organizationId, accountId);
    return true;
  }
}
