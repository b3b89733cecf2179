import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import {
  APP_CONFIG,
  AccountsService,
  type AppConfig,
  BackgroundJobEntity,
  BackgroundJobInputEntity,
  type Caller,
  DATABASE_TARGET,
  type DatabaseTarget,
  type JobKind,
  LOCAL_OPERATOR,
  type RequestOrigin,
  withRequestOrigin,
  APP_ROLE,
  acrossAllTenants,
  currentTenantId,
  withTenant,
} from '@rolemap/server-core';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { type SizedWork, runsInBackground } from './background-threshold';
import { type JobHandler, type JobOutcome, type JobRun, JobSupersededError } from './job-handler';

export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export interface JobsOptions {
  /**
   * Run queued jobs in this process (the API). The CLI only queues and reads them: a command
   * that ends would otherwise take work it cannot finish.
   */
  work: boolean;
}

export interface NewJob {
  kind: JobKind;
  organizationId: string | null;
  params: Record<string, unknown>;
  inputs?: { name: string; fileName: string; content: Buffer }[];
}

export interface QueueStatus {
  running: boolean;
  /** Whether this replica takes jobs (concurrency above 0 and not a CLI). */
  working: boolean;
  /** Jobs this replica is running now. */
  inFlight: number;
}

/** pg-boss queue names, one per kind, so a kind can be given its own workers. */
const QUEUE_OF: Record<JobKind, string> = {
  IMPORT: 'rolemap-import',
  REPORT: 'rolemap-report',
  SURVEY_CLOSE: 'rolemap-survey-close',
  REANALYSIS: 'rolemap-reanalysis',
};
/** A backstop for a job pg-boss never heard back about; dead workers are found far sooner by their heartbeat. */
const EXPIRE_IN_SECONDS = 4 * 3600;
const PROGRESS_EVERY_MS = 250;

interface ClaimedJob {
  tenant_id: string;
  organization_id: string | null;
  params: Record<string, unknown>;
  attempts: number;
  requested_by: string | null;
}

interface InFlight {
  abort: AbortController;
}

/**
 * The queue of long work, kept in PostgreSQL by pg-boss so any replica can take a job and a
 * restart loses none. pg-boss decides who runs what next and retries; `background_job` holds
 * what people see (state, progress, outcome) and is the one record of whether the work was
 * applied: a job is marked done in the transaction that applies it, so a retry of a job whose
 * worker died after committing finds it done and does nothing.
 *
 * A worker writes a heartbeat while it runs a job; every replica looks for running jobs whose
 * heartbeat stopped (kill -9, a lost machine) and queues them again, or fails them when their
 * attempts are used up. On shutdown, running jobs get `shutdownGraceMs` to finish; the rest
 * are queued again for another replica, and this one's transaction never commits.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('JobQueue');
  private readonly handlers = new Map<JobKind, JobHandler>();
  private readonly inFlight = new Map<string, InFlight>();
  /** Identifies this process in `background_job.worker`. */
  readonly workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private boss: PgBoss | null = null;
  private started = false;
  private stopping = false;
  private ticker: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_TARGET) private readonly database: DatabaseTarget,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
    private readonly accounts: AccountsService,
  ) {}

  /** Called by feature modules (in onModuleInit) for each kind of job they run. */
  register(kind: JobKind, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Whether this work is large enough to go on the queue rather than run in the request. */
  runsInBackground(work: SizedWork): boolean {
    return runsInBackground(this.config.jobs, work);
  }

  get working(): boolean {
    return this.options.work && this.config.jobs.concurrency > 0;
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.database.url,
      // PGlite runs one statement at a time; one connection is all the queue needs there.
      max: this.database.embedded ? 1 : 3,
      application_name: 'rolemap-jobs',
      // Maintenance (expiry, archiving) and cron belong to the replicas that work, not to a CLI command.
      supervise: this.options.work,
      schedule: false,
      migrate: true,
    });
    boss.on('error', (error: Error) => this.log.error(`queue: ${error.message}`));
    await boss.start();
    // Jobs are queued inside the caller's transaction, which runs as the row-level-security role:
    // it needs the queue's own tables too (pg-boss creates its schema as the connecting user).
    await acrossAllTenants(async () => {
      await this.dataSource.query(`GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE}`);
      await this.dataSource.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE}`);
      await this.dataSource.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE}`);
      await this.dataSource.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${APP_ROLE}`);
    });
    for (const queue of Object.values(QUEUE_OF)) {
      if (!(await boss.getQueue(queue))) await boss.createQueue(queue).catch(() => undefined);
    }
    this.boss = boss;
    this.started = true;
    if (!this.working) return;
    // On the embedded database this is the only process: whatever was running died with the last one.
    await acrossAllTenants(() => this.requeueDead(this.database.embedded ? 0 : this.config.jobs.staleAfterMs));
    for (const [kind, handler] of this.handlers) {
      for (let i = 0; i < this.config.jobs.concurrency; i++) {
        await boss.work<{ jobId: string }>(
          QUEUE_OF[kind],
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.config.jobs.pollIntervalMs / 1000 },
          async ([job]) => this.execute(kind, handler, job),
        );
      }
    }
    const tickMs = Math.max(200, Math.floor(this.config.jobs.staleAfterMs / 6));
    // The queue's upkeep serves every tenant's jobs.
    this.ticker = setInterval(() => void acrossAllTenants(() => this.tick()), tickMs);
    this.ticker.unref();
  }

  /**
   * Finish or hand back running work before the database connections close (TypeORM closes on
   * application shutdown, which comes after this; ImportService's file readers too).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  status(): QueueStatus {
    return { running: this.started && !this.stopping, working: this.working, inFlight: this.inFlight.size };
  }

  /** Whether the queue's own tables answer (for /api/ready). */
  async check(): Promise<boolean> {
    if (!this.boss || !this.status().running) return false;
    try {
      return (await this.boss.isInstalled()) === true;
    } catch {
      return false;
    }
  }

  /**
   * Queues a job: its row, its input files and the queue entry in one transaction (the caller's
   * `manager` when given), so a job is either fully queued or not at all.
   */
  async enqueue(caller: Caller, job: NewJob, manager?: EntityManager): Promise<BackgroundJobEntity> {
    const boss = this.requireBoss();
    // The job belongs to the tenant it is queued in; its worker acts in that tenant.
    const tenantId = currentTenantId() ?? caller.tenantId ?? null;
    if (!tenantId) throw new Error('A job can only be queued in a tenant (not across all tenants)');
    const insert = async (tx: EntityManager) => {
      const id = randomUUID();
      // The requester's address and user agent go with it, for the audit entry of the work.
      const params = { ...job.params, origin: { ip: caller.ip ?? null, userAgent: caller.userAgent ?? null } };
      await tx.query(
        `INSERT INTO background_job (id, tenant_id, kind, organization_id, requested_by, requested_by_name, params)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, tenantId, job.kind, job.organizationId, caller.id, caller.displayName, JSON.stringify(params)],
      );
      for (const input of job.inputs ?? []) {
        await tx.getRepository(BackgroundJobInputEntity).insert({ jobId: id, ...input });
      }
      await boss.send(
        QUEUE_OF[job.kind],
        { jobId: id },
        {
          id,
          retryLimit: this.config.jobs.attempts - 1,
          retryDelay: 1,
          expireInSeconds: EXPIRE_IN_SECONDS,
          db: { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) },
        },
      );
      return tx.getRepository(BackgroundJobEntity).findOneByOrFail({ id });
    };
    return manager ? insert(manager) : this.dataSource.transaction(insert);
  }

  private requireBoss(): PgBoss {
    if (!this.boss || this.stopping) throw new DomainError('CONFLICT', 'The job queue is not running; try again shortly');
    return this.boss;
  }

  private async execute(kind: JobKind, handler: JobHandler, job: PgBoss.JobWithMetadata<{ jobId: string }>): Promise<void> {
    const jobId = job.data.jobId;
    // Claiming is the queue's own bookkeeping, before the job's tenant is known.
    const claimed: unknown = await acrossAllTenants(() =>
      this.dataSource.query(
        `UPDATE background_job
            SET state = 'RUNNING', attempts = attempts + 1, worker = $2, heartbeat_at = now(),
                started_at = COALESCE(started_at, now()), stage = NULL
          WHERE id = $1 AND state IN ('QUEUED', 'RUNNING')
          RETURNING tenant_id, organization_id, params, attempts, requested_by`,
        [jobId, this.workerId],
      ),
    );
    const row = firstRow<ClaimedJob>(claimed);
    // Done (a retry after the worker died between commit and acknowledgement), failed, or gone.
    if (!row) return;
    const abort = new AbortController();
    this.inFlight.set(jobId, { abort });
    try {
      // The work runs in the job's tenant, as its requester's request would: row-level security
      // shows it that tenant's rows only, and what it writes lands there.
      await withTenant(row.tenant_id, async () => {
        const run = await this.runFor(kind, jobId, row, abort.signal);
        const origin = (row.params.origin as RequestOrigin | undefined) ?? { ip: null, userAgent: null };
        const outcome = await withRequestOrigin(origin, () => handler(run));
        // Stopped mid-way (a handler may return early rather than throw): not done, so not completed.
        if (abort.signal.aborted && !run.completed()) throw new Error(`job ${jobId} stopped by this replica's shutdown`);
        if (!run.completed()) {
          await this.dataSource.transaction((manager) => run.complete(manager, outcome ?? { result: {} }));
        }
      });
    } catch (error) {
      await acrossAllTenants(() => this.failed(kind, job, row, abort.signal, error));
    } finally {
      this.inFlight.delete(jobId);
    }
  }

  /** Records a failed run: queued again while attempts remain (rethrowing, so pg-boss retries), else FAILED. */
  private async failed(
    kind: JobKind,
    job: PgBoss.JobWithMetadata<{ jobId: string }>,
    row: ClaimedJob,
    signal: AbortSignal,
    error: unknown,
  ): Promise<void> {
    // Stopped by this replica's shutdown and already handed back (stopNow), which the run may see as
    // superseded: pg-boss must see the attempt fail, so it offers the job to another replica.
    if (signal.aborted) throw error;
    if (error instanceof JobSupersededError) return;
    const jobId = job.data.jobId;
    const message = (error as Error).message || String(error);
    const lastAttempt = job.retryCount >= job.retryLimit;
    // Bad input fails the same way every time: no point in running it again.
    const final = lastAttempt || error instanceof DomainError;
    await this.dataSource.query(
      `UPDATE background_job
          SET state = $3, error = $4, stage = NULL, heartbeat_at = NULL,
              finished_at = CASE WHEN $3 = 'FAILED' THEN now() ELSE NULL END
        WHERE id = $1 AND worker = $2 AND state = 'RUNNING'`,
      [jobId, this.workerId, final ? 'FAILED' : 'QUEUED', final ? message : `Attempt ${row.attempts} failed: ${message}`],
    );
    if (final) await this.dataSource.query('DELETE FROM background_job_input WHERE job_id = $1', [jobId]);
    this.log.warn(`job ${jobId} (${kind}) attempt ${row.attempts} failed${final ? '' : ', will retry'}: ${message}`);
    if (!final) throw error;
  }

  private async runFor(
    kind: JobKind,
    jobId: string,
    row: ClaimedJob,
    signal: AbortSignal,
  ): Promise<JobRun & { completed(): boolean }> {
    const inputs = await this.dataSource.getRepository(BackgroundJobInputEntity).findBy({ jobId });
    const caller = await this.callerOf(row.requested_by);
    let completed = false;
    let lastProgressAt = 0;
    let progressWrite: Promise<unknown> = Promise.resolve();
    const workerId = this.workerId;
    const ttlMs = this.config.jobs.fileTtlMs;
    return {
      id: jobId,
      kind,
      organizationId: row.organization_id,
      params: row.params,
      inputs: new Map(inputs.map((input) => [input.name, { fileName: input.fileName, content: input.content }])),
      caller,
      attempt: row.attempts,
      signal,
      completed: () => completed,
      progress: (fraction, stage = null) => {
        const now = Date.now();
        if (now - lastProgressAt < PROGRESS_EVERY_MS) return;
        lastProgressAt = now;
        const clamped = Math.min(1, Math.max(0, fraction));
        // One write at a time, in order; progress is advisory, so a failed write is only logged.
        progressWrite = progressWrite
          .then(() =>
            this.dataSource.query(
              `UPDATE background_job SET progress = $3, stage = $4, heartbeat_at = now()
                WHERE id = $1 AND worker = $2 AND state = 'RUNNING'`,
              [jobId, workerId, clamped, stage],
            ),
          )
          .catch((error: Error) => this.log.warn(`job ${jobId}: progress not saved: ${error.message}`));
      },
      complete: async (manager: EntityManager, outcome: JobOutcome) => {
        if (signal.aborted) throw new JobSupersededError(jobId);
        const output = outcome.output ?? null;
        const updated = await manager.query(
          `UPDATE background_job
              SET state = 'DONE', progress = 1, stage = NULL, result = $3, error = NULL,
                  organization_id = COALESCE($4, organization_id),
                  output = $5, output_file_name = $6, output_content_type = $7,
                  expires_at = CASE WHEN $5::bytea IS NULL THEN NULL ELSE now() + $8 * interval '1 millisecond' END,
                  download_key = CASE WHEN $5::bytea IS NULL THEN NULL ELSE $9::bytea END,
                  heartbeat_at = NULL, finished_at = now()
            WHERE id = $1 AND worker = $2 AND state = 'RUNNING'
            RETURNING id`,
          [
            jobId,
            workerId,
            JSON.stringify(outcome.result),
            outcome.organizationId ?? null,
            output?.content ?? null,
            output?.fileName ?? null,
            output?.contentType ?? null,
            ttlMs,
            randomBytes(32),
          ],
        );
        if (!firstRow(updated)) throw new JobSupersededError(jobId);
        await manager.query('DELETE FROM background_job_input WHERE job_id = $1', [jobId]);
        completed = true;
      },
    };
  }

  /** The requester as they are now: a role taken away since they asked no longer applies. */
  private async callerOf(accountId: string | null): Promise<Caller> {
    if (!accountId) return LOCAL_OPERATOR;
    const account = await this.accounts.account(accountId);
    if (!account || account.disabled) {
      throw new DomainError('FORBIDDEN', 'The account that queued this job no longer exists or is disabled');
    }
    return this.accounts.callerOf(account, 'session');
  }

  private async tick(): Promise<void> {
    if (this.stopping) return;
    try {
      if (this.inFlight.size > 0) {
        await this.dataSource.query(
          `UPDATE background_job SET heartbeat_at = now() WHERE worker = $1 AND state = 'RUNNING' AND id = ANY($2::uuid[])`,
          [this.workerId, [...this.inFlight.keys()]],
        );
      }
      await this.requeueDead(this.config.jobs.staleAfterMs);
      // Expired files go; the job's outcome stays.
      await this.dataSource.query(
        'UPDATE background_job SET output = NULL, download_key = NULL WHERE output IS NOT NULL AND expires_at < now()',
      );
    } catch (error) {
      if (!this.stopping) this.log.warn(`queue upkeep failed: ${(error as Error).message}`);
    }
  }

  /**
   * Running jobs whose worker has been silent for `staleMs` are queued again (their queue entry
   * failed, which pg-boss retries while attempts remain) or, with no attempts left, failed.
   */
  private async requeueDead(staleMs: number): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    const dead: Array<{ id: string; kind: JobKind; attempts: number }> = firstRows(
      await this.dataSource.query(
        `UPDATE background_job
            SET state = 'QUEUED', stage = NULL, heartbeat_at = NULL,
                error = 'Attempt ' || attempts || ' stopped: the worker running it stopped responding'
          WHERE state = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < now() - $1 * interval '1 millisecond')
            AND NOT (worker = $2 AND id = ANY($3::uuid[]))
          RETURNING id, kind, attempts`,
        [staleMs, this.workerId, [...this.inFlight.keys()]],
      ),
    );
    for (const job of dead) {
      const queue = QUEUE_OF[job.kind];
      await boss.fail(queue, job.id, { message: 'worker stopped responding' });
      const entry = await boss.getJobById(queue, job.id);
      if (!entry || entry.state === 'failed') {
        await this.dataSource.query(
          `UPDATE background_job SET state = 'FAILED', finished_at = now(),
                  error = 'Stopped after ' || attempts || ' attempt(s): the worker running it stopped responding'
            WHERE id = $1 AND state = 'QUEUED'`,
          [job.id],
        );
        await this.dataSource.query('DELETE FROM background_job_input WHERE job_id = $1', [job.id]);
      }
      this.log.warn(
        `job ${job.id} (${job.kind}): its worker stopped responding; ${entry?.state === 'retry' ? 'queued again' : 'failed'}`,
      );
    }
  }

  private stopped: Promise<void> | null = null;

  private stop(): Promise<void> {
    this.stopped ??= this.stopNow();
    return this.stopped;
  }

  private async stopNow(): Promise<void> {
    if (!this.boss) return;
    this.stopping = true;
    if (this.ticker) clearInterval(this.ticker);
    const boss = this.boss;
    // No new work; what runs gets the grace period, then what is left is failed in pg-boss (so
    // retried) and marked queued again here, and this process's runs can no longer complete.
    for (const queue of Object.values(QUEUE_OF)) await boss.offWork(queue).catch(() => undefined);
    const grace = this.config.jobs.shutdownGraceMs;
    const deadline = Date.now() + grace;
    while (this.inFlight.size > 0 && Date.now() < deadline) await delay(100);
    const left = [...this.inFlight.keys()];
    for (const { abort } of this.inFlight.values()) abort.abort();
    if (left.length > 0) {
      await acrossAllTenants(() =>
        this.dataSource
          .query(
            `UPDATE background_job
              SET state = 'QUEUED', stage = NULL, heartbeat_at = NULL,
                  error = 'Attempt ' || attempts || ' stopped: the replica running it shut down'
            WHERE worker = $1 AND state = 'RUNNING' AND id = ANY($2::uuid[])`,
            [this.workerId, left],
          )
          .catch((error: Error) => this.log.warn(`could not hand back running jobs: ${error.message}`)),
      );
      this.log.log(`handed back ${left.length} running job(s) for another replica`);
    }
    // Graceful with a short bound: pg-boss then resolves only once its own worker loops have ended,
    // so no timer of theirs outlives the process's (or a test's) shutdown.
    await boss.stop({ graceful: true, wait: true, timeout: 5_000, close: true }).catch(() => undefined);
    this.boss = null;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected]; a SELECT with rows. */
function firstRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

function firstRow<T>(result: unknown): T | undefined {
  return firstRows<T>(result)[0];
}
