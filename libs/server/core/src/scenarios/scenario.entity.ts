import { SCENARIO_STATUSES, type ScenarioEdit, type ScenarioStatus } from '@rolemap/domain';
import type { EditProblem } from '@rolemap/analysis';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';

export const SCENARIO_KINDS = ['SCENARIO', 'DELEGATION_PLAN'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/**
 * A named what-if over one snapshot: an ordered list of edits (never a copy of the chart), kept
 * with a version that every change bumps, so two people editing at once cannot overwrite each
 * other (optimistic check). `scope_employee_id` is the leader's own post when a leader owns it:
 * its edits stay within that subtree.
 */
@Entity({ name: 'scenario' })
@Check('scenario_status_check', oneOf('status', SCENARIO_STATUSES))
@Check('scenario_kind_check', oneOf('kind', SCENARIO_KINDS))
@Index('scenario_organization_snapshot_idx', ['organizationId', 'snapshotId'])
export class ScenarioEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'scenario_organization_id_fkey' })
  organization?: OrganizationEntity;

  /** The snapshot the edits apply to (changed by a rebase). */
  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @ManyToOne(() => OrgSnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'scenario_snapshot_id_fkey' })
  snapshot?: OrgSnapshotEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'SCENARIO' })
  kind: ScenarioKind;

  @Column({ type: 'text', default: 'DRAFT' })
  status: ScenarioStatus;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The account that created it; null for the local operator. */
  @Column({ name: 'owner_account_id', type: 'uuid', nullable: true })
  ownerAccountId: string | null;

  @Column({ name: 'owner_name', type: 'text' })
  ownerName: string;

  /** Employee id heading the part of the chart the edits may touch; null for the whole chart (HR). */
  @Column({ name: 'scope_employee_id', type: 'text', nullable: true })
  scopeEmployeeId: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  edits: ScenarioEdit[];

  /** Edits a rebase could not carry to the newer snapshot, with why (kept for the owner to redo or drop). */
  @Column({ name: 'dropped_edits', type: 'jsonb', default: () => "'[]'" })
  droppedEdits: EditProblem[];

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  /** Who approved or rejected it, and when. */
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
