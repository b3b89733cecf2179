import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grades: each position keeps the grade or job level it was imported with, a tier can come from
 * it (tier_source GRADE), and each organization keeps HR's grade → tier table, read by imports.
 */
export class Grades1796330000000 implements MigrationInterface {
  name = 'Grades1796330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE position ADD COLUMN grade text');
    await queryRunner.query('ALTER TABLE position DROP CONSTRAINT position_tier_source_check');
    await queryRunner.query(
      `ALTER TABLE position ADD CONSTRAINT position_tier_source_check CHECK (tier_source IN ('TITLE', 'STRUCTURE', 'OVERRIDE', 'GRADE'))`,
    );
    await queryRunner.query(`
      CREATE TABLE grade_tier (
        organization_id uuid NOT NULL,
        grade_key text NOT NULL,
        grade text NOT NULL,
        tier text NOT NULL,
        set_by text,
        set_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT grade_tier_pkey PRIMARY KEY (organization_id, grade_key),
        CONSTRAINT grade_tier_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT grade_tier_tier_check CHECK (tier IN ('IC', 'MANAGER', 'DIRECTOR', 'EXECUTIVE'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE grade_tier');
    await queryRunner.query(`UPDATE position SET tier_source = 'TITLE' WHERE tier_source = 'GRADE'`);
    await queryRunner.query('ALTER TABLE position DROP CONSTRAINT position_tier_source_check');
    await queryRunner.query(
      `ALTER TABLE position ADD CONSTRAINT position_tier_source_check CHECK (tier_source IN ('TITLE', 'STRUCTURE', 'OVERRIDE'))`,
    );
    await queryRunner.query('ALTER TABLE position DROP COLUMN grade');
  }
}
