import { to as copyTo } from 'pg-copy-streams';
import type { Assignment, Person, Position, Responsibility, SnapshotData } from '@rolemap/domain';
import type { DataSource } from 'typeorm';
import type { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';
import { type ColumnSharing, SAME_AS_ROW_BEFORE, copyTextBlocks, copyTextReader } from './copy-text';

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
    await copyTextBlocks(stream as AsyncIterable<unknown>, copyTextReader(onRow, sharing));
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
