import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';

@Entity({ name: 'org_snapshot' })
@Unique('org_snapshot_organization_id_version_key', ['organizationId', 'version'])
@Index('org_snapshot_hash_idx', ['organizationId', 'contentHash'])
// The timeline order (snapshot-order.ts): latest and previous snapshot are one index probe each.
@Index('org_snapshot_timeline_idx', ['organizationId', 'asOf', 'version'])
export class OrgSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'org_snapshot_organization_id_fkey' })
  organization?: OrganizationEntity;

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
