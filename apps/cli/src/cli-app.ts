import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  type AppConfig,
  ConfigError,
  DEFAULT_TENANT_ID,
  DataDirInUseError,
  type DatabaseSession,
  ServerCoreModule,
  acrossAllTenants,
  loadConfig,
  withDatabase,
  withTenant,
} from '@rolemap/server-core';
import type { DataSource } from 'typeorm';
import { CliError, EXIT } from './cli-context';

/**
 * Opens the configured database for one command (migrated unless `migrate` is false) and closes
 * it afterwards; the command acts in the tenant ROLEMAP_TENANT (or `--tenant`) names, by name or
 * id, else the default tenant. A bad configuration or a busy embedded database become one clear
 * line and their exit codes.
 */
export async function withCliDatabase<T>(
  work: (session: DatabaseSession, config: AppConfig) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  try {
    const config = loadConfig();
    return await withDatabase(
      config,
      async (session) => withTenant(await cliTenantId(session.dataSource), () => work(session, config)),
      options,
    );
  } catch (error) {
    throw asCliError(error);
  }
}

/** The tenant the command acts in: ROLEMAP_TENANT by name or id, looked up across all tenants. */
async function cliTenantId(dataSource: DataSource): Promise<string> {
  const wanted = process.env.ROLEMAP_TENANT?.trim();
  if (!wanted) return DEFAULT_TENANT_ID;
  const rows: { id: string }[] = await acrossAllTenants(() =>
    dataSource.query('SELECT id FROM tenant WHERE name = $1 OR id::text = $1', [wanted]),
  );
  if (!rows[0]) throw new CliError(`No tenant named "${wanted}" (rolemap tenants list shows them)`, EXIT.invalidInput);
  return rows[0].id;
}

/** A bad configuration or a busy embedded database as the CLI reports them; anything else as it is. */
export function asCliError(error: unknown): unknown {
  if (error instanceof ConfigError) return new CliError(`configuration: ${error.message}`, EXIT.invalidInput);
  if (error instanceof DataDirInUseError) return new CliError(error.message, EXIT.databaseBusy);
  return error;
}

@Module({})
class CliModule {}

/**
 * Boots the server's own Nest service modules (ServerCoreModule and, when a command needs them,
 * the imports or reports modules) without HTTP or GraphQL, so the CLI runs the same wiring, and
 * whatever checks the services make, as the API. Resolve services with `app.get(Service)`.
 */
export function withServices<T>(
  modules: (Type | DynamicModule)[],
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  return withCliDatabase(async ({ database, dataSource }, config) => {
    const app = await NestFactory.createApplicationContext(
      { module: CliModule, imports: [ServerCoreModule.forRoot({ config, database, dataSource }), ...modules] },
      { logger: ['error', 'warn'], abortOnError: false },
    );
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  });
}
