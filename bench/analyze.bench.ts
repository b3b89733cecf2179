// `npm run bench -- analyze [--runs N] [--sizes 10000,100000]`: times snapshotFromRecords and
// analyzeSnapshot on synthetic orgs and prints a table (median of several runs per size).
import { DEFAULT_POLICY } from '@rolemap/domain';
import { analyzeSnapshot, snapshotFromRecords } from '@rolemap/analysis';
import { generateSyntheticOrg } from '@rolemap/demo-data';
import os from 'node:os';

const TARGET_100K_MS = 1000;
const TARGET_RATIO = 12;

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const runs = Math.max(1, Number(argument('runs', '7')));
const sizes = argument('sizes', '10000,100000').split(',').map(Number);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall-clock and CPU time (the machine may be shared: CPU time shows what the work itself costs). */
function timed<T>(work: () => T): { ms: number; cpuMs: number; value: T } {
  (globalThis as { gc?: () => void }).gc?.();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = work();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

interface Row {
  size: number;
  responsibilities: number;
  buildMs: number;
  analyzeMs: number;
  analyzeCpuMs: number;
  findings: number;
  byKind: string;
}

const rows: Row[] = [];
for (const size of sizes) {
  const org = generateSyntheticOrg({ size, seed: 42 });
  const buildTimes: number[] = [];
  const analyzeTimes: number[] = [];
  const analyzeCpuTimes: number[] = [];
  let findings = 0;
  let byKind = '';
  // One warm-up run per size (JIT), not counted.
  for (let run = -1; run < runs; run++) {
    const build = timed(() =>
      snapshotFromRecords(org.people, org.responsibilities, {
        organizationId: 'bench',
        snapshotId: `bench-${size}`,
        // Default ids (crypto.randomUUID), as in production.
        asOf: '2026-11-01',
      }),
    );
    const analysis = timed(() => analyzeSnapshot(build.value, DEFAULT_POLICY));
    if (run < 0) continue;
    buildTimes.push(build.ms);
    analyzeTimes.push(analysis.ms);
    analyzeCpuTimes.push(analysis.cpuMs);
    findings = analysis.value.findings.length;
    byKind = Object.entries(analysis.value.summary.byKind)
      .map(
        ([kind, count]) =>
          `${kind
            .split('_')
            .map((w) => w[0])
            .join('')} ${count}`,
      )
      .join(', ');
  }
  rows.push({
    size,
    responsibilities: org.responsibilities.length,
    buildMs: median(buildTimes),
    analyzeMs: median(analyzeTimes),
    analyzeCpuMs: median(analyzeCpuTimes),
    findings,
    byKind,
  });
}

console.log(
  `analyze bench: ${runs} runs per size (median), node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'}, ` +
    `${os.cpus().length} cpus, load average ${os.loadavg()[0].toFixed(1)}`,
);
console.table(
  rows.map((row) => ({
    people: row.size,
    responsibilities: row.responsibilities,
    'snapshotFromRecords ms': Math.round(row.buildMs),
    'analyzeSnapshot ms': Math.round(row.analyzeMs),
    'analyzeSnapshot cpu ms': Math.round(row.analyzeCpuMs),
    findings: row.findings,
    'by kind': row.byKind,
  })),
);

const small = rows.find((row) => row.size === 10_000);
const large = rows.find((row) => row.size === 100_000);
if (small && large) {
  const ratio = large.analyzeMs / small.analyzeMs;
  const buildRatio = large.buildMs / small.buildMs;
  console.log(
    `analyzeSnapshot 100k: ${Math.round(large.analyzeMs)} ms (target ≤ ${TARGET_100K_MS}) ${large.analyzeMs <= TARGET_100K_MS ? 'OK' : 'OVER'}; ` +
      `ratio 100k/10k: ${ratio.toFixed(1)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER'}`,
  );
  console.log(`snapshotFromRecords 100k: ${Math.round(large.buildMs)} ms; ratio 100k/10k: ${buildRatio.toFixed(1)}`);
}
