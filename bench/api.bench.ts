/**
 * `npm run bench -- api [--size 100000] [--runs 7] [--clients 8] [--seconds 30] [--flow lazy|full]`
 *
 * The chart's GraphQL requests against a generated org imported into PostgreSQL, through the
 * real Nest app on 127.0.0.1:4410. Baselines in the same run: psql-style `json_agg` of the
 * snapshot's positions (what the whole-org `orgChart` query has to beat), the subtree CTE as
 * plain SQL. Then `--clients` concurrent clients repeat what the overview and the leader review
 * send for `--seconds`: p50/p95 and errors. `--flow full` replays the whole-org chart the web
 * app sent before the lazy chart.
 */
import { machineLine, median } from './support/bench-database';
import { WIDE_TEAM_LEAD, argNumber, warmAnalysis, withBenchServer, type BenchServer } from './support/bench-server';

const size = argNumber('--size', 100_000);
const runs = argNumber('--runs', 7);
const clients = argNumber('--clients', 8);
const seconds = argNumber('--seconds', 30);
const flowIndex = process.argv.indexOf('--flow');
const flowName = flowIndex >= 0 ? process.argv[flowIndex + 1] : 'lazy';
const REQUEST_TIMEOUT_MS = 30_000;

const CHART_FIELDS = `id parentId name title tier department vacant employeeId directReports tacticalGap openFindings badges
  actualMix { implementation unification communication leadership }`;
const FULL_CHART = `query OrgChart($snapshotId: ID!) { orgChart(snapshotId: $snapshotId) { ${CHART_FIELDS}
  expectedMix { implementation unification communication leadership } } }`;
const LAZY_NODE = `${CHART_FIELDS} descendantCount subtreeFindings`;
const LAZY_TOP = `query OrgChartTop($snapshotId: ID!, $depth: Int!, $rootPositionId: ID) {
  orgChartTop(snapshotId: $snapshotId, depth: $depth, rootPositionId: $rootPositionId) {
    expectedMixes { tier mix { implementation unification communication leadership } }
    nodes { ${LAZY_NODE} } } }`;
const LAZY_TOP_BY_ORGANIZATION = `query OrgChartTop($organizationId: ID!, $depth: Int!) {
  orgChartTop(organizationId: $organizationId, depth: $depth) {
    snapshotId expectedMixes { tier mix { implementation unification communication leadership } }
    nodes { ${LAZY_NODE} } } }`;
const LAZY_CHILDREN = `query OrgChartChildren($snapshotId: ID!, $positionId: ID!, $first: Int!, $after: String) {
  orgChartChildren(snapshotId: $snapshotId, positionId: $positionId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${LAZY_NODE} } } }`;
const LAZY_SEARCH = `query OrgChartSearch($snapshotId: ID!, $query: String!, $first: Int!) {
  orgChartSearch(snapshotId: $snapshotId, query: $query, first: $first) {
    totalCount hits { id } nodes { ${LAZY_NODE} } } }`;
const LEADERS = `query OrgChartLeaders($snapshotId: ID!) { orgChartLeaders(snapshotId: $snapshotId) { id name title tier department vacant } }`;
const SUMMARY = `query AnalysisSummary($snapshotId: ID!) { analysisSummary(snapshotId: $snapshotId) { findingCount leaderCount
  positionCount byKind { kind count } worstSubtrees { positionId name headcount findingCount } } }`;
const LEADER_FINDINGS = `query LeaderFindings($snapshotId: ID!, $filter: FindingFilter, $first: Int!) {
  findings(snapshotId: $snapshotId, filter: $filter, first: $first) { totalCount nodes { key kind positionId severity explanation } } }`;
const SUBTREE = `query Subtree($positionId: ID!, $depth: Int!) { subtree(positionId: $positionId, depth: $depth) { id title depth reportsToId } }`;
const SEARCH_POSITIONS = `query Positions($snapshotId: ID!, $search: String, $first: Int!) {
  positions(snapshotId: $snapshotId, search: $search, first: $first) { totalCount nodes { id title department } } }`;

type Step = { name: string; query: string; variables: Record<string, unknown> };

/** One warm-up (caches, plans, JIT), then `runsCount` timed runs; a failure is reported, not thrown. */
async function timed(runsCount: number, step: () => Promise<unknown>): Promise<number[] | Error> {
  const samples: number[] = [];
  try {
    await step();
    for (let i = 0; i < runsCount; i++) {
      const start = performance.now();
      await step();
      samples.push(performance.now() - start);
    }
    return samples;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

async function hasLazyChart(server: BenchServer): Promise<boolean> {
  try {
    await server.graphql(`query($s: ID!) { orgChartTop(snapshotId: $s, depth: 0) { nodes { id } } }`, { s: server.snapshotId });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  console.log(`rolemap api benchmark — ${machineLine()}`);
  await withBenchServer({ size, wideTeam: 1_000, serveWeb: false, port: 4410 }, async (server) => {
    const { dataSource, snapshotId } = server;
    // Fill the analysis cache once, as a running server has it (the first analysis is the analyze bench's job).
    console.log(`first analysis of the snapshot (cold cache, retried past the deadline): ${ms(await warmAnalysis(server))}`);
    const lazy = await hasLazyChart(server);
    const [root] = await dataSource.query(`SELECT id FROM position WHERE snapshot_id = $1 AND reports_to_id IS NULL`, [
      snapshotId,
    ]);
    // The biggest department head: a subtree big enough that depth 3 means hundreds of positions.
    const [head] = await dataSource.query(
      `SELECT p.id, p.title, (SELECT count(*) FROM position c WHERE c.reports_to_id = p.id) AS reports
         FROM position p WHERE p.reports_to_id = $1 ORDER BY reports DESC, p.external_id LIMIT 1`,
      [root.id],
    );
    const [wideLead] = await dataSource.query(
      `SELECT p.id FROM position p JOIN assignment a ON a.position_id = p.id JOIN person pe ON pe.id = a.person_id
        WHERE p.snapshot_id = $1 AND pe.name = $2`,
      [snapshotId, WIDE_TEAM_LEAD],
    );
    const [director] = await dataSource.query(
      `SELECT id FROM position WHERE snapshot_id = $1 AND tier = 'DIRECTOR' ORDER BY external_id LIMIT 1`,
      [snapshotId],
    );
    const [{ count: positions }] = await dataSource.query(`SELECT count(*)::int AS count FROM position WHERE snapshot_id = $1`, [
      snapshotId,
    ]);
    console.log(`${positions} positions; lazy chart queries ${lazy ? 'present' : 'absent (baseline code)'}\n`);

    const rows: [string, string, string][] = [];
    const record = (name: string, samples: number[] | Error, note = '') => {
      if (samples instanceof Error) {
        rows.push([name, 'failed', samples.message.slice(0, 80)]);
        console.log(`${name}: failed: ${samples.message}`);
        return;
      }
      rows.push([name, ms(median(samples)), note]);
      console.log(`${name}: median ${ms(median(samples))} (min ${ms(Math.min(...samples))}) ${note}`);
    };

    record(
      'baseline: SQL json_agg of the snapshot positions',
      await timed(runs, () =>
        dataSource.query(
          `SELECT json_agg(p)::text AS rows FROM (SELECT id, reports_to_id, title, department, tier, vacant FROM position WHERE snapshot_id = $1) p`,
          [snapshotId],
        ),
      ),
    );
    let fullBytes = 0;
    const fullRuns = Math.min(runs, 3);
    record(
      'orgChart (whole org)',
      await timed(fullRuns, async () => (fullBytes = (await server.graphql(FULL_CHART, { snapshotId })).bytes)),
      `${(fullBytes / 2 ** 20).toFixed(1)} MiB, ${fullRuns} runs`,
    );
    record(
      'baseline: subtree CTE as SQL, no snapshot filter in the recursive part',
      await timed(runs, () =>
        dataSource.query(
          `WITH RECURSIVE sub AS (SELECT p.id, 0 AS d FROM position p WHERE p.id = $1
             UNION ALL SELECT c.id, sub.d + 1 FROM position c JOIN sub ON c.reports_to_id = sub.id WHERE sub.d < 3)
           SELECT count(*) FROM sub`,
          [head.id],
        ),
      ),
    );
    record(
      'subtree CTE as the server now runs it (SQL: join on the parent row’s snapshot)',
      await timed(runs, () =>
        dataSource.query(
          `WITH RECURSIVE sub AS (SELECT p.*, 0 AS d FROM position p WHERE p.id = $1
             UNION ALL SELECT c.*, sub.d + 1 FROM sub JOIN position c ON c.snapshot_id = sub.snapshot_id AND c.reports_to_id = sub.id
             WHERE sub.d < 3)
           SELECT count(*) FROM sub`,
          [head.id],
        ),
      ),
    );
    let subtreeSize = 0;
    record(
      `subtree depth 3 of "${head.title}"`,
      await timed(runs, async () => {
        subtreeSize = (await server.graphql<{ subtree: unknown[] }>(SUBTREE, { positionId: head.id, depth: 3 })).data.subtree
          .length;
      }),
      `${subtreeSize} positions`,
    );
    let searchCount = 0;
    record(
      'positions search "engineer" (first 50)',
      await timed(runs, async () => {
        searchCount = (
          await server.graphql<{ positions: { totalCount: number } }>(SEARCH_POSITIONS, {
            snapshotId,
            search: 'engineer',
            first: 50,
          })
        ).data.positions.totalCount;
      }),
      `${searchCount} matches`,
    );
    if (lazy) {
      let topBytes = 0;
      let topCount = 0;
      record(
        'orgChartTop depth 2 (what the overview draws first)',
        await timed(runs, async () => {
          const answer = await server.graphql<{ orgChartTop: { nodes: unknown[] } }>(LAZY_TOP, { snapshotId, depth: 2 });
          topBytes = answer.bytes;
          topCount = answer.data.orgChartTop.nodes.length;
        }),
        `${topCount} nodes, ${(topBytes / 1024).toFixed(1)} KiB`,
      );
      record(
        'orgChartTop depth 2 by organization (what the overview asks for before it has the snapshots)',
        await timed(runs, () => server.graphql(LAZY_TOP_BY_ORGANIZATION, { organizationId: server.organizationId, depth: 2 })),
      );
      record(
        `orgChartChildren of ${WIDE_TEAM_LEAD} (first 1000)`,
        await timed(runs, () => server.graphql(LAZY_CHILDREN, { snapshotId, positionId: wideLead.id, first: 1000 })),
      );
      let hits = 0;
      record(
        'orgChartSearch "engineer" (first 50, with paths)',
        await timed(runs, async () => {
          hits = (
            await server.graphql<{ orgChartSearch: { totalCount: number } }>(LAZY_SEARCH, {
              snapshotId,
              query: 'engineer',
              first: 50,
            })
          ).data.orgChartSearch.totalCount;
        }),
        `${hits} matches`,
      );
      record(
        `orgChartSearch "${WIDE_TEAM_LEAD}"`,
        await timed(runs, () => server.graphql(LAZY_SEARCH, { snapshotId, query: WIDE_TEAM_LEAD, first: 50 })),
      );
      record('orgChartLeaders (leader picker)', await timed(runs, () => server.graphql(LEADERS, { snapshotId })));
      record(
        'orgChartTop of a director, depth 1 (leader review)',
        await timed(runs, () => server.graphql(LAZY_TOP, { snapshotId, depth: 1, rootPositionId: director.id })),
      );
    }

    // What one user's browser sends opening the overview, then a leader's review.
    const reviewFindings = {
      snapshotId,
      first: 1000,
      filter: { leaderPositionId: director.id, statuses: null, kinds: null },
    };
    const flows: Record<string, Step[]> = {
      full: [
        { name: 'AnalysisSummary', query: SUMMARY, variables: { snapshotId } },
        { name: 'OrgChart', query: FULL_CHART, variables: { snapshotId } },
        { name: 'OrgChart', query: FULL_CHART, variables: { snapshotId } },
        { name: 'LeaderFindings', query: LEADER_FINDINGS, variables: reviewFindings },
      ],
      lazy: [
        { name: 'AnalysisSummary', query: SUMMARY, variables: { snapshotId } },
        { name: 'OrgChartTop', query: LAZY_TOP, variables: { snapshotId, depth: 2 } },
        { name: 'OrgChartChildren', query: LAZY_CHILDREN, variables: { snapshotId, positionId: head.id, first: 200 } },
        { name: 'OrgChartSearch', query: LAZY_SEARCH, variables: { snapshotId, query: 'engineer', first: 50 } },
        { name: 'OrgChartLeaders', query: LEADERS, variables: { snapshotId } },
        { name: 'OrgChartTop', query: LAZY_TOP, variables: { snapshotId, depth: 1, rootPositionId: director.id } },
        { name: 'LeaderFindings', query: LEADER_FINDINGS, variables: reviewFindings },
      ],
    };
    const flow = flows[lazy ? flowName : 'full'];
    if (!flow) throw new Error(`--flow must be one of ${Object.keys(flows).join(', ')}`);
    console.log(`\n${clients} concurrent clients for ${seconds} s, flow "${lazy ? flowName : 'full'}"…`);
    const latencies: number[] = [];
    const perStep = new Map<string, number[]>();
    let errors = 0;
    const stopAt = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; performance.now() < stopAt; i++) {
          const step = flow[i % flow.length];
          const start = performance.now();
          try {
            const response = await fetch(`${server.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...server.authorization },
              body: JSON.stringify({ query: step.query, variables: step.variables }),
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
            const body = (await response.json()) as { errors?: unknown[] };
            if (!response.ok || body.errors) errors++;
          } catch {
            errors++;
          }
          const elapsed = performance.now() - start;
          latencies.push(elapsed);
          perStep.set(step.name, [...(perStep.get(step.name) ?? []), elapsed]);
        }
      }),
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
    console.log(
      `${latencies.length} requests, ${errors} errors (timeouts at ${REQUEST_TIMEOUT_MS / 1000} s count), ` +
        `p50 ${ms(pct(0.5))}, p95 ${ms(pct(0.95))}, max ${ms(sorted[sorted.length - 1] ?? NaN)}`,
    );
    for (const [name, samples] of perStep) {
      const s = [...samples].sort((a, b) => a - b);
      console.log(`  ${name}: ${s.length} requests, p50 ${ms(s[Math.floor(s.length / 2)])}, max ${ms(s[s.length - 1])}`);
    }

    console.log('\n| request | median | note |\n| --- | --- | --- |');
    for (const [name, value, note] of rows) console.log(`| ${name} | ${value} | ${note} |`);
    console.log(
      `| ${clients} clients × ${seconds} s (${lazy ? flowName : 'full'}) | p95 ${ms(pct(0.95))} | ${latencies.length} requests, ${errors} errors |`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
