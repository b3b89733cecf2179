import type { Caller, JobKind } from '@rolemap/server-core';
import type { EntityManager } from 'typeorm';

/** What a finished job leaves: its outcome and, for reports, a file to download until it expires. */
export interface JobOutcome {
  result: Record<string, unknown>;
  /** The organization the work turned out to belong to (an import that created it). */
  organizationId?: string | null;
  output?: { fileName: string; contentType: string; content: Buffer } | null;
}

export interface JobRun {
  id: string;
  kind: JobKind;
  organizationId: string | null;
  params: Record<string, unknown>;
  /** The files the job was queued with, by name. */
  inputs: ReadonlyMap<string, { fileName: string; content: Buffer }>;
  /** Who asked, as the work's services and the audit log see them. */
  caller: Caller;
  /** 1 on the first run. */
  attempt: number;
  /** Aborted when this run no longer owns the job (shutdown, or it was taken to be dead). */
  signal: AbortSignal;
  /** Reports progress (0 to 1) and what it is doing; cheap to call often. */
  progress(fraction: number, stage?: string | null): void;
  /**
   * Marks the job done inside the transaction that applies the work, so a retried run finds it
   * done and applies nothing twice. Throws (rolling the transaction back) when another run has
   * already finished it or this run no longer owns it.
   */
  complete(manager: EntityManager, outcome: JobOutcome): Promise<void>;
}

/**
 * Runs one kind of job. Work that writes should call `run.complete(manager, …)` inside its own
 * transaction; what it returns otherwise completes the job afterwards.
 */
export type JobHandler = (run: JobRun) => Promise<JobOutcome | void>;

/** This run lost the job to another (or to shutdown): nothing it did may be kept. */
export class JobSupersededError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} is no longer this worker's to finish`);
    this.name = 'JobSupersededError';
  }
}
