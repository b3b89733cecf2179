// Browser tests: real headless Chromium against the real server, one server with a fresh embedded
// database per spec file (support/server-environment.js), so no spec depends on another.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/src/support/server-environment.js',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 30_000,
};
