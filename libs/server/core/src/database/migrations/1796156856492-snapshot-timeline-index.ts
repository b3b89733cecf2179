import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots are ordered by the date they describe, then by import (snapshot-order.ts): the
 * latest snapshot, the one before a given snapshot and the one an import follows are each
 * found by one probe of this index.
 */
export class SnapshotTimelineIndex1796156856492 implements MigrationInterface {
  name = 'SnapshotTimelineIndex1796156856492';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX org_snapshot_timeline_idx ON org_snapshot (organization_id, as_of, version)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX org_snapshot_timeline_idx');
  }
}
