import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { DataDirInUseError } from './database/embedded-postgres';
import { openDatabase } from './database/open-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const app = await createApp(config, database);
  await app.listen(config.port, config.host);
  const url = `http://localhost:${config.port}`;
  console.log(`rolemap is running at ${url} (GraphQL at ${url}/graphql) on ${database.description}`);
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`rolemap: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
