import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { AccountsService, ConfigError, DataDirInUseError, exposureWarning, loadConfig, openDatabase } from '@rolemap/server-core';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const app = await createApp(config, database);
  await app.listen(config.port, config.host);
  // The bound port, which differs from PORT when PORT=0 asks for any free one.
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://localhost:${port}`;
  await greetFirstOwner(app.get(AccountsService), url);
  console.log(`rolemap is running at ${url} (GraphQL at ${url}/graphql) on ${database.description}`);
  const warning = exposureWarning(config.host, port, config.allowedHosts);
  if (warning) console.warn(warning.map((line) => `rolemap: ${line}`).join('\n'));
  // Close in order so the embedded database flushes to disk and releases its lock: first the
  // HTTP server and TypeORM's connections, then PGlite itself.
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`rolemap: ${signal} received, shutting down…`);
    // Running background jobs get their grace period to finish (or are handed back) first.
    const limitMs = config.jobs.shutdownGraceMs + 15_000;
    const watchdog = setTimeout(() => {
      console.error(`rolemap: shutdown took over ${limitMs / 1000} s; exiting anyway`);
      process.exit(1);
    }, limitMs);
    watchdog.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** On the first start there is nobody to sign in as: create the owner and print their one-time link. */
async function greetFirstOwner(accounts: AccountsService, url: string): Promise<void> {
  const first = await accounts.createFirstOwner();
  if (!first) return;
  console.log(
    [
      `rolemap: first start. Sign in as the owner (${first.account.email}, HR admin of every organization) with this one-time link, valid for 24 hours:`,
      `  ${url}/sign-in?link=${first.link.token}`,
      '  Lost it? `npx rolemap accounts link owner@localhost` prints a new one.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`rolemap: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
