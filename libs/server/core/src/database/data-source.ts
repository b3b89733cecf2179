import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { InitialSchema1764028800000 } from './migrations/1764028800000-initial-schema';
import { UnclassifiedValueLevel1796083200000 } from './migrations/1796083200000-unclassified-value-level';
import { SnapshotTimelineIndex1796156856492 } from './migrations/1796156856492-snapshot-timeline-index';
import { AuditLog1796193184480 } from './migrations/1796193184480-audit-log';
import { ConfirmedWording1796198400000 } from './migrations/1796198400000-confirmed-wording';
import { Accounts1796212800000 } from './migrations/1796212800000-accounts';
import { ChartLookupIndexes1796256000000 } from './migrations/1796256000000-chart-lookup-indexes';
import { Grades1796330000000 } from './migrations/1796330000000-grades';

export const MIGRATIONS = [
  InitialSchema1764028800000,
  UnclassifiedValueLevel1796083200000,
  SnapshotTimelineIndex1796156856492,
  AuditLog1796193184480,
  ConfirmedWording1796198400000,
  Accounts1796212800000,
  ChartLookupIndexes1796256000000,
  Grades1796330000000,
];

export interface DatabaseTarget {
  url: string;
  /** The embedded PGlite database: one query at a time, no COPY FROM STDIN through the socket. */
  embedded: boolean;
  /**
   * Set when this process runs the embedded database itself (the CLI, `npm start`): bulk rows go
   * straight into PGlite as `COPY … FROM '/dev/blob'` instead of as INSERTs through the socket.
   */
  copyIn?: InProcessCopy;
}

/**
 * Runs `COPY table (columns) FROM '/dev/blob'` with `data` as the blob, inside the embedded
 * database's process. PGlite is a single session, so the COPY joins whatever transaction the
 * socket connection has open: the import's, which commits or rolls back with it.
 */
export type InProcessCopy = (statement: string, data: Blob) => Promise<void>;

/** One definition of the connection, shared by the Nest app, the CLI and the tests. */
export interface DatabaseObservers {
  /** Called with every SQL statement; the tests use it to prove batching bounds the statement count. */
  onQuery?: (sql: string) => void;
}

export function dataSourceOptions(target: DatabaseTarget, observers: DatabaseObservers = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'rolemap_migrations',
    synchronize: false,
    // gen_random_uuid() is built in since PostgreSQL 13; installing uuid-ossp needs superuser rights we may not have.
    installExtensions: false,
    // …and it is what generated migrations should write for uuid defaults (not uuid_generate_v4()).
    uuidExtension: 'pgcrypto',
    logging: observers.onQuery ? ['query', 'error'] : ['error'],
    logger: observers.onQuery ? queryObservingLogger(observers.onQuery) : parameterFreeLogger(),
    // PGlite serialises every connection's queries anyway; a small pool keeps transactions from queueing behind idle clients.
    extra: { max: target.embedded ? 2 : 10 },
  };
}

export function createDataSource(target: DatabaseTarget, observers: DatabaseObservers = {}): DataSource {
  return new DataSource(dataSourceOptions(target, observers));
}

/**
 * Logs failed statements without their parameters: a bulk insert carries tens of thousands of
 * names, e-mails and ratings, which do not belong in a log.
 */
function parameterFreeLogger(): Logger {
  return {
    logQuery: () => undefined,
    logQueryError: (error, sql) =>
      console.error(`Query failed: ${String(error)}\n${sql.slice(0, 300)}${sql.length > 300 ? ' …' : ''}`),
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: (level, message) => {
      if (level === 'warn') console.warn(message);
    },
  };
}

function queryObservingLogger(onQuery: (sql: string) => void): Logger {
  return {
    logQuery: (sql) => onQuery(sql),
    logQueryError: (error, sql) => console.error(`Query failed: ${String(error)}\n${sql.slice(0, 300)}`),
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: (level, message) => {
      if (level === 'warn') console.warn(message);
    },
  };
}
