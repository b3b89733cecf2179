import type { Assignment, Person, Position, Responsibility, SnapshotData } from '@rolemap/domain';
import type { DataSource } from 'typeorm';
import type { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';

/**
 * Reads a whole snapshot into memory for the analysis with four plain SELECTs (no entity
 * hydration: 100k positions and 300k responsibilities must load in well under a second), as
 * the import wrote it. HR's overrides are a layer applied by the analysis (`applyOverrides`).
 */
export async function loadSnapshotData(dataSource: DataSource, snapshot: OrgSnapshotEntity): Promise<SnapshotData> {
  const id = snapshot.id;
  const [positionRows, personRows, assignmentRows, responsibilityRows] = await Promise.all([
    dataSource.query(
      `SELECT id, external_id, title, department, location, tier, tier_source, fte, reports_to_id, vacant
       FROM position WHERE snapshot_id = $1 ORDER BY depth, external_id`,
      [id],
    ),
    dataSource.query('SELECT id, employee_id, name, email, hire_date::text AS hire_date FROM person WHERE snapshot_id = $1', [
      id,
    ]),
    dataSource.query(
      `SELECT person_id, position_id, role_start_date::text AS role_start_date, previous_title,
              last_promotion_date::text AS last_promotion_date, performance_rating
       FROM assignment WHERE snapshot_id = $1`,
      [id],
    ),
    dataSource.query(
      `SELECT id, position_id, title, description, value_level, value_level_source, classification_confidence,
              share_pct, held_since::text AS held_since
       FROM responsibility WHERE snapshot_id = $1 ORDER BY position_id`,
      [id],
    ),
  ]);

  const positions: Position[] = positionRows.map((row: Record<string, any>) => ({
    id: row.id,
    externalId: row.external_id,
    title: row.title,
    department: row.department,
    location: row.location,
    tier: row.tier,
    tierSource: row.tier_source,
    fte: Number(row.fte),
    reportsToId: row.reports_to_id,
    vacant: row.vacant,
  }));
  const people: Person[] = personRows.map((row: Record<string, any>) => ({
    id: row.id,
    employeeId: row.employee_id,
    name: row.name,
    email: row.email,
    hireDate: row.hire_date,
  }));
  const assignments: Assignment[] = assignmentRows.map((row: Record<string, any>) => ({
    personId: row.person_id,
    positionId: row.position_id,
    roleStartDate: row.role_start_date,
    previousTitle: row.previous_title,
    lastPromotionDate: row.last_promotion_date,
    performanceRating: row.performance_rating === null ? null : Number(row.performance_rating),
  }));
  const responsibilities: Responsibility[] = responsibilityRows.map((row: Record<string, any>) => ({
    id: row.id,
    positionId: row.position_id,
    title: row.title,
    description: row.description,
    valueLevel: row.value_level,
    valueLevelSource: row.value_level_source,
    classificationConfidence: Number(row.classification_confidence),
    sharePct: Number(row.share_pct),
    heldSince: row.held_since,
  }));
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
