// Reads the JSON reports of vitest and Playwright (and any conformance step) and prints one closing line:
// "N passed, N failed". Exits non-zero when anything failed or a report is missing.
import { existsSync, readFileSync } from 'node:fs';

interface Counts { passed: number; failed: number; skipped: number }
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let missing = false;

function read(path: string): unknown {
  if (!existsSync(path)) {
    console.log(`summary: missing report ${path}`);
    missing = true;
    return undefined;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

const [vitestReport, playwrightReport, ...extra] = process.argv.slice(2);
const vitest = read(vitestReport ?? '') as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | undefined;
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}
const pw = read(playwrightReport ?? '') as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | undefined;
if (pw) {
  total.passed += pw.stats.expected;
  total.failed += pw.stats.unexpected + pw.stats.flaky;
  total.skipped += pw.stats.skipped;
  console.log(`playwright: ${pw.stats.expected} passed, ${pw.stats.unexpected + pw.stats.flaky} failed`);
}
// Conformance and other steps write {"name","passed","failed"}.
for (const path of extra) {
  const step = read(path) as { name: string; passed: number; failed: number } | undefined;
  if (!step) continue;
  total.passed += step.passed;
  total.failed += step.failed;
  console.log(`${step.name}: ${step.passed} passed, ${step.failed} failed`);
}
if (missing) total.failed += 1;
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
