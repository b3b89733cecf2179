// `npm run bench -- web [--size 10000] [--runs 11] [--seed 42]`
// Builds bench/web (our OrgChart + d3-org-chart) with vite, serves it on 127.0.0.1 and times
// first render / expand / expand-all in headless Debian Chromium, in-page (performance.now + double rAF).
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../apps/web-e2e/src/support/browser';

// vite's types need moduleResolution "bundler"; the repo uses "node", so load it untyped.
const { build } = require('vite') as { build: (config: Record<string, unknown>) => Promise<unknown> };

interface Sample {
  ms: number;
  scriptMs: number;
  domCards: number;
  laidOut?: number;
}

interface BenchApi {
  frameMs(): Promise<number>;
  setup(size: number, seed: number): { size: number };
  expandTarget(): { id: string; descendants: number; directReports: number };
  oursFirstRender(depth?: number): Promise<Sample>;
  oursExpand(id: string): Promise<Sample>;
  oursExpandAll(): Promise<Sample>;
  oursExports(): Promise<{ svgChars: number; pngBytes: number; pngType: string }>;
  theirsFirstRender(depth?: number): Promise<Sample>;
  theirsExpand(id: string): Promise<Sample>;
  theirsExpandAll(): Promise<Sample>;
}
type Method = { [K in keyof BenchApi]: BenchApi[K] extends (...args: infer A) => unknown ? K : never }[keyof BenchApi];

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..');
const PAGE_DIR = path.join(__dirname, 'web');
const OUT_DIR = path.join(__dirname, '.out', 'web');
// Deeper than any generated org: every level open from the start.
const OPEN_DEPTH = 99;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function buildPage(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    root: PAGE_DIR,
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false, minify: true, target: 'es2022', reportCompressedSize: false },
  });
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, path.normalize(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function openPage(browser: Browser, url: string, size: number, seed: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready');
  await page.evaluate(([n, s]) => (window as unknown as { bench: BenchApi }).bench.setup(n, s), [size, seed] as const);
  return page;
}

function call<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<BenchApi[M]>
): Promise<Awaited<ReturnType<BenchApi[M]>>> {
  return page.evaluate(
    ([name, params]) => {
      const bench = (window as unknown as { bench: Record<string, (...a: unknown[]) => unknown> }).bench;
      return bench[name as string](...(params as unknown[]));
    },
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<BenchApi[M]>>>;
}

/** One warm-up run (discarded), then `runs` timed runs. */
async function series(runs: number, step: () => Promise<Sample>): Promise<Sample[]> {
  await step();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await step());
  return samples;
}

async function main(): Promise<void> {
  const size = arg('size', 10000);
  const runs = arg('runs', 11);
  const seed = arg('seed', 42);
  const allRuns = Math.max(3, Math.ceil(runs / 2));
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium`);

  console.log(`building bench page (vite) into ${path.relative(ROOT, OUT_DIR)} …`);
  await buildPage();
  const server = await serve(OUT_DIR);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  try {
    const version = browser.version();
    // A fresh page (fresh heap) per library, so one side's garbage does not slow the other.
    const oursPage = await openPage(browser, url, size, seed);
    const target = await call(oursPage, 'expandTarget');
    console.log(
      `org: ${size} people (seed ${seed}); expand target ${target.id}: ${target.directReports} direct reports, ${target.descendants} people below`,
    );
    const frame = await call(oursPage, 'frameMs');
    console.log(
      `Chromium ${version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, node ${process.version}; ${runs} runs (+1 warm-up), median`,
    );
    console.log(
      `frame interval ${frame.toFixed(1)} ms: a double rAF started on a frame cannot end before ~${(2 * frame).toFixed(0)} ms`,
    );

    const oursFirst = await series(runs, () => call(oursPage, 'oursFirstRender'));
    const oursExpand = await series(runs, () => call(oursPage, 'oursExpand', target.id));
    const exports = await call(oursPage, 'oursExports');
    const oursAll = await series(allRuns, () => call(oursPage, 'oursExpandAll'));
    const oursOpen = await series(allRuns, () => call(oursPage, 'oursFirstRender', OPEN_DEPTH));
    await oursPage.close();

    const theirsPage = await openPage(browser, url, size, seed);
    const theirsFirst = await series(runs, () => call(theirsPage, 'theirsFirstRender'));
    const theirsExpand = await series(runs, () => call(theirsPage, 'theirsExpand', target.id));
    const theirsAll = await series(allRuns, () => call(theirsPage, 'theirsExpandAll'));
    const theirsOpen = await series(allRuns, () => call(theirsPage, 'theirsFirstRender', OPEN_DEPTH));
    await theirsPage.close();

    const rows = [
      { step: `first render (${size} people, levels 0-2 open)`, ours: oursFirst, theirs: theirsFirst },
      { step: `expand ${target.id} (+${target.directReports} cards)`, ours: oursExpand, theirs: theirsExpand },
      { step: `expand all (${size} people, ${allRuns} runs)`, ours: oursAll, theirs: theirsAll },
      { step: `first render, all open (${allRuns} runs)`, ours: oursOpen, theirs: theirsOpen },
    ];
    const fmt = (ms: number) => ms.toFixed(1).padStart(10);
    const ratio = (a: number, b: number) => `${(b / a).toFixed(1)}×`.padStart(8);
    console.log('');
    console.log(
      `${'step'.padEnd(46)}${'ours'.padStart(10)}${'d3-org-chart'.padStart(14)}${'ratio'.padStart(8)}   ${'ours js'.padStart(10)}${'d3oc js'.padStart(10)}${'ratio'.padStart(8)}`,
    );
    console.log(`${''.padEnd(46)}${'to paint, ms (double rAF)'.padStart(32)}   ${'synchronous script, ms'.padStart(28)}`);
    for (const row of rows) {
      const a = median(row.ours.map((s) => s.ms));
      const b = median(row.theirs.map((s) => s.ms));
      const sa = median(row.ours.map((s) => s.scriptMs));
      const sb = median(row.theirs.map((s) => s.scriptMs));
      console.log(`${row.step.padEnd(46)}${fmt(a)}${fmt(b).padStart(14)}${ratio(a, b)}   ${fmt(sa)}${fmt(sb)}${ratio(sa, sb)}`);
    }
    console.log('');
    console.log('what each side rendered (after the step, last run):');
    for (const row of rows) {
      const o = row.ours[row.ours.length - 1];
      const t = row.theirs[row.theirs.length - 1];
      console.log(
        `  ${row.step}: ours ${o.laidOut} nodes laid out, ${o.domCards} SVG cards in the DOM (viewport-culled); ` +
          `d3-org-chart ${t.domCards} foreignObject cards in the DOM (no culling)`,
      );
    }
    console.log(`  ours exportSvg: ${exports.svgChars} chars; exportPng(1): ${exports.pngBytes} bytes ${exports.pngType}`);
    console.log(
      '  both: 220×96 cards, tidy top-down tree (d3-org-chart compact(false)), no animation (duration 0 / animationMs 0),',
    );
    console.log(
      '  timing = performance.now() from the call to after a double requestAnimationFrame (includes style, layout, paint).',
    );

    const firstOurs = median(oursFirst.map((s) => s.ms));
    const firstRatio = median(theirsFirst.map((s) => s.ms)) / firstOurs;
    console.log('');
    console.log(
      `targets (default state, levels 0-2 open, to paint): first render ≤ 1000 ms: ${firstOurs <= 1000 ? 'met' : 'MISSED'} (${firstOurs.toFixed(1)} ms); ≥ 3× faster than d3-org-chart: ${firstRatio >= 3 ? 'met' : 'MISSED'} (${firstRatio.toFixed(1)}×)`,
    );

    writeFileSync(
      path.join(__dirname, '.out', 'web-results.json'),
      JSON.stringify(
        {
          size,
          seed,
          runs,
          frameMs: frame,
          chromium: version,
          target,
          exports,
          rows: rows.map((r) => ({ step: r.step, ours: r.ours, theirs: r.theirs })),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
