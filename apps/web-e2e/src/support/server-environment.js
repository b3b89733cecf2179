// The jest environment of every browser spec: a server of its own per spec file, built from dist,
// on a free port with a fresh embedded database (the demo organization seeded on first start).
// Nothing a spec changes reaches another, so the specs pass in any order and on their own.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { TestEnvironment } = require('jest-environment-node');
const { startOidcProvider } = require('./oidc-provider');

const root = path.resolve(__dirname, '../../../..');
// A first start seeds the demo (import, analysis, demo users); on a busy shared machine that has taken over a minute.
const START_TIMEOUT_MS = 120_000;

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

/**
 * Signs in as the owner with the one-time link the first start prints, as a user would, and
 * hands back the session cookie (name=value) the browser and the specs' own requests send.
 */
async function signInAsOwner(url, child, logs, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${logs.join('')}`);
    const token = /\/sign-in\?link=(rml_\S+)/.exec(logs.join(''))?.[1];
    if (token) {
      const response = await fetch(`${url}/api/auth/link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      const cookie = /rolemap_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
      if (!cookie)
        throw new Error(`Signing in with the first start's link failed (${response.status}): ${await response.text()}`);
      return cookie;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server printed no sign-in link within the start timeout:\n${logs.join('')}`);
}

async function waitForServer(url, child, logs, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const cookie = await signInAsOwner(url, child, logs, deadline);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${logs.join('')}`);
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rolemap-client': 'e2e', cookie },
        body: JSON.stringify({ query: '{ organizations { id latestSnapshot { id } } }' }),
      });
      const body = await response.json();
      if (body.data?.organizations?.some((org) => org.latestSnapshot)) return cookie;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer at ${url} within ${timeoutMs} ms:\n${logs.join('')}`);
}

class ServerEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // `@oidc-provider` in a spec's docblock: the server gets single sign-on through a real provider.
    this.withOidcProvider = 'oidc-provider' in (context.docblockPragmas ?? {});
    // `@server-env NAME=value …` in a spec's docblock: settings for that spec's server only.
    const pragma = context.docblockPragmas?.['server-env'];
    this.serverEnv = Object.fromEntries(
      [pragma ?? []]
        .flat()
        .flatMap((line) => String(line).split(/\s+/))
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    );
  }

  async setup() {
    await super.setup();
    const main = path.join(root, 'dist/apps/api/src/main.js');
    const web = path.join(root, 'dist/apps/web/index.html');
    for (const file of [main, web]) {
      if (!fs.existsSync(file))
        throw new Error(`${path.relative(root, file)} is missing: run \`npx nx run web-e2e:e2e\` (it builds first).`);
    }
    const port = await freePort();
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-web-e2e-'));
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ROLEMAP_DATA_DIR: this.dataDir, TZ: 'UTC' };
    delete env.DATABASE_URL; // the embedded database, seeded with the demo organization
    delete env.ROLEMAP_WEB_DIST;
    delete env.ROLEMAP_SEED_DEMO;
    Object.assign(env, this.serverEnv);
    if (this.withOidcProvider) {
      this.oidcProvider = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/sso/callback`);
      Object.assign(env, this.oidcProvider.env);
      this.global.process.env.ROLEMAP_E2E_OIDC_ISSUER = this.oidcProvider.env.ROLEMAP_OIDC_ISSUER;
    }
    this.child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const logs = [];
    this.child.stdout.on('data', (chunk) => logs.push(String(chunk)));
    this.child.stderr.on('data', (chunk) => logs.push(String(chunk)));
    const url = `http://127.0.0.1:${port}`;
    this.global.process.env.ROLEMAP_E2E_COOKIE = await waitForServer(url, this.child, logs, START_TIMEOUT_MS);
    this.global.process.env.ROLEMAP_E2E_URL = url;
    this.global.process.env.ROLEMAP_E2E_LOGS = logs.join('');
  }

  async teardown() {
    const { child, dataDir } = this;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await this.oidcProvider?.close();
    await super.teardown();
  }
}

module.exports = ServerEnvironment;
