// `npm test`: every tier (unit, integration, end-to-end) in one Jest run, engines started by Jest's
// global setup, then one plain closing line with the totals for tools that read it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(mkdtempSync(join(tmpdir(), 'hotline-test-')), 'results.json');
// --forceExit: the global setup's engine handles (rtpengine's DTMF socket and the like) live in Jest's own
// process; once the teardown has stopped the engines and the results are written, nothing is left to wait for.
const args = ['--ci', '--json', `--outputFile=${out}`, '--forceExit', ...process.argv.slice(2)];
const run = spawnSync('jest', args, { stdio: 'inherit', shell: false });

let summary = 'tests: 0 passed, 0 failed';
try {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
  if (r.numRuntimeErrorTestSuites > 0) summary += ` (${r.numRuntimeErrorTestSuites} suites failed to run)`;
} catch {
  summary = 'tests: 0 passed, 1 failed (jest produced no results)';
}
console.log(`\n${summary}`);
process.exit(run.status ?? 1);
