import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Caller, type ErasureResult, PrivacyService } from '@rolemap/server-core';
import { CurrentCaller } from '../../common/graphql-context';
import { HR_ONLY, RequireRole } from '../auth/access-rule.decorator';

@ObjectType('ErasureResult', { description: 'What erasing a person removed or anonymised.' })
export class ErasureResultType implements ErasureResult {
  @Field(() => Int, { description: 'Snapshots the person appeared in.' }) snapshots: number;
  @Field(() => Int, { description: 'Person records removed (one per snapshot).' }) people: number;
  @Field(() => Int) responsibilities: number;
  @Field(() => Int, { description: 'Reviews of findings about the person, with their notes.' }) reviews: number;
  @Field(() => Int, { description: 'Overrides keyed by the person.' }) overrides: number;
  @Field(() => Int, { description: 'Uploaded files that contained the person.' }) storedFiles: number;
  @Field(() => Int, { description: 'Audit entries that named the person, now redacted.' }) auditEntriesRedacted: number;
  @Field(() => Int, { description: "Survey responses of the person (their answers and their manager's for them)." })
  surveyResponses: number;
  @Field(() => Int, { description: 'Actions on findings about the person (deleted) or naming them (redacted).' })
  actions: number;
  @Field(() => Int, { description: 'Scenarios whose edits or notes named the person, rewritten to the vacated post.' })
  scenarios: number;
}

@Resolver()
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Query(() => String, {
    description: 'Everything held about one person (by employee id) across all snapshots, as a JSON document.',
  })
  async personData(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('externalId') externalId: string,
  ): Promise<string> {
    return JSON.stringify(await this.privacy.personData(caller, organizationId, externalId));
  }

  @RequireRole(HR_ONLY, { organizationId: 'organization' })
  @Mutation(() => ErasureResultType, {
    description: 'Erases a person (by employee id) from every snapshot, review and override; leaves an audit entry.',
  })
  async erasePerson(
    @CurrentCaller() caller: Caller,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('externalId') externalId: string,
  ): Promise<ErasureResultType> {
    return this.privacy.erasePerson(caller, organizationId, externalId);
  }
}
