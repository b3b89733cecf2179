import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { BackgroundJobEntity, type Caller } from '@rolemap/server-core';
import { JobQueue, type JobRun } from '@rolemap/server-jobs';
import { NON_RESPONDENT_POLICIES, type NonRespondentPolicy } from '@rolemap/surveys';
import { DataSource, In } from 'typeorm';
import type { ClosingCoverage } from '@rolemap/surveys';
import { CampaignsService } from './campaigns.service';

interface SurveyCloseParams {
  campaignId: string;
  nonRespondents: NonRespondentPolicy;
  /** When HR asked: the campaign's closing time whichever attempt does the work. */
  requestedAt: string;
}

/** What a finished closing job records. */
export interface SurveyCloseResult {
  campaignId: string;
  snapshotId: string;
  snapshotVersion: number;
  coverage: ClosingCoverage;
}

/**
 * Survey closing on the queue: the campaign becomes a new snapshot in one transaction, which also
 * marks the job done, so a run killed mid-way leaves nothing and a retry (or a job delivered
 * again) never closes twice.
 */
@Injectable()
export class SurveyCloseJobs implements OnModuleInit {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly queue: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.register('SURVEY_CLOSE', (run) => this.run(run));
  }

  /**
   * Queues the closing after the checks closing makes at once (HR admin, not closed, opened), or
   * answers with the closing already queued for this campaign (a second click).
   */
  async enqueue(caller: Caller, campaignId: string, nonRespondents: NonRespondentPolicy): Promise<BackgroundJobEntity> {
    const campaign = await this.campaigns.campaignFor(caller, campaignId);
    if (!(NON_RESPONDENT_POLICIES as readonly string[]).includes(nonRespondents)) {
      throw new DomainError('BAD_USER_INPUT', `nonRespondents must be one of ${NON_RESPONDENT_POLICIES.join(', ')}`);
    }
    if (campaign.closedAt) {
      throw new DomainError(
        'CONFLICT',
        `The survey "${campaign.name}" was already closed on ${campaign.closedAt.toISOString()}.`,
      );
    }
    const now = new Date();
    if (now < campaign.opensAt) throw new DomainError('BAD_USER_INPUT', `The survey "${campaign.name}" has not opened yet.`);
    const pending = await this.dataSource
      .getRepository(BackgroundJobEntity)
      .createQueryBuilder('job')
      .where({ kind: 'SURVEY_CLOSE', organizationId: campaign.organizationId, state: In(['QUEUED', 'RUNNING']) })
      .andWhere("job.params->>'campaignId' = :campaignId", { campaignId: campaign.id })
      .orderBy('job.created_at')
      .getOne();
    if (pending) return pending;
    const params: SurveyCloseParams = { campaignId: campaign.id, nonRespondents, requestedAt: now.toISOString() };
    return this.queue.enqueue(caller, {
      kind: 'SURVEY_CLOSE',
      organizationId: campaign.organizationId,
      params: params as unknown as Record<string, unknown>,
    });
  }

  private async run(run: JobRun): Promise<void> {
    const params = run.params as unknown as SurveyCloseParams;
    const requestedAt = new Date(params.requestedAt);
    if (typeof params.campaignId !== 'string' || Number.isNaN(requestedAt.getTime())) {
      throw new DomainError('BAD_USER_INPUT', `Survey closing job ${run.id} names no campaign or time`);
    }
    await this.campaigns.close(run.caller, params.campaignId, params.nonRespondents, requestedAt, {
      onProgress: (fraction, stage) => run.progress(fraction, stage),
      beforeCommit: (manager, closed) => {
        const result: SurveyCloseResult = { campaignId: params.campaignId, ...closed };
        return run.complete(manager, { result: { surveyClose: result } });
      },
    });
  }
}

/** The outcome a finished SURVEY_CLOSE job holds. */
export function surveyCloseOfJob(job: Pick<BackgroundJobEntity, 'kind' | 'state' | 'result'>): SurveyCloseResult | null {
  if (job.kind !== 'SURVEY_CLOSE' || job.state !== 'DONE' || !job.result) return null;
  return (job.result.surveyClose as SurveyCloseResult | undefined) ?? null;
}
