import { ROLE_PURPOSE_SCOPES, type RolePurposeScope } from '@rolemap/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';

/**
 * HR's purpose paragraph for a job title (`role_key` = roleTitleKey(title)) or one post
 * (`role_key` = the position's external id) of an organization; every snapshot reads it.
 */
@Entity({ name: 'role_purpose' })
@Check('role_purpose_applies_to_check', oneOf('applies_to', ROLE_PURPOSE_SCOPES))
export class RolePurposeEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'role_purpose_pkey' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'role_purpose_organization_id_fkey' })
  organization?: OrganizationEntity;

  @PrimaryColumn({ name: 'applies_to', type: 'text', primaryKeyConstraintName: 'role_purpose_pkey' })
  appliesTo: RolePurposeScope;

  @PrimaryColumn({ name: 'role_key', type: 'text', primaryKeyConstraintName: 'role_purpose_pkey' })
  roleKey: string;

  /** The title as it read when HR wrote the purpose. */
  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'set_by', type: 'text', nullable: true })
  setBy: string | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  setAt: Date;
}
