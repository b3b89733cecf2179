import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReanalysisResult } from '@rolemap/server-jobs';
import { type BackgroundJobEntity, JOB_KINDS, JOB_STATES, type JobKind, type JobState } from '@rolemap/server-core';

export const JobKindEnum = Object.fromEntries(JOB_KINDS.map((kind) => [kind, kind])) as { [K in JobKind]: K };
export const JobStateEnum = Object.fromEntries(JOB_STATES.map((state) => [state, state])) as { [K in JobState]: K };
registerEnumType(JobKindEnum, {
  name: 'JobKind',
  description: 'What a background job does: IMPORT, REPORT, SURVEY_CLOSE or REANALYSIS.',
});
registerEnumType(JobStateEnum, {
  name: 'JobState',
  description:
    'QUEUED (waiting, or waiting to be retried), RUNNING (with progress), DONE (with its outcome) or FAILED (with the error).',
});

@ObjectType('FindingCount')
export class FindingCountType {
  @Field() kind: string;
  @Field(() => Int) count: number;
}

@ObjectType('Reanalysis', { description: 'What the saved policy finds in the latest snapshot.' })
export class ReanalysisType {
  @Field(() => ID) snapshotId: string;
  @Field(() => Int) snapshotVersion: number;
  @Field(() => Int) findings: number;
  @Field(() => [FindingCountType], { description: 'By kind, most first.' }) byKind: FindingCountType[];

  static from(result: ReanalysisResult): ReanalysisType {
    const byKind = Object.entries(result.byKind)
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
    return { ...result, byKind };
  }
}

@ObjectType('BackgroundJob', { description: 'Long work on the queue: poll it until it is DONE or FAILED.' })
export class BackgroundJobType {
  @Field(() => ID) id: string;
  @Field(() => JobKindEnum) kind: JobKind;
  @Field(() => JobStateEnum) state: JobState;
  @Field(() => Float, { description: 'From 0 to 1.' }) progress: number;
  @Field(() => String, { nullable: true, description: 'What it is doing now, e.g. "Reading people.csv".' }) stage: string | null;
  @Field(() => Int, { description: 'Runs started; above 1 after a retry.' }) attempts: number;
  @Field(() => String, { nullable: true, description: 'Why it failed, or why the last attempt did while it is retried.' })
  error: string | null;
  @Field(() => ID, { nullable: true, description: 'Null while an import that creates its organization has not run.' })
  organizationId: string | null;
  @Field() requestedByName: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Where to download the file the job made (a report): a signed link, valid until expiresAt, for a signed-in caller who may read the job and its organization.',
  })
  downloadUrl: string | null;
  @Field(() => String, { nullable: true, description: 'The name of the file the job made (a report).' })
  fileName: string | null;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;

  /** `downloadUrl` is the signed link JobsService.downloadLink makes (null when there is no file to download). */
  static from(job: BackgroundJobEntity, downloadUrl: string | null = null): BackgroundJobType {
    return {
      id: job.id,
      kind: job.kind,
      state: job.state,
      progress: job.progress,
      stage: job.stage,
      attempts: job.attempts,
      error: job.error,
      organizationId: job.organizationId,
      requestedByName: job.requestedByName,
      createdAt: job.createdAt,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      downloadUrl,
      fileName: job.outputFileName,
      expiresAt: job.expiresAt,
    };
  }
}
