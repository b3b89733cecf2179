// Shared jest settings: swc for speed (with decorator metadata for NestJS), path aliases from tsconfig.
// Dates in every suite read the same on every machine: set before jest starts its workers, which inherit it.
process.env.TZ = 'UTC';
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.json');

const root = __dirname;
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/', '\\/')}$`] = path.join(root, target);
}
// The d3 modules ship ESM only; each one's bundled UMD build works under jest's CommonJS runtime
// and requires its d3 dependencies by name, so they resolve through this same mapping.
moduleNameMapper['^(d3-[a-z-]+)$'] = path.join(root, 'node_modules/$1/dist/$1.min.js');

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
  // (before Node 24.9), so those packages are compiled to CommonJS like our own code; so are the
  // OpenID Connect client (openid-client, oauth4webapi, jose) and the tests' provider (oidc-provider).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@apollo/server|@as-integrations|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  moduleNameMapper,
  reporters: ['default', path.join(root, 'tools/jest-totals-reporter.js')],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '\\.integration-spec\\.ts$', '\\.e2e-spec\\.ts$'],
};
