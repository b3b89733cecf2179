// Records each jest run's totals so tools/run-tests.js can print one closing line for the whole suite.
const fs = require('node:fs');
const path = require('node:path');

const resultsDir = path.resolve(__dirname, '../tmp/test-results');

class JestTotalsReporter {
  constructor(globalConfig) {
    this.name = globalConfig.displayName?.name ?? path.basename(globalConfig.rootDir);
  }

  onRunComplete(_contexts, results) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${process.pid}-${Date.now()}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = JestTotalsReporter;
