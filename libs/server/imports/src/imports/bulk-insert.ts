import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type Cell = string | number | boolean | null;

export interface BulkTable<Row> {
  table: string;
  columns: readonly string[];
  rows: readonly Row[];
  cells(row: Row): Cell[];
}

/**
 * Loads rows inside the caller's transaction. On a real server COPY is several times faster
 * than INSERT; PGlite's socket cannot take COPY FROM STDIN, so there multi-row INSERTs are used.
 */
export async function bulkInsert<Row>(manager: EntityManager, useCopy: boolean, spec: BulkTable<Row>): Promise<void> {
  if (spec.rows.length === 0) return;
  if (useCopy) await copyRows(manager, spec);
  else await insertRows(manager, spec);
}

async function copyRows<Row>(manager: EntityManager, spec: BulkTable<Row>): Promise<void> {
  const queryRunner = manager.queryRunner;
  if (!queryRunner) throw new Error('bulkInsert with COPY must run inside a transaction');
  const client = (await queryRunner.connect()) as { query(stream: unknown): NodeJS.WritableStream };
  const copy = client.query(copyFrom(`COPY ${spec.table} (${spec.columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyChunks(spec)), copy);
}

// Lines are joined into ~256 KB chunks: one stream write per row would dominate the cost.
function* copyChunks<Row>(spec: BulkTable<Row>): Generator<string> {
  const lines: string[] = [];
  let size = 0;
  for (const row of spec.rows) {
    const line = spec.cells(row).map(copyText).join('\t');
    lines.push(line);
    size += line.length;
    if (size > 256_000) {
      yield lines.join('\n') + '\n';
      lines.length = 0;
      size = 0;
    }
  }
  if (lines.length) yield lines.join('\n') + '\n';
}

function copyText(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell !== 'string') return String(cell);
  return /[\\\t\n\r]/.test(cell) ? cell.replace(/[\\\t\n\r]/g, (char) => COPY_ESCAPES[char]) : cell;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// PostgreSQL allows 65,535 bind parameters per statement.
const MAX_PARAMETERS = 60_000;

async function insertRows<Row>(manager: EntityManager, spec: BulkTable<Row>): Promise<void> {
  const width = spec.columns.length;
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
  for (let start = 0; start < spec.rows.length; start += rowsPerStatement) {
    const batch = spec.rows.slice(start, start + rowsPerStatement);
    const values: Cell[] = [];
    const tuples = batch.map((row, index) => {
      values.push(...spec.cells(row));
      const offset = index * width;
      return `(${spec.columns.map((_, column) => `$${offset + column + 1}`).join(', ')})`;
    });
    await manager.query(`INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}
