import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantIsolation, enableTenantIsolation } from '../tenant-isolation';

/**
 * Role purposes: the paragraph HR writes for a job title or one post of an organization, kept
 * across snapshots (keyed by the title, or by the post's key that positions keep from snapshot
 * to snapshot). Under tenant isolation like every table that hangs off an organization.
 */
export class RolePurposes1796440000000 implements MigrationInterface {
  name = 'RolePurposes1796440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE role_purpose (
        organization_id uuid NOT NULL,
        applies_to text NOT NULL,
        role_key text NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        set_by text,
        set_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT role_purpose_pkey PRIMARY KEY (organization_id, applies_to, role_key),
        CONSTRAINT role_purpose_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT role_purpose_applies_to_check CHECK (applies_to IN ('TITLE', 'POSITION'))
      )`);
    await enableTenantIsolation(queryRunner, 'role_purpose', { column: 'organization_id', parent: 'organization' });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, 'role_purpose');
    await queryRunner.query('DROP TABLE role_purpose');
  }
}
