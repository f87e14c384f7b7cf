/** Prints the plain closing line "N passed, N failed" that CI reads, after jest's own summary. */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    if (failedSuites && !results.numFailedTests) process.stdout.write(`(${failedSuites} test file(s) failed to run)\n`);
  }
}
module.exports = SummaryReporter;
