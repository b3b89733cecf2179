import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wording HR confirmed in the review queue, remembered per organization so later imports (and
 * analyses of earlier snapshots) classify the same text the same way.
 */
export class ConfirmedWording1796198400000 implements MigrationInterface {
  name = 'ConfirmedWording1796198400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE confirmed_wording (
        organization_id uuid NOT NULL,
        text_key text NOT NULL,
        text text NOT NULL,
        value_level text NOT NULL,
        confirmed_by text,
        confirmed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT confirmed_wording_pkey PRIMARY KEY (organization_id, text_key),
        CONSTRAINT confirmed_wording_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT confirmed_wording_value_level_check CHECK (value_level IN ('IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE confirmed_wording');
  }
}
