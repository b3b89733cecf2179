import type { MigrationInterface, QueryRunner } from 'typeorm';

const FOUR_LEVELS = `'IMPLEMENTATION', 'UNIFICATION', 'COMMUNICATION', 'LEADERSHIP'`;

/**
 * Responsibilities may be stored UNCLASSIFIED: the classifier abstains below its calibrated
 * confidence and HR reviews them. Overrides keep their own check (only the four levels can be
 * confirmed). Going down fails while any UNCLASSIFIED row exists, rather than guessing a level.
 */
export class UnclassifiedValueLevel1796083200000 implements MigrationInterface {
  name = 'UnclassifiedValueLevel1796083200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE responsibility DROP CONSTRAINT responsibility_value_level_check`);
    await queryRunner.query(
      `ALTER TABLE responsibility ADD CONSTRAINT responsibility_value_level_check CHECK (value_level IN (${FOUR_LEVELS}, 'UNCLASSIFIED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE responsibility DROP CONSTRAINT responsibility_value_level_check`);
    await queryRunner.query(
      `ALTER TABLE responsibility ADD CONSTRAINT responsibility_value_level_check CHECK (value_level IN (${FOUR_LEVELS}))`,
    );
  }
}
