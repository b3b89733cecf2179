#!/usr/bin/env -S node --max-semi-space-size=32
// The `rolemap` command. Runs the compiled CLI, compiling it first (swc, under a second) when the
// build is missing or older than the sources, so `npx rolemap` works right after install.
// The shebang gives V8 a larger young generation, in the same process (a flag passed to a second
// Node would cost its start-up): an import or analysis of 100k people allocates millions of
// short-lived objects, and 32 MB semi-spaces take about 5% off an import's CPU for ~20 MB of RSS
// (64 MB, as the server runs, would add ~90 MB; bench/RESULTS.md). `node bin/rolemap.js` runs
// without it.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist/apps/cli/src/main.js');
const sourceFolders = path.join(root, 'tools/server-sources.js');
const args = process.argv.slice(2);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(entry)) return true;
  // A build shipped without its sources (the container image) is what it is.
  if (!fs.existsSync(sourceFolders)) return false;
  const built = fs.statSync(entry).mtimeMs;
  // The CLI does not use apps/api: a change there needs no rebuild of the command.
  const folders = require(sourceFolders)
    .serverSources(root)
    .filter((dir) => dir !== 'apps/api/src');
  return folders.some((dir) => newestSource(path.join(root, dir)) > built);
}

// The report process (below) was started by one that has just checked.
if (!process.env.ROLEMAP_REPORT_PROCESS && isStale()) {
  require(path.join(root, 'tools/build-server.js'));
  fs.utimesSync(entry, new Date(), new Date());
}
// `rolemap report` runs in a second Node with heap settings of its own (~0.1 s and ~47 MB for the
// waiting parent): a PDF of 10,000 roles allocates gigabytes of short-lived objects over a live
// heap of 120-200 MB, and V8, left to itself, lets the heap grow to 3-4 times what is live (543 MB
// of RSS at 10,000 roles, 1.2 GB before the writer stopped keeping things). With a 1 GB old space
// V8 grows it by at most ~1.6 times between full collections, and the default 16 MB semi-spaces,
// not the 32 MB above, keep the young generation small: 412 MB for the same CPU. 30,000 roles
// (~320 MB live while writing) still fit; one whose live heap passes 1 GB (by extrapolation
// about 90,000 roles, not tried) would run out of heap (bench/RESULTS.md, 2026-12-03).
const REPORT_HEAP = ['--max-old-space-size=1024', '--max-semi-space-size=16'];
if (args[0] === 'report' && !process.env.ROLEMAP_REPORT_PROCESS) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [...REPORT_HEAP, __filename, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ROLEMAP_REPORT_PROCESS: '1' },
  });
  const forward = (signal) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    for (const name of signals) process.off(name, forward);
    // Stopped by a signal: end the same way, as a shell or supervisor expects.
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
  return;
}
// An exit code, not process.exit(): output on its way into a pipe must not be cut off.
require(entry)
  .runCli(args)
  .then((code) => {
    process.exitCode = code;
  });
