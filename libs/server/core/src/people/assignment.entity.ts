import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'assignment' })
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
