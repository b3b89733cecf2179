// `npm run bench -- scenario [--runs N] [--sizes 150,100000] [--edits 50]`: scores a scenario of N
// delegation moves (from the org's own delegation gaps) on the cached base analysis, beside the
// base analysis itself in the same run (median of several runs per size).
import { DEFAULT_POLICY, type DelegationGapFinding, type ScenarioEdit } from '@rolemap/domain';
import { analyseWithHistory, delegationPlanEdits, scoreScenario, snapshotFromRecords } from '@rolemap/analysis';
import { generateDemoOrg, generateSyntheticOrg } from '@rolemap/demo-data';
import os from 'node:os';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const runs = Math.max(1, Number(argument('runs', '5')));
const sizes = argument('sizes', '150,100000').split(',').map(Number);
const editCount = Number(argument('edits', '50'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

console.log(
  `scenario bench, ${new Date().toISOString()}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load ${os.loadavg()[0].toFixed(1)}`,
);
console.log('| people | edits | base analysis | score 1 edit | score N edits | ratio (N edits / base) |');
console.log('| ------ | ----- | ------------- | ------------ | ------------- | ---------------------- |');
for (const size of sizes) {
  const org = size <= 150 ? generateDemoOrg() : generateSyntheticOrg({ size, seed: 42 });
  const data = snapshotFromRecords(org.people, org.responsibilities, {
    organizationId: 'bench',
    snapshotId: `bench-${size}`,
    asOf: '2026-11-01',
  });
  const baseTimes: number[] = [];
  const oneTimes: number[] = [];
  const manyTimes: number[] = [];
  let edits: ScenarioEdit[] = [];
  for (let run = -1; run < runs; run++) {
    const base = timed(() => analyseWithHistory(data, null, DEFAULT_POLICY));
    if (edits.length === 0) {
      // The org's own delegation gaps with a delegate, one move each; kept only while they all apply.
      const gaps = base.value.result.findings.filter(
        (finding): finding is typeof finding & DelegationGapFinding =>
          finding.kind === 'DELEGATION_GAP' && !!finding.delegatePositionId,
      );
      for (const gap of gaps) {
        if (edits.length >= editCount) break;
        const candidate = [...edits, ...delegationPlanEdits(base.value.index, gap, gap.delegateTo)];
        if (scoreScenario(base.value, candidate, DEFAULT_POLICY, { keepGoing: true }).problems.length === 0) edits = candidate;
      }
    }
    const one = timed(() => scoreScenario(base.value, edits.slice(0, 1), DEFAULT_POLICY));
    const many = timed(() => scoreScenario(base.value, edits, DEFAULT_POLICY));
    if (run < 0) continue;
    baseTimes.push(base.ms);
    oneTimes.push(one.ms);
    manyTimes.push(many.ms);
  }
  const b = median(baseTimes);
  const m = median(manyTimes);
  console.log(
    `| ${data.positions.length.toLocaleString('en')} | ${edits.length} | ${b.toFixed(0)} ms | ${median(oneTimes).toFixed(0)} ms | ${m.toFixed(0)} ms | ${(m / b).toFixed(2)}× |`,
  );
}
