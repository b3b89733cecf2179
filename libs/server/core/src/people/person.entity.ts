import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

// Bulk loaded with COPY and never changed: references are checked by the importer and indexed,
// not enforced row by row with foreign keys (see the initial migration).
@Entity({ name: 'person' })
@Unique('person_snapshot_id_employee_id_key', ['snapshotId', 'employeeId'])
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
