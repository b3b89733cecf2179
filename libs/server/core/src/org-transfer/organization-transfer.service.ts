import type { Readable, Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@rolemap/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogService } from '../audit/audit-log.service';
import { type Caller, assertRole, isOwner } from '../common/caller';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, ArchiveReader, type ArchiveRow, ArchiveWriter } from './organization-archive';
import { type ArchiveColumn, type OrganizationTable, organizationTables, quoteIdentifier } from './organization-tables';

/** Rows per SELECT page on export and per INSERT on import: bounded memory at any size. */
const BATCH = 5000;

/**
 * Member accounts travel with their organization so memberships (and who decided what) survive
 * the move, but without credentials that belong to the installation: no sessions, tokens or
 * sign-in links, and never the owner flag. The password hash does travel, so people keep signing
 * in with their password after a move; the archive is written private to its user for that reason.
 */
const ACCOUNT_COLUMNS: ArchiveColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'email', type: 'text' },
  { name: 'display_name', type: 'text' },
  { name: 'password_hash', type: 'text' },
  { name: 'disabled', type: 'boolean' },
  { name: 'created_at', type: 'timestamp with time zone' },
];
const ACCOUNTS = '@accounts';

export interface OrganizationExportSummary {
  organization: { id: string; name: string };
  rows: Record<string, number>;
}

export interface OrganizationImportSummary {
  organization: { id: string; name: string };
  rows: Record<string, number>;
  /** Member accounts the target already had (matched by e-mail), whose memberships now point at them. */
  accountsMatchedByEmail: number;
}

/**
 * Moves a whole organization between installations (`rolemap export-org` / `import-org`): every
 * table whose rows belong to it, found from the catalog (organization-tables.ts), so what later
 * migrations add travels too. Ids are kept, so rows that point at each other still do. Export
 * reads one consistent snapshot (REPEATABLE READ); import is one transaction that checks the
 * whole file before it commits, and leaves nothing behind when any of it is wrong.
 */
@Injectable()
export class OrganizationTransferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async exportOrganization(caller: Caller, organizationId: string, destination: Writable): Promise<OrganizationExportSummary> {
    assertRole(caller, organizationId, ['HR_ADMIN']);
    const [organization] = await this.dataSource.query('SELECT id, name FROM organization WHERE id = $1', [organizationId]);
    if (!organization) throw new DomainError('NOT_FOUND', `no organization with id ${organizationId}`);
    // Recorded first, in its own transaction, so the archive holds the entry of its own export.
    await this.audit.record(caller, {
      organizationId,
      action: 'organization-export',
      target: organization.name,
      details: {},
    });

    const writer = new ArchiveWriter(destination);
    const rows = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const migrations: { name: string }[] = await manager.query('SELECT name FROM rolemap_migrations ORDER BY id');
      await writer.header({
        format: ARCHIVE_FORMAT,
        version: ARCHIVE_VERSION,
        exportedAt: new Date().toISOString(),
        migrations: migrations.map((migration) => migration.name),
        organization: { id: organization.id, name: organization.name },
      });
      await this.writeRows(
        manager,
        writer,
        ACCOUNTS,
        ACCOUNT_COLUMNS,
        ['id'],
        'id IN (SELECT account_id FROM memberships WHERE organization_id = $1)',
        'accounts',
        organizationId,
      );
      for (const table of await organizationTables(manager)) {
        await this.writeRows(
          manager,
          writer,
          table.name,
          table.columns,
          table.primaryKey,
          table.belongsTo,
          table.name,
          organizationId,
        );
      }
      return writer.end();
    });
    return { organization: { id: organization.id, name: organization.name }, rows };
  }

  async importOrganization(
    caller: Caller,
    source: Readable,
    fileName: string,
    options: { name?: string } = {},
  ): Promise<OrganizationImportSummary> {
    // Creating an organization in this installation is the owner's (or the local operator's).
    if (!isOwner(caller)) throw new DomainError('FORBIDDEN', 'only the owner of this installation can import an organization');
    return this.dataSource.transaction(async (manager) => {
      const applied = new Set(
        ((await manager.query('SELECT name FROM rolemap_migrations')) as { name: string }[]).map((row) => row.name),
      );
      const tables = new Map((await organizationTables(manager)).map((table) => [table.name, table]));
      const importer = new TableImporter(manager, fileName);
      let organization: { id: string; name: string } | null = null;
      const accountIds = new Map<string, string>();
      let matchedByEmail = 0;

      for await (const entry of new ArchiveReader(source, fileName).entries()) {
        if ('format' in entry) {
          const missing = entry.migrations.filter((name) => !applied.has(name));
          if (missing.length > 0) {
            throw new DomainError(
              'BAD_USER_INPUT',
              `${fileName}: exported by a newer rolemap (this database lacks migration ${missing.join(', ')}); upgrade rolemap and run rolemap migrate first`,
            );
          }
          organization = { id: entry.organization.id, name: options.name?.trim() || entry.organization.name };
          await this.refuseExisting(manager, organization, fileName);
          continue;
        }
        if (entry.kind === 'table') {
          await importer.flush();
          if (entry.table === ACCOUNTS) {
            importer.start(entry, null, ACCOUNT_COLUMNS, entry.line);
            continue;
          }
          const table = tables.get(entry.table);
          if (!table) {
            throw new DomainError(
              'BAD_USER_INPUT',
              `${fileName}: line ${entry.line}: this database has no table ${entry.table} an organization's rows go in`,
            );
          }
          importer.start(entry, table, table.columns, entry.line);
          continue;
        }
        if (entry.table === ACCOUNTS) {
          const [id, email] = entry.values;
          const [existing] = await manager.query('SELECT id FROM accounts WHERE lower(email) = lower($1)', [email]);
          if (existing) {
            accountIds.set(id as string, existing.id);
            matchedByEmail += 1;
          } else {
            await importer.add(entry.values, entry.line);
          }
          continue;
        }
        await importer.add(
          this.renamed(entry.table, importer.columnsOfCurrent(), entry.values, organization, accountIds),
          entry.line,
        );
      }
      await importer.flush();
      if (!organization) throw new DomainError('BAD_USER_INPUT', `${fileName}: the file holds no organization`);
      await this.advanceSequences(manager, [...tables.values()]);
      await this.audit.record(
        caller,
        { organizationId: organization.id, action: 'organization-import', target: organization.name, details: { fileName } },
        manager,
      );
      return { organization, rows: importer.counts, accountsMatchedByEmail: matchedByEmail };
    });
  }

  private async writeRows(
    manager: EntityManager,
    writer: ArchiveWriter,
    archiveName: string,
    columns: ArchiveColumn[],
    primaryKey: string[],
    belongsTo: string,
    table: string,
    organizationId: string,
  ): Promise<void> {
    await writer.startTable(archiveName, columns);
    const selected = columns.map((column) => `${quoteIdentifier(column.name)}::text`).join(', ');
    const typeOf = new Map(columns.map((column) => [column.name, column.type]));
    const key = primaryKey.map(quoteIdentifier).join(', ');
    const keyIndexes = primaryKey.map((name) => columns.findIndex((column) => column.name === name));
    let after: (string | null)[] | null = null;
    for (;;) {
      // Keyset paging on the primary key: every page is one index range, whatever the size.
      const params: unknown[] = [organizationId];
      let keyset = '';
      if (after) {
        const placeholders = primaryKey.map((name, i) => `$${i + 2}::${typeOf.get(name) ?? 'text'}`);
        keyset = ` AND (${key}) > (${placeholders.join(', ')})`;
        params.push(...after);
      }
      const page: ArchiveRow[] = await manager
        .query(
          `SELECT ARRAY[${selected}]::text[] AS r FROM ${quoteIdentifier(table)} WHERE (${belongsTo})${keyset} ORDER BY ${key} LIMIT ${BATCH}`,
          params,
        )
        .then((rows: { r: ArchiveRow }[]) => rows.map((row) => row.r));
      for (const values of page) await writer.row(values);
      if (page.length < BATCH) return;
      const last = page[page.length - 1];
      after = keyIndexes.map((index) => last[index]);
    }
  }

  private async refuseExisting(manager: EntityManager, organization: { id: string; name: string }, fileName: string) {
    const [byId] = await manager.query('SELECT name FROM organization WHERE id = $1', [organization.id]);
    if (byId) {
      throw new DomainError(
        'CONFLICT',
        `${fileName}: this database already holds that organization (as "${byId.name}", same id); erase it first or import into another database`,
      );
    }
    const [byName] = await manager.query('SELECT id FROM organization WHERE name = $1', [organization.name]);
    if (byName) {
      throw new DomainError(
        'CONFLICT',
        `${fileName}: an organization named "${organization.name}" already exists here; import it under another name with --name`,
      );
    }
  }

  /** The organization's own row under its new name, and account references mapped to the target's accounts. */
  private renamed(
    table: string,
    columns: { names: string[]; accountColumns: number[] },
    values: ArchiveRow,
    organization: { id: string; name: string } | null,
    accountIds: Map<string, string>,
  ): ArchiveRow {
    let row = values;
    if (table === 'organization' && organization) {
      const nameIndex = columns.names.indexOf('name');
      if (nameIndex >= 0 && row[nameIndex] !== organization.name) {
        row = [...row];
        row[nameIndex] = organization.name;
      }
    }
    for (const index of columns.accountColumns) {
      const mapped = row[index] === null ? undefined : accountIds.get(row[index] as string);
      if (mapped) {
        row = row === values ? [...row] : row;
        row[index] = mapped;
      }
    }
    return row;
  }

  /** Serial columns (none today) must not hand out ids the imported rows already use. */
  private async advanceSequences(manager: EntityManager, tables: OrganizationTable[]): Promise<void> {
    const sequences: { table_name: string; column_name: string; sequence: string }[] = await manager.query(
      `SELECT c.relname AS table_name, a.attname AS column_name, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
      [tables.map((table) => table.name)],
    );
    for (const { table_name, column_name, sequence } of sequences) {
      await manager.query(
        `SELECT setval($1, GREATEST((SELECT COALESCE(MAX(${quoteIdentifier(column_name)}), 0) FROM ${quoteIdentifier(table_name)}), 1))`,
        [sequence],
      );
    }
  }
}

/**
 * Inserts one table's rows in batches: one INSERT … SELECT FROM unnest(text[] per column), each
 * text cast to the column's type, so there is no parameter limit and PostgreSQL parses every
 * value with its own input function. A value it refuses names the archive line of its batch.
 */
class TableImporter {
  readonly counts: Record<string, number> = {};
  private table: string | null = null;
  private targetName = '';
  private columns: ArchiveColumn[] = [];
  private names: string[] = [];
  private accountColumns: number[] = [];
  private identityAlways = false;
  private batch: ArchiveRow[] = [];
  private batchFirstLine = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly fileName: string,
  ) {}

  start(
    entry: { table: string; columns: ArchiveColumn[] },
    target: OrganizationTable | null,
    targetColumns: ArchiveColumn[],
    line: number,
  ) {
    const known = new Map(targetColumns.map((column) => [column.name, column]));
    for (const column of entry.columns) {
      if (!known.has(column.name)) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `${this.fileName}: line ${line}: this database's ${entry.table} has no column ${column.name}`,
        );
      }
    }
    this.table = entry.table;
    this.targetName = target?.name ?? 'accounts';
    // The target's types, so the rows fit the schema they go into.
    this.columns = entry.columns.map((column) => known.get(column.name) as ArchiveColumn);
    this.names = this.columns.map((column) => column.name);
    this.accountColumns = (target?.accountColumns ?? []).map((name) => this.names.indexOf(name)).filter((index) => index >= 0);
    this.identityAlways = target?.identityAlways ?? false;
    this.counts[this.targetName] = 0;
  }

  columnsOfCurrent(): { names: string[]; accountColumns: number[] } {
    return { names: this.names, accountColumns: this.accountColumns };
  }

  async add(values: ArchiveRow, line: number): Promise<void> {
    if (this.batch.length === 0) this.batchFirstLine = line;
    this.batch.push(values);
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.table === null || this.batch.length === 0) return;
    const rows = this.batch;
    this.batch = [];
    const columnArrays = this.columns.map((_, index) => rows.map((row) => row[index]));
    const list = this.names.map(quoteIdentifier).join(', ');
    const casts = this.columns.map((column, index) => `u.c${index}::${column.type}`).join(', ');
    const unnest = this.columns.map((_, index) => `$${index + 1}::text[]`).join(', ');
    const aliases = this.columns.map((_, index) => `c${index}`).join(', ');
    try {
      await this.manager.query(
        `INSERT INTO ${quoteIdentifier(this.targetName)} (${list})${this.identityAlways ? ' OVERRIDING SYSTEM VALUE' : ''}
         SELECT ${casts} FROM unnest(${unnest}) AS u(${aliases})`,
        columnArrays,
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DomainError(
        'BAD_USER_INPUT',
        `${this.fileName}: lines ${this.batchFirstLine}-${this.batchFirstLine + rows.length - 1} (${this.table}): ${reason}`,
      );
    }
    this.counts[this.targetName] += rows.length;
  }
}
