import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a manager's answers came from: the web form (FORM) or a team template HR uploaded
 * (OFFLINE). A column of an existing table: its row-level security already applies.
 */
export class OfflineSurveyAnswers1796400000000 implements MigrationInterface {
  name = 'OfflineSurveyAnswers1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE survey_response ADD COLUMN manager_source text NOT NULL DEFAULT 'FORM'`);
    await queryRunner.query(
      `ALTER TABLE survey_response ADD CONSTRAINT survey_response_manager_source_check CHECK (manager_source IN ('FORM', 'OFFLINE'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE survey_response DROP COLUMN manager_source');
  }
}
