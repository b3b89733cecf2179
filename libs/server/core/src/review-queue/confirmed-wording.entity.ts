import { VALUE_LEVELS, type ValueLevel } from '@rolemap/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';

/**
 * Wording HR has confirmed a level for in one organization, by `confirmedTextKey(text)`: later
 * imports classify the same wording with it, and the analysis applies it to what the classifier
 * read in earlier snapshots. One row per wording (the latest confirmation); the per-person history
 * is in classification_override, which every confirmation also appends to.
 */
@Entity({ name: 'confirmed_wording' })
@Check('confirmed_wording_value_level_check', oneOf('value_level', VALUE_LEVELS))
export class ConfirmedWordingEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'confirmed_wording_pkey' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'confirmed_wording_organization_id_fkey' })
  organization?: OrganizationEntity;

  @PrimaryColumn({ name: 'text_key', type: 'text', primaryKeyConstraintName: 'confirmed_wording_pkey' })
  textKey: string;

  /** The wording as HR saw it when confirming (one of the texts with this key). */
  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'value_level', type: 'text' })
  valueLevel: ValueLevel;

  @Column({ name: 'confirmed_by', type: 'text', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  confirmedAt: Date;
}
