#!/usr/bin/env node
// Compiles the server side (API, CLI, the server libs and the framework-free libs) with swc into
// dist/, mirroring the source tree; swc rewrites the @rolemap/* path aliases into relative requires.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { serverSources } = require('./server-sources');

const root = path.resolve(__dirname, '..');
const sources = serverSources(root);
execFileSync(
  process.execPath,
  [
    require.resolve('@swc/cli/bin/swc.js'),
    ...sources,
    '-d',
    'dist',
    '--config-file',
    '.swcrc',
    '--ignore',
    '**/*.spec.ts,**/__tests__/**,**/testing/**',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
