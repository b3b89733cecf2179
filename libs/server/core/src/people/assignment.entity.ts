import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

// Bulk loaded with COPY and never changed: references are checked by the importer and indexed,
// not enforced row by row with foreign keys (see the initial migration).
@Entity({ name: 'assignment' })
@Index('assignment_position_idx', ['positionId'])
@Check('assignment_performance_rating_check', 'performance_rating BETWEEN 1 AND 5')
export class AssignmentEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Column({ name: 'role_start_date', type: 'date', nullable: true })
  roleStartDate: string | null;

  @Column({ name: 'previous_title', type: 'text', nullable: true })
  previousTitle: string | null;

  @Column({ name: 'last_promotion_date', type: 'date', nullable: true })
  lastPromotionDate: string | null;

  @Column({ name: 'performance_rating', type: 'real', nullable: true })
  performanceRating: number | null;
}
