import { to as copyTo } from 'pg-copy-streams';
import type { SnapshotData } from '@rolemap/domain';
import type { DataSource } from 'typeorm';
import { copyTextBlocks, copyTextReader } from './copy-text';
import { READ_SETTINGS, type SnapshotReadOptions, type SnapshotRef, snapshotReads } from './snapshot-reads';

/**
 * Reads a whole snapshot into memory for the analysis, as the import wrote it, with four
 * `COPY (SELECT …) TO STDOUT` run side by side. 100k positions and 300k responsibilities are
 * about four million values: read as rows, each would be decoded from its own slice of the
 * protocol buffer and set on a row object by the driver, which took longer than the analysis
 * itself; COPY sends the rows as tab-separated text that is decoded a block at a time. HR's
 * overrides are a layer applied by the analysis (`applyOverrides`). With `responsibilities: false`
 * the snapshot comes without its responsibilities (the largest table), for readers that only
 * compare people and positions. With `forDiff: true` it comes with only what the diff against
 * the previous chart reads, HR's overrides on it included (`diffSnapshots`, `applyOverrides`):
 * no responsibilities; positions without location, FTE (read as 1), vacancy (false) or dotted
 * lines; people without e-mail or hire date; assignments without dates, previous title or rating.
 */
export async function loadSnapshotData(
  dataSource: DataSource,
  snapshot: SnapshotRef,
  options: SnapshotReadOptions = {},
): Promise<SnapshotData> {
  const { reads, data } = snapshotReads(snapshot, options);
  await Promise.all(reads.map((read) => copyOut(dataSource, read.select, copyTextReader(read.onRow, read.sharing))));
  return data;
}

/**
 * Runs the reads `loadSnapshotData` would run and hands over their text instead of rows: each
 * block (whole lines, see `copyTextBlocks`) with the number of its read in `snapshotReads`, and
 * in its own ArrayBuffer, so it can be transferred to the thread that parses it.
 */
export async function copySnapshotText(
  dataSource: DataSource,
  snapshot: SnapshotRef,
  options: SnapshotReadOptions,
  onBlock: (read: number, block: Uint8Array) => void,
): Promise<void> {
  const { reads } = snapshotReads(snapshot, options);
  await Promise.all(
    reads.map((read, number) =>
      copyOut(dataSource, read.select, (block) => {
        const copy = new Uint8Array(block.length);
        copy.set(block);
        onBlock(number, copy);
      }),
    ),
  );
}

/**
 * Runs `COPY (select) TO STDOUT` on a connection of its own and hands its text to `onBlock` in
 * blocks of whole lines.
 */
async function copyOut(dataSource: DataSource, select: string, onBlock: (block: Buffer) => void): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    // In a transaction of its own: the tenant scope is set per transaction (tenant-scope.ts).
    await runner.startTransaction();
    await runner.query(READ_SETTINGS);
    const client = (await runner.connect()) as { query(stream: unknown): NodeJS.ReadableStream };
    const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
    await copyTextBlocks(stream as AsyncIterable<unknown>, onBlock);
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
