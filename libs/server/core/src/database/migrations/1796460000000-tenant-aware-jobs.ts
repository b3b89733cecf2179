import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantIsolation, enableTenantIsolation } from '../tenant-isolation';
import { DEFAULT_TENANT_ID } from '../tenant-scope';

/**
 * Background jobs belong to a tenant: a job is queued in its requester's tenant, its worker runs
 * it in that tenant's scope, and row-level security keeps one tenant's jobs (their outcomes,
 * report files and queued uploads) out of another's reach. The workers' own bookkeeping (claiming,
 * heartbeats, finding dead runs) serves every tenant and runs across all of them.
 * Also: survey closing and re-analysis after a policy change are kinds of job, and a report job's download link is signed with a key
 * of its own (so a link cannot be made up from the job's id).
 */
export class TenantAwareJobs1796460000000 implements MigrationInterface {
  name = 'TenantAwareJobs1796460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Existing jobs were run in the default tenant; new ones take the tenant of the session queueing them.
    await queryRunner.query(`ALTER TABLE background_job ADD COLUMN tenant_id uuid NOT NULL DEFAULT '${DEFAULT_TENANT_ID}'
      CONSTRAINT background_job_tenant_id_fkey REFERENCES tenant(id) ON DELETE CASCADE`);
    await queryRunner.query('ALTER TABLE background_job ALTER COLUMN tenant_id SET DEFAULT rolemap_current_tenant()');
    await queryRunner.query('ALTER TABLE background_job ADD COLUMN download_key bytea');
    await queryRunner.query('ALTER TABLE background_job DROP CONSTRAINT background_job_kind_check');
    await queryRunner.query(
      "ALTER TABLE background_job ADD CONSTRAINT background_job_kind_check CHECK (kind IN ('IMPORT', 'REPORT', 'SURVEY_CLOSE', 'REANALYSIS'))",
    );
    await enableTenantIsolation(queryRunner, 'background_job', { tenantColumn: 'tenant_id' });
    await enableTenantIsolation(queryRunner, 'background_job_input', { column: 'job_id', parent: 'background_job' });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantIsolation(queryRunner, 'background_job_input');
    await disableTenantIsolation(queryRunner, 'background_job');
    await queryRunner.query("DELETE FROM background_job WHERE kind IN ('SURVEY_CLOSE', 'REANALYSIS')");
    await queryRunner.query('ALTER TABLE background_job DROP CONSTRAINT background_job_kind_check');
    await queryRunner.query(
      "ALTER TABLE background_job ADD CONSTRAINT background_job_kind_check CHECK (kind IN ('IMPORT', 'REPORT'))",
    );
    await queryRunner.query('ALTER TABLE background_job DROP COLUMN download_key');
    await queryRunner.query('ALTER TABLE background_job DROP COLUMN tenant_id');
  }
}
