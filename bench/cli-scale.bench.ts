/**
 * `npm run bench -- cli-scale [--size 100000] [--runs 3] [--skip-embedded] [--analyze-only]`: `rolemap import` and
 * `rolemap analyze --json` as whole processes at scale, each against a baseline run in the same
 * session. The command runs as `npm link` installs it: `bin/rolemap.js` started directly, so its
 * `#!` line (and the young-generation flag on it) applies. Wall time and peak RSS of each process
 * come from GNU time (`/usr/bin/time`).
 *
 * - import into PostgreSQL vs a bare COPY of the same rows into index-free tables (issue 15:
 *   ≤ 5 s and ≥ 0.15× the bare COPY's speed; peak RSS ≤ 3 KB per person);
 * - analyze --json vs psql reading the rows the analysis reads (the snapshot, and the people and
 *   positions of the one before it, for the history rules) (≤ 2×);
 * - import into the embedded database (its data directory created first, by `rolemap migrate`)
 *   vs the PostgreSQL import (≤ 2×).
 *
 * `--analyze-only` times only analyze --json: the two snapshots it reads are imported without
 * being timed (no bare COPY, no embedded import).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticOrg, writePeopleCsv, writeResponsibilitiesCsv } from '@rolemap/demo-data';
import { createDataSource } from '@rolemap/server-core';
import { bareCopy } from './support/bare-copy';
import { createBenchDatabase, machineLine, median } from './support/bench-database';
import { type ProcessRun, timedProcess } from './support/timed-process';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin/rolemap.js');
const size = Number(argValue('--size') ?? 100_000);
const runs = Number(argValue('--runs') ?? 3);
const analyzeOnly = process.argv.includes('--analyze-only');
const skipEmbedded = analyzeOnly || process.argv.includes('--skip-embedded');

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function medians(samples: ProcessRun[]): ProcessRun {
  return {
    ms: median(samples.map((sample) => sample.ms)),
    rssMb: median(samples.map((sample) => sample.rssMb)),
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
    load: median(samples.map((sample) => sample.load)),
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  if (!fs.existsSync('/usr/bin/time')) throw new Error('cli-scale needs GNU time at /usr/bin/time (apt-get install time)');
  const database = await createBenchDatabase('rolemap_bench_scale');
  const env = { ...process.env, DATABASE_URL: database.url };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-bench-scale-'));
  const dataSource = createDataSource({ url: database.url, embedded: false });
  try {
    console.log(`rolemap CLI at scale — ${machineLine()}, load average ${os.loadavg()[0].toFixed(1)}`);
    const org = generateSyntheticOrg({ size, seed: 7 });
    const people = path.join(dir, 'people.csv');
    const responsibilities = path.join(dir, 'responsibilities.csv');
    await writePeopleCsv(org.people, people);
    await writeResponsibilitiesCsv(org.responsibilities, responsibilities);
    console.log(`${size} people, ${org.responsibilities.length} responsibilities\n`);
    const importArgs = ['import', people, '-r', responsibilities, '--org', 'Bench', '--json', '--allow-duplicate'];

    timedProcess(bin, ['migrate'], env); // also compiles the CLI when the build is stale
    await dataSource.initialize();
    const copies: number[] = [];
    const imports: ProcessRun[] = [];
    // The analysis reads the newest snapshot and the one before it: at least two imports.
    const importRuns = analyzeOnly ? 2 : runs;
    for (let run = 1; run <= importRuns; run++) {
      if (!analyzeOnly) copies.push(await bareCopy(dataSource, org));
      imports.push(timedProcess(bin, importArgs, env));
      if (analyzeOnly) continue;
      const last = imports[imports.length - 1];
      console.log(
        `import run ${run}: bare COPY ${seconds(copies[copies.length - 1])}, rolemap import ${seconds(last.ms)} (CPU ${seconds(last.cpuMs)}), peak RSS ${last.rssMb.toFixed(0)} MiB`,
      );
    }

    // What the analysis reads: the latest snapshot and the one before it (history rules).
    const snapshots: { id: string }[] = await dataSource.query(
      `SELECT s.id FROM org_snapshot s JOIN organization o ON o.id = s.organization_id
       WHERE o.name = 'Bench' ORDER BY s.as_of DESC, s.version DESC LIMIT 2`,
    );
    // The loader's SELECTs: the analysed snapshot whole, the previous one without its
    // responsibilities (the diff reads only people and positions). `wholeSelects` reads both
    // snapshots whole, as the loader did before (the baseline of earlier runs).
    const selectsOf = (id: string, withResponsibilities: boolean) => [
      `SELECT id, external_id, title, department, location, tier, tier_source, fte, reports_to_id, vacant, grade FROM position WHERE snapshot_id = '${id}' ORDER BY depth, external_id`,
      `SELECT id, employee_id, name, email, hire_date FROM person WHERE snapshot_id = '${id}'`,
      `SELECT person_id, position_id, role_start_date, previous_title, last_promotion_date, performance_rating FROM assignment WHERE snapshot_id = '${id}'`,
      ...(withResponsibilities
        ? [
            `SELECT id, position_id, title, description, value_level, value_level_source, classification_confidence, share_pct, held_since FROM responsibility WHERE snapshot_id = '${id}' ORDER BY position_id`,
          ]
        : []),
    ];
    const selects = snapshots.flatMap(({ id }, i) => selectsOf(id, i === 0));
    const wholeSelects = snapshots.flatMap(({ id }) => selectsOf(id, true));
    const psqlArgs = (sqls: string[]) => [
      '-X',
      '-q',
      '-At',
      '-o',
      '/dev/null',
      database.url,
      ...sqls.flatMap((sql) => ['-c', sql]),
    ];
    const reads: ProcessRun[] = [];
    const wholeReads: ProcessRun[] = [];
    const analyses: ProcessRun[] = [];
    timedProcess(bin, ['analyze', '--org', 'Bench', '--json'], env); // warm the file-system cache
    for (let run = 1; run <= runs; run++) {
      reads.push(timedProcess('psql', psqlArgs(selects), env));
      analyses.push(timedProcess(bin, ['analyze', '--org', 'Bench', '--json'], env));
      wholeReads.push(timedProcess('psql', psqlArgs(wholeSelects), env));
      const last = analyses[analyses.length - 1];
      console.log(
        `analyze run ${run}: psql ${seconds(reads[reads.length - 1].ms)} (both snapshots whole ${seconds(wholeReads[wholeReads.length - 1].ms)}), rolemap analyze --json ${seconds(last.ms)} (CPU ${seconds(last.cpuMs)}), load average ${os.loadavg()[0].toFixed(1)}`,
      );
    }

    let embedded: ProcessRun | null = null;
    let firstStart: ProcessRun | null = null;
    if (!skipEmbedded) {
      const embeddedEnv = { ...process.env, DATABASE_URL: '', ROLEMAP_DATA_DIR: path.join(dir, 'embedded') };
      firstStart = timedProcess(bin, ['migrate'], embeddedEnv);
      const samples: ProcessRun[] = [];
      for (let run = 1; run <= runs; run++) {
        samples.push(timedProcess(bin, importArgs, embeddedEnv));
        console.log(`embedded import run ${run}: ${seconds(samples[samples.length - 1].ms)}`);
      }
      embedded = medians(samples);
    }

    const copy = analyzeOnly ? 0 : median(copies);
    const imported = medians(imports);
    const read = medians(reads);
    const wholeRead = medians(wholeReads);
    const analysed = medians(analyses);
    console.log(`\n| measure (median of ${runs}) | figure | baseline | ratio | target |`);
    console.log('| --- | --- | --- | --- | --- |');
    if (!analyzeOnly) printImportRows(imported, copy);
    console.log(
      `| rolemap analyze --json | ${seconds(analysed.ms)} (CPU ${seconds(analysed.cpuMs)}, RSS ${analysed.rssMb.toFixed(0)} MiB) | psql reading the same rows ${seconds(read.ms)} | ${(analysed.ms / read.ms).toFixed(2)}× | ≤ 2× |`,
    );
    console.log(
      `| (the same against psql reading both snapshots whole) | | ${seconds(wholeRead.ms)} | ${(analysed.ms / wholeRead.ms).toFixed(2)}× | |`,
    );
    if (embedded && firstStart) {
      console.log(
        `| rolemap import, embedded PGlite | ${seconds(embedded.ms)} (CPU ${seconds(embedded.cpuMs)}, RSS ${embedded.rssMb.toFixed(0)} MiB) | the PostgreSQL import ${seconds(imported.ms)} | ${(embedded.ms / imported.ms).toFixed(2)}× | ≤ 2× |`,
      );
      console.log(`| (first start of a new embedded data directory, rolemap migrate) | ${seconds(firstStart.ms)} | | | |`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

function printImportRows(imported: ProcessRun, copy: number): void {
  console.log(
    `| rolemap import, PostgreSQL | ${seconds(imported.ms)} (CPU ${seconds(imported.cpuMs)}) | bare COPY ${seconds(copy)} | ${(copy / imported.ms).toFixed(2)}× the bare COPY's speed | ≤ 5 s, ≥ 0.15× |`,
  );
  console.log(
    `| peak RSS of the import | ${imported.rssMb.toFixed(0)} MiB (${((imported.rssMb * 1024) / size).toFixed(2)} KiB per person) | | | ≤ 3 KB per person |`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
