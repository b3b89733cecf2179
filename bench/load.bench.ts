// `npm run bench -- load [--duration 60] [--clients 8] [--size 100000] [--port 4210]`: mixed
// GraphQL traffic (chart, subtree, findings pages, summary) against the demo organization and a
// generated organization of --size people, on PostgreSQL, over loopback, from --clients
// concurrent clients for --duration seconds. The server runs as its own process (the built
// dist/apps/api, as `npm start` runs it) so its memory is measured alone: RSS is sampled every
// second. Prints per operation and overall p50/p95/p99, requests per second and errors; exits 1
// on any error. Needs PostgreSQL (DATABASE_URL, default the local server); creates and drops its
// own database.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { generateSyntheticOrg } from '@rolemap/demo-data';
import { AuditLogService, LOCAL_OPERATOR, OrganizationsService } from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import { machineLine, withBenchDatabase } from './support/bench-database';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const durationS = Number(argument('duration', '60'));
const clients = Number(argument('clients', '8'));
const size = Number(argument('size', '100000'));
const port = Number(argument('port', '4210'));
/** Seconds of one client alone first: the same mix unloaded, the baseline the loaded figures are read against. */
const baselineS = Number(argument('baseline', '15'));
const repo = path.resolve(__dirname, '..');
const base = `http://127.0.0.1:${port}`;

/**
 * The headers every request carries. Sign-in goes here when it arrives: sign in once (or create
 * a token) and return the cookie or `authorization: Bearer …` header; every client calls this.
 */
async function requestHeaders(): Promise<Record<string, string>> {
  return { 'content-type': 'application/json' };
}

interface OrgUnderLoad {
  label: string;
  snapshotId: string;
  positions: number;
  /** Positions with reports, where a subtree is worth asking for. */
  leaders: string[];
  findings: number;
}

interface Operation {
  name: string;
  /** Relative frequency in the mix. */
  weight: number;
  query: string;
  variables(org: OrgUnderLoad): Record<string, unknown>;
  /** Left out of the mix for organizations it cannot serve (reported apart). */
  servesOrg?(org: OrgUnderLoad): boolean;
}

/**
 * The whole chart in one answer (what the web app asks for today) is left out of the mix above
 * this many positions: at 100k it runs past the 15 s request deadline. The lazy chart
 * (`orgChartTop`, when the server has it) serves organizations of any size and replaces it.
 */
const FULL_CHART_MAX_POSITIONS = 20_000;
const FULL_CHART = `query($s: ID!) { orgChart(snapshotId: $s) { id parentId name title tier department vacant employeeId directReports
  tacticalGap openFindings badges actualMix { implementation unification communication leadership }
  expectedMix { implementation unification communication leadership } } }`;
const LAZY_CHART = `query($s: ID!) { orgChartTop(snapshotId: $s, depth: 3) { id parentId name title } }`;

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

// The web app's own selections (apps/web/src/modules/*/graphql), trimmed to what a page asks for.
const OPERATIONS: Operation[] = [
  {
    name: 'chart',
    weight: 1,
    query: FULL_CHART,
    variables: (org) => ({ s: org.snapshotId }),
    servesOrg: (org) => org.positions <= FULL_CHART_MAX_POSITIONS,
  },
  {
    name: 'subtree',
    weight: 4,
    query: `query($p: ID!) { subtree(positionId: $p, depth: 3) { id title tier department vacant holder { name employeeId }
      directReports { id } } }`,
    variables: (org) => ({ p: pick(org.leaders) }),
  },
  {
    name: 'findings page',
    weight: 4,
    query: `query($s: ID!, $offset: Int!) { findings(snapshotId: $s, first: 50, offset: $offset) { totalCount
      nodes { key kind positionId positionTitle personName employeeId department severity explanation status } } }`,
    variables: (org) => ({ s: org.snapshotId, offset: Math.floor((Math.random() * Math.max(0, org.findings - 50)) / 50) * 50 }),
  },
  {
    name: 'summary',
    weight: 2,
    query: `query($s: ID!) { analysisSummary(snapshotId: $s) { findingCount leaderCount positionCount filledCount vacantCount
      leaderTacticalLoadPct byKind { kind count } worstSubtrees { positionId name headcount findingCount } } }`,
    variables: (org) => ({ s: org.snapshotId }),
  },
];

async function graphql(query: string, variables: Record<string, unknown>): Promise<{ ok: boolean; data?: any; error?: string }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: await requestHeaders(),
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: { message: string }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: `HTTP ${response.status}: unreadable body (${text.length} bytes)` };
  }
  if (!response.ok || body.errors?.length) {
    return {
      ok: false,
      error: `HTTP ${response.status}: ${body.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200)}`,
    };
  }
  return { ok: true, data: body.data };
}

function startServer(databaseUrl: string): ChildProcess {
  const server = spawn(process.execPath, ['--max-semi-space-size=64', path.join(repo, 'dist/apps/api/src/main.js')], {
    cwd: repo,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ROLEMAP_WEB_DIST: '',
      ROLEMAP_SEED_DEMO: 'true',
      NODE_ENV: 'production',
      // Only to learn whether the server has the lazy chart (orgChartTop).
      ROLEMAP_GRAPHQL_INTROSPECTION: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr!.on('data', (chunk) => process.stderr.write(`[server] ${chunk}`));
  // The request log (a JSON line per request) is read and dropped, so the pipe never fills.
  server.stdout!.resume();
  return server;
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer ${base}/api/health within ${timeoutMs / 1000} s`);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function orgsUnderLoad(dataSource: DataSource): Promise<OrgUnderLoad[]> {
  const { data } = await graphql('{ organizations { name latestSnapshot { id positionCount } } }', {});
  const orgs: OrgUnderLoad[] = [];
  for (const organization of data.organizations as { name: string; latestSnapshot: { id: string; positionCount: number } }[]) {
    const snapshotId = organization.latestSnapshot.id;
    const leaders: { reports_to_id: string }[] = await dataSource.query(
      'SELECT DISTINCT reports_to_id FROM position WHERE snapshot_id = $1 AND reports_to_id IS NOT NULL',
      [snapshotId],
    );
    // The first request of a snapshot computes its analysis; at 100k that can outlast the request
    // deadline (the analysis still completes and is cached), so ask until it answers.
    const analysisStart = performance.now();
    let findings = await graphql('query($s: ID!) { findings(snapshotId: $s, first: 1) { totalCount } }', { s: snapshotId });
    for (let attempt = 1; !findings.ok && attempt < 10; attempt++) {
      console.log(`  first analysis of ${organization.name}: ${findings.error}; asking again`);
      findings = await graphql('query($s: ID!) { findings(snapshotId: $s, first: 1) { totalCount } }', { s: snapshotId });
    }
    if (!findings.ok) throw new Error(`findings of ${organization.name}: ${findings.error}`);
    console.log(`  first analysis of ${organization.name}: ${((performance.now() - analysisStart) / 1000).toFixed(1)} s`);
    orgs.push({
      label: `${organization.name} (${organization.latestSnapshot.positionCount.toLocaleString('en')} positions)`,
      snapshotId,
      positions: organization.latestSnapshot.positionCount,
      leaders: leaders.map((row) => row.reports_to_id),
      findings: findings.data.findings.totalCount,
    });
  }
  return orgs;
}

interface Sample {
  operation: string;
  org: string;
  ms: number;
  ok: boolean;
}

async function runClients(
  orgs: OrgUnderLoad[],
  clients: number,
  untilMs: number,
  samples: Sample[],
  errors: string[],
): Promise<void> {
  const chooseOperation = (org: OrgUnderLoad) => {
    const serving = OPERATIONS.filter((operation) => operation.servesOrg?.(org) ?? true);
    let roll = Math.random() * serving.reduce((sum, operation) => sum + operation.weight, 0);
    for (const operation of serving) if ((roll -= operation.weight) < 0) return operation;
    return serving[serving.length - 1];
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < untilMs) {
        const org = pick(orgs);
        const operation = chooseOperation(org);
        const started = performance.now();
        const result = await graphql(operation.query, operation.variables(org)).catch((error: Error) => ({
          ok: false,
          error: error.message,
        }));
        samples.push({ operation: operation.name, org: org.label, ms: performance.now() - started, ok: result.ok });
        if (!result.ok && errors.length < 20)
          errors.push(`${operation.name} on ${org.label}: ${'error' in result ? result.error : ''}`);
      }
    }),
  );
}

function table(samples: Sample[], seconds: number): string[] {
  const groups = new Map<string, number[]>();
  const add = (key: string, ms: number) => groups.set(key, [...(groups.get(key) ?? []), ms]);
  for (const sample of samples) {
    add(`${sample.org} · ${sample.operation}`, sample.ms);
    add('all', sample.ms);
  }
  const lines = ['| traffic | requests | req/s | p50 ms | p95 ms | p99 ms | max ms |', '|---|--:|--:|--:|--:|--:|--:|'];
  for (const [key, values] of [...groups.entries()].sort(([a], [b]) =>
    a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
  )) {
    const sorted = [...values].sort((x, y) => x - y);
    lines.push(
      `| ${key === 'all' ? '**all**' : key} | ${values.length} | ${(values.length / seconds).toFixed(1)} | ${percentile(sorted, 50).toFixed(0)} | ` +
        `${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${sorted[sorted.length - 1].toFixed(0)} |`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  console.log(`rolemap load benchmark — ${machineLine()}`);
  console.log(
    `${clients} clients, ${durationS} s, demo organization + ${size.toLocaleString('en')} generated people, PostgreSQL, loopback\n`,
  );
  const build = spawnSync(process.execPath, [path.join(repo, 'tools/build-server.js')], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server failed');

  await withBenchDatabase(async (dataSource, url) => {
    const server = startServer(url);
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    try {
      // First start of an empty database seeds the demo organization.
      await waitForHealth(60_000);
      for (let i = 0; i < 240 && (await dataSource.query('SELECT count(*)::int AS n FROM org_snapshot'))[0].n === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const large = generateSyntheticOrg({ size, seed: 7 });
      const importStart = performance.now();
      await new ImportService(
        dataSource,
        { url, embedded: false },
        new OrganizationsService(dataSource),
        new AuditLogService(dataSource),
      ).importRecords(LOCAL_OPERATOR, {
        organizationName: `Synthetic ${size.toLocaleString('en')}`,
        people: large.people,
        responsibilities: large.responsibilities,
        asOf: '2026-11-01',
        label: null,
        sourceFileName: null,
      });
      console.log(`imported ${size.toLocaleString('en')} people in ${((performance.now() - importStart) / 1000).toFixed(1)} s`);

      const lazy = await graphql('{ __type(name: "Query") { fields { name } } }', {});
      if (lazy.ok && lazy.data.__type.fields.some((field: { name: string }) => field.name === 'orgChartTop')) {
        // The lazy chart serves every size: it takes the full chart's place in the mix.
        OPERATIONS[0] = { name: 'chart (top levels)', weight: 1, query: LAZY_CHART, variables: (org) => ({ s: org.snapshotId }) };
      }
      const orgs = await orgsUnderLoad(dataSource);
      // Warm-up: every operation once per organization (the first analysis of each snapshot is computed here).
      const warmStart = performance.now();
      for (const org of orgs) {
        for (const operation of OPERATIONS.filter((candidate) => candidate.servesOrg?.(org) ?? true)) {
          const result = await graphql(operation.query, operation.variables(org));
          if (!result.ok) throw new Error(`warm-up ${operation.name} on ${org.label} failed: ${result.error}`);
        }
      }
      console.log(`warm-up (first analyses) ${((performance.now() - warmStart) / 1000).toFixed(1)} s`);
      for (const org of orgs) console.log(`  ${org.label}: ${org.leaders.length} leaders, ${org.findings} findings`);

      const baseline: Sample[] = [];
      const baselineErrors: string[] = [];
      const baselineStart = performance.now();
      await runClients(orgs, 1, Date.now() + baselineS * 1000, baseline, baselineErrors);
      const baselineSeconds = (performance.now() - baselineStart) / 1000;
      console.log(
        `\nbaseline: 1 client alone for ${baselineSeconds.toFixed(1)} s, ${baseline.filter((b) => !b.ok).length} errors\n`,
      );
      for (const line of table(baseline, baselineSeconds)) console.log(line);

      const rss: number[] = [rssMb(server.pid!)];
      const sampler = setInterval(() => rss.push(rssMb(server.pid!)), 1000);
      const samples: Sample[] = [];
      const errors: string[] = [];
      const started = performance.now();
      await runClients(orgs, clients, Date.now() + durationS * 1000, samples, errors);
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      rss.push(rssMb(server.pid!));

      const failed = samples.filter((sample) => !sample.ok).length + baselineErrors.length;
      console.log(`\nunder load: ${clients} clients, ${samples.length} requests in ${seconds.toFixed(1)} s, ${failed} errors\n`);
      for (const line of table(samples, seconds)) console.log(line);
      // V8's heap is a sawtooth (it grows until a major collection), so flat means the second
      // half of the run peaks and bottoms out where the first half did, not a rising line.
      const half = Math.floor(rss.length / 2);
      const [first, second] = [rss.slice(0, half), rss.slice(half)];
      const span = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} MB`;
      const peakGrowth = Math.max(...second) - Math.max(...first);
      console.log(
        `\nserver RSS (sampled every 1 s, ${rss.length} samples): first half ${span(first)}, second half ${span(second)} ` +
          `(peak ${peakGrowth >= 0 ? '+' : ''}${peakGrowth.toFixed(0)} MB)`,
      );
      const every = Math.max(1, Math.round(rss.length / 12));
      console.log(
        `RSS every ${every} s: ${rss
          .filter((_, i) => i % every === 0)
          .map((mb) => mb.toFixed(0))
          .join(' ')} MB`,
      );
      const baselineSorted = baseline.map((b) => b.ms).sort((a, b) => a - b);
      const loadedSorted = samples.map((b) => b.ms).sort((a, b) => a - b);
      console.log(
        `p95 under load / p95 alone: ${(percentile(loadedSorted, 95) / percentile(baselineSorted, 95)).toFixed(1)}×; ` +
          `throughput ${(samples.length / seconds / (baseline.length / baselineSeconds)).toFixed(1)}× one client's`,
      );
      for (const error of [...baselineErrors, ...errors]) console.log(`error: ${error}`);
      for (const org of orgs.filter((candidate) => !(OPERATIONS[0].servesOrg?.(candidate) ?? true))) {
        const chartStart = performance.now();
        const chart = await graphql(FULL_CHART, { s: org.snapshotId });
        console.log(
          `left out of the mix: the whole orgChart of ${org.label}, alone after the run: ` +
            `${((performance.now() - chartStart) / 1000).toFixed(1)} s, ${chart.ok ? `${chart.data.orgChart.length} nodes` : chart.error}`,
        );
      }
      if (failed > 0) process.exitCode = 1;
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
