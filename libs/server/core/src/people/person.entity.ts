import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'person' })
export class PersonEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'hire_date', type: 'date', nullable: true })
  hireDate: string | null;
}
