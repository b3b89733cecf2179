import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Actions that accepted findings lead to (owner, due date, planned step, status). Snapshot
 * references are kept loosely (no foreign key): a snapshot is never deleted on its own, only with
 * its organization, which takes these rows along.
 */
export class FindingActions1796340000000 implements MigrationInterface {
  name = 'FindingActions1796340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE finding_action (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        finding_key text NOT NULL,
        subject_ref text NOT NULL,
        review_id uuid NOT NULL,
        snapshot_id uuid,
        owner text NOT NULL,
        due_on date NOT NULL,
        step text NOT NULL,
        delegate_to text,
        note text,
        status text NOT NULL DEFAULT 'OPEN',
        created_by text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        resolved_snapshot_id uuid,
        CONSTRAINT finding_action_pkey PRIMARY KEY (id),
        CONSTRAINT finding_action_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT finding_action_review_id_fkey FOREIGN KEY (review_id) REFERENCES finding_review(id) ON DELETE CASCADE,
        CONSTRAINT finding_action_step_check CHECK (step IN ('DELEGATE', 'STOP_DOING', 'HIRE')),
        CONSTRAINT finding_action_status_check CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'))
      )`);
    await queryRunner.query(
      'CREATE INDEX finding_action_organization_status_idx ON finding_action (organization_id, status, due_on)',
    );
    await queryRunner.query('CREATE INDEX finding_action_key_idx ON finding_action (organization_id, finding_key)');
    await queryRunner.query('CREATE INDEX finding_action_review_id_idx ON finding_action (review_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE finding_action');
  }
}
