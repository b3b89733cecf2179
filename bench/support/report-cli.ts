/**
 * `npm run bench -- report --cli [--size 1000] [--seed 7] [--formats pdf,xlsx] [--runs 1]
 * [--against <worktree>] [--keep-database]`: the role-definitions report on the user's path.
 * A generated org is imported into a fresh PostgreSQL database with `rolemap import`, then
 * `rolemap report role --all --format <f>` runs as a whole process under GNU time (wall, CPU,
 * peak RSS), started as `npm link` installs it (bin/rolemap.js directly, so its `#!` flags apply).
 * The XLSX of the same report is the same-run baseline (issue 15 gives the PDF ≤ 30 s and
 * ≤ 400 MB at 10,000 roles).
 *
 * `--against <worktree>` runs that worktree's `bin/rolemap.js` (another build of the CLI, e.g.
 * the branch point) on the same database, alternating with this one run by run, and says
 * whether the two wrote the same bytes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSyntheticOrg, writePeopleCsv, writeResponsibilitiesCsv } from '@rolemap/demo-data';
import { createBenchDatabase, machineLine, median } from './bench-database';
import { type ProcessRun, timedProcess } from './timed-process';

function argValue(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const describe = (run: ProcessRun) =>
  `${seconds(run.ms)}, CPU ${seconds(run.cpuMs)}, peak RSS ${run.rssMb.toFixed(0)} MiB (load ${run.load.toFixed(1)})`;

export async function runReportCliBench(size: number, formats: string[]): Promise<void> {
  if (!fs.existsSync('/usr/bin/time')) throw new Error('report --cli needs GNU time at /usr/bin/time (apt-get install time)');
  const root = path.resolve(__dirname, '../..');
  const seed = Number(argValue('--seed') ?? 7);
  const runs = Number(argValue('--runs') ?? 1);
  const against = argValue('--against');
  const builds = [{ name: 'this tree', bin: path.join(root, 'bin/rolemap.js') }];
  if (against) builds.push({ name: path.basename(path.resolve(against)), bin: path.resolve(against, 'bin/rolemap.js') });
  for (const build of builds) if (!fs.existsSync(build.bin)) throw new Error(`No CLI at ${build.bin}`);

  const database = await createBenchDatabase('rolemap_bench_report');
  const env = { ...process.env, DATABASE_URL: database.url };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-bench-report-'));
  try {
    console.log(`rolemap report role --all through the CLI — ${machineLine()}, load average ${os.loadavg()[0].toFixed(1)}`);
    const org = generateSyntheticOrg({ size, seed });
    const people = path.join(dir, 'people.csv');
    const responsibilities = path.join(dir, 'responsibilities.csv');
    await writePeopleCsv(org.people, people);
    await writeResponsibilitiesCsv(org.responsibilities, responsibilities);
    for (const build of builds) timedProcess(build.bin, ['migrate'], env); // also compiles each CLI when its build is stale
    timedProcess(builds[0].bin, ['import', people, '-r', responsibilities, '--org', 'Bench', '--json'], env);
    console.log(
      `${size} people (seed ${seed}), ${org.responsibilities.length} responsibilities, imported into ${new URL(database.url).pathname.slice(1)}\n`,
    );

    const results = new Map<string, ProcessRun[]>();
    for (let run = 1; run <= runs; run++) {
      // Alternate which build goes first, so neither always runs on a warmer (or busier) machine.
      const order = run % 2 === 1 ? builds : [...builds].reverse();
      for (const format of formats) {
        const files: string[] = [];
        for (const build of order) {
          const file = path.join(dir, `${build.name.replace(/\W+/g, '-')}.${format}`);
          const sample = timedProcess(
            build.bin,
            ['report', 'role', '--all', '--org', 'Bench', '--format', format, '--out', file],
            env,
          );
          const key = `${build.name} ${format}`;
          results.set(key, [...(results.get(key) ?? []), sample]);
          console.log(`run ${run}, ${key}: ${describe(sample)}, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB file`);
          files.push(file);
        }
        if (files.length === 2 && format === 'pdf') {
          const same = fs.readFileSync(files[0]).equals(fs.readFileSync(files[1]));
          console.log(`run ${run}: the two PDFs are ${same ? 'the same bytes' : 'DIFFERENT'}`);
        }
        for (const file of files) fs.rmSync(file, { force: true });
      }
    }

    console.log(`\n| build | format | wall (median of ${runs}) | CPU | peak RSS | load |`);
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [key, samples] of results) {
      const [build, format] = [key.slice(0, key.lastIndexOf(' ')), key.slice(key.lastIndexOf(' ') + 1)];
      const pick = (of: (run: ProcessRun) => number) => median(samples.map(of));
      console.log(
        `| ${build} | ${format} | ${seconds(pick((s) => s.ms))} | ${seconds(pick((s) => s.cpuMs))} | ${pick((s) => s.rssMb).toFixed(0)} MiB | ${samples.map((s) => s.load.toFixed(1)).join(', ')} |`,
      );
    }
    const pdf = results.get('this tree pdf');
    const xlsx = results.get('this tree xlsx');
    if (pdf && xlsx) {
      console.log(
        `\nPDF / XLSX of the same report (this tree): ${(median(pdf.map((s) => s.ms)) / median(xlsx.map((s) => s.ms))).toFixed(1)}× the wall time`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    const keep = process.argv.includes('--keep-database');
    if (keep) console.log(`kept the database: ${database.url}`);
    await database.close({ keep });
  }
}
