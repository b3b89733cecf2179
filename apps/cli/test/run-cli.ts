import { spawnSync } from 'node:child_process';
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
