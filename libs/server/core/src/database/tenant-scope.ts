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

interface PooledClient {
  query(...args: unknown[]): unknown;
}

/** How a pooled connection stands: whether a transaction is open and whether its scope is set yet. */
interface ConnectionState {
  inTransaction: boolean;
  scopePending: boolean;
}

const states = new WeakMap<object, ConnectionState>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that puts the current transaction in the caller's scope, or null when it needs
 * none (across all tenants: the connecting user, which no session setting ever changes). Values
 * are inlined so it can share a round trip with BEGIN; the tenant id is checked to be a UUID.
 */
function scopeStatement(): string | null {
  const scope = scopes.getStore() ?? { kind: 'tenant', tenantId: DEFAULT_TENANT_ID };
  if (scope.kind === 'all-tenants') return null;
  const tenantId = scope.tenantId ?? '';
  if (tenantId !== '' && !UUID.test(tenantId)) throw new Error(`Not a tenant id: ${tenantId}`);
  return `SELECT set_config('role', '${APP_ROLE}', true), set_config('${TENANT_SETTING}', '${tenantId}', true)`;
}

const keyword = (sql: string): string => sql.trimStart().slice(0, 24).toUpperCase();
const opensTransaction = (sql: string): boolean => /^(BEGIN|START TRANSACTION)\b/.test(keyword(sql));
const closesTransaction = (sql: string): boolean =>
  /^(COMMIT|END|ABORT)\b/.test(keyword(sql)) || (/^ROLLBACK\b/.test(keyword(sql)) && !/^ROLLBACK\s+TO\b/.test(keyword(sql)));
// Must stay the first statements of a transaction, before the scope is set.
const setsTransactionMode = (sql: string): boolean => /^SET\s+TRANSACTION\b/.test(keyword(sql));

/**
 * Wraps a pooled connection's `query` so every statement runs in the scope of the code that sends
 * it, set with `set_config(…, true)`: local to the transaction, never left on the connection. A
 * statement outside a transaction gets one of its own. So no session state carries a scope from
 * one caller to the next, which keeps rolemap correct behind PgBouncer's transaction pooling,
 * where every transaction may run on another server connection.
 */
function scopeConnection(client: PooledClient): void {
  if (states.has(client)) return;
  const state: ConnectionState = { inTransaction: false, scopePending: false };
  states.set(client, state);
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  const sendText = (sql: string, parameters?: unknown) => send(sql, parameters) as Promise<unknown>;
  client.query = (...args: unknown[]) => {
    const [sql, parameters] = args;
    // Streams (COPY, cursors) go straight through; they must run inside a scoped transaction.
    if (typeof sql !== 'string' || typeof parameters === 'function') {
      if (!state.inTransaction && scopeStatement() !== null) {
        throw new Error('A streaming statement in a tenant scope must run inside a transaction');
      }
      // The stream is returned as it is; the client runs queued statements in order, so the
      // scope statement queued first still precedes it.
      if (state.scopePending) void applyPendingScope().catch(() => undefined);
      return send(...args);
    }
    return run(sql, parameters);
  };

  async function applyPendingScope(): Promise<void> {
    state.scopePending = false;
    const statement = scopeStatement();
    if (statement) await sendText(statement);
  }

  async function run(sql: string, parameters: unknown): Promise<unknown> {
    if (state.inTransaction) {
      if (state.scopePending && !setsTransactionMode(sql) && !closesTransaction(sql)) await applyPendingScope();
      const result = await sendText(sql, parameters);
      if (closesTransaction(sql)) state.inTransaction = state.scopePending = false;
      return result;
    }
    if (opensTransaction(sql)) {
      const result = await sendText(sql, parameters);
      state.inTransaction = state.scopePending = true;
      return result;
    }
    const statement = scopeStatement();
    if (statement === null) return sendText(sql, parameters);
    await sendText(`BEGIN; ${statement}`);
    try {
      const result = await sendText(sql, parameters);
      await sendText('COMMIT');
      return result;
    } catch (error) {
      await sendText('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Every connection TypeORM takes from the pool runs each statement in the tenant scope of the
 * code sending it (see scopeConnection). A transaction runs wholly in the scope it started in.
 */
export function installTenantScoping(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as {
    obtainMasterConnection(): Promise<[PooledClient, (error?: unknown) => void]>;
  };
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const [client, release] = await obtain();
    scopeConnection(client);
    const state = states.get(client);
    // A connection handed back mid-transaction (a failed release) would carry it to the next caller.
    if (state?.inTransaction) {
      release(new Error('Connection returned to the pool inside a transaction'));
      return driver.obtainMasterConnection();
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
