#!/usr/bin/env node
// Compiles the server side (API, CLI, the server libs and the framework-free libs) with swc into
// dist/, mirroring the source tree; swc rewrites the @rolemap/* path aliases into relative requires.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { serverSources } = require('./server-sources');

const root = path.resolve(__dirname, '..');
const sources = serverSources(root);
// The path aliases come from tsconfig.json, as jest's do, so a new lib needs no second list.
const swcConfig = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
swcConfig.jsc.paths = require(path.join(root, 'tsconfig.json')).compilerOptions.paths;
swcConfig.jsc.baseUrl = root; // the generated file lives in dist/
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
const configFile = path.join('dist', '.swcrc.server.json');
fs.writeFileSync(path.join(root, configFile), JSON.stringify(swcConfig));
execFileSync(
  process.execPath,
  [
    require.resolve('@swc/cli/bin/swc.js'),
    ...sources,
    '-d',
    'dist',
    '--config-file',
    configFile,
    '--ignore',
    '**/*.spec.ts,**/__tests__/**,**/testing/**',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
// swc compiles only code: copy the JSON data the libs read at run time (the classifier's weights).
function copyJson(dir) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) copyJson(relative);
    else if (entry.name.endsWith('.json')) {
      fs.mkdirSync(path.join(root, 'dist', dir), { recursive: true });
      fs.copyFileSync(path.join(root, relative), path.join(root, 'dist', relative));
    }
  }
}
for (const dir of sources) if (dir.startsWith('libs/')) copyJson(dir);
