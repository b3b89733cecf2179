import { DataSource } from 'typeorm';
import { createOwnDatabase, startTestApp, type TestApp } from '../support/test-app';
import { seedSmallOrganization } from '../support/snapshot-fixture';

/** Log lines as the server writes them (JSON, one per line), kept in memory. */
function capturedLog() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    destination: {
      write(chunk: string) {
        for (const line of chunk.split('\n').filter(Boolean)) {
          raw.push(line);
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
      },
    },
  };
}

describe('structured request logs and readiness', () => {
  let api: TestApp;
  let own: Awaited<ReturnType<typeof createOwnDatabase>>;
  const log = capturedLog();

  beforeAll(async () => {
    own = await createOwnDatabase('request_log');
    api = await startTestApp({ url: own.url, embedded: false }, { logLevel: 'info' }, { logDestination: log.destination });
    await seedSmallOrganization(api.app.get(DataSource), 'Logged Co', true);
  });
  afterAll(async () => {
    await api?.close();
    await own?.drop();
  });

  const finished = (id: string) => log.lines.find((line) => line.reqId === id && line.msg === 'request finished');

  it('writes one JSON line per request with its id, operation, status, time and account, and echoes the id', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: api.authorized({ 'content-type': 'application/json', 'x-request-id': 'trace-abc.123' }),
      body: JSON.stringify({
        operationName: 'FindPeople',
        query: 'query FindPeople($q: String) { organization(name: $q) { name } }',
        variables: { q: 'Jane Personal-Name' },
      }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = finished('trace-abc.123');
    expect(line).toEqual(
      expect.objectContaining({
        level: 'info',
        service: 'rolemap',
        req: { method: 'POST', path: '/graphql' },
        res: { status: 200 },
        operation: 'FindPeople',
        via: 'api-token',
      }),
    );
    expect(typeof line?.account).toBe('string');
    expect(typeof line?.responseTime).toBe('number');
    expect(typeof line?.time).toBe('string');
  });

  it('keeps people, addresses and credentials out of every line', async () => {
    await fetch(`${api.url}/api/health?search=Jane%20Personal-Name`, { headers: { 'x-request-id': 'no-query' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished('no-query')?.req).toEqual({ method: 'GET', path: '/api/health' });
    const everything = log.raw.join('\n');
    expect(everything).not.toMatch(/Jane|Personal-Name/);
    expect(everything).not.toContain(api.ownerToken);
    expect(everything).not.toMatch(/@test\.invalid|127\.0\.0\.1|authorization|cookie|user-agent/i);
  });

  it('replaces a request id that is not a plain token with a fresh UUID', async () => {
    const response = await fetch(`${api.url}/api/health`, { headers: { 'x-request-id': 'evil id {"level":"fatal"}' } });
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished(id)).toBeDefined();
  });

  it('logs refused requests as warnings, with no account', async () => {
    const response = await fetch(`${api.url}/api/organizations/00000000-0000-0000-0000-000000000000/audit-log.csv`, {
      headers: { 'x-request-id': 'anonymous-1' },
    });
    expect(response.status).toBe(401);
    await response.text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = finished('anonymous-1');
    expect(line).toEqual(expect.objectContaining({ level: 'warn', res: { status: 401 } }));
    expect(line?.account).toBeUndefined();
  });

  it('is ready when the database answers and every migration is applied; not ready with one missing', async () => {
    const ready = await fetch(`${api.url}/api/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; migrations: number };
    expect(body).toEqual(expect.objectContaining({ status: 'ready', database: 'postgresql' }));
    expect(body.migrations).toBeGreaterThan(0);

    const dataSource = api.app.get(DataSource);
    const [last] = await dataSource.query('SELECT id, timestamp, name FROM rolemap_migrations ORDER BY timestamp DESC LIMIT 1');
    await dataSource.query('DELETE FROM rolemap_migrations WHERE id = $1', [last.id]);
    try {
      const notReady = await fetch(`${api.url}/api/ready`);
      expect(notReady.status).toBe(503);
      expect(((await notReady.json()) as { message: string }).message).toBe(`Migrations not applied yet: ${last.name}`);
      // Liveness does not depend on the schema: the process is up.
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200);
    } finally {
      await dataSource.query('INSERT INTO rolemap_migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        last.id,
        last.timestamp,
        last.name,
      ]);
    }
  });
});
