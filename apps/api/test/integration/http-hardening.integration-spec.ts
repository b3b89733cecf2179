import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { allowedHostsFrom } from '@rolemap/server-core';
import { resetDatabase, startTestApp, testDatabaseUrl, type TestApp } from '../support/test-app';

const ROOT = path.resolve(__dirname, '../../../..');

/** The owner's API token of the app under test, sent with every raw request once it is known. */
let ownerToken: string | null = null;

/** A raw request, so the Host header can be anything (fetch always sends the URL's). */
function request(
  url: string,
  options: { path: string; host?: string; method?: string; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: {
          ...(options.host !== undefined ? { host: options.host } : {}),
          ...(options.body ? { 'content-type': 'application/json' } : {}),
          ...(ownerToken ? { authorization: `Bearer ${ownerToken}` } : {}),
        },
        timeout: 5_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('HTTP hardening: Host allow-list and security headers (PostgreSQL, real HTTP)', () => {
  let api: TestApp;
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-web-dist-'));

  beforeAll(async () => {
    await resetDatabase();
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>rolemap</title><div id="root"></div>');
    api = await startTestApp(undefined, {
      webDistDir: webDist,
      allowedHosts: allowedHostsFrom('rolemap.example.com', '127.0.0.1'),
    });
    ownerToken = api.ownerToken;
  });
  afterAll(async () => {
    await api?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const graphqlBody = JSON.stringify({ query: '{ organizations { id name } }' });

  it.each(['/', '/api/health', '/graphql'])(
    'refuses %s for a host name it was not configured for (DNS rebinding), with 421',
    async (route) => {
      const response = await request(api.url, {
        path: route,
        host: 'rebind.attacker.example:3000',
        method: route === '/graphql' ? 'POST' : 'GET',
        body: route === '/graphql' ? graphqlBody : undefined,
      });
      expect(response.status).toBe(421);
      expect(response.body).toBe(
        'rolemap does not answer to the host name "rebind.attacker.example". If that name is meant to reach this server, add it to ROLEMAP_ALLOWED_HOSTS (comma-separated) and restart.\n',
      );
      expect(response.body).not.toMatch(/organizations|status/);
    },
  );

  it('refuses a request with an empty Host header', async () => {
    const { port } = new URL(api.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () =>
        socket.end('GET /api/health HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n'),
      );
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 421 /);
    expect(raw).toMatch(/needs a Host header/);
  });

  it.each(['localhost:3000', '127.0.0.1', '[::1]:3000', 'rolemap.example.com'])(
    'answers for the allowed host %s',
    async (host) => {
      const response = await request(api.url, { path: '/graphql', host, method: 'POST', body: graphqlBody });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body).data.organizations).toEqual([]);
    },
  );

  it.each(['/', '/api/health', '/graphql'])(
    'sends a Content-Security-Policy, nosniff and no X-Powered-By on %s',
    async (route) => {
      const response = await request(api.url, {
        path: route,
        host: '127.0.0.1',
        method: route === '/graphql' ? 'POST' : 'GET',
        body: route === '/graphql' ? graphqlBody : undefined,
      });
      expect(response.status).toBe(200);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests'); // served over plain HTTP on loopback
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['strict-transport-security']).toBeUndefined();
    },
  );
});

describe('the log when HOST is not loopback', () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill('SIGKILL'));

  it('warns loudly, with the addresses other machines can reach', async () => {
    child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'apps/api/src/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: testDatabaseUrl(),
        PORT: '0',
        HOST: '0.0.0.0',
        ROLEMAP_WEB_DIST: '',
        ROLEMAP_SEED_DEMO: 'false',
        SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
      },
    });
    let output = '';
    const started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no warning within 45 s:\n${output}`)), 45_000);
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (/rolemap: !{20,}[\s\S]*rolemap: !{20,}/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    });
    await started;
    const port = /running at http:\/\/localhost:(\d+)/.exec(output)![1];
    expect(output).toMatch(/rolemap: WARNING: HOST=0\.0\.0\.0: rolemap is reachable from other machines/);
    for (const entry of Object.values(os.networkInterfaces()).flat()) {
      if (entry && !entry.internal)
        expect(output).toContain(`${entry.family === 'IPv6' ? `[${entry.address}]` : entry.address}:${port}`);
    }
    expect(output).toMatch(/Every request needs sign-in, but this is plain HTTP/);
  }, 60_000);
});
