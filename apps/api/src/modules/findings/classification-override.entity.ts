import type { Tier, ValueLevel } from '@rolemap/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** HR's correction of a position's tier, kept across snapshots by the position's external id. */
@Entity({ name: 'tier_override' })
export class TierOverrideEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ type: 'text' })
  tier: Tier;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** HR's correction of a responsibility's value level, kept across snapshots by employee and title. */
@Entity({ name: 'value_level_override' })
export class ValueLevelOverrideEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'responsibility_key', type: 'text' })
  responsibilityKey: string;

  @Column({ name: 'value_level', type: 'text' })
  valueLevel: ValueLevel;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
