import { SingleBar } from 'cli-progress';
import { type BackgroundJobEntity, DATABASE_TARGET, type DatabaseTarget, LOCAL_OPERATOR } from '@rolemap/server-core';
import { importOutcomeOfJob } from '@rolemap/server-imports';
import { JobsModule, JobsService } from '@rolemap/server-jobs';
import { withServices } from '../cli-app';
import { CliError, EXIT } from '../cli-context';
import { jsonOutcome, printOutcome } from './import.command';

interface JobOptions {
  wait?: boolean;
  json?: boolean;
}

const POLL_MS = 500;

/** `rolemap job <id>`: a background job's state and outcome; with --wait, a progress bar until it ends. */
export async function runJob(id: string, options: JobOptions): Promise<void> {
  const job = await withServices([JobsModule.forRoot({ work: false })], async (app) => {
    const jobs = app.get(JobsService);
    let current = await jobs.get(LOCAL_OPERATOR, id);
    if (!options.wait || isFinished(current)) return current;
    // The embedded database serves one process: while this command holds it no server runs the job.
    if (app.get<DatabaseTarget>(DATABASE_TARGET).embedded) {
      throw new CliError(
        `Job ${id} is ${current.state}; on the embedded database it runs when the server starts (npm start), not while this command holds the database.`,
        EXIT.failure,
      );
    }
    const bar =
      !options.json && process.stderr.isTTY ? new SingleBar({ format: '{stage} [{bar}] {percentage}%', hideCursor: true }) : null;
    bar?.start(100, 0, { stage: stageOf(current) });
    try {
      while (!isFinished(current)) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        current = await jobs.get(LOCAL_OPERATOR, id);
        bar?.update(Math.round(current.progress * 100), { stage: stageOf(current) });
      }
    } finally {
      bar?.stop();
    }
    return current;
  });
  const outcome = importOutcomeOfJob(job);
  if (options.json) {
    console.log(
      JSON.stringify({
        id: job.id,
        kind: job.kind,
        state: job.state,
        progress: job.progress,
        stage: job.stage,
        attempts: job.attempts,
        error: job.error,
        result: outcome ? jsonOutcome(outcome) : null,
      }),
    );
  } else {
    console.log(`Job ${job.id} (${job.kind.toLowerCase()}): ${describeState(job)}`);
    if (outcome) printOutcome(outcome);
  }
  if (job.state === 'FAILED') throw new CliError('', EXIT.failure);
  if (outcome && !outcome.ok) throw new CliError('', EXIT.invalidInput);
}

function isFinished(job: BackgroundJobEntity): boolean {
  return job.state === 'DONE' || job.state === 'FAILED';
}

function stageOf(job: BackgroundJobEntity): string {
  return (job.stage ?? job.state.toLowerCase()).slice(0, 40).padEnd(40);
}

function describeState(job: BackgroundJobEntity): string {
  const attempts = job.attempts > 1 ? `, after ${job.attempts} attempts` : '';
  switch (job.state) {
    case 'QUEUED':
      return `queued${job.error ? ` (${job.error})` : ''}`;
    case 'RUNNING':
      return `running, ${Math.round(job.progress * 100)}%${job.stage ? `: ${job.stage}` : ''}`;
    case 'DONE':
      return `done${attempts}`;
    case 'FAILED':
      return `failed${attempts}: ${job.error ?? 'no reason recorded'}`;
  }
}
