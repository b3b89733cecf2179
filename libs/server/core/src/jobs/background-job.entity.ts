import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';
import { TenantEntity } from '../tenants/tenant.entity';

export const JOB_KINDS = ['IMPORT', 'REPORT', 'SURVEY_CLOSE', 'REANALYSIS'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * Long work (a large import, a large report) as the people who asked for it see it: state,
 * progress, the outcome or the error, and the file it made. The queue itself (who runs it next,
 * retries) is pg-boss's, in the `pgboss` schema; the job's id is the same in both.
 */
@Entity({ name: 'background_job' })
@Index('background_job_organization_created_idx', ['organizationId', 'createdAt'])
@Index('background_job_state_heartbeat_idx', ['state', 'heartbeatAt'])
@Check('background_job_kind_check', oneOf('kind', JOB_KINDS))
@Check('background_job_state_check', oneOf('state', JOB_STATES))
@Check('background_job_progress_check', 'progress >= 0 AND progress <= 1')
export class BackgroundJobEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'background_job_pkey' })
  id: string;

  /** Null only while an import that creates its organization has not run yet. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'background_job_organization_id_fkey' })
  organization?: OrganizationEntity | null;

  /** The tenant it was queued in, and which its worker acts in (row-level security). */
  @Column({ name: 'tenant_id', type: 'uuid', default: () => 'rolemap_current_tenant()' })
  tenantId: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'background_job_tenant_id_fkey' })
  tenant?: TenantEntity;

  @Column({ type: 'text' })
  kind: JobKind;

  @Column({ type: 'text', default: 'QUEUED' })
  state: JobState;

  /** 0 to 1. */
  @Column({ type: 'real', default: 0 })
  progress: number;

  /** What it is doing now, in words ("Reading people.csv"). */
  @Column({ type: 'text', nullable: true })
  stage: string | null;

  /** Runs started so far; more than one after a worker died or an error was retried. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The account that asked; null for the local operator (the CLI on a local database). */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'background_job_requested_by_fkey' })
  requester?: AccountEntity | null;

  @Column({ name: 'requested_by_name', type: 'text' })
  requestedByName: string;

  /** What to do (the import's options, the report's kind and scope). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, unknown>;

  /** The outcome when done (an import's counts and errors, a report's file name). */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  /** Why it failed, or why the last attempt did when it is queued again. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The file it made; not read with the row (it can be large), only by a download. */
  @Column({ type: 'bytea', nullable: true, select: false })
  output?: Buffer | null;

  @Column({ name: 'output_file_name', type: 'text', nullable: true })
  outputFileName: string | null;

  @Column({ name: 'output_content_type', type: 'text', nullable: true })
  outputContentType: string | null;

  /** The key its download link is signed with (HMAC-SHA-256 of the job id and expiry); never read with the row. */
  @Column({ name: 'download_key', type: 'bytea', nullable: true, select: false })
  downloadKey?: Buffer | null;

  /** When the output stops being downloadable (and is deleted). */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** The replica running it (host:pid:random), while it runs. */
  @Column({ type: 'text', nullable: true })
  worker: string | null;

  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** The files a queued job reads (an import's uploads): held until it is done, then deleted. */
@Entity({ name: 'background_job_input' })
export class BackgroundJobInputEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid', primaryKeyConstraintName: 'background_job_input_pkey' })
  jobId: string;

  @ManyToOne(() => BackgroundJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'background_job_input_job_id_fkey' })
  job?: BackgroundJobEntity;

  /** `people` or `responsibilities`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'background_job_input_pkey' })
  name: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ type: 'bytea' })
  content: Buffer;
}
