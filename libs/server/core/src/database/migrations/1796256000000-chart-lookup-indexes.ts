import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A leader's reports within their snapshot, `(snapshot_id, reports_to_id)`: one index probe per
 * node of a subtree walk, instead of the reports_to_id-only index the planner passed over for a
 * scan of the whole snapshot at every level (387 ms → a few ms for depth 3 at 100k).
 *
 * No trigram (pg_trgm) indexes for search: measured on the benchmark org, one on position titles
 * makes writing 100k rows about 10× slower (0.3 s → 3 s), four of them (titles, departments, post
 * references, names) 30×, on every import, while the chart's search runs over the analysis already
 * in memory. See bench/RESULTS.md.
 */
export class ChartLookupIndexes1796256000000 implements MigrationInterface {
  name = 'ChartLookupIndexes1796256000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX position_snapshot_reports_to_idx ON position (snapshot_id, reports_to_id)');
    await queryRunner.query('DROP INDEX position_reports_to_idx');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX position_reports_to_idx ON position (reports_to_id)');
    await queryRunner.query('DROP INDEX position_snapshot_reports_to_idx');
  }
}
