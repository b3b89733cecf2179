#!/usr/bin/env node
// `npm run bench -- <name> [args]` runs bench/<name>.bench.ts under swc (same path aliases as the apps).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const [name, ...args] = process.argv.slice(2);
const available = fs
  .readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(name ? 1 : 0);
}
const result = spawnSync(
  process.execPath,
  // A larger young generation: imports and analyses allocate millions of short-lived objects.
  ['--expose-gc', '--max-semi-space-size=64', '-r', '@swc-node/register', path.join(__dirname, `${name}.bench.ts`), ...args],
  { stdio: 'inherit', env: { ...process.env, SWC_NODE_PROJECT: path.join(__dirname, '..', 'tsconfig.json'), TZ: 'UTC' } },
);
process.exit(result.status ?? 1);
