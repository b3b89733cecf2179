import { ConfigError } from './parse-env';

/** How long work runs in the background on the queue in PostgreSQL (see libs/server/jobs). */
export interface JobsConfig {
  /**
   * Imports whose uploads total at least this many bytes run as background jobs; smaller ones
   * answer in the request. 0 sends every import to the queue (ROLEMAP_JOB_IMPORT_MB).
   */
  importThresholdBytes: number;
  /** Reports of snapshots with at least this many positions are built as jobs (ROLEMAP_JOB_REPORT_POSITIONS). */
  reportThresholdPositions: number;
  /** Jobs this replica runs at once per kind; 0 makes it a replica that only queues (ROLEMAP_JOB_CONCURRENCY). */
  concurrency: number;
  /** Runs a job may take, counting the first; a crash or a killed worker costs one (ROLEMAP_JOB_ATTEMPTS). */
  attempts: number;
  /**
   * A running job whose worker has not reported for this long is taken to be dead (kill -9, lost
   * machine) and queued again (ROLEMAP_JOB_STALE_SECONDS). Workers report every sixth of it.
   */
  staleAfterMs: number;
  /** How often an idle worker asks the queue for work (ROLEMAP_JOB_POLL_SECONDS, at least 0.5). */
  pollIntervalMs: number;
  /** On shutdown, how long running jobs may take to finish before they are queued again for another replica. */
  shutdownGraceMs: number;
  /** How long a finished job's file (a report) can be downloaded (ROLEMAP_JOB_FILE_HOURS). */
  fileTtlMs: number;
}

export const DEFAULT_JOBS_CONFIG: JobsConfig = {
  // About 50,000 people with their responsibilities: smaller imports take a few seconds in the
  // request; larger ones go to the queue, and the web wizard follows them with a progress bar.
  importThresholdBytes: 20 * 1024 * 1024,
  reportThresholdPositions: 20_000,
  concurrency: 1,
  attempts: 3,
  staleAfterMs: 60_000,
  pollIntervalMs: 2_000,
  shutdownGraceMs: 10_000,
  fileTtlMs: 24 * 3_600_000,
};

export function jobsConfigFrom(env: NodeJS.ProcessEnv): JobsConfig {
  const d = DEFAULT_JOBS_CONFIG;
  return {
    importThresholdBytes: Math.floor(number('ROLEMAP_JOB_IMPORT_MB', env, d.importThresholdBytes / 1024 / 1024, 0) * 1024 * 1024),
    reportThresholdPositions: Math.floor(number('ROLEMAP_JOB_REPORT_POSITIONS', env, d.reportThresholdPositions, 0)),
    concurrency: wholeNumber('ROLEMAP_JOB_CONCURRENCY', env, d.concurrency, 0, 16),
    attempts: wholeNumber('ROLEMAP_JOB_ATTEMPTS', env, d.attempts, 1, 20),
    staleAfterMs: Math.round(number('ROLEMAP_JOB_STALE_SECONDS', env, d.staleAfterMs / 1000, 1) * 1000),
    pollIntervalMs: Math.round(number('ROLEMAP_JOB_POLL_SECONDS', env, d.pollIntervalMs / 1000, 0.5) * 1000),
    shutdownGraceMs: Math.round(number('ROLEMAP_JOB_SHUTDOWN_GRACE_SECONDS', env, d.shutdownGraceMs / 1000, 0) * 1000),
    fileTtlMs: Math.round(number('ROLEMAP_JOB_FILE_HOURS', env, d.fileTtlMs / 3_600_000, 0.01) * 3_600_000),
  };
}

function number(name: string, env: NodeJS.ProcessEnv, fallback: number, min: number): number {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(raw) || !Number.isFinite(value) || value < min) {
    throw new ConfigError(`${name} must be a number of at least ${min} (got "${env[name]}")`);
  }
  return value;
}

function wholeNumber(name: string, env: NodeJS.ProcessEnv, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${env[name]}")`);
  }
  return value;
}
