// Integration tests: the real API against a real PostgreSQL server (a fresh database per run).
const preset = require('../../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/integration/**/*.integration-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/support/global-setup.js',
  globalTeardown: '<rootDir>/support/global-teardown.js',
  testTimeout: 60_000,
};
