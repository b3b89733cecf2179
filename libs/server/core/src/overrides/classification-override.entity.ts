import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OverrideKind = 'TIER' | 'VALUE_LEVEL';

/**
 * HR's correction of a position's tier (subject: the position's external id) or of a
 * responsibility's value level (subject: responsibilityKey(employeeId, title)), kept across
 * snapshots. Rows are appended; the newest per subject is in force and a null value clears it.
 */
@Entity({ name: 'classification_override' })
export class ClassificationOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  kind: OverrideKind;

  @Column({ name: 'subject_key', type: 'text' })
  subjectKey: string;

  @Column({ type: 'text', nullable: true })
  value: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
