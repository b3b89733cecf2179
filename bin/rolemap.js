#!/usr/bin/env node
// The `rolemap` command. Runs the compiled CLI, compiling it first (swc, under a second) when the
// build is missing or older than the sources, so `npx rolemap` works right after install.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist/apps/cli/src/main.js');
const sourceFolders = path.join(root, 'tools/server-sources.js');
const args = process.argv.slice(2);

// Commands that read or write a whole organization allocate millions of short-lived objects; a
// larger young generation (as the server runs with) saves a quarter of their time at 100k
// people. V8 takes it only at start-up, so these commands run in a child Node with the flag:
// the child shares our stdin, stdout and stderr, and its exit code becomes ours.
const YOUNG_GENERATION = '--max-semi-space-size=64';
const WHOLE_ORGANIZATION_COMMANDS = new Set(['import', 'analyze', 'diff', 'report']);
if (
  WHOLE_ORGANIZATION_COMMANDS.has(args[0]) &&
  !args.includes('--help') &&
  !args.includes('-h') &&
  !process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size'))
) {
  const { spawn } = require('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION, __filename, ...args], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
  return;
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
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

if (isStale()) {
  require(path.join(root, 'tools/build-server.js'));
  fs.utimesSync(entry, new Date(), new Date());
}
// An exit code, not process.exit(): output on its way into a pipe must not be cut off.
require(entry)
  .runCli(args)
  .then((code) => {
    process.exitCode = code;
  });
