import type { EntityManager } from 'typeorm';

/** A column as the archive carries it: its name and the type its text form is cast back to. */
export interface ArchiveColumn {
  name: string;
  /** `format_type` of the column (`uuid`, `timestamp with time zone`, `text[]`, …). */
  type: string;
}

/** A table whose rows belong to one organization, and how to find them. */
export interface OrganizationTable {
  name: string;
  columns: ArchiveColumn[];
  primaryKey: string[];
  /** SQL condition selecting the organization's rows; `$1` is the organization id. */
  belongsTo: string;
  /** Columns that point at `accounts.id`: remapped when the target already knows the account by e-mail. */
  accountColumns: string[];
  /** Whether any column is `GENERATED ALWAYS AS IDENTITY` (inserts then need OVERRIDING SYSTEM VALUE). */
  identityAlways: boolean;
}

/**
 * Tables that belong to the installation, not to an organization: credentials (sessions, tokens,
 * sign-in links, single sign-on links), tenants, the migration ledger and background jobs. Member accounts travel
 * separately (see organization-transfer.service.ts), without their credentials.
 */
const INSTALLATION_TABLES = new Set([
  'rolemap_migrations',
  'accounts',
  'sessions',
  'api_tokens',
  'sign_in_links',
  'sso_identities',
  'sso_attempts',
  'tenants',
  'tenant',
  // Background jobs are work in flight on this installation's queue (pgboss schema), not the organization's data.
  'background_job',
  'background_job_input',
]);

interface CatalogColumn {
  table_name: string;
  column_name: string;
  column_type: string;
  identity: string;
  generated: string;
}

interface CatalogForeignKey {
  table_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
}

/**
 * Every table of the schema whose rows belong to an organization, in an order in which they can be
 * inserted (a table after those its foreign keys point to). Read from the catalog rather than
 * listed by hand, so a table added by a later migration travels without touching this code: a
 * table belongs to an organization when it has an `organization_id` column, a `snapshot_id`
 * column (snapshots belong to one organization), or a foreign key to a table that belongs.
 */
export async function organizationTables(manager: EntityManager): Promise<OrganizationTable[]> {
  const columns: CatalogColumn[] = await manager.query(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS column_type,
            a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const keys: { table_name: string; columns: string[] }[] = await manager.query(
    `SELECT c.relname AS table_name,
            array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND k.contype = 'p'`,
  );
  const foreignKeys: CatalogForeignKey[] = await manager.query(
    `SELECT c.relname AS table_name, r.relname AS referenced_table,
            array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns,
            array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord) AS referenced_columns
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class r ON r.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND k.contype = 'f'`,
  );
  return planTables(columns, keys, foreignKeys);
}

/** The catalog facts turned into the ordered plan (pure, so the rules are unit-tested). */
export function planTables(
  columns: CatalogColumn[],
  keys: { table_name: string; columns: string[] }[],
  foreignKeys: CatalogForeignKey[],
): OrganizationTable[] {
  const columnsOf = new Map<string, CatalogColumn[]>();
  for (const column of columns) {
    const list = columnsOf.get(column.table_name) ?? [];
    list.push(column);
    columnsOf.set(column.table_name, list);
  }
  const primaryKeyOf = new Map(keys.map((key) => [key.table_name, key.columns]));
  const has = (table: string, column: string) => (columnsOf.get(table) ?? []).some((c) => c.column_name === column);

  // How each table finds its organization's rows; tables reached only through a foreign key get a
  // condition that follows it to a table already placed.
  const belongsTo = new Map<string, string>();
  if (columnsOf.has('organization')) belongsTo.set('organization', 'id = $1');
  for (const table of columnsOf.keys()) {
    if (INSTALLATION_TABLES.has(table) || belongsTo.has(table)) continue;
    if (has(table, 'organization_id')) belongsTo.set(table, 'organization_id = $1');
    else if (has(table, 'snapshot_id') && columnsOf.has('org_snapshot')) {
      belongsTo.set(table, 'snapshot_id IN (SELECT id FROM org_snapshot WHERE organization_id = $1)');
    }
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const key of foreignKeys) {
      const parent = belongsTo.get(key.referenced_table);
      if (belongsTo.has(key.table_name) || INSTALLATION_TABLES.has(key.table_name) || parent === undefined) continue;
      const local = key.columns.map(quoteIdentifier).join(', ');
      const remote = key.referenced_columns.map(quoteIdentifier).join(', ');
      belongsTo.set(
        key.table_name,
        `(${local}) IN (SELECT ${remote} FROM ${quoteIdentifier(key.referenced_table)} WHERE ${parent})`,
      );
      grew = true;
    }
  }

  // Insertion order: parents first (foreign keys between belonging tables), ties by name so the
  // archive is the same from one run to the next.
  // The bulk snapshot tables have no foreign key to org_snapshot, but row-level security checks
  // each row's snapshot is visible, so they too come after it.
  const implied = [...belongsTo.keys()]
    .filter((table) => table !== 'org_snapshot' && has(table, 'snapshot_id') && belongsTo.has('org_snapshot'))
    .map((table) => ({
      table_name: table,
      columns: ['snapshot_id'],
      referenced_table: 'org_snapshot',
      referenced_columns: ['id'],
    }));
  const dependencies = [...foreignKeys, ...implied];
  const pending = new Set([...belongsTo.keys()].sort());
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((table) =>
      dependencies.every(
        (key) =>
          key.table_name !== table ||
          key.referenced_table === table ||
          !pending.has(key.referenced_table) ||
          !belongsTo.has(key.referenced_table),
      ),
    );
    // A cycle of foreign keys between tables would stall; none exists, but never loop forever.
    const next = ready.length > 0 ? ready : [...pending];
    for (const table of next) {
      ordered.push(table);
      pending.delete(table);
    }
  }

  return ordered.map((table) => {
    // The tenant is the installation's, not the organization's: a restored row takes the tenant of
    // the session restoring it (the column's default), so an archive moves between tenants.
    const tableColumns = (columnsOf.get(table) ?? []).filter(
      (column) => column.generated === '' && column.column_name !== 'tenant_id',
    );
    return {
      name: table,
      columns: tableColumns.map((column) => ({ name: column.column_name, type: column.column_type })),
      primaryKey: primaryKeyOf.get(table) ?? tableColumns.map((column) => column.column_name),
      belongsTo: belongsTo.get(table) as string,
      accountColumns: foreignKeys
        .filter((key) => key.table_name === table && key.referenced_table === 'accounts' && key.columns.length === 1)
        .map((key) => key.columns[0]),
      identityAlways: tableColumns.some((column) => column.identity === 'a'),
    };
  });
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
