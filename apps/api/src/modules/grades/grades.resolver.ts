import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, GradeTiersService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { GradeTiersInput, GradeTierType } from './dtos/grade-tier.types';

@Resolver()
export class GradesResolver {
  constructor(private readonly grades: GradeTiersService) {}

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Query(() => [GradeTierType], {
    description: "The organization's grades (latest snapshot and HR's table) with the tier each gives, most positions first.",
  })
  async gradeTiers(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<GradeTierType[]> {
    return this.grades.gradeTiers(caller, organizationId);
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => [GradeTierType], {
    description: 'Sets the tier of grades for this organization (null removes one); imports from now on use them.',
  })
  async setGradeTiers(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('input', { type: () => GradeTiersInput }) input: GradeTiersInput,
  ): Promise<GradeTierType[]> {
    return this.grades.setGradeTiers(
      caller,
      organizationId,
      input.grades.map((entry) => ({ grade: entry.grade, tier: entry.tier ?? null })),
    );
  }
}
