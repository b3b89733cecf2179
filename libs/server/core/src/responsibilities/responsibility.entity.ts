import { RESPONSIBILITY_LEVELS, VALUE_LEVEL_SOURCES, type ResponsibilityLevel, type ValueLevelSource } from '@rolemap/domain';
import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { oneOf } from '../database/check-expressions';

// Bulk loaded with COPY and never changed: references are checked by the importer and indexed,
// not enforced row by row with foreign keys (see the initial migration).
@Entity({ name: 'responsibility' })
// One index serves both ways responsibilities are read: a whole snapshot, and some positions of a snapshot.
@Index('responsibility_snapshot_position_idx', ['snapshotId', 'positionId'])
@Check('responsibility_value_level_check', oneOf('value_level', RESPONSIBILITY_LEVELS))
@Check('responsibility_value_level_source_check', oneOf('value_level_source', VALUE_LEVEL_SOURCES))
@Check('responsibility_share_pct_check', 'share_pct >= 0 AND share_pct <= 100')
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
  /** One of the four value levels, or UNCLASSIFIED while the classifier abstains (needs review). */
  valueLevel: ResponsibilityLevel;

  @Column({ name: 'value_level_source', type: 'text' })
  valueLevelSource: ValueLevelSource;

  @Column({ name: 'classification_confidence', type: 'real' })
  classificationConfidence: number;

  @Column({ name: 'share_pct', type: 'real' })
  sharePct: number;

  @Column({ name: 'held_since', type: 'date', nullable: true })
  heldSince: string | null;
}
