import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Which tenant the database session acts in. Row-level security is the second wall behind the
 * services' checks: the app's connections run as the NOLOGIN role `rolemap_app` (superusers and
 * table owners bypass row-level security) with `rolemap.tenant_id` naming the caller's tenant,
 * and the policies on every tenant-scoped table show and accept only that tenant's rows.
 *
 * The scope travels with the async context (like the request origin): an HTTP request starts with
 * no tenant (sees nothing) until its caller is known; the CLI acts in ROLEMAP_TENANT; code run with
 * no scope at all (start-up seeding, test fixtures) acts in the default tenant. Only
 * `acrossAllTenants` (migrations, looking up whose a credential is, table statistics) runs as the
 * connecting user, with row-level security not applied.
 */
type TenantScope = { kind: 'tenant'; tenantId: string | null } | { kind: 'all-tenants' };

const scopes = new AsyncLocalStorage<TenantScope>();

/** The tenant existing data, the embedded database's demo and the CLI (without ROLEMAP_TENANT) belong to. */
export const DEFAULT_TENANT_ID = '00000000-0000-4000-8000-000000000001';
export const DEFAULT_TENANT_NAME = 'default';
/** The role the app's queries run as; created by the tenants migration. */
export const APP_ROLE = 'rolemap_app';
/** The setting the policies read (see `rolemap_current_tenant()` in the tenants migration). */
export const TENANT_SETTING = 'rolemap.tenant_id';

export function withTenant<T>(tenantId: string, work: () => T): T {
  return scopes.run({ kind: 'tenant', tenantId }, work);
}

/**
 * Runs `work` as the connecting user, outside row-level security: for migrations and for
 * maintenance that must see every tenant (whose session token is this?). Never for serving
 * a caller's reads.
 */
export function acrossAllTenants<T>(work: () => T): T {
  return scopes.run({ kind: 'all-tenants' }, work);
}

/**
 * Starts an HTTP request's scope with no tenant: until `bindRequestTenant` names the caller's,
 * the request's queries see no tenant-scoped rows at all.
 */
export function withRequestTenantScope<T>(work: () => T): T {
  return scopes.run({ kind: 'tenant', tenantId: null }, work);
}

/** Names the tenant of the request in scope (once its caller is known). */
export function bindRequestTenant(tenantId: string | null): void {
  const scope = scopes.getStore();
  if (scope?.kind === 'tenant') scope.tenantId = tenantId;
}

/** The tenant queries run in now; null across all tenants or in a request with no caller yet. */
export function currentTenantId(): string | null {
  const scope = scopes.getStore();
  if (!scope) return DEFAULT_TENANT_ID;
  return scope.kind === 'tenant' ? scope.tenantId : null;
}

interface SessionClient {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** What each pooled connection was last set to, so a connection reused in the same tenant costs no statement. */
const appliedScopes = new WeakMap<object, string>();

async function applyScope(client: SessionClient): Promise<void> {
  const scope = scopes.getStore() ?? { kind: 'tenant', tenantId: DEFAULT_TENANT_ID };
  const key = scope.kind === 'tenant' ? `tenant:${scope.tenantId ?? ''}` : 'all-tenants';
  if (appliedScopes.get(client) === key) return;
  // Set outside any transaction (the pool hands out idle connections), so it lasts for the session.
  if (scope.kind === 'tenant') {
    await client.query(`SELECT set_config('role', $1, false), set_config('${TENANT_SETTING}', $2, false)`, [
      APP_ROLE,
      scope.tenantId ?? '',
    ]);
  } else {
    await client.query(`SELECT set_config('role', 'none', false), set_config('${TENANT_SETTING}', '', false)`);
  }
  appliedScopes.set(client, key);
}

/**
 * Every connection TypeORM takes from the pool is put in the tenant scope of the code asking for
 * it, before its first statement. A query runner keeps its connection until released, so a
 * transaction runs wholly in the scope it started in.
 */
export function installTenantScoping(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as {
    obtainMasterConnection(): Promise<[SessionClient, (error?: unknown) => void]>;
  };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const [client, release] = await obtain();
    try {
      await applyScope(client);
    } catch (error) {
      // A connection whose scope is unknown must not go back to the pool.
      appliedScopes.delete(client);
      release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    return [client, release];
  };
}

/**
 * Runs `work` (a bulk COPY into the tenant's own new snapshot) with row-level security lifted for
 * the rest of the statement's transaction step: PostgreSQL refuses `COPY FROM` into a table with
 * row-level security, and PGlite's `COPY … FROM '/dev/blob'` needs the owner's rights. The
 * snapshot row was inserted under the policies first, and is checked to be visible here, so the
 * rows can only land in a snapshot of the current tenant. Needs a transaction (`SET LOCAL`).
 */
export async function copyIntoOwnSnapshot<T>(manager: EntityManager, snapshotId: string, work: () => Promise<T>): Promise<T> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('copyIntoOwnSnapshot must run inside a transaction');
  if (scopes.getStore()?.kind === 'all-tenants') return work();
  const visible: unknown[] = await manager.query('SELECT 1 FROM org_snapshot WHERE id = $1', [snapshotId]);
  if (visible.length === 0) throw new Error(`Snapshot ${snapshotId} is not in the current tenant`);
  await manager.query('SET LOCAL ROLE NONE');
  const result = await work();
  // On failure the transaction is aborted, and rolling it back restores the role.
  await manager.query(`SET LOCAL ROLE ${APP_ROLE}`);
  return result;
}
