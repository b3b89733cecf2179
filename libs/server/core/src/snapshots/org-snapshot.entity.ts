import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'org_snapshot' })
export class OrgSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ name: 'source_file_name', type: 'text', nullable: true })
  sourceFileName: string | null;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;

  @Column({ name: 'people_count', type: 'int' })
  peopleCount: number;

  @Column({ name: 'position_count', type: 'int' })
  positionCount: number;

  @Column({ name: 'responsibility_count', type: 'int' })
  responsibilityCount: number;
}
