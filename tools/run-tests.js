#!/usr/bin/env node
// `npm test`: unit tests of every project (2 at a time), then the integration tests (2 projects at a
// time, each in its own database; their specs mostly wait on PostgreSQL and child processes), then
// the browser tests, then one closing line with the totals.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const resultsDir = path.join(root, 'tmp/test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });

/** A package's command-line entry, read from its manifest (exports maps hide the bin files). */
function binOf(pkg, name = pkg) {
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [root] });
  const { bin } = require(manifest);
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

const nx = binOf('nx');
const env = { ...process.env, NX_DAEMON: 'false', TZ: 'UTC', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };
const stages = [
  ['run-many', '-t', 'test', '--parallel=2', '--output-style=static'],
  ['run-many', '-t', 'integration', '--parallel=2', '--output-style=static'],
  ['run-many', '-t', 'e2e', '--parallel=1', '--output-style=static'],
];

let status = 0;
const startedAll = Date.now();
// Static checks first. ESLint's module-boundary rule reads Nx's project graph and silently skips
// itself when there is none (a clean checkout), so the graph is built before lint runs.
for (const [name, bin, args] of [
  ['project graph', nx, ['show', 'projects']],
  ['typecheck', binOf('typescript', 'tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', binOf('eslint'), ['apps', 'libs', 'bench', '--max-warnings', '0']],
  ['lint enforcement', path.join(root, 'tools/check-lint-enforcement.mjs'), []],
  ['format', binOf('prettier'), ['--check', '.', '--log-level', 'warn']],
  // After the format check: the self-check plants (and removes) two stray spec files.
  ['test discovery', path.join(root, 'tools/check-test-discovery.js'), ['--self-check']],
  ['web client', path.join(root, 'tools/check-web-client.js'), []],
  ['containers', path.join(root, 'tools/check-containers.js'), []],
]) {
  console.log(`== ${name}`);
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env,
    stdio: name === 'project graph' ? 'ignore' : 'inherit',
  });
  if (result.status !== 0) {
    status = result.status ?? 1;
    if (name === 'format') console.log('Run `npx prettier --write .` to format.');
  }
}
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
console.log(`== static checks took ${seconds(startedAll)}`);
for (const args of stages) {
  const stageStarted = Date.now();
  const result = spawnSync(process.execPath, [nx, ...args, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) status = result.status ?? 1;
  console.log(`== ${args[2]} stage took ${seconds(stageStarted)}`);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of fs.existsSync(resultsDir) ? fs.readdirSync(resultsDir) : []) {
  const run = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += run[key];
}
if (status !== 0 && totals.failed === 0) totals.failed = 1; // a stage failed before any test could report
console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped (${seconds(startedAll)})`);
process.exit(status || (totals.failed > 0 ? 1 : 0));
