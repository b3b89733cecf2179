/**
 * `npm run bench -- web-page [--sizes 10000,100000] [--runs 3] [--no-build] [--requests] [--profile <dir>]`
 *
 * The real overview page, served by the real app from a generated org in PostgreSQL, opened in
 * headless Chromium as a user would: time from navigation to the first chart card in the DOM,
 * the page's JS heap then, a search through the toolbar until its status shows the match, and
 * expanding a leader with 1,000 direct reports until the card says it is open. Each figure is the
 * median of `--runs` fresh pages (fresh heaps). Baseline in the same run: the page's own first
 * paint of an empty route (the app shell), so the chart's share is visible.
 *
 * `--profile <dir>` records the page's main-thread CPU profile from navigation to the first card
 * (`<dir>/<size>-<run>.cpuprofile`, for DevTools) and prints where its time went; `--trace <dir>`
 * records a DevTools trace instead (`<dir>/<size>-<run>.trace.json`) and prints the main thread's
 * time by task kind (script, style, layout, paint, parsing).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../apps/web-e2e/src/support/browser';
import { type CpuProfile, summariseCpuProfile } from './support/cpu-profile';
import { TRACE_CATEGORIES, type Trace, summariseTrace } from './support/page-trace';
import { machineLine, median } from './support/bench-database';
import { type BenchServer, WIDE_TEAM_LEAD, argNumber, warmAnalysis, withBenchServer } from './support/bench-server';

const ROOT = path.resolve(__dirname, '..');
const sizesIndex = process.argv.indexOf('--sizes');
const sizes = (sizesIndex >= 0 ? process.argv[sizesIndex + 1] : '10000,100000').split(',').map(Number);
const runs = argNumber('--runs', 3);
const STEP_TIMEOUT_MS = 180_000;
const profileIndex = process.argv.indexOf('--profile');
const profileDir = profileIndex >= 0 ? process.argv[profileIndex + 1] : undefined;
const traceIndex = process.argv.indexOf('--trace');
const traceDir = traceIndex >= 0 ? process.argv[traceIndex + 1] : undefined;

interface PageSample {
  firstPaintMs: number;
  /** In the page: from navigation start to the frame after the first card entered the DOM. */
  inPageMs: number;
  heapMb: number;
  heapAfterGcMb: number;
  searchMs: number;
  expandMs: number;
  cardsInDom: number;
}

async function heapMb(page: Page, collect: boolean): Promise<number> {
  const session = await page.context().newCDPSession(page);
  if (collect) await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach();
  return usedSize / 2 ** 20;
}

async function oneRun(
  browser: Browser,
  url: string,
  cookie: BenchServer['sessionCookie'],
  profileFile?: string,
  traceFile?: string,
): Promise<PageSample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addCookies([{ ...cookie, httpOnly: true, sameSite: 'Lax' }]);
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[role="treeitem"]')) return;
      seen.disconnect();
      requestAnimationFrame(() => ((window as unknown as { __firstCardMs: number }).__firstCardMs = performance.now()));
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  // What the page asked the server while it loaded: operation, start and duration from navigation.
  const requests: string[] = [];
  let navigationStart = 0;
  page.on('requestfinished', (request) => {
    const body = request.postData();
    const operation = body ? /"operationName":"(\w+)"/.exec(body)?.[1] : undefined;
    const timing = request.timing();
    const label = operation ?? new URL(request.url()).pathname.split('/').pop() ?? request.url();
    requests.push(`${label} @${(timing.startTime - navigationStart).toFixed(0)} +${timing.responseEnd.toFixed(0)} ms`);
  });
  const profiler = profileFile ? await page.context().newCDPSession(page) : undefined;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  if (traceFile) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  try {
    const start = performance.now();
    navigationStart = Date.now();
    await page.goto(url);
    await page.locator('[role="treeitem"]').first().waitFor();
    const firstPaintMs = performance.now() - start;
    const inPageMs = await page
      .waitForFunction(() => (window as unknown as { __firstCardMs?: number }).__firstCardMs)
      .then((handle) => handle.jsonValue());
    if (profiler && profileFile) {
      const { profile } = (await profiler.send('Profiler.stop')) as { profile: CpuProfile };
      await profiler.detach();
      fs.mkdirSync(path.dirname(profileFile), { recursive: true });
      fs.writeFileSync(profileFile, JSON.stringify(profile));
      console.log(summariseCpuProfile(profile, { top: 25 }));
    }
    if (traceFile) {
      const trace = await browser.stopTracing();
      fs.mkdirSync(path.dirname(traceFile), { recursive: true });
      fs.writeFileSync(traceFile, trace);
      console.log(summariseTrace(JSON.parse(trace.toString('utf8')) as Trace, url, inPageMs as number));
    }
    if (process.argv.includes('--requests')) console.log(`  requests until the first card: ${requests.join(', ')}`);
    const heap = await heapMb(page, false);
    const heapAfterGc = await heapMb(page, true);

    // Search through the toolbar, as a user does, until the status names the match.
    const searchStart = performance.now();
    await page.getByRole('searchbox', { name: 'Find a person' }).fill(WIDE_TEAM_LEAD);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `1 match for “${WIDE_TEAM_LEAD}”` })
      .waitFor();
    await page.getByRole('treeitem', { name: new RegExp(`^${WIDE_TEAM_LEAD}`) }).waitFor();
    const searchMs = performance.now() - searchStart;
    // Let the centring pan settle before the next click.
    await page.waitForTimeout(400);

    // Expand the 1,000-report leader: click the card's toggle, wait until it reads as open and a
    // report's card is drawn, then two frames for style, layout and paint.
    const expandMs = await page.evaluate(async (name) => {
      const card = [...document.querySelectorAll('[role="treeitem"]')].find((element) =>
        element.getAttribute('aria-label')?.startsWith(name),
      );
      const toggle = card?.querySelector('.rm-toggle');
      if (!card || !toggle) throw new Error(`no toggle on the card of ${name}`);
      const level = Number(card.getAttribute('aria-level'));
      const t0 = performance.now();
      toggle.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (;;) {
        const open = card.isConnected
          ? card.getAttribute('aria-expanded') === 'true'
          : [...document.querySelectorAll('[role="treeitem"]')].some(
              (element) =>
                element.getAttribute('aria-label')?.startsWith(name) && element.getAttribute('aria-expanded') === 'true',
            );
        const reports = document.querySelectorAll(`[role="treeitem"][aria-level="${level + 1}"]`).length;
        if (open && reports > 0) break;
        await frame();
        if (performance.now() - t0 > 120_000) throw new Error('the expansion did not finish in 120 s');
      }
      await frame();
      await frame();
      return performance.now() - t0;
    }, WIDE_TEAM_LEAD);
    const cardsInDom = await page.locator('[role="treeitem"]').count();
    return {
      firstPaintMs,
      inPageMs: inPageMs as number,
      heapMb: heap,
      heapAfterGcMb: heapAfterGc,
      searchMs,
      expandMs,
      cardsInDom,
    };
  } finally {
    await context.close();
  }
}

async function shellPaint(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  const start = performance.now();
  await page.goto(url);
  await page.getByRole('heading').first().waitFor();
  const elapsed = performance.now() - start;
  await page.close();
  return elapsed;
}

async function main(): Promise<void> {
  console.log(`rolemap web-page benchmark — ${machineLine()}`);
  if (!process.argv.includes('--no-build')) {
    console.log('building the server and the web app …');
    execFileSync(process.execPath, ['tools/build-server.js'], { cwd: ROOT, stdio: 'inherit' });
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const table: string[] = [];
  try {
    console.log(`Chromium ${browser.version()}; ${runs} fresh pages per size, median`);
    for (const size of sizes) {
      await withBenchServer({ size, wideTeam: 1_000, serveWeb: true, port: 4420 }, async (server) => {
        // A first request fills the server's analysis cache, as on a server people already use.
        await warmAnalysis(server);
        // …and the chart's per-analysis state, when the server has it (the lazy chart).
        await server
          .graphql('query($s: ID!) { orgChartTop(snapshotId: $s, depth: 0) { nodes { id } } }', { s: server.snapshotId })
          .catch(() => undefined);
        const overview = `${server.url}/org/${server.organizationId}/overview`;
        const shell = median(await Promise.all([shellPaint(browser, `${server.url}/`)]));
        const samples: PageSample[] = [];
        for (let run = 0; run < runs; run++) {
          const profileFile = profileDir ? path.resolve(profileDir, `${size}-${run + 1}.cpuprofile`) : undefined;
          const traceFile = traceDir ? path.resolve(traceDir, `${size}-${run + 1}.trace.json`) : undefined;
          const sample = await oneRun(browser, overview, server.sessionCookie, profileFile, traceFile);
          samples.push(sample);
          console.log(
            `${size}: first chart paint ${sample.firstPaintMs.toFixed(0)} ms (in the page ${sample.inPageMs.toFixed(0)} ms), heap ${sample.heapMb.toFixed(0)} MiB ` +
              `(${sample.heapAfterGcMb.toFixed(0)} after GC), search ${sample.searchMs.toFixed(0)} ms, ` +
              `expand 1,000 reports ${sample.expandMs.toFixed(0)} ms, ${sample.cardsInDom} cards in the DOM`,
          );
        }
        const pick = (key: keyof PageSample) => median(samples.map((sample) => sample[key]));
        table.push(
          `| ${size.toLocaleString('en-US')} | ${shell.toFixed(0)} ms | **${pick('firstPaintMs').toFixed(0)} ms** (${pick('inPageMs').toFixed(0)} ms in the page) | ${pick('heapMb').toFixed(0)} MiB ` +
            `(${pick('heapAfterGcMb').toFixed(0)} after GC) | ${pick('searchMs').toFixed(0)} ms | ${pick('expandMs').toFixed(0)} ms |`,
        );
      });
    }
  } finally {
    await browser.close();
  }
  console.log('\n| people | app shell (baseline) | first chart paint | JS heap | search to match shown | expand 1,000 reports |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const line of table) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
