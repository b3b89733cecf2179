import type { ReviewStatus } from '@rolemap/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Reviews are appended, never updated: the latest row per finding key is the current
 * status, and the history shows who changed their mind and why.
 */
@Entity({ name: 'finding_review' })
export class FindingReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

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
