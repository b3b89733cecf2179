import type { Assignment, Person, Position, Responsibility, SnapshotData } from '@rolemap/domain';
import { type ColumnSharing, SAME_AS_ROW_BEFORE } from './copy-text';

/**
 * Run in each read's transaction before its COPY. These reads run once per snapshot and are cheap
 * to plan: the JIT compiler took longer than the positions' query itself (0.7 of 1.1 s at 100k).
 * Ends with the transaction. (work_mem stays as configured: a sort in memory instead of on disk
 * orders a position's responsibilities of equal rank differently, and the findings list them in
 * that order.)
 */
export const READ_SETTINGS = `SELECT set_config('jit', 'off', true)`;

/** One of the loader's reads: the SELECT behind its `COPY … TO STDOUT`, and where each row goes. */
export interface SnapshotRead {
  select: string;
  onRow: (fields: (string | null)[]) => void;
  sharing?: readonly ColumnSharing[];
}

/** What a snapshot's reads fill, and the snapshot they make once every read is done. */
export interface SnapshotReads {
  reads: SnapshotRead[];
  data: SnapshotData;
}

/** The snapshot row as the loader needs it (an OrgSnapshotEntity will do). */
export interface SnapshotRef {
  id: string;
  organizationId: string;
  asOf: string;
}

export interface SnapshotReadOptions {
  responsibilities?: boolean;
  forDiff?: boolean;
}

/**
 * The reads of one snapshot (see `loadSnapshotData` for what the options leave out), each filling
 * its part of `data`. Plain: whoever runs the COPY statements may hand their text to another
 * thread that calls the same reads.
 */
export function snapshotReads(snapshot: SnapshotRef, options: SnapshotReadOptions = {}): SnapshotReads {
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
  const reads: (SnapshotRead | null)[] = [
    options.forDiff
      ? {
          select: `SELECT id, external_id, title, department, tier, tier_source, reports_to_id, grade
           FROM position WHERE ${where} ORDER BY depth, external_id`,
          onRow: (row) =>
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
          sharing: [null, null, titles, departments, levels, levels, null, grades],
        }
      : {
          // Dotted lines ride along as one comma-joined field, so they cost no statement of their own.
          select: `SELECT id, external_id, title, department, location, tier, tier_source, fte, reports_to_id, vacant, grade,
                  (SELECT string_agg(d.manager_position_id::text, ',' ORDER BY d.manager_position_id)
                     FROM position_dotted_line d WHERE d.snapshot_id = position.snapshot_id AND d.position_id = position.id)
           FROM position WHERE ${where} ORDER BY depth, external_id`,
          onRow: (row) =>
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
          sharing: [null, null, titles, departments, locations, levels, levels, null, null, null, grades],
        },
    options.forDiff
      ? {
          select: `SELECT id, employee_id, name FROM person WHERE ${where}`,
          onRow: (row) =>
            people.push({
              id: row[0] as string,
              employeeId: row[1] as string,
              name: row[2] as string,
              email: null,
              hireDate: null,
            }),
        }
      : {
          select: `SELECT id, employee_id, name, email, hire_date FROM person WHERE ${where}`,
          onRow: (row) =>
            people.push({
              id: row[0] as string,
              employeeId: row[1] as string,
              name: row[2] as string,
              email: row[3],
              hireDate: row[4],
            }),
        },
    options.forDiff
      ? {
          select: `SELECT person_id, position_id FROM assignment WHERE ${where}`,
          onRow: (row) =>
            assignments.push({
              personId: row[0] as string,
              positionId: row[1] as string,
              roleStartDate: null,
              previousTitle: null,
              lastPromotionDate: null,
              performanceRating: null,
            }),
        }
      : {
          select: `SELECT person_id, position_id, role_start_date, previous_title, last_promotion_date, performance_rating
           FROM assignment WHERE ${where}`,
          onRow: (row) =>
            assignments.push({
              personId: row[0] as string,
              positionId: row[1] as string,
              roleStartDate: row[2],
              previousTitle: row[3],
              lastPromotionDate: row[4],
              performanceRating: row[5] === null ? null : Number(row[5]),
            }),
          sharing: [null, null, null, titles],
        },
    options.responsibilities === false || options.forDiff
      ? null
      : {
          select: `SELECT id, position_id, title, description, value_level, value_level_source, classification_confidence,
              share_pct, held_since
       FROM responsibility WHERE ${where} ORDER BY position_id, id`,
          onRow: (row) =>
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
          sharing: [null, SAME_AS_ROW_BEFORE, responsibilityTitles, descriptions, levels, levels],
        },
  ];
  return {
    reads: reads.filter((read): read is SnapshotRead => read !== null),
    data: {
      organizationId: snapshot.organizationId,
      snapshotId: snapshot.id,
      asOf: snapshot.asOf,
      people,
      positions,
      assignments,
      responsibilities,
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
