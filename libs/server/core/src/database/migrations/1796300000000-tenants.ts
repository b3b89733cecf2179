import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type TenantLink, disableTenantIsolation, enableTenantIsolation } from '../tenant-isolation';
import { APP_ROLE, DEFAULT_TENANT_ID, DEFAULT_TENANT_NAME } from '../tenant-scope';

/** Every table under isolation, parents before children (a child's policy reads its parent). */
const ISOLATED: [table: string, link: TenantLink][] = [
  ['tenant', { tenantColumn: 'id' }],
  ['organization', { tenantColumn: 'tenant_id' }],
  ['organization_policy', { column: 'organization_id', parent: 'organization' }],
  ['org_snapshot', { column: 'organization_id', parent: 'organization' }],
  ['uploaded_file', { column: 'organization_id', parent: 'organization' }],
  ['finding_review', { column: 'organization_id', parent: 'organization' }],
  ['classification_override', { column: 'organization_id', parent: 'organization' }],
  ['confirmed_wording', { column: 'organization_id', parent: 'organization' }],
  ['memberships', { column: 'organization_id', parent: 'organization' }],
  ['position', { column: 'snapshot_id', parent: 'org_snapshot' }],
  ['person', { column: 'snapshot_id', parent: 'org_snapshot' }],
  ['assignment', { column: 'snapshot_id', parent: 'org_snapshot' }],
  ['responsibility', { column: 'snapshot_id', parent: 'org_snapshot' }],
  // Its own column: the history outlives the organization it describes.
  ['audit_log', { tenantColumn: 'tenant_id' }],
  ['accounts', { tenantColumn: 'tenant_id' }],
  ['sessions', { column: 'account_id', parent: 'accounts' }],
  ['api_tokens', { column: 'account_id', parent: 'accounts' }],
  ['sign_in_links', { column: 'account_id', parent: 'accounts' }],
];

/**
 * Tenants: several customers in one database. Every organization and account belongs to a tenant
 * (existing ones to the default tenant); organization names are unique per tenant. Row-level
 * security is the second wall behind the services: the app queries as the NOLOGIN role
 * `rolemap_app` with `rolemap.tenant_id` set, and a policy on every table below shows and accepts
 * only that tenant's rows. The role is cluster-wide, so it is created once and never dropped here
 * (other databases on the server may use it); the connecting user is made a member so it may
 * `SET ROLE` to it.
 */
export class Tenants1796300000000 implements MigrationInterface {
  name = 'Tenants1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- another database's migration created it at the same moment
      END $$`);
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
        END IF;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION rolemap_current_tenant() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT NULLIF(current_setting('rolemap.tenant_id', true), '')::uuid $$`);
    await queryRunner.query(`
      CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CONSTRAINT tenant_name_check CHECK (length(trim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tenant_name_key UNIQUE (name)
      )`);
    await queryRunner.query('INSERT INTO tenant (id, name) VALUES ($1, $2)', [DEFAULT_TENANT_ID, DEFAULT_TENANT_NAME]);

    for (const table of ['organization', 'accounts']) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN tenant_id uuid NOT NULL DEFAULT '${DEFAULT_TENANT_ID}'
        CONSTRAINT ${table}_tenant_id_fkey REFERENCES tenant(id)`);
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN tenant_id SET DEFAULT rolemap_current_tenant()`);
    }
    await queryRunner.query('ALTER TABLE organization DROP CONSTRAINT organization_name_key');
    await queryRunner.query('ALTER TABLE organization ADD CONSTRAINT organization_tenant_name_key UNIQUE (tenant_id, name)');
    await queryRunner.query('CREATE INDEX accounts_tenant_idx ON accounts (tenant_id)');
    // A constant default fills the existing entries without an UPDATE (which the append-only trigger refuses).
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN tenant_id uuid DEFAULT '${DEFAULT_TENANT_ID}'`);
    await queryRunner.query('ALTER TABLE audit_log ALTER COLUMN tenant_id SET DEFAULT rolemap_current_tenant()');

    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    // The migrations table is read by the readiness check; tables of later migrations get the same rights.
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
    for (const [table, link] of ISOLATED) await enableTenantIsolation(queryRunner, table, link);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table] of [...ISOLATED].reverse()) await disableTenantIsolation(queryRunner, table);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM ${APP_ROLE}`);
    await queryRunner.query('ALTER TABLE audit_log DROP COLUMN tenant_id');
    await queryRunner.query('DROP INDEX accounts_tenant_idx');
    // Fails, as it should, while two tenants hold organizations of the same name.
    await queryRunner.query('ALTER TABLE organization DROP CONSTRAINT organization_tenant_name_key');
    await queryRunner.query('ALTER TABLE organization ADD CONSTRAINT organization_name_key UNIQUE (name)');
    await queryRunner.query('ALTER TABLE accounts DROP COLUMN tenant_id');
    await queryRunner.query('ALTER TABLE organization DROP COLUMN tenant_id');
    await queryRunner.query('DROP TABLE tenant');
    await queryRunner.query('DROP FUNCTION rolemap_current_tenant()');
  }
}
