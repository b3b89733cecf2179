import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('Assignment', { description: 'A person holding a position, with the facts about their time in it.' })
@Entity({ name: 'assignment' })
export class AssignmentEntity {
  @Field(() => ID)
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field(() => ID)
  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'role_start_date', type: 'date', nullable: true })
  roleStartDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'previous_title', type: 'text', nullable: true })
  previousTitle: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'last_promotion_date', type: 'date', nullable: true })
  lastPromotionDate: string | null;

  @Field(() => Float, { nullable: true, description: '1 (low) to 5 (high); half points such as 3.5 are kept.' })
  @Column({ name: 'performance_rating', type: 'real', nullable: true })
  performanceRating: number | null;
}
