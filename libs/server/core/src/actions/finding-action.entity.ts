import { ACTION_STATUSES, ACTION_STEPS, type ActionStatus, type ActionStep } from '@rolemap/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';
import { FindingReviewEntity } from '../reviews/finding-review.entity';

/**
 * What an accepted finding leads to: who, by when, which step. Kept by finding key like the
 * reviews, so a later snapshot without the finding closes it. It belongs to the decision that
 * created it: erasing the person erases their reviews and, with them, these.
 */
@Entity({ name: 'finding_action' })
@Check('finding_action_step_check', oneOf('step', ACTION_STEPS))
@Check('finding_action_status_check', oneOf('status', ACTION_STATUSES))
@Index('finding_action_organization_status_idx', ['organizationId', 'status', 'dueOn'])
@Index('finding_action_key_idx', ['organizationId', 'findingKey'])
@Index('finding_action_review_id_idx', ['reviewId'])
export class FindingActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'finding_action_pkey' })
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'finding_action_organization_id_fkey' })
  organization?: OrganizationEntity;

  @Column({ name: 'finding_key', type: 'text' })
  findingKey: string;

  /** The employee id of the finding's subject, or the vacant post's reference (as in the key). */
  @Column({ name: 'subject_ref', type: 'text' })
  subjectRef: string;

  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @ManyToOne(() => FindingReviewEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'finding_action_review_id_fkey' })
  review?: FindingReviewEntity;

  /** The snapshot the finding was accepted in. */
  @Column({ name: 'snapshot_id', type: 'uuid', nullable: true })
  snapshotId: string | null;

  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ type: 'text' })
  step: ActionStep;

  @Column({ name: 'delegate_to', type: 'text', nullable: true })
  delegateTo: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', default: 'OPEN' })
  status: ActionStatus;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  updatedAt: Date;

  /** The later snapshot in which the finding was gone, when that closed the action. */
  @Column({ name: 'resolved_snapshot_id', type: 'uuid', nullable: true })
  resolvedSnapshotId: string | null;
}
