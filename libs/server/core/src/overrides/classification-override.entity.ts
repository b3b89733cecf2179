import { TIERS, VALUE_LEVELS } from '@rolemap/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';

export const OVERRIDE_KINDS = ['TIER', 'VALUE_LEVEL'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

/**
 * HR's correction of a position's tier (subject: the position's external id) or of a
 * responsibility's value level (subject: responsibilityKey(employeeId, title)), kept across
 * snapshots. Rows are appended; the newest per subject is in force and a null value clears it.
 */
@Entity({ name: 'classification_override' })
@Check('classification_override_kind_check', oneOf('kind', OVERRIDE_KINDS))
@Check('classification_override_value_check', oneOf('value', [...TIERS, ...VALUE_LEVELS]))
// The migration orders created_at descending (the newest row per subject is read); TypeORM's
// schema comparison does not look at column order, so the entity names the columns only.
@Index('classification_override_subject_idx', ['organizationId', 'kind', 'subjectKey', 'createdAt'])
export class ClassificationOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'classification_override_organization_id_fkey' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  kind: OverrideKind;

  @Column({ name: 'subject_key', type: 'text' })
  subjectKey: string;

  @Column({ type: 'text', nullable: true })
  value: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy: string | null;

  // clock_timestamp(), not now(): two edits in one transaction must still come in order.
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
