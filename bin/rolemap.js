#!/usr/bin/env -S node --max-semi-space-size=8
// The `rolemap` command. Runs the compiled CLI, compiling it first (swc, under a second) when the
// build is missing or older than the sources, so `npx rolemap` works right after install.
// The shebang gives V8 a smaller young generation than its default (2 × 8 MB instead of 2 × 16),
// in the same process (a flag passed to a second Node would cost its start-up): both halves stay
// resident, so with the import's collector paced it is what brings a 100k-person import under
// 3 KB a person, for ~0.3 s more CPU there (no measurable change to analyze or the role PDF;
// bench/RESULTS.md, the import's fourth pass). The server runs with 64 MB semi-spaces.
// `node bin/rolemap.js` runs without it.
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
