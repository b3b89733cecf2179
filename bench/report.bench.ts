// `npm run bench -- report [--size 1000] [--seed 42] [--formats pdf,xlsx]`
// Builds role definitions for every position of a synthetic org and writes them as PDF and XLSX
// to bench/.out/, printing time, peak RSS / heap used (sampled during the run), the live heap the
// writer holds (a second run with forced GCs) and file size.
//
// `npm run bench -- report --cli [--size 10000] [--formats pdf,xlsx] [--runs 1] [--against <worktree>]`
// measures the user's path instead, `rolemap report role --all` as a whole process (see
// support/report-cli.ts).
import { DEFAULT_POLICY } from '@rolemap/domain';
import { analyzeSnapshot, snapshotFromRecords } from '@rolemap/analysis';
import { generateSyntheticOrg } from '@rolemap/demo-data';
import { buildRoleDefinitions, isReportFormat, type ReportFormat, writeReport } from '@rolemap/reports';
import { runReportCliBench } from './support/report-cli';
import { createWriteStream, mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at !== -1 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const size = Number(argument('size', '1000'));
const seed = Number(argument('seed', '42'));
const formats = argument('formats', 'pdf,xlsx').split(',');
if (!Number.isInteger(size) || size < 1) throw new Error('--size needs a positive whole number');
for (const format of formats) if (!isReportFormat(format)) throw new Error(`--formats: unknown format ${format}`);

const OUT_DIR = path.join(__dirname, '.out');
const MB = 1024 * 1024;

/** Peak RSS and heap used, sampled on a timer, and RSS at every progress callback (drawing is mostly synchronous). */
class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  private timer: NodeJS.Timeout | null = null;

  start(): void {
    (globalThis as { gc?: () => void }).gc?.();
    this.rss = 0;
    this.heapUsed = 0;
    this.sample();
    this.timer = setInterval(() => this.sample(), 10);
  }

  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.rss) this.rss = usage.rss;
    if (usage.heapUsed > this.heapUsed) this.heapUsed = usage.heapUsed;
  }

  /** At every progress callback: RSS alone (process.memoryUsage() walks the heap's spaces and cost ~0.2 ms a call). */
  sampleRss(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.rss) this.rss = rss;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.sample();
  }
}

function since(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const memory = new MemoryPeak();

  let start = process.hrtime.bigint();
  const org = generateSyntheticOrg({ size, seed });
  let next = 0;
  const snapshot = snapshotFromRecords(org.people, org.responsibilities, {
    organizationId: 'bench',
    snapshotId: `bench-${size}`,
    asOf: '2026-11-01',
    newId: () => `id-${++next}`,
  });
  const analysis = analyzeSnapshot(snapshot, DEFAULT_POLICY);
  const prepareMs = since(start);

  start = process.hrtime.bigint();
  const report = buildRoleDefinitions(
    snapshot,
    analysis,
    DEFAULT_POLICY,
    { organizationName: `Synthetic ${size}`, snapshotVersion: 1, asOf: '2026-11-01' },
    { all: true },
  );
  const buildMs = since(start);
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage();

  console.log(
    `report bench: ${report.roles.length} roles, ${org.responsibilities.length} responsibilities, ${analysis.findings.length} findings; ` +
      `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.cpus().length} cpus, load average ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `generate + import + analyze: ${Math.round(prepareMs)} ms; buildRoleDefinitions: ${Math.round(buildMs)} ms; ` +
      `baseline before writing: RSS ${(baseline.rss / MB).toFixed(0)} MB, heap used ${(baseline.heapUsed / MB).toFixed(0)} MB`,
  );

  const rows: Record<string, string | number>[] = [];
  for (const format of formats as ReportFormat[]) {
    const file = path.join(OUT_DIR, `roles-${size}.${format}`);
    memory.start();
    start = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    await writeReport(report, format, createWriteStream(file), { onProgress: () => memory.sampleRss() });
    const ms = since(start);
    const cpu = process.cpuUsage(cpuBefore);
    memory.stop();
    const bytes = statSync(file).size;
    const liveHeapGrowth = await measureLiveHeap(report, format, `${file}.live`, baseline.heapUsed);
    rows.push({
      format,
      'time ms': Math.round(ms),
      // On a shared machine wall time is mostly waiting for a core; CPU time (all threads) is steadier.
      'CPU ms': Math.round((cpu.user + cpu.system) / 1000),
      'peak RSS MB': Number((memory.rss / MB).toFixed(0)),
      'peak heap used MB': Number((memory.heapUsed / MB).toFixed(0)),
      'heap above baseline MB': Number(((memory.heapUsed - baseline.heapUsed) / MB).toFixed(0)),
      'file MB': Number((bytes / MB).toFixed(2)),
      'live heap growth MB': liveHeapGrowth === null ? 'n/a' : Number(liveHeapGrowth.toFixed(1)),
      pages: format === 'pdf' ? pdfPageCount(file) : '',
      file: path.relative(process.cwd(), file),
    });
  }
  console.table(rows);
}

/**
 * Peak heap used includes garbage V8 has not collected yet. A second, untimed run forces a
 * collection at every 10% of progress and keeps the highest live heap above the baseline:
 * what the writer really holds on to while it runs.
 */
async function measureLiveHeap(
  report: Parameters<typeof writeReport>[0],
  format: ReportFormat,
  file: string,
  baseline: number,
): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  let peak = 0;
  await writeReport(report, format, createWriteStream(file), {
    onProgress: (done, total) => {
      if (done % Math.max(1, Math.round(total / 10)) !== 0) return;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    },
  });
  unlinkSync(file);
  return peak / MB;
}

/** The page count from the document's page tree (/Type /Pages … /Count n). */
function pdfPageCount(file: string): number | string {
  const text = readFileSync(file).toString('latin1');
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(text);
  return match ? Number(match[1]) : '?';
}

(process.argv.includes('--cli') ? runReportCliBench(size, formats as ReportFormat[]) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
