import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { AccountsService, type AppConfig, type DatabaseTarget, LOCAL_OPERATOR, loadConfig } from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';
import { createApp, type CreateAppOptions } from '../../src/create-app';

export interface TestApp {
  app: NestExpressApplication;
  url: string;
  database: DatabaseTarget;
  /** Signed in as the owner (HR admin of every organization) unless `as` names another token, or null for nobody. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: { token: string | null },
  ): Promise<GraphqlResult<T>>;
  /** The owner's API token, which `graphql`, `upload` and `authorized` send. */
  ownerToken: string;
  /** Headers that sign a request in as the owner. */
  authorized(headers?: Record<string, string>): Record<string, string>;
  /**
   * A GraphQL multipart request (file uploads), as the web app's upload wizard sends it; the
   * parts go in the order of `files`. Aborted after `timeoutMs` (60 s), so a hang fails the test.
   */
  upload<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    files: Record<string, { name: string; content: string | Buffer }>,
    options?: { timeoutMs?: number; token?: string | null },
  ): Promise<GraphqlResult<T>>;
  /** SQL statements the server has sent so far (reset it to measure one request). */
  queries: string[];
  close(): Promise<void>;
}

export interface GraphqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The database the global setup created for this run. */
export function testDatabaseUrl(): string {
  const url = process.env.ROLEMAP_TEST_DATABASE_URL;
  if (!url) throw new Error('ROLEMAP_TEST_DATABASE_URL is not set: run through apps/api/test/jest.integration.config.js');
  return url;
}

/** Empties every table, so each test file starts from a known state on the same migrated database. */
export async function resetDatabase(url: string = testDatabaseUrl()): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('public.organization') IS NOT NULL AS exists");
    if (rows[0].exists) await client.query('TRUNCATE organization, accounts CASCADE');
  } finally {
    await client.end();
  }
}

export async function startTestApp(
  database: DatabaseTarget = { url: testDatabaseUrl(), embedded: false },
  overrides: Partial<AppConfig> = {},
  options: CreateAppOptions = {},
): Promise<TestApp> {
  const config = {
    // Rate limits are tested on their own (rate-limits spec); the other suites upload and download far more.
    ...loadConfig({
      PORT: '0',
      ROLEMAP_WEB_DIST: '',
      ROLEMAP_SEED_DEMO: 'false',
      ROLEMAP_RATE_LIMIT_UPLOADS: 'off',
      ROLEMAP_RATE_LIMIT_EXPORTS: 'off',
      ROLEMAP_RATE_LIMIT_SIGN_IN: 'off',
      // The request log is tested on its own (request-log spec); elsewhere it would only fill the output.
      ROLEMAP_LOG_LEVEL: process.env.ROLEMAP_LOG_LEVEL ?? 'silent',
    }),
    databaseUrl: database.url,
    ...overrides,
  };
  const queries: string[] = [];
  const app = await createApp(config, database, { onQuery: (sql) => queries.push(sql) }, options);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const ownerToken = await ownerApiToken(app.get(AccountsService));
  const authorized = (headers: Record<string, string> = {}) => ({ authorization: `Bearer ${ownerToken}`, ...headers });
  return {
    app,
    url,
    database,
    queries,
    ownerToken,
    authorized,
    async graphql<T>(query: string, variables?: Record<string, unknown>, as: { token: string | null } = { token: ownerToken }) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(as.token ? { authorization: `Bearer ${as.token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResult<T>;
    },
    async upload<T>(
      query: string,
      variables: Record<string, unknown>,
      files: Record<string, { name: string; content: string | Buffer }>,
      options: { timeoutMs?: number; token?: string | null } = {},
    ) {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query, variables }));
      form.append(
        'map',
        JSON.stringify(Object.fromEntries(Object.keys(files).map((name, i) => [String(i), [`variables.${name}`]]))),
      );
      Object.values(files).forEach((file, i) =>
        form.append(
          String(i),
          new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]),
          file.name,
        ),
      );
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers:
          options.token === undefined
            ? authorized({ 'x-rolemap-client': 'test' })
            : { 'x-rolemap-client': 'test', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        body: form,
        signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      });
      return (await response.json()) as GraphqlResult<T>;
    },
    close: () => app.close(),
  };
}

/** An owner account of its own for each app the tests start, signed in with a personal API token. */
async function ownerApiToken(accounts: AccountsService): Promise<string> {
  const owner = await accounts.create(LOCAL_OPERATOR, {
    email: `owner-${randomUUID()}@test.invalid`,
    displayName: 'Test Owner',
    owner: true,
  });
  const issued = await accounts.createApiToken(await accounts.callerOf(owner, 'api-token'), 'integration tests', 1);
  return issued.token;
}

export interface DemoTestApp {
  api: TestApp;
  organizationId: string;
  snapshotId: string;
}

/** A fresh database with the demo organization seeded, and the app serving it. */
export async function startTestAppWithDemo(
  database: DatabaseTarget = { url: testDatabaseUrl(), embedded: false },
): Promise<DemoTestApp> {
  await resetDatabase(database.url);
  const api = await startTestApp(database);
  await api.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
  const result = await api.graphql<{ organizations: { id: string; latestSnapshot: { id: string } }[] }>(
    '{ organizations { id latestSnapshot { id } } }',
  );
  const [organization] = result.data!.organizations;
  return { api, organizationId: organization.id, snapshotId: organization.latestSnapshot.id };
}

/**
 * A database of the spec's own on the test server, for a spec that reads every table and so must
 * not see what other specs of the run leave behind. `drop` removes it.
 */
export async function createOwnDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.ROLEMAP_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('ROLEMAP_TEST_SERVER_URL is not set: run through apps/api/test/jest.integration.config.js');
  const name = `${process.env.ROLEMAP_TEST_DATABASE_NAME}_${label}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
