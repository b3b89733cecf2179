import { SingleBar } from 'cli-progress';
import { type BackgroundJobEntity, DATABASE_TARGET, type DatabaseTarget, LOCAL_OPERATOR } from '@rolemap/server-core';
import { importOutcomeOfJob } from '@rolemap/server-imports';
import { JobsModule, JobsService } from '@rolemap/server-jobs';
import { surveyCloseOfJob } from '@rolemap/server-surveys';
import { withServices } from '../cli-app';
import { checkOutPath, writeFileAtomically } from './report-out-file';
import { CliError, EXIT } from '../cli-context';
import { jsonOutcome, printOutcome } from './import.command';

interface JobOptions {
  wait?: boolean;
  json?: boolean;
  /** Where to save the file a finished job made (a report). */
  out?: string;
}

const POLL_MS = 500;

/** `rolemap job <id>`: a background job's state and outcome; with --wait, a progress bar until it ends. */
export async function runJob(id: string, options: JobOptions): Promise<void> {
  // Checked before any waiting: a bad --out should not cost the wait.
  const target = options.out ? checkOutPath(options.out, 'report.pdf') : null;
  let saved: { path: string; bytes: number } | null = null;
  const job = await withServices([JobsModule.forRoot({ work: false })], async (app) => {
    const jobs = app.get(JobsService);
    const finish = async (done: BackgroundJobEntity) => {
      if (target && done.state === 'DONE') {
        if (!done.outputFileName) throw new CliError(`Job ${id} made no file to save (--out is for reports)`, EXIT.invalidInput);
        const file = await jobs.fileOf(LOCAL_OPERATOR, id);
        const bytes = await writeFileAtomically(target, async (stream) => {
          await new Promise<void>((resolve, reject) => stream.end(file.content, () => resolve()).once('error', reject));
        });
        saved = { path: options.out!, bytes };
      }
      return done;
    };
    let current = await jobs.get(LOCAL_OPERATOR, id);
    if (!options.wait || isFinished(current)) return finish(current);
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
    return finish(current);
  });
  const file = saved as { path: string; bytes: number } | null;
  const outcome = importOutcomeOfJob(job);
  const surveyClose = surveyCloseOfJob(job);
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
        fileName: job.outputFileName,
        expiresAt: job.expiresAt?.toISOString() ?? null,
        savedTo: file?.path ?? null,
        result: outcome ? jsonOutcome(outcome) : surveyClose,
      }),
    );
  } else {
    console.log(`Job ${job.id} (${job.kind.toLowerCase()}): ${describeState(job)}`);
    if (outcome) printOutcome(outcome);
    if (surveyClose) {
      const { surveyed, carried, none, outside } = surveyClose.coverage;
      console.log(
        `Closed into snapshot v${surveyClose.snapshotVersion}: ${surveyed} surveyed, ${carried} carried over, ${none} without data, ${outside} outside the survey.`,
      );
    }
    if (file) console.log(`Wrote ${file.path} (${job.outputFileName}, ${(file.bytes / 1024).toFixed(0)} KB).`);
    else if (job.state === 'DONE' && job.outputFileName) {
      console.log(`Its file ${job.outputFileName} can be saved until ${job.expiresAt?.toISOString()}: add --out <file>.`);
    }
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
