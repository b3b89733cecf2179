import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { type TestApp, resetDatabase, startTestApp } from '../support/test-app';

const repo = path.resolve(__dirname, '../../../..');
const healthcheck = path.join(repo, 'docker/healthcheck.js');

/**
 * Runs the container's health check as Docker would, pointed at `url`, signalling `pid` when it
 * gives up. Asynchronously: the servers it checks run in this process.
 */
function check(url: string, pid: number, stateFile: string): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [healthcheck],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          HEALTHCHECK_URL: url,
          HEALTHCHECK_PID: String(pid),
          HEALTHCHECK_STATE_FILE: stateFile,
          HEALTHCHECK_TIMEOUT_MS: '5000',
        },
        timeout: 20_000,
      },
      (error, _stdout, stderr) => resolve({ status: error ? Number(error.code ?? -1) : 0, stderr }),
    );
  });
}

/** A stand-in for the server: a process that reports the SIGTERM it gets, as main.ts shuts down on it. */
function fakeServer(): { child: ChildProcess; stopped: Promise<string> } {
  const child = spawn(process.execPath, [
    '-e',
    "process.on('SIGTERM', () => { console.log('SIGTERM'); process.exit(0); }); setInterval(() => {}, 1000);",
  ]);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const stopped = new Promise<string>((resolve) => child.on('exit', () => resolve(output.trim())));
  return { child, stopped };
}

describe('the supervisor story', () => {
  let api: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-health-'));

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
  });
  afterAll(async () => {
    await api?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('compose restarts every service, limits their memory and checks each replica’s health with the script', () => {
    const compose = YAML.parse(fs.readFileSync(path.join(repo, 'docker/compose.yml'), 'utf8'));
    for (const name of ['postgres', 'rolemap-a', 'rolemap-b', 'proxy']) {
      expect(compose.services[name].restart).toBe('unless-stopped');
      expect(compose.services[name].deploy.resources.limits.memory).toMatch(/^\d+[gm]$/);
    }
    for (const replica of ['rolemap-a', 'rolemap-b']) {
      expect(compose.services[replica].healthcheck.test).toEqual(['CMD', 'node', 'docker/healthcheck.js']);
    }
    // The schema is migrated once, before the replicas start.
    expect(compose.services.migrate.restart).toBe('no');
    expect(compose.services['rolemap-a'].depends_on.migrate.condition).toBe('service_completed_successfully');
    expect(fs.readFileSync(path.join(repo, 'docker/Dockerfile'), 'utf8')).toMatch(/HEALTHCHECK .*docker\/healthcheck\.js/);
    const unit = fs.readFileSync(path.join(repo, 'docker/rolemap.service'), 'utf8');
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^MemoryMax=/m);
  });

  it('passes against a healthy server and leaves it alone', async () => {
    const server = fakeServer();
    const result = await check(`${api.url}/api/health`, server.child.pid!, path.join(dir, 'healthy'));
    expect(result.status).toBe(0);
    expect(server.child.exitCode).toBeNull();
    server.child.kill('SIGKILL');
    await server.stopped;
  });

  it('stops the server after three failed checks in a row, so the restart policy brings it back', async () => {
    const unhealthy = http.createServer((_req, res) => res.writeHead(503).end('{"message":"Database unreachable"}'));
    await new Promise<void>((resolve) => unhealthy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(unhealthy.address() as AddressInfo).port}/api/health`;
    const server = fakeServer();
    const state = path.join(dir, 'unhealthy');
    try {
      for (let i = 1; i <= 2; i++) {
        const result = await check(url, server.child.pid!, state);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(new RegExp(`failed \\(${i} in a row\\): .*503`));
      }
      // A healthy answer in between starts the count again.
      expect((await check(`${api.url}/api/health`, server.child.pid!, state)).status).toBe(0);
      for (let i = 1; i <= 2; i++) expect((await check(url, server.child.pid!, state)).status).toBe(1);
      expect(server.child.exitCode).toBeNull();
      const third = await check(url, server.child.pid!, state);
      expect(third.stderr).toMatch(/3 failed health checks in a row; stopping process/);
      expect(await server.stopped).toBe('SIGTERM');
    } finally {
      server.child.kill('SIGKILL');
      unhealthy.close();
    }
  });

  it('counts a server that does not answer at all as a failure', async () => {
    const result = await check('http://127.0.0.1:9/api/health', 999_999, path.join(dir, 'down'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/failed \(1 in a row\)/);
  });
});
