import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrgSnapshotEntity } from '../snapshots/org-snapshot.entity';

/**
 * The bytes of every file a user uploaded, kept so nothing uploaded is ever lost, except by a
 * person's erasure (privacy), which deletes the files that contain them.
 */
@Entity({ name: 'uploaded_file' })
@Check('uploaded_file_kind_check', oneOf('kind', ['PEOPLE', 'RESPONSIBILITIES']))
@Check('uploaded_file_content_encoding_check', oneOf('content_encoding', ['identity', 'gzip']))
export class UploadedFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'uploaded_file_organization_id_fkey' })
  organization?: OrganizationEntity;

  @Column({ name: 'snapshot_id', type: 'uuid', nullable: true })
  snapshotId: string | null;

  // The bytes outlive their snapshot: nothing uploaded is ever lost.
  @ManyToOne(() => OrgSnapshotEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'uploaded_file_snapshot_id_fkey' })
  snapshot?: OrgSnapshotEntity | null;

  @Column({ type: 'text' })
  kind: 'PEOPLE' | 'RESPONSIBILITIES';

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** SHA-256 of the file as uploaded (before compression). */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'byte_size', type: 'int' })
  byteSize: number;

  /** `gzip` for everything rolemap stores; `identity` is accepted for rows written by hand. */
  @Column({ name: 'content_encoding', type: 'text' })
  contentEncoding: 'identity' | 'gzip';

  @Column({ type: 'bytea' })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
