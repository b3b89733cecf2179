import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The bytes of every file a user uploaded, kept so nothing uploaded is ever lost. */
@Entity({ name: 'uploaded_file' })
export class UploadedFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'snapshot_id', type: 'uuid', nullable: true })
  snapshotId: string | null;

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
