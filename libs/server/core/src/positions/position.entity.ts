import { TIERS, TIER_SOURCES, type Tier, type TierSource } from '@rolemap/domain';
import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { oneOf } from '../database/check-expressions';

// Bulk loaded with COPY and never changed: references are checked by the importer and indexed,
// not enforced row by row with foreign keys (see the initial migration).
@Entity({ name: 'position' })
@Unique('position_snapshot_id_external_id_key', ['snapshotId', 'externalId'])
@Index('position_snapshot_reports_to_idx', ['snapshotId', 'reportsToId'])
@Check('position_tier_check', oneOf('tier', TIERS))
@Check('position_tier_source_check', oneOf('tier_source', TIER_SOURCES))
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

  /** Grade or job level as imported (null when the file has none). */
  @Column({ type: 'text', nullable: true })
  grade: string | null;

  @Column({ type: 'real' })
  fte: number;

  @Column({ name: 'reports_to_id', type: 'uuid', nullable: true })
  reportsToId: string | null;

  @Column({ type: 'boolean' })
  vacant: boolean;

  @Column({ type: 'int' })
  depth: number;
}
