// The rolemap command run as a user would run it, against a fresh database on the real PostgreSQL server.
const preset = require('../../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'cli-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.integration-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/../../api/test/support/global-setup.js',
  globalTeardown: '<rootDir>/../../api/test/support/global-teardown.js',
  testTimeout: 120_000,
};
