import type { StreamedSnapshot } from '@rolemap/analysis';
import type { Assignment, Person, Position, Responsibility, SnapshotData } from '@rolemap/domain';
import type { EntityManager } from 'typeorm';
import { OrgSnapshotEntity, copyIntoOwnSnapshot } from '@rolemap/server-core';
import { type BulkPath, bulkInsert } from './bulk-insert';

export interface SnapshotMeta {
  label: string | null;
  asOf: string;
  sourceFileName: string | null;
  contentHash: string;
}

/**
 * Writes one snapshot inside the caller's transaction: the snapshot row with the next version
 * number for the organization, then positions, dotted lines, people, assignments and
 * responsibilities in bulk.
 * The caller holds the organization's lock (`lockOrganization`), so the version is unique.
 * A streamed snapshot's responsibilities are built as they are written, never all held.
 */
export async function writeSnapshot(
  manager: EntityManager,
  useCopy: BulkPath,
  data: SnapshotData | StreamedSnapshot,
  meta: SnapshotMeta,
): Promise<OrgSnapshotEntity> {
  const streamed = typeof data.responsibilities === 'function';
  const snapshot = await writeSnapshotChart(manager, useCopy, data, {
    ...meta,
    responsibilityCount: streamed
      ? (data as StreamedSnapshot).responsibilityCount
      : (data as SnapshotData).responsibilities.length,
  });
  await writeResponsibilities(
    manager,
    useCopy,
    data.snapshotId,
    streamed ? (data as StreamedSnapshot).responsibilities() : (data as SnapshotData).responsibilities,
  );
  return snapshot;
}

/** The snapshot's chart; what the row says about its responsibilities is given here, or set by `completeSnapshot`. */
export type SnapshotChartData = Omit<SnapshotData, 'responsibilities'>;

/**
 * The first half of `writeSnapshot`: the snapshot row, its positions, dotted lines, people and
 * assignments. An importer writes this while the responsibilities file is still being read.
 */
export async function writeSnapshotChart(
  manager: EntityManager,
  useCopy: BulkPath,
  data: SnapshotChartData,
  meta: SnapshotMeta & { responsibilityCount: number },
): Promise<OrgSnapshotEntity> {
  const [{ next }] = await manager.query(
    'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM org_snapshot WHERE organization_id = $1',
    [data.organizationId],
  );
  const snapshot = manager.getRepository(OrgSnapshotEntity).create({
    id: data.snapshotId,
    organizationId: data.organizationId,
    version: Number(next),
    label: meta.label,
    asOf: meta.asOf,
    sourceFileName: meta.sourceFileName,
    contentHash: meta.contentHash,
    peopleCount: data.people.length,
    positionCount: data.positions.length,
    responsibilityCount: meta.responsibilityCount,
  });
  await manager.getRepository(OrgSnapshotEntity).insert(snapshot);
  const depths = positionDepths(data.positions);
  const snapshotId = data.snapshotId;

  const writeRows = async () => {
    await bulkInsert<Position>(manager, useCopy, {
      table: 'position',
      columns: [
        'id',
        'snapshot_id',
        'external_id',
        'title',
        'department',
        'location',
        'tier',
        'tier_source',
        'grade',
        'fte',
        'reports_to_id',
        'vacant',
        'depth',
      ],
      rows: data.positions,
      cells: (p) => [
        p.id,
        snapshotId,
        p.externalId,
        p.title,
        p.department,
        p.location,
        p.tier,
        p.tierSource,
        p.grade ?? null,
        p.fte,
        p.reportsToId,
        p.vacant,
        depths.get(p.id) ?? 0,
      ],
    });
    await bulkInsert<[positionId: string, managerPositionId: string]>(manager, useCopy, {
      table: 'position_dotted_line',
      columns: ['snapshot_id', 'position_id', 'manager_position_id'],
      // An array, so a chart without dotted lines sends no statement at all.
      rows: [...dottedLinesOf(data.positions)],
      cells: ([positionId, managerPositionId]) => [snapshotId, positionId, managerPositionId],
    });
    await bulkInsert<Person>(manager, useCopy, {
      table: 'person',
      columns: ['id', 'snapshot_id', 'employee_id', 'name', 'email', 'hire_date'],
      rows: data.people,
      cells: (p) => [p.id, snapshotId, p.employeeId, p.name, p.email, p.hireDate],
    });
    await bulkInsert<Assignment>(manager, useCopy, {
      table: 'assignment',
      columns: [
        'person_id',
        'position_id',
        'snapshot_id',
        'role_start_date',
        'previous_title',
        'last_promotion_date',
        'performance_rating',
      ],
      rows: data.assignments,
      cells: (a) => [
        a.personId,
        a.positionId,
        snapshotId,
        a.roleStartDate,
        a.previousTitle,
        a.lastPromotionDate,
        a.performanceRating,
      ],
    });
  };
  // COPY is refused under row-level security: it runs as the owner, into this tenant's own new snapshot.
  await (useCopy ? copyIntoOwnSnapshot(manager, snapshotId, writeRows) : writeRows());
  return snapshot;
}

/** The second half of `writeSnapshot`: the responsibilities, in bulk (a generator is built as it is written). */
export async function writeResponsibilities(
  manager: EntityManager,
  useCopy: BulkPath,
  snapshotId: string,
  responsibilities: Iterable<Responsibility>,
): Promise<void> {
  const writeRows = () =>
    bulkInsert<Responsibility>(manager, useCopy, {
      table: 'responsibility',
      columns: [
        'id',
        'snapshot_id',
        'position_id',
        'title',
        'description',
        'value_level',
        'value_level_source',
        'classification_confidence',
        'share_pct',
        'held_since',
      ],
      rows: responsibilities,
      cells: (r) => [
        r.id,
        snapshotId,
        r.positionId,
        r.title,
        r.description,
        r.valueLevel,
        r.valueLevelSource,
        r.classificationConfidence,
        r.sharePct,
        r.heldSince,
      ],
    });
  await (useCopy ? copyIntoOwnSnapshot(manager, snapshotId, writeRows) : writeRows());
}

/** What a chart written before its responsibilities were known could not say yet. */
export async function completeSnapshot(
  manager: EntityManager,
  snapshot: OrgSnapshotEntity,
  completion: { contentHash: string; responsibilityCount: number },
): Promise<void> {
  await manager.getRepository(OrgSnapshotEntity).update({ id: snapshot.id }, completion);
  Object.assign(snapshot, completion);
}

/** Each dotted line once (a manager named twice on one row is one line), as the table's rows. */
function* dottedLinesOf(positions: readonly Position[]): Generator<[string, string]> {
  for (const position of positions) {
    if (!position.dottedLineManagerIds) continue;
    for (const managerId of new Set(position.dottedLineManagerIds)) yield [position.id, managerId];
  }
}

/** Depth of every position (roots are 0), breadth-first so very deep charts cannot overflow the stack. */
export function positionDepths(positions: readonly Position[]): Map<string, number> {
  const children = new Map<string | null, string[]>();
  for (const position of positions) {
    const parent = position.reportsToId;
    const list = children.get(parent);
    if (list) list.push(position.id);
    else children.set(parent, [position.id]);
  }
  const depths = new Map<string, number>();
  const queue = [...(children.get(null) ?? [])];
  for (const id of queue) depths.set(id, 0);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    const depth = depths.get(id) as number;
    for (const child of children.get(id) ?? []) {
      depths.set(child, depth + 1);
      queue.push(child);
    }
  }
  return depths;
}
