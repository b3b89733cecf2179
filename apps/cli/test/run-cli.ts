import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

const bin = path.resolve(__dirname, '../../../bin/rolemap.js');

/** Runs `rolemap …` in a child process, as a user would, against the given environment. */
export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: process.env.ROLEMAP_TEST_DATABASE_URL, ...env },
    timeout: 110_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `runCli` without blocking this process: for tests that serve the command from the same process (a job worker). */
export function runCliAsync(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: process.env.ROLEMAP_TEST_DATABASE_URL, ...env },
    timeout: 110_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr })));
}
