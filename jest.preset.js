// Shared jest settings: swc for speed (with decorator metadata for NestJS), path aliases from tsconfig.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.json');

const root = __dirname;
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(root, target);
}
// d3 ships ESM only; its bundled UMD build works under jest's CommonJS runtime.
moduleNameMapper['^d3$'] = path.join(root, 'node_modules/d3/dist/d3.min.js');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$|\\.mjs$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // NestJS 12 ships ESM only. Node runs it through require(esm), but jest's module system cannot
  // (before Node 24.9), so those packages are compiled to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@apollo/server|@as-integrations)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  moduleNameMapper,
  reporters: ['default', path.join(root, 'tools/jest-totals-reporter.js')],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.integration-spec\\.ts$', '\\.e2e-spec\\.ts$'],
};
