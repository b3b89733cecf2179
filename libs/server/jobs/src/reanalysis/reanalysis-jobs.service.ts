import { type DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import {
  AnalysisModule,
  AnalysisService,
  BackgroundJobEntity,
  type Caller,
  SnapshotsModule,
  SnapshotsService,
  assertRole,
  isUuid,
} from '@rolemap/server-core';
import { DataSource } from 'typeorm';
import type { JobRun } from '../jobs/job-handler';
import { JobQueue } from '../jobs/job-queue.service';

/** What a finished re-analysis records: the snapshot analysed and what the new policy finds in it. */
export interface ReanalysisResult {
  snapshotId: string;
  snapshotVersion: number;
  findings: number;
  /** Findings by kind (promoted-still-tactical, delegation-gap, …). */
  byKind: Record<string, number>;
}

/**
 * Re-analysis after a policy change, on the queue: a worker analyses the organization's latest
 * snapshot under the policy now saved and records what it finds, so HR sees the effect of the
 * change (with progress) without holding a request while a large organization is analysed, and
 * the worker's analysis cache is warm for the next reads. It writes nothing: every replica still
 * re-analyses on its own next read (the cache is stamp-checked), so a retry is always safe.
 */
@Injectable()
export class ReanalysisJobs implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly analysis: AnalysisService,
    private readonly snapshots: SnapshotsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.register('REANALYSIS', (run) => this.run(run));
  }

  /** Queues the re-analysis for HR admins, or answers with the one already waiting for this organization. */
  async enqueue(caller: Caller, organizationId: string): Promise<BackgroundJobEntity> {
    if (!isUuid(organizationId)) throw new DomainError('NOT_FOUND', `No organization with id ${organizationId}`);
    assertRole(caller, organizationId, ['HR_ADMIN']);
    // Refused now, not as a failed job, when there is nothing to analyse.
    await this.snapshots.byVersion(caller, organizationId, null);
    // One still waiting will read the policy saved now; one already running may have read the old one.
    const pending = await this.dataSource
      .getRepository(BackgroundJobEntity)
      .findOne({ where: { kind: 'REANALYSIS', organizationId, state: 'QUEUED' }, order: { createdAt: 'ASC' } });
    if (pending) return pending;
    return this.queue.enqueue(caller, { kind: 'REANALYSIS', organizationId, params: {} });
  }

  private async run(run: JobRun) {
    if (!run.organizationId) throw new DomainError('BAD_USER_INPUT', `Re-analysis job ${run.id} names no organization`);
    // The latest snapshot when the job runs: a policy saved since it was queued is what it reads.
    const snapshot = await this.snapshots.byVersion(run.caller, run.organizationId, null);
    run.progress(0.1, `Analysing snapshot v${snapshot.version} with the saved policy`);
    const analysis = await this.analysis.analysisOf(run.caller, snapshot);
    const byKind: Record<string, number> = {};
    for (const finding of analysis.result.findings) byKind[finding.kind] = (byKind[finding.kind] ?? 0) + 1;
    const result: ReanalysisResult = {
      snapshotId: snapshot.id,
      snapshotVersion: snapshot.version,
      findings: analysis.result.findings.length,
      byKind,
    };
    return { result: { reanalysis: result } };
  }
}

/** The outcome a finished REANALYSIS job holds. */
export function reanalysisOfJob(job: Pick<BackgroundJobEntity, 'kind' | 'state' | 'result'>): ReanalysisResult | null {
  if (job.kind !== 'REANALYSIS' || job.state !== 'DONE' || !job.result) return null;
  return (job.result.reanalysis as ReanalysisResult | undefined) ?? null;
}

/** Re-analysis on the queue (needs JobsModule). */
@Module({})
export class ReanalysisJobsModule {
  static register(): DynamicModule {
    return {
      module: ReanalysisJobsModule,
      imports: [AnalysisModule, SnapshotsModule],
      providers: [ReanalysisJobs],
      exports: [ReanalysisJobs],
    };
  }
}
