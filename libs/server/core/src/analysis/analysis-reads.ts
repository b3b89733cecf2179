import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChartHolders, ClassificationOverrides } from '@rolemap/analysis';
import type { SnapshotData } from '@rolemap/domain';
import type { DataSource } from 'typeorm';
import type { DatabaseTarget } from '../database/data-source';
import { tenantScopeStatement } from '../database/tenant-scope';
import { copySnapshotText, loadSnapshotData } from './snapshot-loader';
import type { SnapshotRef } from './snapshot-reads';

export interface AnalysisReadsTask {
  previous: SnapshotRef;
  /** Where the worker reads the previous snapshot itself, and the tenant scope its transactions run in; absent, the text comes from here. */
  connection?: { url: string; scope: string | null };
}

/** To the worker. */
export type AnalysisReadsMessage =
  | { type: 'previous-block'; read: number; block: Uint8Array }
  | { type: 'overrides'; overrides: ClassificationOverrides };

/** From the worker. */
export type AnalysisReadsReply = { type: 'holders'; holders: ChartHolders } | { type: 'failed'; message: string };

/**
 * What the analysis of `snapshot` reads: the snapshot whole (`loadSnapshotData`, on this thread)
 * and the chart before it as the diff reads it (`chartHoldersOf`, HR's overrides applied),
 * prepared on a worker thread meanwhile: at 100k people, parsing and indexing the previous chart
 * took a fifth of `rolemap analyze`, on one core of two. On a PostgreSQL server the worker runs
 * the loader's reads of the previous snapshot over connections of its own, in this caller's
 * tenant scope. The embedded database takes one connection at a time, so there they run here, on
 * the data source, and only their text goes to the worker (each block moved, not copied). What
 * comes back is a few columns instead of 300k row objects.
 */
export async function readForAnalysis(
  dataSource: DataSource,
  database: DatabaseTarget,
  snapshot: SnapshotRef,
  previous: SnapshotRef,
  overrides: Promise<ClassificationOverrides>,
): Promise<[SnapshotData, ChartHolders]> {
  const task: AnalysisReadsTask = {
    previous: { id: previous.id, organizationId: previous.organizationId, asOf: previous.asOf },
    connection: database.embedded ? undefined : { url: database.url, scope: tenantScopeStatement() },
  };
  const worker = new Worker(...workerScript(task));
  const send = (message: AnalysisReadsMessage, transfer?: ArrayBuffer[]) => worker.postMessage(message, transfer);
  const holders = new Promise<ChartHolders>((resolve, reject) => {
    worker.once('message', (reply: AnalysisReadsReply) =>
      reply.type === 'holders'
        ? resolve(reply.holders)
        : reject(new Error(`Reading the previous chart failed: ${reply.message}`)),
    );
    worker.on('error', reject);
    worker.once('exit', (code) => reject(new Error(`The previous chart's worker stopped (exit code ${code})`)));
  });
  // Settled after another read failed, or by the worker's exit once it has answered: nothing to report then.
  holders.catch(() => undefined);
  try {
    const previousText = task.connection
      ? Promise.resolve()
      : copySnapshotText(dataSource, previous, { forDiff: true }, (read, block) =>
          send({ type: 'previous-block', read, block }, [block.buffer as ArrayBuffer]),
        );
    const [data] = await Promise.all([
      loadSnapshotData(dataSource, snapshot),
      previousText.then(async () => send({ type: 'overrides', overrides: await overrides })),
    ]);
    return [data, await holders];
  } finally {
    void worker.terminate();
  }
}

function workerScript(
  task: AnalysisReadsTask,
): [string, { workerData: AnalysisReadsTask; execArgv?: string[]; env?: NodeJS.ProcessEnv }] {
  const extension = path.extname(__filename);
  const filename = path.join(__dirname, `analysis-reads.worker${extension}`);
  if (extension !== '.ts') return [filename, { workerData: task }];
  // Under the tests (TypeScript sources): the worker compiles its own with swc, as the parent does.
  const register = require.resolve('@swc-node/register');
  const execArgv = process.execArgv.some((argument) => argument.includes('@swc-node/register'))
    ? process.execArgv
    : [...process.execArgv, '--require', register];
  // The workspace tsconfig (path aliases); this file sits at libs/server/core/src/analysis/.
  const project = process.env.SWC_NODE_PROJECT ?? path.resolve(__dirname, '../../../../../tsconfig.json');
  return [filename, { workerData: task, execArgv, env: { ...process.env, SWC_NODE_PROJECT: project } }];
}
