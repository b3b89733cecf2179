import type { QueryRunner } from 'typeorm';
import { APP_ROLE } from './tenant-scope';

/**
 * How a table's rows belong to a tenant: a `tenant_id` column, or a column referencing a parent
 * table that is itself under isolation (`organization_id` → `organization`, `snapshot_id` →
 * `org_snapshot`). The parent's own policy applies inside the child's, so a child row is visible
 * exactly when its parent row is.
 */
export type TenantLink = { tenantColumn: string } | { column: string; parent: string };

export function policyName(table: string): string {
  return `${table}_tenant_isolation`;
}

function condition(link: TenantLink): string {
  return 'tenantColumn' in link
    ? `${link.tenantColumn} = rolemap_current_tenant()`
    : `${link.column} IN (SELECT id FROM ${link.parent})`;
}

/**
 * Puts a table under tenant isolation in one line of a migration: grants the app's role its
 * rights on the table and turns on row-level security with one policy for reads and writes, so
 * a session in tenant A neither sees nor writes tenant B's rows, whatever the SQL. Later
 * migrations call this for every table that hangs off an organization (README: Add a migration).
 */
export async function enableTenantIsolation(queryRunner: QueryRunner, table: string, link: TenantLink): Promise<void> {
  await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
  await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  const check = condition(link);
  await queryRunner.query(`CREATE POLICY ${policyName(table)} ON ${table} USING (${check}) WITH CHECK (${check})`);
}

/** The `down` of `enableTenantIsolation`. */
export async function disableTenantIsolation(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`DROP POLICY IF EXISTS ${policyName(table)} ON ${table}`);
  await queryRunner.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
}
