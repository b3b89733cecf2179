import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lazy org chart's lookups at 100k positions and beyond:
 * - a leader's reports within their snapshot, `(snapshot_id, reports_to_id)`: one index probe per
 *   node of a subtree walk and per page of children, instead of the reports_to_id-only index the
 *   planner would pass over for a scan of the whole snapshot;
 * - trigram indexes (pg_trgm) on what people search for (titles, departments, post references,
 *   names), so `ILIKE '%engineer%'` stops being a sequential scan.
 *
 * pg_trgm ships with PostgreSQL and with PGlite, and is a trusted extension (a database owner may
 * create it). Where it cannot be created (a managed server without contrib), the trigram indexes
 * are skipped with a notice and search still works, by sequential scan.
 */
export class ChartLookupIndexes1796256000000 implements MigrationInterface {
  name = 'ChartLookupIndexes1796256000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX position_snapshot_reports_to_idx ON position (snapshot_id, reports_to_id)');
    await queryRunner.query('DROP INDEX position_reports_to_idx');
    await queryRunner.query(`
      DO $$
      BEGIN
        BEGIN
          CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN OTHERS THEN
          RAISE NOTICE 'pg_trgm is not available (%): position search runs without trigram indexes', SQLERRM;
          RETURN;
        END;
        CREATE INDEX position_title_trgm_idx ON position USING gin (title gin_trgm_ops);
        CREATE INDEX position_department_trgm_idx ON position USING gin (department gin_trgm_ops);
        CREATE INDEX position_external_id_trgm_idx ON position USING gin (external_id gin_trgm_ops);
        CREATE INDEX person_name_trgm_idx ON person USING gin (name gin_trgm_ops);
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'person_name_trgm_idx',
      'position_external_id_trgm_idx',
      'position_department_trgm_idx',
      'position_title_trgm_idx',
    ]) {
      await queryRunner.query(`DROP INDEX IF EXISTS ${index}`);
    }
    // The extension stays: other objects may use it, and it holds no data.
    await queryRunner.query('CREATE INDEX position_reports_to_idx ON position (reports_to_id)');
    await queryRunner.query('DROP INDEX position_snapshot_reports_to_idx');
  }
}
