// Prints `N passed, N failed` from vitest's JSON report (the one line CI reads). Exits 1 when the report
// is missing, so a crashed run never looks green.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'test-results/vitest.json';
try {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  const failed = (report.numFailedTests ?? 0) + brokenFiles;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
} catch (error) {
  console.log('0 passed, 1 failed');
  console.error(`test summary: cannot read ${path}: ${error.message}`);
  process.exit(1);
}
