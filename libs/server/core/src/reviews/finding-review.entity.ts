import { REVIEW_STATUSES, type ReviewStatus } from '@rolemap/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';

/**
 * Reviews are appended, never updated: the latest row per finding key is the current
 * status, and the history shows who changed their mind and why.
 */
@Entity({ name: 'finding_review' })
@Check('finding_review_status_check', oneOf('status', REVIEW_STATUSES))
// reviewed_at is descending in the migration: the latest review per key is what is read.
@Index('finding_review_key_idx', ['organizationId', 'findingKey', 'reviewedAt'])
export class FindingReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'finding_review_organization_id_fkey' })
  organization?: OrganizationEntity;

  @Column({ name: 'finding_key', type: 'text' })
  findingKey: string;

  @Column({ type: 'text' })
  status: ReviewStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text', nullable: true })
  reviewer: string | null;

  @CreateDateColumn({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt: Date;
}
