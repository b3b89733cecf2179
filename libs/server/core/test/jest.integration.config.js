// The server core against a real PostgreSQL server (a fresh database per run) and the embedded one.
const preset = require('../../../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'server-core-integration',
  rootDir: __dirname,
  roots: ['<rootDir>', '<rootDir>/../src'],
  testMatch: ['**/*.integration-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/../../../../apps/api/test/support/global-setup.js',
  globalTeardown: '<rootDir>/../../../../apps/api/test/support/global-teardown.js',
  testTimeout: 60_000,
};
