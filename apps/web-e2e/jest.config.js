// Browser tests: real headless Chromium against the real server on a fresh embedded database.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/src/support/global-setup.js',
  globalTeardown: '<rootDir>/src/support/global-teardown.js',
  maxWorkers: 1,
  testTimeout: 30_000,
};
