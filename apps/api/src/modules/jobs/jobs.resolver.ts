import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Caller } from '@rolemap/server-core';
import { JobsService, reanalysisOfJob } from '@rolemap/server-jobs';
import { importOutcomeOfJob } from '@rolemap/server-imports';
import { CampaignsService, surveyCloseOfJob } from '@rolemap/server-surveys';
import { CurrentCaller } from '../../common/graphql-context';
import { SignedIn } from '../auth/access-rule.decorator';
import { ImportResultType } from '../imports/dtos/import.types';
import { toImportResult } from '../imports/imports.resolver';
import { SurveyClosingType } from '../surveys/dtos/survey.types';
import { campaignType } from '../surveys/surveys.resolver';
import { BackgroundJobType, ReanalysisType } from './dtos/job.types';

interface JobWithResult extends BackgroundJobType {
  result?: Record<string, unknown> | null;
}

@Resolver(() => BackgroundJobType)
export class JobsResolver {
  constructor(
    private readonly jobs: JobsService,
    private readonly campaigns: CampaignsService,
  ) {}

  // Signed in: the service shows a job to its requester, the organization's HR admins (imports) and owners.
  @SignedIn()
  @Query(() => BackgroundJobType, { description: 'A background job you asked for (or, as HR admin, an import of yours).' })
  async job(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<JobWithResult> {
    const job = await this.jobs.get(caller, id);
    return {
      ...BackgroundJobType.from(job, await this.jobs.downloadLink(job)),
      result: job.state === 'DONE' ? job.result : null,
    };
  }

  @ResolveField(() => ImportResultType, { nullable: true, description: 'The outcome of a finished IMPORT job.' })
  importResult(@Parent() job: JobWithResult): ImportResultType | null {
    const outcome = job.result ? importOutcomeOfJob({ kind: job.kind, result: job.result }) : null;
    return outcome ? toImportResult(outcome) : null;
  }

  @ResolveField(() => SurveyClosingType, { nullable: true, description: 'The outcome of a finished SURVEY_CLOSE job.' })
  async surveyClosing(@CurrentCaller() caller: Caller, @Parent() job: JobWithResult): Promise<SurveyClosingType | null> {
    const closed = job.result ? surveyCloseOfJob({ kind: job.kind, state: job.state, result: job.result }) : null;
    if (!closed) return null;
    const { campaignId, ...rest } = closed;
    return { ...rest, campaign: campaignType(await this.campaigns.get(caller, campaignId)) };
  }

  @ResolveField(() => ReanalysisType, { nullable: true, description: 'The outcome of a finished REANALYSIS job.' })
  reanalysis(@Parent() job: JobWithResult): ReanalysisType | null {
    const result = job.result ? reanalysisOfJob({ kind: job.kind, state: job.state, result: job.result }) : null;
    return result ? ReanalysisType.from(result) : null;
  }
}
