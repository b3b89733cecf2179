import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType('Person', { description: 'An employee as of one snapshot.' })
@Entity({ name: 'person' })
export class PersonEntity {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Field({ description: 'The HRIS employee id, stable across snapshots.' })
  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'hire_date', type: 'date', nullable: true })
  hireDate: string | null;
}
