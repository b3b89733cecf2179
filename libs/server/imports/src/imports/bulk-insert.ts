import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { InProcessCopy } from '@rolemap/server-core';

export type Cell = string | number | boolean | null;

export interface BulkTable<Row> {
  table: string;
  columns: readonly string[];
  /** An array, or rows built as they are read (a generator), so they need not all be held at once. */
  rows: Iterable<Row>;
  cells(row: Row): Cell[];
}

/**
 * How rows reach the database: `true` COPY FROM STDIN (a PostgreSQL server), `false` multi-row
 * INSERTs (PGlite through its socket, which cannot take COPY FROM STDIN), or PGlite's own
 * `COPY … FROM '/dev/blob'` when this process runs the embedded database.
 */
export type BulkPath = boolean | InProcessCopy;

/** Loads rows inside the caller's transaction; COPY is several times faster than INSERT. */
export async function bulkInsert<Row>(manager: EntityManager, path: BulkPath, spec: BulkTable<Row>): Promise<void> {
  if (Array.isArray(spec.rows) && spec.rows.length === 0) return;
  if (typeof path === 'function') await copyRowsInProcess(path, spec);
  else if (path) await copyRows(manager, spec);
  else await insertRows(manager, spec);
}

async function copyRows<Row>(manager: EntityManager, spec: BulkTable<Row>): Promise<void> {
  const queryRunner = manager.queryRunner;
  if (!queryRunner) throw new Error('bulkInsert with COPY must run inside a transaction');
  const client = (await queryRunner.connect()) as { query(stream: unknown): NodeJS.WritableStream };
  const copy = client.query(copyFrom(`COPY ${spec.table} (${spec.columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(spec)), copy);
}

/**
 * The COPY text in blobs of about 16 MB, one COPY each: PGlite copies a blob into its own file
 * system before reading it, so a blob per table would hold the text of 300k responsibilities
 * twice at once.
 */
async function copyRowsInProcess<Row>(copyIn: InProcessCopy, spec: BulkTable<Row>): Promise<void> {
  const statement = `COPY ${spec.table} (${spec.columns.join(', ')}) FROM '/dev/blob'`;
  // Buffers made by Buffer.from(string) sit on ordinary ArrayBuffers, which Blob takes.
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (const chunk of copyChunks(spec)) {
    parts.push(chunk as Uint8Array<ArrayBuffer>);
    size += chunk.length;
    if (size >= BLOB_BYTES) {
      await copyIn(statement, new Blob(parts));
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) await copyIn(statement, new Blob(parts));
}

const BLOB_BYTES = 16 * 1024 * 1024;

/**
 * Rows become COPY text as they are read, in chunks of ~64K characters: one stream write per row
 * would dominate the cost, and the whole table as text would be as large again as the rows.
 * Larger chunks would be allocated outside V8's young generation (objects over 128 KB are), so
 * each would be garbage only a full collection frees: the heap would grow by the size of the
 * table. Chunks are Buffers, encoded here once, so the stream does not re-encode them.
 */
export function* copyChunks<Row>(spec: Pick<BulkTable<Row>, 'rows' | 'cells'>): Generator<Buffer> {
  let chunk = '';
  for (const row of spec.rows) {
    const cells = spec.cells(row);
    let line = copyText(cells[0]);
    for (let index = 1; index < cells.length; index++) line += '\t' + copyText(cells[index]);
    chunk += line + '\n';
    if (chunk.length > CHUNK_CHARACTERS) {
      yield Buffer.from(chunk, 'utf8');
      chunk = '';
    }
  }
  if (chunk) yield Buffer.from(chunk, 'utf8');
}

const CHUNK_CHARACTERS = 60_000;

function copyText(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell !== 'string') return String(cell);
  return NEEDS_ESCAPE.test(cell) ? cell.replace(ESCAPED, (char) => COPY_ESCAPES[char]) : cell;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// PostgreSQL allows 65,535 bind parameters per statement.
const MAX_PARAMETERS = 60_000;

async function insertRows<Row>(manager: EntityManager, spec: BulkTable<Row>): Promise<void> {
  const width = spec.columns.length;
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  const placeholders = (count: number) =>
    Array.from(
      { length: count },
      (_, index) => `(${spec.columns.map((_column, column) => `$${index * width + column + 1}`).join(', ')})`,
    ).join(', ');
  const insert = (values: Cell[], count: number) =>
    manager.query(`INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES ${placeholders(count)}`, values);
  let values: Cell[] = [];
  let count = 0;
  for (const row of spec.rows) {
    for (const cell of spec.cells(row)) values.push(cell);
    if (++count === rowsPerStatement) {
      await insert(values, count);
      values = [];
      count = 0;
    }
  }
  if (count > 0) await insert(values, count);
}
