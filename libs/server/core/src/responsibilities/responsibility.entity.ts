import type { ValueLevel, ValueLevelSource } from '@rolemap/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'responsibility' })
export class ResponsibilityEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'snapshot_id', type: 'uuid' })
  snapshotId: string;

  @Column({ name: 'position_id', type: 'uuid' })
  positionId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'value_level', type: 'text' })
  valueLevel: ValueLevel;

  @Column({ name: 'value_level_source', type: 'text' })
  valueLevelSource: ValueLevelSource;

  @Column({ name: 'classification_confidence', type: 'real' })
  classificationConfidence: number;

  @Column({ name: 'share_pct', type: 'real' })
  sharePct: number;

  @Column({ name: 'held_since', type: 'date', nullable: true })
  heldSince: string | null;
}
