import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource } from 'typeorm';
import { type Caller, membershipIn, roleIn } from '../common/caller';
import { organizationOf } from './organization-of';

/** The snapshot a scope is computed in. */
export interface ScopedSnapshot {
  id: string;
  organizationId: string;
}

/** A condition on a position id column, for SQL the caller's scope must narrow. */
export interface ScopeCondition {
  /** e.g. `p.id IN (WITH RECURSIVE …)`, with named parameters :scopeSnapshotId and :scopeEmployeeId. */
  sql: string;
  parameters: Record<string, string>;
}

// The position the caller's person holds in the snapshot: found by HRIS employee id, which stays
// the same across snapshots while position ids do not.
const OWN_POSITION = `SELECT a.position_id AS id FROM person pe JOIN assignment a ON a.person_id = pe.id
  WHERE pe.snapshot_id = :scopeSnapshotId AND pe.employee_id = :scopeEmployeeId`;

const OWN_SUBTREE = `WITH RECURSIVE scope AS (
    ${OWN_POSITION}
    UNION ALL
    SELECT c.id FROM position c JOIN scope ON c.reports_to_id = scope.id WHERE c.snapshot_id = :scopeSnapshotId
  ) SELECT id FROM scope`;

/**
 * Which positions of a snapshot the caller may see: all of them for HR admins and viewers (who
 * see no sensitive fields), a leader's own subtree (a recursive CTE from the position their
 * person holds), an employee's own position. Applied in the SQL that lists positions and to
 * everything read by position (people, findings, chart nodes), so nothing outside the scope is
 * ever returned, whichever query asks.
 */
@Injectable()
export class PositionScopeService {
  // Callers are built per request, so this remembers each scope for one request.
  private readonly memo = new WeakMap<Caller, Map<string, Promise<ReadonlySet<string> | null>>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The SQL condition narrowing `column` to the caller's scope, or null when they see every position. */
  condition(caller: Caller, snapshot: ScopedSnapshot, column: string): ScopeCondition | null {
    const role = roleIn(caller, snapshot.organizationId);
    if (role === 'HR_ADMIN' || role === 'VIEWER') return null;
    const employeeId = membershipIn(caller, snapshot.organizationId)?.personExternalId ?? null;
    // No role or no person in this chart: nothing is in scope.
    if (!role || !employeeId) return { sql: 'false', parameters: {} };
    const positions = role === 'LEADER' ? OWN_SUBTREE : OWN_POSITION;
    return { sql: `${column} IN (${positions})`, parameters: { scopeSnapshotId: snapshot.id, scopeEmployeeId: employeeId } };
  }

  /** The position ids the caller may see in the snapshot, or null for all of them. */
  visible(caller: Caller, snapshot: ScopedSnapshot): Promise<ReadonlySet<string> | null> {
    let bySnapshot = this.memo.get(caller);
    if (!bySnapshot) {
      bySnapshot = new Map();
      this.memo.set(caller, bySnapshot);
    }
    let visible = bySnapshot.get(snapshot.id);
    if (!visible) {
      visible = this.load(caller, snapshot);
      bySnapshot.set(snapshot.id, visible);
    }
    return visible;
  }

  /** As `visible`, for a snapshot known only by id (the organization is looked up once per request). */
  async visibleInSnapshot(caller: Caller, snapshotId: string): Promise<ReadonlySet<string> | null> {
    if (caller.organizationIds === 'ALL') return null;
    const cached = this.memo.get(caller)?.get(snapshotId);
    if (cached) return cached;
    const organizationId = await organizationOf(this.dataSource.manager, 'snapshot', snapshotId);
    return organizationId ? this.visible(caller, { id: snapshotId, organizationId }) : new Set();
  }

  /** Refuses as NOT_FOUND, not FORBIDDEN: a leader learns nothing about people outside their subtree. */
  async assertVisible(caller: Caller, snapshot: ScopedSnapshot, positionId: string, notFound: string): Promise<void> {
    const visible = await this.visible(caller, snapshot);
    if (visible && !visible.has(positionId)) throw new DomainError('NOT_FOUND', notFound);
  }

  private async load(caller: Caller, snapshot: ScopedSnapshot): Promise<ReadonlySet<string> | null> {
    const condition = this.condition(caller, snapshot, 'p.id');
    if (!condition) return null;
    const rows: { id: string }[] = await this.dataSource
      .createQueryBuilder()
      .select('p.id', 'id')
      .from('position', 'p')
      .where('p.snapshot_id = :snapshotId', { snapshotId: snapshot.id })
      .andWhere(condition.sql, condition.parameters)
      .getRawMany();
    return new Set(rows.map((row) => row.id));
  }
}
