#!/usr/bin/env node
// Every test file must be run by `npm test`: a spec placed where no jest configuration picks it up
// (apps/api/test/foo.spec.ts, an .integration-spec.ts in a lib) would otherwise pass by never
// running. Lists the jest configurations behind the Nx targets npm test runs (test, integration,
// e2e), asks jest which files each one runs, and fails naming every test file left out.
// `--self-check` first plants two such files and fails unless both are reported.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const TEST_FILE = /\.(spec|test|integration-spec|e2e-spec)\.[cm]?[jt]sx?$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.nx', '.git', 'tmp', 'coverage', '.rolemap', '.out']);
const TARGETS_RUN_BY_NPM_TEST = ['test', 'integration', 'e2e'];

/** A package's command-line entry, read from its manifest (exports maps hide the bin files). */
function binOf(pkg) {
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [root] });
  const { bin } = require(manifest);
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[pkg]);
}

function testFiles(dir = root, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) testFiles(path.join(dir, entry.name), found);
    else if (entry.isFile() && TEST_FILE.test(entry.name)) found.push(path.join(dir, entry.name));
  }
  return found;
}

/** The jest config of every test/integration/e2e target in the Nx project graph. */
function jestConfigs() {
  const graphFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rolemap-graph-')), 'graph.json');
  const nx = spawnSync(process.execPath, [binOf('nx'), 'graph', `--file=${graphFile}`], {
    cwd: root,
    env: { ...process.env, NX_DAEMON: 'false' },
    encoding: 'utf8',
  });
  if (nx.status !== 0) throw new Error(`nx graph failed:\n${nx.stdout}${nx.stderr}`);
  const { graph } = JSON.parse(fs.readFileSync(graphFile, 'utf8'));
  fs.rmSync(path.dirname(graphFile), { recursive: true, force: true });
  const configs = new Set();
  for (const node of Object.values(graph.nodes)) {
    for (const [name, target] of Object.entries(node.data.targets ?? {})) {
      if (!TARGETS_RUN_BY_NPM_TEST.includes(name)) continue;
      const { command = '', cwd = '' } = target.options ?? {};
      if (!/\bjest\b/.test(command)) continue;
      const explicit = command.match(/jest(?:\.js)?\s+(?:.*\s)?(?:-c|--config)[ =](\S+)/);
      if (explicit) configs.add(path.resolve(root, explicit[1]));
      else {
        // Inferred by @nx/jest/plugin: jest in the project folder, with its jest.config.*.
        const dir = path.resolve(root, cwd || node.data.root);
        const file = fs.readdirSync(dir).find((name) => /^jest\.config\.[cm]?[jt]s$/.test(name));
        if (!file) throw new Error(`${path.relative(root, dir)}: target "${name}" runs jest but has no jest.config`);
        configs.add(path.join(dir, file));
      }
    }
  }
  return [...configs].sort();
}

/** The files jest would run under these configs (jest's own matching: testMatch, roots, ignores). */
function filesRunBy(configs) {
  const jest = spawnSync(process.execPath, [binOf('jest'), '--listTests', '--json', '--projects', ...configs], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (jest.status !== 0) throw new Error(`jest --listTests failed:\n${jest.stdout}${jest.stderr}`);
  return new Set(JSON.parse(jest.stdout.slice(jest.stdout.indexOf('['))));
}

function unrunTestFiles(configs = jestConfigs()) {
  const run = filesRunBy(configs);
  return testFiles().filter((file) => !run.has(file));
}

/** Plants test files that no config runs and expects every one to be reported. */
function selfCheck(configs) {
  const planted = [
    path.join(root, 'apps/api/test/__planted__/stray.spec.ts'),
    path.join(root, 'libs/domain/src/__planted__/stray.integration-spec.ts'),
  ];
  try {
    for (const file of planted) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, "it('is never run', () => expect(true).toBe(false));\n");
    }
    const reported = unrunTestFiles(configs);
    return planted.filter((file) => !reported.includes(file));
  } finally {
    for (const file of planted) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

function main() {
  const configs = jestConfigs();
  if (process.argv.includes('--self-check')) {
    const missed = selfCheck(configs);
    if (missed.length) {
      console.error(`The test-discovery check missed planted files: ${missed.map((f) => path.relative(root, f)).join(', ')}`);
      return 1;
    }
  }
  const unrun = unrunTestFiles(configs);
  if (unrun.length) {
    console.error(`${unrun.length} test file(s) that no jest configuration of \`npm test\` runs:`);
    for (const file of unrun) console.error(`  ${path.relative(root, file)}`);
    console.error(
      `Move them where a configuration picks them up, or widen its testMatch. Configurations:\n${configs
        .map((config) => `  ${path.relative(root, config)}`)
        .join('\n')}`,
    );
    return 1;
  }
  console.log(`Every test file is run by one of ${configs.length} jest configurations.`);
  return 0;
}

if (require.main === module) process.exitCode = main();

module.exports = { jestConfigs, testFiles, unrunTestFiles };
