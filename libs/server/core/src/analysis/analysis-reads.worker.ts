import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { type ClassificationOverrides, applyOverrides, chartHoldersOf } from '@rolemap/analysis';
import type { AnalysisReadsMessage, AnalysisReadsReply, AnalysisReadsTask } from './analysis-reads';
import { copyTextBlocks, copyTextReader } from './copy-text';
import { READ_SETTINGS, snapshotReads } from './snapshot-reads';

/**
 * The worker-thread side of `readForAnalysis`: reads the previous snapshot as the loader would
 * (`forDiff`), over connections of its own or from the text the parent sends, applies HR's
 * overrides once they come and answers with the chart's holders for the diff.
 */
const port = parentPort;
if (!port) throw new Error('analysis-reads.worker runs as a worker thread');
const task = workerData as AnalysisReadsTask;
const reply = (message: AnalysisReadsReply, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
const fail = (error: unknown) =>
  reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
const previous = snapshotReads(task.previous, { forDiff: true });
const readers = previous.reads.map((read) => copyTextReader(read.onRow, read.sharing));

let overrides: ClassificationOverrides | null = null;
let previousRead = !task.connection;
const answer = () => {
  if (!overrides || !previousRead) return;
  const holders = chartHoldersOf(applyOverrides(previous.data, overrides));
  reply({ type: 'holders', holders }, [holders.depths.buffer as ArrayBuffer]);
};

port.on('message', (message: AnalysisReadsMessage) => {
  try {
    if (message.type === 'previous-block') readers[message.read](message.block);
    else {
      overrides = message.overrides;
      answer();
    }
  } catch (error) {
    fail(error);
  }
});

if (task.connection) {
  const { url, scope } = task.connection;
  Promise.all(previous.reads.map((read, number) => copyOver(url, scope, read.select, readers[number])))
    .then(() => {
      previousRead = true;
      answer();
    })
    .catch(fail);
}

/** One read on a connection of its own, in a transaction in the caller's tenant scope, as the loader runs it. */
async function copyOver(url: string, scope: string | null, select: string, onBlock: (block: Buffer) => void): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(['BEGIN', scope, READ_SETTINGS].filter(Boolean).join('; '));
    await copyTextBlocks(client.query(copyTo(`COPY (${select}) TO STDOUT`)), onBlock);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
