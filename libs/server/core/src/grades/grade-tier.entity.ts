import { TIERS, type Tier } from '@rolemap/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';
import { OrganizationEntity } from '../organizations/organization.entity';

/**
 * HR's tier for one grade of one organization, by `gradeKey(grade)` ("SCS 1" and "scs1" are one
 * grade). Imports read the table: grades in it decide the tier before the title does.
 */
@Entity({ name: 'grade_tier' })
@Check('grade_tier_tier_check', oneOf('tier', TIERS))
export class GradeTierEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid', primaryKeyConstraintName: 'grade_tier_pkey' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'grade_tier_organization_id_fkey' })
  organization?: OrganizationEntity;

  @PrimaryColumn({ name: 'grade_key', type: 'text', primaryKeyConstraintName: 'grade_tier_pkey' })
  gradeKey: string;

  /** The grade as HR wrote it. */
  @Column({ type: 'text' })
  grade: string;

  @Column({ type: 'text' })
  tier: Tier;

  @Column({ name: 'set_by', type: 'text', nullable: true })
  setBy: string | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  setAt: Date;
}
