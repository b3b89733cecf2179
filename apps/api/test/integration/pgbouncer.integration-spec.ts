import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_OPERATOR } from '@rolemap/server-core';
import { DemoSeedService } from '@rolemap/server-imports';
import { type TestApp, resetDatabase, startTestApp, testDatabaseUrl } from '../support/test-app';

/**
 * rolemap behind PgBouncer in transaction mode, the pooling docs/scaling.md recommends: every
 * transaction may run on another server connection, so nothing may rely on session state (SET,
 * temporary tables, session advisory locks, named prepared statements). A real PgBouncer from
 * Debian's package serves three server connections to an app pool of ten; the answers must be
 * exactly those of an app connected straight to the database.
 */
const PGBOUNCER = '/usr/sbin/pgbouncer';
const available = fs.existsSync(PGBOUNCER);
if (!available) {
  const message = `${PGBOUNCER} is missing (apt-get install pgbouncer; .ci/run installs it)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipping the PgBouncer suite: ${message}`);
}
const describeWithPgBouncer = available ? describe : describe.skip;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startPgBouncer(target: URL): Promise<{ url: string; process: ChildProcess; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-pgbouncer-'));
  // PgBouncer refuses to run as root; as the postgres user it must be able to read its files.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const database = target.pathname.slice(1);
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(path.join(dir, 'users.txt'), `"${target.username || 'postgres'}" ""\n`);
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 3',
      'max_client_conn = 200',
      // node-postgres sends these at connect; in transaction mode PgBouncer must not pass them on.
      'ignore_startup_parameters = extra_float_digits,options',
      'server_reset_query =',
    ].join('\n'),
  );
  for (const file of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, file), 0o644);
  const asRoot = process.getuid?.() === 0;
  const child = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), ini], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  for (let attempt = 0; ; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error(`PgBouncer did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = new URL(target.toString());
  url.host = `127.0.0.1:${port}`;
  return { url: url.toString(), process: child, dir };
}

const QUERIES = {
  summary: `query($s: ID!) { analysisSummary(snapshotId: $s) { findingCount leaderCount positionCount filledCount vacantCount
    leaderTacticalLoadPct byKind { kind count } } }`,
  findings: `query($s: ID!, $offset: Int!) { findings(snapshotId: $s, first: 20, offset: $offset) { totalCount
    nodes { key kind positionId severity explanation } } }`,
  subtree: `query($p: ID!) { subtree(positionId: $p, depth: 3) { id title tier holder { name employeeId } directReports { id } } }`,
  chart: `query($s: ID!) { orgChartTop(snapshotId: $s, depth: 3) { nodes { id parentId name title descendantCount badges } } }`,
};

describeWithPgBouncer('through PgBouncer in transaction mode (a real pgbouncer, PostgreSQL)', () => {
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  let pooled: TestApp;
  let direct: TestApp;
  let snapshotId: string;
  let organizationId: string;
  let rootId: string;

  beforeAll(async () => {
    await resetDatabase();
    bouncer = await startPgBouncer(new URL(testDatabaseUrl()));
    pooled = await startTestApp({ url: bouncer.url, embedded: false });
    direct = await startTestApp();
    // The demo import runs through the pool: COPY, ANALYZE and the import's transaction.
    await pooled.app.get(DemoSeedService).seed(LOCAL_OPERATOR);
    const orgs = await pooled.graphql<{ organizations: { id: string; latestSnapshot: { id: string } }[] }>(
      '{ organizations { id latestSnapshot { id } } }',
    );
    organizationId = orgs.data!.organizations[0].id;
    snapshotId = orgs.data!.organizations[0].latestSnapshot.id;
    const top = await direct.graphql<{ orgChartTop: { nodes: { id: string; parentId: string | null }[] } }>(QUERIES.chart, {
      s: snapshotId,
    });
    rootId = top.data!.orgChartTop.nodes.find((node) => node.parentId === null)!.id;
  }, 120_000);

  afterAll(async () => {
    await pooled?.close();
    await direct?.close();
    bouncer?.process.kill('SIGTERM');
    if (bouncer) fs.rmSync(bouncer.dir, { recursive: true, force: true });
  });

  it('answers 60 concurrent mixed requests without an error, exactly as a direct connection does', async () => {
    const requests = Array.from({ length: 60 }, (_, i) => {
      const kind = (['summary', 'findings', 'subtree', 'chart'] as const)[i % 4];
      const variables =
        kind === 'subtree' ? { p: rootId } : kind === 'findings' ? { s: snapshotId, offset: (i % 3) * 20 } : { s: snapshotId };
      return { kind, variables };
    });
    const answers = await Promise.all(requests.map(({ kind, variables }) => pooled.graphql(QUERIES[kind], variables)));
    expect(answers.filter((answer) => answer.errors)).toEqual([]);
    for (const [i, { kind, variables }] of requests.entries()) {
      if (i >= 8) break;
      expect(answers[i]).toEqual(await direct.graphql(QUERIES[kind], variables));
    }
  });

  it('writes through the pool are read at once on a direct connection, and the other way round', async () => {
    const saved = await pooled.graphql(
      'mutation($o: ID!) { updatePolicy(organizationId: $o, policy: { thresholds: { spanMax: 17 } }) { thresholds { spanMax } } }',
      { o: organizationId },
    );
    expect(saved.errors).toBeUndefined();
    const read = await direct.graphql<{ policy: { thresholds: { spanMax: number } } }>(
      'query($o: ID!) { policy(organizationId: $o) { thresholds { spanMax } } }',
      { o: organizationId },
    );
    expect(read.data!.policy.thresholds.spanMax).toBe(17);

    const findings = await direct.graphql<{ findings: { nodes: { key: string }[] } }>(QUERIES.findings, {
      s: snapshotId,
      offset: 0,
    });
    const key = findings.data!.findings.nodes[0].key;
    const reviewed = await direct.graphql(
      'mutation($s: ID!, $k: String!) { reviewFinding(snapshotId: $s, key: $k, status: ACCEPTED, note: "Agreed at the team review") { status } }',
      { s: snapshotId, k: key },
    );
    expect(reviewed.errors).toBeUndefined();
    const audit = await pooled.graphql<{ auditLog: { entries: { action: string }[] } }>(
      'query($o: ID!) { auditLog(organizationId: $o, first: 10) { entries { action } } }',
      { o: organizationId },
    );
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditLog.entries.map((node) => node.action)).toEqual(
      expect.arrayContaining(['review', 'policy-edit', 'import']),
    );
  });
});
