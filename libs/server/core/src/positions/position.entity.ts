import type { Tier, TierSource } from '@rolemap/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'position' })
export class PositionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  department: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'text' })
  tier: Tier;

  @Column({ name: 'tier_source', type: 'text' })
  tierSource: TierSource;

  @Column({ type: 'real' })
  fte: number;

  @Column({ name: 'reports_to_id', type: 'uuid', nullable: true })
  reportsToId: string | null;

  @Column({ type: 'boolean' })
  vacant: boolean;

  @Column({ type: 'int' })
  depth: number;
}
