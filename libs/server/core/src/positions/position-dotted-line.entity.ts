import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A dotted-line (matrix) reporting line of one snapshot: `position_id` also answers to
 * `manager_position_id`, beside its solid-line manager. Bulk loaded with the positions and never
 * changed, so, like them, references are checked by the importer rather than by foreign keys.
 */
@Entity({ name: 'position_dotted_line' })
@Index('position_dotted_line_manager_idx', ['snapshotId', 'managerPositionId'])
export class PositionDottedLineEntity {
  @PrimaryColumn({ name: 'snapshot_id', type: 'uuid', primaryKeyConstraintName: 'position_dotted_line_pkey' })
  snapshotId: string;

  @PrimaryColumn({ name: 'position_id', type: 'uuid', primaryKeyConstraintName: 'position_dotted_line_pkey' })
  positionId: string;

  @PrimaryColumn({ name: 'manager_position_id', type: 'uuid', primaryKeyConstraintName: 'position_dotted_line_pkey' })
  managerPositionId: string;
}
