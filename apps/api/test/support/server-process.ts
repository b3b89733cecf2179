import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  pid: number;
  output(): string;
  /** SIGKILL (kill -9): no shutdown hook runs, connections just drop. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The real server process (`main.ts` under swc) with `env` on top of the test's environment:
 * a replica, for tests that start several on one database or kill one outright.
 */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      ROLEMAP_WEB_DIST: '',
      ROLEMAP_SEED_DEMO: 'false',
      ROLEMAP_LOG_LEVEL: 'warn',
      ROLEMAP_RATE_LIMIT_UPLOADS: 'off',
      ROLEMAP_RATE_LIMIT_EXPORTS: 'off',
      ROLEMAP_RATE_LIMIT_SIGN_IN: 'off',
      SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'),
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stdout!.on('data', () => {
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        url: `http://127.0.0.1:${match[1]}`,
        pid: child.pid!,
        output: () => output,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Signs in with the one-time owner link a first start prints; the session cookie works on every replica. */
export async function signInWithFirstStartLink(server: ServerProcess): Promise<string> {
  const token = /\/sign-in\?link=(rml_\S+)/.exec(server.output())?.[1];
  if (!token) throw new Error(`the first start printed no sign-in link:\n${server.output()}`);
  const response = await fetch(`${server.url}/api/auth/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (response.status !== 200) throw new Error(`sign-in link refused: ${response.status}`);
  return /rolemap_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
}

/** Polls `read` until `done` holds, or fails with the last value after `timeoutMs`. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
