import { isAscii } from 'node:buffer';
import { to as copyTo } from 'pg-copy-streams';
import type { Assignment, Person, Position, Responsibility, SnapshotData } from '@rolemap/domain';
import type { DataSource } from 'typeorm';
import type { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';

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
  snapshot: OrgSnapshotEntity,
  options: { responsibilities?: boolean; forDiff?: boolean } = {},
): Promise<SnapshotData> {
  // COPY takes no bind parameters: the id goes into the statement, so it must be a UUID.
  if (!UUID.test(snapshot.id)) throw new Error(`loadSnapshotData: "${snapshot.id}" is not a snapshot id`);
  const where = `snapshot_id = '${snapshot.id}'`;
  const positions: Position[] = [];
  const people: Person[] = [];
  const assignments: Assignment[] = [];
  const responsibilities: Responsibility[] = [];
  // One pool per kind of value (see ColumnSharing); tiers, levels and their sources share one.
  const titles = new Map<string, string>();
  const levels = new Map<string, string>();
  const departments = new Map<string, string>();
  const locations = new Map<string, string>();
  const grades = new Map<string, string>();
  const responsibilityTitles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  await Promise.all([
    options.forDiff
      ? copyOut(
          dataSource,
          `SELECT id, external_id, title, department, tier, tier_source, reports_to_id, grade
           FROM position WHERE ${where} ORDER BY depth, external_id`,
          (row) =>
            positions.push({
              id: row[0] as string,
              externalId: row[1] as string,
              title: row[2] as string,
              department: row[3],
              location: null,
              tier: row[4] as Position['tier'],
              tierSource: row[5] as Position['tierSource'],
              fte: 1,
              reportsToId: row[6],
              vacant: false,
              grade: row[7],
            }),
          [null, null, titles, departments, levels, levels, null, grades],
        )
      : copyOut(
          dataSource,
          // Dotted lines ride along as one comma-joined field, so they cost no statement of their own.
          `SELECT id, external_id, title, department, location, tier, tier_source, fte, reports_to_id, vacant, grade,
                  (SELECT string_agg(d.manager_position_id::text, ',' ORDER BY d.manager_position_id)
                     FROM position_dotted_line d WHERE d.snapshot_id = position.snapshot_id AND d.position_id = position.id)
           FROM position WHERE ${where} ORDER BY depth, external_id`,
          (row) =>
            positions.push({
              id: row[0] as string,
              externalId: row[1] as string,
              title: row[2] as string,
              department: row[3],
              location: row[4],
              tier: row[5] as Position['tier'],
              tierSource: row[6] as Position['tierSource'],
              fte: Number(row[7]),
              reportsToId: row[8],
              vacant: row[9] === 't',
              grade: row[10],
              ...(row[11] ? { dottedLineManagerIds: row[11].split(',') } : {}),
            }),
          [null, null, titles, departments, locations, levels, levels, null, null, null, grades],
        ),
    options.forDiff
      ? copyOut(dataSource, `SELECT id, employee_id, name FROM person WHERE ${where}`, (row) =>
          people.push({
            id: row[0] as string,
            employeeId: row[1] as string,
            name: row[2] as string,
            email: null,
            hireDate: null,
          }),
        )
      : copyOut(dataSource, `SELECT id, employee_id, name, email, hire_date FROM person WHERE ${where}`, (row) =>
          people.push({
            id: row[0] as string,
            employeeId: row[1] as string,
            name: row[2] as string,
            email: row[3],
            hireDate: row[4],
          }),
        ),
    options.forDiff
      ? copyOut(dataSource, `SELECT person_id, position_id FROM assignment WHERE ${where}`, (row) =>
          assignments.push({
            personId: row[0] as string,
            positionId: row[1] as string,
            roleStartDate: null,
            previousTitle: null,
            lastPromotionDate: null,
            performanceRating: null,
          }),
        )
      : copyOut(
          dataSource,
          `SELECT person_id, position_id, role_start_date, previous_title, last_promotion_date, performance_rating
           FROM assignment WHERE ${where}`,
          (row) =>
            assignments.push({
              personId: row[0] as string,
              positionId: row[1] as string,
              roleStartDate: row[2],
              previousTitle: row[3],
              lastPromotionDate: row[4],
              performanceRating: row[5] === null ? null : Number(row[5]),
            }),
          [null, null, null, titles],
        ),
    options.responsibilities === false || options.forDiff
      ? null
      : copyOut(
          dataSource,
          `SELECT id, position_id, title, description, value_level, value_level_source, classification_confidence,
              share_pct, held_since
       FROM responsibility WHERE ${where} ORDER BY position_id, id`,
          (row) =>
            responsibilities.push({
              id: row[0] as string,
              positionId: row[1] as string,
              title: row[2] as string,
              description: row[3],
              valueLevel: row[4] as Responsibility['valueLevel'],
              valueLevelSource: row[5] as Responsibility['valueLevelSource'],
              classificationConfidence: Number(row[6]),
              sharePct: Number(row[7]),
              heldSince: row[8],
            }),
          // A position's responsibilities come one after another: they share its id's string.
          [null, SAME_AS_ROW_BEFORE, responsibilityTitles, descriptions, levels, levels],
        ),
  ]);
  return {
    organizationId: snapshot.organizationId,
    snapshotId: snapshot.id,
    asOf: snapshot.asOf,
    people,
    positions,
    assignments,
    responsibilities,
  };
}

/**
 * How a column's text becomes its value: as read (null); the previous row's string when the text
 * is the same (SAME_AS_ROW_BEFORE); or that, else one string per distinct value from the pool
 * given. Titles, departments, levels and the like repeat across the chart: pooled, lookups keyed
 * by them (titles, in the rules) compare the same string, and the heap holds a few thousand
 * strings instead of a million.
 */
type ColumnSharing = null | typeof SAME_AS_ROW_BEFORE | Map<string, string>;
const SAME_AS_ROW_BEFORE = true;

/** Twice V8's largest young-generation object (128 KiB): a block stays above it after leaving a part row for the next. */
const TEXT_BLOCK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/** A pool stops growing here (free-text columns, such as descriptions, may barely repeat): later new values are kept as read. */
const POOL_LIMIT = 20_000;

function pooled(pool: Map<string, string>, value: string): string {
  const known = pool.get(value);
  if (known !== undefined) return known;
  if (pool.size < POOL_LIMIT) pool.set(value, value);
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `COPY (select) TO STDOUT` on a connection of its own and hands each row's fields to
 * `onRow` (null for SQL NULL; dates come as YYYY-MM-DD, booleans as t/f). The fields array is
 * reused from row to row.
 */
async function copyOut(
  dataSource: DataSource,
  select: string,
  onRow: (fields: (string | null)[]) => void,
  sharing: readonly ColumnSharing[] = [],
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    // In a transaction of its own: the tenant scope is set per transaction (tenant-scope.ts).
    await runner.startTransaction();
    // These reads run once per snapshot and are cheap to plan: the JIT compiler took longer than
    // the positions' query itself (0.7 of 1.1 s at 100k). Ends with this transaction. (work_mem
    // stays as configured: a sort in memory instead of on disk orders a position's
    // responsibilities of equal rank differently, and the findings list them in that order.)
    await runner.query(`SELECT set_config('jit', 'off', true)`);
    const client = (await runner.connect()) as { query(stream: unknown): NodeJS.ReadableStream };
    const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
    const fields: (string | null)[] = [];
    // The fields are slices of the decoded text, so the text lives as long as the snapshot. Read
    // in blocks of at least TEXT_BLOCK_BYTES, each is decoded into a string of V8's large-object
    // space, which the young-generation collector promotes without copying; the network's 64 KB
    // chunks made strings it copied twice, over 100 MB of them at 100k people. A block ends at
    // its last newline (a byte no UTF-8 sequence contains), so each decodes whole lines on its
    // own, and one of ASCII only (most are) is copied as Latin-1 instead of decoded.
    const readBlock = (bytes: Buffer) => {
      const text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
      let start = 0;
      for (let end = text.indexOf('\n', start); end !== -1; end = text.indexOf('\n', start)) {
        readLine(text, start, end, fields, sharing);
        onRow(fields);
        start = end + 1;
      }
    };
    const pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const chunk of stream) {
      pending.push(chunk as Buffer);
      pendingBytes += (chunk as Buffer).length;
      if (pendingBytes < TEXT_BLOCK_BYTES) continue;
      const block = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      const cut = block.lastIndexOf(NEWLINE) + 1;
      pending.length = 0;
      pendingBytes = 0;
      if (cut === 0) {
        // A single row longer than a block: wait for its end.
        pending.push(block);
        pendingBytes = block.length;
        continue;
      }
      readBlock(block.subarray(0, cut));
      if (cut < block.length) {
        pending.push(block.subarray(cut));
        pendingBytes = block.length - cut;
      }
    }
    const last = Buffer.concat(pending, pendingBytes);
    if (last.length > 0 && last[last.length - 1] !== NEWLINE) throw new Error('COPY output ended inside a row');
    readBlock(last);
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}

/**
 * Splits one line of COPY text format into `fields`, undoing its backslash escapes, each column
 * as `sharing` says. `fields` holds the previous line's values on entry: a shared column whose
 * text equals the previous value keeps that string (compared in place, nothing allocated).
 */
function readLine(text: string, start: number, end: number, fields: (string | null)[], sharing: readonly ColumnSharing[]): void {
  let column = 0;
  let from = start;
  while (true) {
    const tab = text.indexOf('\t', from);
    const to = tab === -1 || tab > end ? end : tab;
    const shared = column < sharing.length ? sharing[column] : null;
    const previous = shared && column < fields.length ? fields[column] : null;
    // A previous value without a backslash matches only text that needs no unescaping.
    const repeated =
      previous !== null && previous.length === to - from && text.startsWith(previous, from) && !previous.includes('\\');
    if (!repeated) {
      const field = text.slice(from, to);
      const value = field === '\\N' ? null : field.includes('\\') ? unescapeCopyText(field) : field;
      fields[column] = value === null || shared === null || shared === SAME_AS_ROW_BEFORE ? value : pooled(shared, value);
    }
    column++;
    if (to === end) break;
    from = to + 1;
  }
  fields.length = column;
}

const COPY_ESCAPE = /\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g;
const COPY_CHARACTERS: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

export function unescapeCopyText(field: string): string {
  return field.replace(COPY_ESCAPE, (_match, octal?: string, hex?: string, char?: string) => {
    if (octal !== undefined) return String.fromCharCode(parseInt(octal, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return COPY_CHARACTERS[char as string] ?? (char as string);
  });
}
