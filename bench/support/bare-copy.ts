import { snapshotFromRecords } from '@rolemap/analysis';
import type { generateSyntheticOrg } from '@rolemap/demo-data';
import type { DataSource } from 'typeorm';
import { acrossAllTenants } from '@rolemap/server-core';
import { bulkInsert } from '@rolemap/server-imports';

/**
 * The baseline: the same rows, COPY'd into index-free copies of the snapshot tables, as the
 * database's owner (no role switch, no row-level security).
 */
export function bareCopy(dataSource: DataSource, org: ReturnType<typeof generateSyntheticOrg>): Promise<number> {
  return acrossAllTenants(() => ownersBareCopy(dataSource, org));
}

async function ownersBareCopy(dataSource: DataSource, org: ReturnType<typeof generateSyntheticOrg>): Promise<number> {
  const data = snapshotFromRecords(org.people, org.responsibilities, {
    organizationId: '00000000-0000-0000-0000-000000000000',
    snapshotId: '00000000-0000-0000-0000-000000000001',
    asOf: '2026-11-01',
  });
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('DROP TABLE IF EXISTS bare_position, bare_person, bare_assignment, bare_responsibility');
    for (const table of ['position', 'person', 'assignment', 'responsibility']) {
      await runner.query(`CREATE TABLE bare_${table} (LIKE ${table} INCLUDING DEFAULTS)`);
    }
    const start = performance.now();
    await runner.startTransaction();
    const manager = runner.manager;
    const sid = data.snapshotId;
    await bulkInsert(manager, true, {
      table: 'bare_position',
      columns: [
        'id',
        'snapshot_id',
        'external_id',
        'title',
        'department',
        'location',
        'tier',
        'tier_source',
        'fte',
        'reports_to_id',
        'vacant',
        'depth',
      ],
      rows: data.positions,
      cells: (p) => [
        p.id,
        sid,
        p.externalId,
        p.title,
        p.department,
        p.location,
        p.tier,
        p.tierSource,
        p.fte,
        p.reportsToId,
        p.vacant,
        0,
      ],
    });
    await bulkInsert(manager, true, {
      table: 'bare_person',
      columns: ['id', 'snapshot_id', 'employee_id', 'name', 'email', 'hire_date'],
      rows: data.people,
      cells: (p) => [p.id, sid, p.employeeId, p.name, p.email, p.hireDate],
    });
    await bulkInsert(manager, true, {
      table: 'bare_assignment',
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
      cells: (a) => [a.personId, a.positionId, sid, a.roleStartDate, a.previousTitle, a.lastPromotionDate, a.performanceRating],
    });
    await bulkInsert(manager, true, {
      table: 'bare_responsibility',
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
      rows: data.responsibilities,
      cells: (r) => [
        r.id,
        sid,
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
    await runner.commitTransaction();
    const elapsed = performance.now() - start;
    await runner.query('DROP TABLE bare_position, bare_person, bare_assignment, bare_responsibility');
    return elapsed;
  } finally {
    await runner.release();
  }
}
