#!/usr/bin/env node
// Keeps docker/ aligned with what CI runs, since Docker itself cannot run here: the compose file
// passes dclint (a compose linter from the npm registry) with no warnings, and the Dockerfile
// installs, builds and starts the way .ci/run and package.json do, on the Node.js major CI uses;
// every variable the containers set is a documented setting (.env.example); the proxy's upstreams
// are compose services and its health check a route the API serves.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const dockerfile = read('docker/Dockerfile');
const compose = read('docker/compose.yml');
const caddyfile = read('docker/Caddyfile');
const ciRun = read('.ci/run');
const pkg = JSON.parse(read('package.json'));
const envExample = read('.env.example');
const problems = [];
const check = (ok, message) => ok || problems.push(message);

const dclint = require.resolve('dclint/package.json', { paths: [root] });
const dclintBin = path.join(path.dirname(dclint), require(dclint).bin.dclint ?? Object.values(require(dclint).bin)[0]);
const lint = spawnSync(process.execPath, [dclintBin, 'docker/compose.yml', '--max-warnings', '0'], {
  cwd: root,
  encoding: 'utf8',
});
check(lint.status === 0, `dclint docker/compose.yml:\n${lint.stdout}${lint.stderr}`);

// Node.js: the image's major is the one CI runs the tests on.
const nodeMajors = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((match) => match[1]);
check(nodeMajors.length > 0, 'docker/Dockerfile: no FROM node:<major> line');
for (const major of nodeMajors) {
  check(
    major === process.versions.node.split('.')[0],
    `docker/Dockerfile: FROM node:${major}, but CI runs Node.js ${process.versions.node}`,
  );
}
// The same install and build commands.
const ciInstall = ciRun.match(/^npm ci[^\n]*/m)?.[0];
check(ciInstall && dockerfile.includes(`RUN ${ciInstall}`), `docker/Dockerfile must install as .ci/run does: RUN ${ciInstall}`);
check(/npm run build\b/.test(dockerfile), 'docker/Dockerfile must build with `npm run build` (package.json), as npm start does');
// The same start: node flags and entry point of `npm start`.
const start = pkg.scripts.start.split('&&').pop().trim();
const startArgs = start.split(/\s+/).slice(1);
const cmd = dockerfile
  .match(/^CMD \[(.*)\]$/m)?.[1]
  ?.split(',')
  .map((part) => part.trim().replace(/^"|"$/g, ''));
check(
  cmd && cmd[0] === 'node' && JSON.stringify(cmd.slice(1)) === JSON.stringify(startArgs),
  `docker/Dockerfile CMD must run what npm start runs: ${start}`,
);
// Every setting the containers pass is documented.
const documented = new Set([...envExample.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
const ownSettings = (text) =>
  [...text.matchAll(/\b(ROLEMAP_[A-Z0-9_]+|DATABASE_URL|PORT|HOST)\b(?=[=:])/g)].map((match) => match[1]);
for (const name of new Set([...ownSettings(dockerfile), ...ownSettings(compose)])) {
  check(documented.has(name), `${name} is set in docker/ but not documented in .env.example`);
}
// The proxy sends to services that exist, and checks a route the API has.
for (const [, host] of caddyfile.matchAll(/\b([a-z][a-z0-9-]*):3000\b/g)) {
  check(new RegExp(`^  ${host}:`, 'm').test(compose), `docker/Caddyfile sends to ${host}, which is not a compose service`);
}
const healthUri = caddyfile.match(/health_uri\s+(\S+)/)?.[1];
const healthController = read('apps/api/src/modules/health/health.controller.ts');
check(
  healthUri === '/api/ready' && /@Get\('ready'\)/.test(healthController),
  'docker/Caddyfile must check /api/ready, which apps/api/src/modules/health serves',
);
// Replicas: restart policy, health check and a memory limit.
for (const key of ['restart: unless-stopped', 'healthcheck:', 'memory:', 'condition: service_completed_successfully']) {
  check(compose.includes(key), `docker/compose.yml: the rolemap replicas need "${key}"`);
}

if (problems.length > 0) {
  console.error(`docker/ is out of line with CI:\n- ${problems.join('\n- ')}`);
  process.exitCode = 1;
}
