import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEFAULT_JOBS_CONFIG, ServerCoreModule, loadConfig } from '@rolemap/server-core';
import { ImportJobsModule, ImportsModule } from '@rolemap/server-imports';
import { JobsModule } from '@rolemap/server-jobs';
import { ReportJobsModule } from '@rolemap/server-reports';
import { SurveyJobsModule } from '@rolemap/server-surveys';
import { runCli, runCliAsync } from './run-cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-cli-jobs-'));
const people = path.join(dir, 'people.csv');
fs.writeFileSync(
  people,
  'employee_id,name,title,manager_id\nQ1,Quinn Chief,Chief Executive Officer,\nQ2,Riley Lead,Engineering Manager,Q1\nQ3,Sam Dev,Software Engineer,Q2\n',
);

@Module({})
class WorkerModule {}

/** A replica without HTTP: the server's own modules, running queued jobs. */
async function startWorker(): Promise<INestApplicationContext> {
  const url = process.env.ROLEMAP_TEST_DATABASE_URL!;
  const config = {
    ...loadConfig({ ROLEMAP_SEED_DEMO: 'false' }),
    databaseUrl: url,
    jobs: { ...DEFAULT_JOBS_CONFIG, pollIntervalMs: 500 },
  };
  return NestFactory.createApplicationContext(
    {
      module: WorkerModule,
      imports: [
        ServerCoreModule.forRoot({ config, database: { url, embedded: false } }),
        JobsModule.forRoot({ work: true }),
        ImportJobsModule.on(ImportsModule),
        ReportJobsModule.register(),
        SurveyJobsModule.register(),
      ],
    },
    { logger: ['error'] },
  );
}

describe('rolemap import|report|survey close --no-wait and rolemap job (PostgreSQL)', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('queues an import, shows it queued, and waits for a server to run it', async () => {
    const queued = runCli(['import', people, '--org', 'Queued CLI Co', '--as-of', '2026-03-01', '--no-wait', '--json']);
    expect(queued.stderr).toBe('');
    expect(queued.status).toBe(0);
    const { jobId, state } = JSON.parse(queued.stdout) as { jobId: string; state: string };
    expect(state).toBe('QUEUED');

    const shown = runCli(['job', jobId]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`Job ${jobId} (import): queued`);

    const worker = await startWorker();
    try {
      const waited = await runCliAsync(['job', jobId, '--wait', '--json']);
      expect(waited.status).toBe(0);
      expect(JSON.parse(waited.stdout)).toMatchObject({
        id: jobId,
        state: 'DONE',
        attempts: 1,
        result: { organization: 'Queued CLI Co', snapshot: 1, people: 3, positions: 3 },
      });
      const text = await runCliAsync(['job', jobId]);
      expect(text.stdout).toMatch(/: done\n/);
      expect(text.stdout).toMatch(/Imported snapshot v1 of "Queued CLI Co": 3 people/);
    } finally {
      await worker.close();
    }
  });

  it('says so when the job does not exist, and refuses --dry-run with --no-wait', () => {
    const missing = runCli(['job', '00000000-0000-4000-8000-000000000000']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/No job with id/);
    const both = runCli(['import', people, '--dry-run', '--no-wait']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--dry-run answers at once/);
  });

  it('queues a report with --no-wait, then saves its file with rolemap job --wait --out', async () => {
    const queued = runCli(['report', 'summary', '--org', 'Queued CLI Co', '--format', 'md', '--no-wait']);
    expect(queued.stderr).toBe('');
    expect(queued.status).toBe(0);
    const jobId = /Queued report job ([0-9a-f-]{36})/.exec(queued.stdout)?.[1];
    expect(jobId).toBeDefined();
    expect(queued.stdout).toContain(`rolemap job ${jobId} --wait --out <file>`);

    const out = path.join(dir, 'summary.md');
    const worker = await startWorker();
    try {
      const waited = await runCliAsync(['job', jobId!, '--wait', '--out', out]);
      expect(waited.stderr).toBe('');
      expect(waited.status).toBe(0);
      expect(waited.stdout).toMatch(new RegExp(`Job ${jobId} \\(report\\): done`));
      expect(waited.stdout).toMatch(/Wrote .*summary\.md \(queued-cli-co-v1-summary\.md, \d+ KB\)/);
    } finally {
      await worker.close();
    }
    const written = fs.readFileSync(out, 'utf8');
    // The same report the command writes in its own process.
    const inline = path.join(dir, 'summary-inline.md');
    expect(runCli(['report', 'summary', '--org', 'Queued CLI Co', '--out', inline]).status).toBe(0);
    expect(written).toBe(fs.readFileSync(inline, 'utf8'));
    expect(written).toMatch(/Queued CLI Co/);

    const notAReport = runCli(['job', jobId!, '--out', path.join(dir, 'missing-folder', 'x.md')]);
    expect(notAReport.status).toBe(2);
    expect(notAReport.stderr).toMatch(/does not exist/);
  });

  it('queues a survey closing with --no-wait; a server closes it into a new snapshot', async () => {
    expect(runCli(['dictionary', 'import', '--starter', '--org', 'Queued CLI Co']).status).toBe(0);
    const closes = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const created = runCli(['survey', 'create', 'Queued pulse', '--org', 'Queued CLI Co', '--closes', closes, '--json']);
    expect(created.stderr).toBe('');
    const campaign = JSON.parse(created.stdout) as { id: string; participantCount: number };

    const queued = runCli(['survey', 'close', 'Queued pulse', '--org', 'Queued CLI Co', '--no-wait']);
    expect(queued.stderr).toBe('');
    expect(queued.status).toBe(0);
    const jobId = /as job ([0-9a-f-]{36})/.exec(queued.stdout)?.[1];
    expect(queued.stdout).toContain(`rolemap job ${jobId} --wait`);
    // A second request while the first is queued answers with the same job.
    const again = runCli(['survey', 'close', campaign.id, '--no-wait', '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ jobId, state: 'QUEUED' });

    const worker = await startWorker();
    try {
      const waited = await runCliAsync(['job', jobId!, '--wait']);
      expect(waited.stderr).toBe('');
      expect(waited.status).toBe(0);
      expect(waited.stdout).toMatch(new RegExp(`Job ${jobId} \\(survey_close\\): done`));
      // The import had no responsibilities, so nobody has any to carry over.
      expect(waited.stdout).toContain(
        `Closed into snapshot v2: 0 surveyed, 0 carried over, ${campaign.participantCount} without data, 0 outside the survey.`,
      );
    } finally {
      await worker.close();
    }
    const closedTwice = runCli(['survey', 'close', 'Queued pulse', '--org', 'Queued CLI Co', '--no-wait']);
    expect(closedTwice.status).toBe(2);
    expect(closedTwice.stderr).toMatch(/already closed/);
  });
});
