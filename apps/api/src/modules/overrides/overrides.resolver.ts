import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Tier, ValueLevel } from '@rolemap/domain';
import { type Caller, ClassificationOverridesService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { TierEnum, ValueLevelEnum } from '../../common/graphql-enums';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';

@Resolver()
export class OverridesResolver {
  constructor(private readonly overrides: ClassificationOverridesService) {}

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => Boolean, { description: 'Sets (or, with tier null, clears) HR’s tier for a position; kept across snapshots.' })
  async setTierOverride(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('externalId') externalId: string,
    @Args('tier', { type: () => TierEnum, nullable: true }) tier: Tier | null,
  ): Promise<boolean> {
    await this.overrides.setTier(caller, organizationId, externalId, tier);
    return true;
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => Boolean, {
    description: 'Sets (or clears) HR’s value level for one person’s responsibility; kept across snapshots.',
  })
  async setValueLevelOverride(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('employeeId') employeeId: string,
    @Args('responsibility') responsibility: string,
    @Args('valueLevel', { type: () => ValueLevelEnum, nullable: true }) valueLevel: ValueLevel | null,
  ): Promise<boolean> {
    await this.overrides.setValueLevel(caller, organizationId, employeeId, responsibility, valueLevel);
    return true;
  }
}
