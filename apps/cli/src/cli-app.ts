import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  type AppConfig,
  ConfigError,
  DataDirInUseError,
  type DatabaseSession,
  ServerCoreModule,
  loadConfig,
  withDatabase,
} from '@rolemap/server-core';
import { CliError, EXIT } from './cli-context';

/**
 * Opens the configured database for one command (migrated unless `migrate` is false) and closes
 * it afterwards. A bad configuration or a busy embedded database become one clear line and
 * their exit codes.
 */
export async function withCliDatabase<T>(
  work: (session: DatabaseSession, config: AppConfig) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  try {
    const config = loadConfig();
    return await withDatabase(config, (session) => work(session, config), options);
  } catch (error) {
    throw asCliError(error);
  }
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
