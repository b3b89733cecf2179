// Starts the built server on a free port with a fresh embedded database (demo org seeded on first
// start) and hands its URL to the tests; global-teardown stops it.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../../../..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, child, logs, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${logs.join('')}`);
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rolemap-client': 'e2e' },
        body: JSON.stringify({ query: '{ organizations { id latestSnapshot { id } } }' }),
      });
      const body = await response.json();
      if (body.data?.organizations?.some((org) => org.latestSnapshot)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs} ms:\n${logs.join('')}`);
}

module.exports = async function globalSetup() {
  const main = path.join(root, 'dist/apps/api/src/main.js');
  const web = path.join(root, 'dist/apps/web/index.html');
  for (const file of [main, web]) {
    if (!fs.existsSync(file))
      throw new Error(`${path.relative(root, file)} is missing: run \`npx nx run web-e2e:e2e\` (it builds first).`);
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-web-e2e-'));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ROLEMAP_DATA_DIR: dataDir, TZ: 'UTC' };
  delete env.DATABASE_URL; // the embedded database, seeded with the demo organization
  delete env.ROLEMAP_WEB_DIST;
  delete env.ROLEMAP_SEED_DEMO;
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs = [];
  child.stdout.on('data', (chunk) => logs.push(String(chunk)));
  child.stderr.on('data', (chunk) => logs.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(url, child, logs, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  process.env.ROLEMAP_E2E_URL = url;
  globalThis.__ROLEMAP_E2E__ = { child, dataDir };
};
