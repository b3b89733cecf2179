import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { generateSyntheticOrg, writePeopleCsv, writeResponsibilitiesCsv } from '@rolemap/demo-data';
import {
  AccountsService,
  AuditLogService,
  LOCAL_OPERATOR,
  OrganizationsService,
  acrossAllTenants,
  loadConfig,
} from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import type { DataSource } from 'typeorm';
import { pino } from 'pino';
import { createApp } from '../../apps/api/src/create-app';
import { SESSION_COOKIE } from '../../apps/api/src/modules/auth/request-callers';
import { withBenchDatabase } from './bench-database';

/** The one leader the generated org gets a flat team of `wideTeam` reports under (a call centre, a pool). */
export const WIDE_TEAM_LEAD = 'Morgan Widespan';

export interface BenchServer {
  url: string;
  organizationId: string;
  snapshotId: string;
  dataSource: DataSource;
  app: NestExpressApplication;
  /** The owner's session cookie, for a browser context (`context.addCookies([sessionCookie])`). */
  sessionCookie: { name: string; value: string; url: string };
  /** Headers that sign a request in as the owner (an API token). */
  authorization: { authorization: string };
  /** POST /graphql signed in as the owner; the wall time and the size of the answer. */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; ms: number; bytes: number }>;
}

export interface BenchServerOptions {
  size: number;
  /** Direct reports moved under WIDE_TEAM_LEAD (0: none). */
  wideTeam: number;
  /** Serve the built web app (dist/apps/web) at `/`. */
  serveWeb: boolean;
  /** A port in the range this bench may use. */
  port: number;
}

/**
 * A throwaway PostgreSQL database holding one generated org imported through the real
 * ImportService, and the real Nest app serving it on 127.0.0.1:`port`.
 */
export async function withBenchServer<T>(options: BenchServerOptions, work: (server: BenchServer) => Promise<T>): Promise<T> {
  return withBenchDatabase(async (dataSource, databaseUrl) => {
    const org = generateSyntheticOrg({ size: options.size, seed: 7 });
    if (options.wideTeam > 0) addWideTeam(org.people, options.wideTeam);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-bench-server-'));
    const peoplePath = path.join(dir, 'people.csv');
    const responsibilitiesPath = path.join(dir, 'responsibilities.csv');
    await writePeopleCsv(org.people, peoplePath);
    await writeResponsibilitiesCsv(org.responsibilities, responsibilitiesPath);
    const imports = new ImportService(
      dataSource,
      { url: '', embedded: false },
      new OrganizationsService(dataSource),
      new AuditLogService(dataSource),
    );
    const outcome = await imports.importFiles(LOCAL_OPERATOR, {
      organizationName: `Bench ${options.size}`,
      people: { fileName: 'people.csv', data: fs.readFileSync(peoplePath) },
      responsibilities: { fileName: 'responsibilities.csv', data: fs.readFileSync(responsibilitiesPath) },
      asOf: '2026-11-01',
    });
    fs.rmSync(dir, { recursive: true, force: true });
    if (!outcome.ok || !outcome.snapshot) throw new Error(`import failed: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
    console.log(
      `imported ${options.size} people: database write ${outcome.timings.writeMs.toFixed(0)} ms (COPY with every index, trigram ones included)`,
    );
    // What every import should leave behind: planner statistics for the new rows.
    await acrossAllTenants(() => dataSource.query('ANALYZE position, person, assignment, responsibility'));

    const config = {
      ...loadConfig({
        PORT: String(options.port),
        ROLEMAP_SEED_DEMO: 'false',
        ...(options.serveWeb ? {} : { ROLEMAP_WEB_DIST: '' }),
      }),
      databaseUrl,
    };
    // Request logs are written as in production, to /dev/null so they do not drown the figures.
    const logDestination = pino.destination({ dest: '/dev/null', sync: false });
    const app = await createApp(config, { url: databaseUrl, embedded: false }, {}, { logDestination });
    await app.listen(options.port, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    // Signed in as an owner, as a user would be: the API token for requests, a session for the browser.
    const accounts = app.get(AccountsService);
    const owner = await accounts.create(LOCAL_OPERATOR, {
      email: 'bench-owner@bench.invalid',
      displayName: 'Bench',
      owner: true,
    });
    const { token } = await accounts.createApiToken(await accounts.callerOf(owner, 'api-token'), 'bench', 1);
    const session = await accounts.openSession(owner.id);
    const sessionCookie = { name: SESSION_COOKIE, value: session.token, url };
    const graphql = async <R>(query: string, variables: Record<string, unknown> = {}) => {
      const start = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      const ms = performance.now() - start;
      const body = JSON.parse(text) as { data?: R; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
      return { data: body.data as R, ms, bytes: text.length };
    };
    try {
      const { data } = await graphql<{ organizations: { id: string; latestSnapshot: { id: string } }[] }>(
        '{ organizations { id latestSnapshot { id } } }',
      );
      const [organization] = data.organizations;
      return await work({
        url,
        organizationId: organization.id,
        snapshotId: organization.latestSnapshot.id,
        dataSource,
        app,
        sessionCookie,
        authorization: { authorization: `Bearer ${token}` },
        graphql,
      });
    } finally {
      await app.close();
    }
  });
}

/**
 * Gives one manager at the fourth level `count` more direct reports, taken from the leaves of
 * other teams, and a name a search finds once.
 */
function addWideTeam(people: ReturnType<typeof generateSyntheticOrg>['people'], count: number): void {
  const byId = new Map(people.map((person) => [person.employeeId, person]));
  const managers = new Set(people.map((person) => person.managerId).filter((id): id is string => id !== null));
  const levelOf = (person: (typeof people)[number]) => {
    let level = 0;
    for (let up = person.managerId; up; up = byId.get(up)?.managerId ?? null) level++;
    return level;
  };
  const lead = people.find((person) => managers.has(person.employeeId) && levelOf(person) === 3);
  if (!lead) throw new Error('the generated org has no manager at the fourth level');
  lead.name = WIDE_TEAM_LEAD;
  let moved = 0;
  for (const person of people) {
    if (moved >= count) break;
    if (managers.has(person.employeeId) || person.managerId === lead.employeeId || person === lead) continue;
    person.managerId = lead.employeeId;
    moved++;
  }
}

/**
 * Fills the server's analysis cache, as on a server people already use. On a busy machine the
 * first analysis of 100k positions can outlast the request deadline; it still completes and is
 * cached, so ask again.
 */
export async function warmAnalysis(server: BenchServer): Promise<number> {
  const start = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await server.graphql('query($s: ID!) { analysisSummary(snapshotId: $s) { findingCount } }', { s: server.snapshotId });
      return performance.now() - start;
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

export function argNumber(flag: string, fallback: number): number {
  const index = process.argv.indexOf(flag);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} needs a number`);
  return value;
}
