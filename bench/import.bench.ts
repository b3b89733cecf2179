/**
 * `npm run bench -- import [--size 100000]`: generates an org with responsibilities, writes it as
 * CSV files and imports them through the real ImportService into PostgreSQL (parse, validate,
 * build, COPY in one transaction). Baseline in the same run: a bare COPY of the same rows into
 * index-free copies of the same tables. Targets: 100k people committed in ≤ 5 s; the write
 * phase at least half the speed of the bare COPY.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticOrg, writePeopleCsv, writeResponsibilitiesCsv } from '@rolemap/demo-data';
import { AuditLogService, LOCAL_OPERATOR, OrganizationsService } from '@rolemap/server-core';
import { ImportService } from '@rolemap/server-imports';
import { bareCopy } from './support/bare-copy';
import { machineLine, median, withBenchDatabase } from './support/bench-database';

const size = Number(argValue('--size') ?? 100_000);
const runs = Number(argValue('--runs') ?? 3);

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-bench-import-'));
  const org = generateSyntheticOrg({ size, seed: 7 });
  const peoplePath = path.join(dir, 'people.csv');
  const responsibilitiesPath = path.join(dir, 'responsibilities.csv');
  await writePeopleCsv(org.people, peoplePath);
  await writeResponsibilitiesCsv(org.responsibilities, responsibilitiesPath);
  const bytes = fs.statSync(peoplePath).size + fs.statSync(responsibilitiesPath).size;
  console.log(`rolemap import benchmark — ${machineLine()}`);
  console.log(`${size} people, ${org.responsibilities.length} responsibilities, ${(bytes / 2 ** 20).toFixed(1)} MiB of CSV\n`);

  await withBenchDatabase(async (dataSource) => {
    const imports = new ImportService(
      dataSource,
      { url: '', embedded: false },
      new OrganizationsService(dataSource),
      new AuditLogService(dataSource),
    );
    const results: {
      copyMs: number;
      totalMs: number;
      parseMs: number;
      buildMs: number;
      writeMs: number;
      storeMs: number;
      rssMb: number;
    }[] = [];
    for (let run = 1; run <= runs; run++) {
      const copyMs = await bareCopy(dataSource, org);
      global.gc?.();
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
      const start = performance.now();
      const outcome = await imports.importFiles(LOCAL_OPERATOR, {
        organizationName: `Bench ${run}`,
        people: { fileName: 'people.csv', data: fs.readFileSync(peoplePath) },
        responsibilities: { fileName: 'responsibilities.csv', data: fs.readFileSync(responsibilitiesPath) },
        asOf: '2026-11-01',
      });
      const totalMs = performance.now() - start;
      clearInterval(sampler);
      if (!outcome.ok || !outcome.snapshot) throw new Error(`import failed: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
      results.push({ copyMs, totalMs, ...outcome.timings, rssMb: peakRss / 2 ** 20 });
      console.log(
        `run ${run}: bare COPY ${copyMs.toFixed(0)} ms | import ${totalMs.toFixed(0)} ms ` +
          `(parse+validate ${outcome.timings.parseMs.toFixed(0)}, build ${outcome.timings.buildMs.toFixed(0)}, write ${outcome.timings.writeMs.toFixed(0)}, store files ${outcome.timings.storeMs.toFixed(0)}) | peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
      );
    }
    const pick = (key: keyof (typeof results)[number]) => median(results.map((result) => result[key]));
    const copyMs = pick('copyMs');
    const writeMs = pick('writeMs');
    const totalMs = pick('totalMs');
    console.log('\n| measure | median of ' + runs + ' runs |');
    console.log('| --- | --- |');
    console.log(`| bare COPY of the same rows (baseline) | ${copyMs.toFixed(0)} ms |`);
    console.log(`| import end to end (read, detect, validate, classify, COPY, commit) | ${totalMs.toFixed(0)} ms |`);
    console.log(`| of which parse + validate | ${pick('parseMs').toFixed(0)} ms |`);
    console.log(`| of which build snapshot (tiers, classifier) | ${pick('buildMs').toFixed(0)} ms |`);
    console.log(`| of which database write (COPY with indexes, in the transaction) | ${writeMs.toFixed(0)} ms |`);
    console.log(
      `| of which storing the uploaded files (gzipped off-thread during the parse) | ${pick('storeMs').toFixed(0)} ms |`,
    );
    console.log(`| write speed vs bare COPY | ${(copyMs / writeMs).toFixed(2)}× (target ≥ 0.5×) |`);
    console.log(`| end-to-end vs target 5 s | ${(totalMs / 5000).toFixed(2)} of the budget |`);
    console.log(`| peak RSS | ${pick('rssMb').toFixed(0)} MiB |`);
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
