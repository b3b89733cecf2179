// Unit tests of the CLI's own helpers (option parsing, policy files, exit codes), beside the code.
// The commands run against a real database in apps/cli/test (jest.integration.config.js).
module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
