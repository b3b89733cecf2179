import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

/** The real server process (`main.ts` under swc), on the embedded database in `dataDir`. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      ROLEMAP_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      ROLEMAP_WEB_DIST: '',
      SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}`, output: () => output });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });

/** The session cookie the first start's one-time owner link gives; sessions outlive restarts. */
let sessionCookie = '';

async function signInWithFirstStartLink(url: string, output: string): Promise<void> {
  const token = /\/sign-in\?link=(rml_\S+)/.exec(output)?.[1];
  if (!token) throw new Error(`the first start printed no sign-in link:\n${output}`);
  const response = await fetch(`${url}/api/auth/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(response.status).toBe(200);
  sessionCookie = /rolemap_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
}

async function graphql(url: string, query: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: sessionCookie },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data: Record<string, any> };
}

describe('the server on its embedded database: nothing is lost across restarts', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-lifecycle-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the demo once, keeps edits across a graceful stop, and releases the data directory', async () => {
    const first = await startServer(dataDir);
    expect(first.output()).toMatch(/Seeded the demo organization "Northwind Robotics"/);
    await signInWithFirstStartLink(first.url, first.output());
    await graphql(first.url, 'mutation { createOrganization(name: "Kept Co") { id } }');
    expect(await stop(first.child, 'SIGTERM')).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'rolemap.lock'))).toBe(false);

    const second = await startServer(dataDir);
    expect(second.output()).not.toMatch(/Seeded/);
    expect(second.output()).not.toMatch(/sign-in\?link=/);
    const { data } = await graphql(second.url, '{ organizations { name } }');
    expect(data.organizations.map((org: { name: string }) => org.name)).toEqual(['Kept Co', 'Northwind Robotics']);
    await stop(second.child, 'SIGINT');
  });

  it('keeps committed data when the process is killed outright', async () => {
    const server = await startServer(dataDir);
    await graphql(server.url, 'mutation { createOrganization(name: "Crash Co") { id } }');
    await stop(server.child, 'SIGKILL');
    const restarted = await startServer(dataDir);
    const { data } = await graphql(restarted.url, '{ organizations { name } }');
    expect(data.organizations.map((org: { name: string }) => org.name)).toContain('Crash Co');
    await stop(restarted.child, 'SIGTERM');
  });
});
