import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, PolicyService } from '@rolemap/server-core';
import { ReanalysisJobs } from '@rolemap/server-jobs';
import { CurrentCaller } from '../../common/graphql-context';
import { PolicyInput, PolicyType, policyEdit } from './dtos/policy.types';
import { EVERY_ROLE, HR_ONLY, RequireRole } from '../auth/access-rule.decorator';
import { BackgroundJobType } from '../jobs/dtos/job.types';

@Resolver()
export class PolicyResolver {
  constructor(
    private readonly policyService: PolicyService,
    private readonly reanalysis: ReanalysisJobs,
  ) {}

  @RequireRole(EVERY_ROLE, { organizationId: 'organization' })
  @Query(() => PolicyType, { description: 'The value-level policy in force for an organization.' })
  async policy(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<PolicyType> {
    return PolicyType.from(await this.policyService.policy(caller, organizationId));
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => PolicyType, { description: 'Saves a new version of the policy; findings use it at once.' })
  async updatePolicy(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('policy', { type: () => PolicyInput }) input: PolicyInput,
  ): Promise<PolicyType> {
    return PolicyType.from(
      await this.policyService.updatePolicy(caller, organizationId, (current) => policyEdit(current, input)),
    );
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => BackgroundJobType, {
    description:
      'Re-analyses the latest snapshot under the saved policy as a background job (after updatePolicy on a large organization); its reanalysis says what the policy finds. One still waiting is answered again.',
  })
  async queueReanalysis(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
  ): Promise<BackgroundJobType> {
    return BackgroundJobType.from(await this.reanalysis.enqueue(caller, organizationId));
  }
}
