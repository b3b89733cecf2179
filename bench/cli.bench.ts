/**
 * `npm run bench -- cli [--runs 7] [--size 20000]`: the `rolemap` command as a user runs it, one
 * process per call. Baseline in the same run: `node -e ''` (Node's own start-up). Measures
 * `rolemap --help`, `rolemap analyze --json` on the demo organization and on a generated org of
 * --size people (imported once through `rolemap import`), and, for the large org, the compiled CLI
 * with and without the larger young generation (--max-semi-space-size=64). Target (issue 15):
 * `rolemap --help` ≤ 0.4 s. Needs PostgreSQL (DATABASE_URL or the local server).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticOrg, writePeopleCsv, writeResponsibilitiesCsv } from '@rolemap/demo-data';
import { createBenchDatabase, machineLine, median } from './support/bench-database';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin/rolemap.js');
const compiled = path.join(root, 'dist/apps/cli/src/main.js');
const runs = Number(argValue('--runs') ?? 7);
const size = Number(argValue('--size') ?? 20_000);

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Wall-clock milliseconds of one child process; fails loudly when the command fails. */
function timeOnce(args: string[], env: NodeJS.ProcessEnv): { ms: number; bytes: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { env, maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}: ${String(result.stderr)}`);
  return { ms, bytes: result.stdout.length };
}

function medianOf(args: string[], env: NodeJS.ProcessEnv): { ms: number; bytes: number } {
  timeOnce(args, env); // warm the file-system cache
  const samples = Array.from({ length: runs }, () => timeOnce(args, env));
  return { ms: median(samples.map((sample) => sample.ms)), bytes: samples[0].bytes };
}

async function main(): Promise<void> {
  const database = await createBenchDatabase('rolemap_bench_cli');
  const env = { ...process.env, DATABASE_URL: database.url };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-bench-cli-'));
  try {
    console.log(`rolemap CLI benchmark — ${machineLine()}, load average ${os.loadavg()[0].toFixed(1)}`);
    timeOnce([bin, 'migrate'], env); // also compiles the CLI when the build is stale
    timeOnce([bin, 'seed-demo'], env);
    const org = generateSyntheticOrg({ size, seed: 11 });
    await writePeopleCsv(org.people, path.join(dir, 'people.csv'));
    await writeResponsibilitiesCsv(org.responsibilities, path.join(dir, 'responsibilities.csv'));
    const imported = timeOnce(
      [bin, 'import', path.join(dir, 'people.csv'), '-r', path.join(dir, 'responsibilities.csv'), '--org', 'Bench', '--json'],
      env,
    );

    const rows: [string, { ms: number; bytes: number }][] = [
      ["node -e '' (baseline)", medianOf(['-e', ''], env)],
      ['rolemap --help', medianOf([bin, '--help'], env)],
      ['rolemap analyze --help', medianOf([bin, 'analyze', '--help'], env)],
      ['rolemap analyze --json (demo, 150 people)', medianOf([bin, 'analyze', '--org', 'Northwind Robotics', '--json'], env)],
      [`rolemap analyze --json (${size} people)`, medianOf([bin, 'analyze', '--org', 'Bench', '--json'], env)],
      [`compiled CLI, default young generation (${size})`, medianOf([compiled, 'analyze', '--org', 'Bench', '--json'], env)],
      [
        `compiled CLI, --max-semi-space-size=64 (${size})`,
        medianOf(['--max-semi-space-size=64', compiled, 'analyze', '--org', 'Bench', '--json'], env),
      ],
    ];
    const baseline = rows[0][1].ms;
    console.log(`import of ${size} people through the CLI: ${imported.ms.toFixed(0)} ms (one run)\n`);
    console.log(`| command | median of ${runs} | × node -e '' | output |`);
    console.log('| --- | --- | --- | --- |');
    for (const [label, { ms, bytes }] of rows) {
      console.log(`| ${label} | ${ms.toFixed(0)} ms | ${(ms / baseline).toFixed(1)}× | ${(bytes / 1024).toFixed(0)} KiB |`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
