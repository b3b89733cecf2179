import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { InitialSchema1764028800000 } from './migrations/1764028800000-initial-schema';
import { UnclassifiedValueLevel1796083200000 } from './migrations/1796083200000-unclassified-value-level';
import { SnapshotTimelineIndex1796156856492 } from './migrations/1796156856492-snapshot-timeline-index';
import { AuditLog1796193184480 } from './migrations/1796193184480-audit-log';
import { ConfirmedWording1796198400000 } from './migrations/1796198400000-confirmed-wording';
import { Accounts1796212800000 } from './migrations/1796212800000-accounts';
import { ChartLookupIndexes1796256000000 } from './migrations/1796256000000-chart-lookup-indexes';
import { Tenants1796300000000 } from './migrations/1796300000000-tenants';
import { ActivityDictionary1796310000000 } from './migrations/1796310000000-activity-dictionary';
import { SurveyCampaigns1796320000000 } from './migrations/1796320000000-survey-campaigns';
import { Grades1796330000000 } from './migrations/1796330000000-grades';
import { FindingActions1796340000000 } from './migrations/1796340000000-finding-actions';
import { SingleSignOn1796350000000 } from './migrations/1796350000000-single-sign-on';
import { BackgroundJobs1796370000000 } from './migrations/1796370000000-background-jobs';
import { Scenarios1796380000000 } from './migrations/1796380000000-scenarios';
import { TenantIsolationForLaterTables1796390000000 } from './migrations/1796390000000-tenant-isolation-for-later-tables';
import { RolePurposes1796440000000 } from './migrations/1796440000000-role-purposes';
import { OfflineSurveyAnswers1796400000000 } from './migrations/1796400000000-offline-survey-answers';
import { TenantAwareJobs1796460000000 } from './migrations/1796460000000-tenant-aware-jobs';
import { DottedLineManagers1796480000000 } from './migrations/1796480000000-dotted-line-managers';
import { acrossAllTenants, installTenantScoping } from './tenant-scope';

export const MIGRATIONS = [
  InitialSchema1764028800000,
  UnclassifiedValueLevel1796083200000,
  SnapshotTimelineIndex1796156856492,
  AuditLog1796193184480,
  ConfirmedWording1796198400000,
  Accounts1796212800000,
  ChartLookupIndexes1796256000000,
  Tenants1796300000000,
  ActivityDictionary1796310000000,
  SurveyCampaigns1796320000000,
  Grades1796330000000,
  FindingActions1796340000000,
  SingleSignOn1796350000000,
  BackgroundJobs1796370000000,
  Scenarios1796380000000,
  TenantIsolationForLaterTables1796390000000,
  OfflineSurveyAnswers1796400000000,
  RolePurposes1796440000000,
  TenantAwareJobs1796460000000,
  DottedLineManagers1796480000000,
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
    // PGlite is one session behind its socket and runs one statement at a time.
    extra: { max: target.embedded ? 1 : 10 },
  };
}

/**
 * The data source every part of rolemap uses: its connections act in the caller's tenant
 * (tenant-scope.ts), while connecting and migrating run across all tenants, as the connecting
 * user, since they create the role and the policies.
 */
export function createDataSource(target: DatabaseTarget, observers: DatabaseObservers = {}): DataSource {
  return scopedToTenants(new DataSource(dataSourceOptions(target, observers)));
}

/** Makes a data source's connections act in the caller's tenant (see createDataSource). */
export function scopedToTenants(dataSource: DataSource): DataSource {
  installTenantScoping(dataSource);
  const initialize = dataSource.initialize.bind(dataSource);
  const runMigrations = dataSource.runMigrations.bind(dataSource);
  const undoLastMigration = dataSource.undoLastMigration.bind(dataSource);
  const showMigrations = dataSource.showMigrations.bind(dataSource);
  dataSource.initialize = () => acrossAllTenants(initialize);
  dataSource.runMigrations = (options) => acrossAllTenants(() => runMigrations(options));
  dataSource.undoLastMigration = (options) => acrossAllTenants(() => undoLastMigration(options));
  dataSource.showMigrations = () => acrossAllTenants(showMigrations);
  return dataSource;
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
