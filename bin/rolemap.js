#!/usr/bin/env node
// The `rolemap` command. Runs the compiled CLI, compiling it first (swc, under a second)
// when the build is missing or older than the sources, so `npx rolemap` works right after install.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist/apps/cli/src/main.js');

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
  const built = fs.statSync(entry).mtimeMs;
  const sources = ['apps/api/src', 'apps/cli/src', ...fs.readdirSync(path.join(root, 'libs')).map((lib) => `libs/${lib}/src`)];
  return sources.some((dir) => fs.existsSync(path.join(root, dir)) && newestSource(path.join(root, dir)) > built);
}

if (isStale()) {
  require(path.join(root, 'tools/build-server.js'));
  fs.utimesSync(entry, new Date(), new Date());
}
require(entry)
  .runCli(process.argv.slice(2))
  .then((code) => process.exit(code));
