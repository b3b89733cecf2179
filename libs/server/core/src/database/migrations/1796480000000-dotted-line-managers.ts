import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantIsolation, enableTenantIsolation } from '../tenant-isolation';

/**
 * Dotted-line managers: per snapshot, the positions a post also answers to beside its solid-line
 * manager. Keyed like the other snapshot tables by snapshot id, with the reverse look-up (a
 * manager's dotted-line reports) indexed; under the same tenant isolation as `position`.
 */
export class DottedLineManagers1796480000000 implements MigrationInterface {
  name = 'DottedLineManagers1796480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE position_dotted_line (
        snapshot_id uuid NOT NULL,
        position_id uuid NOT NULL,
        manager_position_id uuid NOT NULL,
        CONSTRAINT position_dotted_line_pkey PRIMARY KEY (snapshot_id, position_id, manager_position_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX position_dotted_line_manager_idx ON position_dotted_line (snapshot_id, manager_position_id)',
    );
    await enableTenantIsolation(queryRunner, 'position_dotted_line', { column: 'snapshot_id', parent: 'org_snapshot' });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, 'position_dotted_line');
    await queryRunner.query('DROP TABLE position_dotted_line');
  }
}
