import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs as their requesters see them (state, progress, outcome, file) and the uploads a
 * queued import reads. The queue itself is pg-boss's own schema, which pg-boss creates and migrates.
 */
export class BackgroundJobs1796370000000 implements MigrationInterface {
  name = 'BackgroundJobs1796370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE background_job (
        id uuid NOT NULL,
        organization_id uuid,
        kind text NOT NULL,
        state text NOT NULL DEFAULT 'QUEUED',
        progress real NOT NULL DEFAULT 0,
        stage text,
        attempts int NOT NULL DEFAULT 0,
        requested_by uuid,
        requested_by_name text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        result jsonb,
        error text,
        output bytea,
        output_file_name text,
        output_content_type text,
        expires_at timestamptz,
        worker text,
        heartbeat_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT background_job_pkey PRIMARY KEY (id),
        CONSTRAINT background_job_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE,
        CONSTRAINT background_job_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES accounts(id) ON DELETE SET NULL,
        CONSTRAINT background_job_kind_check CHECK (kind IN ('IMPORT', 'REPORT')),
        CONSTRAINT background_job_state_check CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        CONSTRAINT background_job_progress_check CHECK (progress >= 0 AND progress <= 1)
      )`);
    await queryRunner.query(
      'CREATE INDEX background_job_organization_created_idx ON background_job (organization_id, created_at)',
    );
    await queryRunner.query('CREATE INDEX background_job_state_heartbeat_idx ON background_job (state, heartbeat_at)');
    await queryRunner.query(`
      CREATE TABLE background_job_input (
        job_id uuid NOT NULL,
        name text NOT NULL,
        file_name text NOT NULL,
        content bytea NOT NULL,
        CONSTRAINT background_job_input_pkey PRIMARY KEY (job_id, name),
        CONSTRAINT background_job_input_job_id_fkey FOREIGN KEY (job_id) REFERENCES background_job(id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE background_job_input');
    await queryRunner.query('DROP TABLE background_job');
  }
}
