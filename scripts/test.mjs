// `npm test`: every tier (unit, integration, end-to-end) in one Jest run, engines started by Jest's
// global setup, then one plain closing line with the totals for tools that read it.
//
// A suite that failed is run once more on its own (at most MAX_RERUN suites: more failures than that
// are not timing, they are a defect). The whole suite runs again, setup included, because a browser or
// engine suite's tests depend on each other's steps. The first failure stays in the log above and the
// closing line names every suite that needed the second run, so a flaky test is seen, never hidden;
// a suite that fails twice fails the run.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const MAX_RERUN = 4;
const HEAP_MIB = 12_288;
const JEST = createRequire(import.meta.url).resolve('jest/bin/jest');
const dir = mkdtempSync(join(tmpdir(), 'hotline-test-'));

/** One Jest run; its JSON results, or undefined when Jest wrote none. */
function jest(name, extra) {
  const out = join(dir, `${name}.json`);
  // --forceExit: the global setup's engine handles (rtpengine's DTMF socket and the like) live in Jest's own
  // process; once the teardown has stopped the engines and the results are written, nothing is left to wait for.
  // Jest runs the suites in its own process on a 2-core machine (one worker): its heap grows over the
  // whole run past Node's default limit (~4 GiB here; a run ended out of memory at 280 of 288 suites).
  const run = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MIB}`,
      JEST,
      '--ci',
      '--json',
      `--outputFile=${out}`,
      '--forceExit',
      ...extra,
    ],
    { stdio: 'inherit', shell: false },
  );
  try {
    return { status: run.status ?? 1, results: JSON.parse(readFileSync(out, 'utf8')) };
  } catch {
    return { status: run.status ?? 1, results: undefined };
  }
}

/** Per suite file: its counts by status. */
function bySuite(results) {
  return new Map(
    results.testResults.map((suite) => {
      const count = (status) => suite.assertionResults.filter((a) => a.status === status).length;
      return [
        suite.name,
        {
          failed: suite.status === 'failed',
          passed: count('passed'),
          // A suite that failed to run (its setup threw) has no failed assertions: count it as one.
          failures: Math.max(count('failed'), suite.status === 'failed' ? 1 : 0),
          skipped: count('pending') + count('todo') + count('skipped'),
        },
      ];
    }),
  );
}

const first = jest('results', process.argv.slice(2));
if (!first.results) {
  console.log('\ntests: 0 passed, 1 failed (jest produced no results)');
  process.exit(first.status || 1);
}

const suites = bySuite(first.results);
const failedFirst = [...suites].filter(([, s]) => s.failed).map(([name]) => name);
let rerunNote = '';
if (failedFirst.length > 0 && failedFirst.length <= MAX_RERUN) {
  const names = failedFirst.map((f) => relative(process.cwd(), f));
  console.log(
    `\n== ${names.length} suite(s) failed on the first run; running them once more: ${names.join(', ')}\n`,
  );
  // Paths relative to the root, as Jest's global setup matches them to decide which engines to start.
  const second = jest('rerun', ['--runTestsByPath', ...names]);
  const again = second.results ? bySuite(second.results) : new Map();
  for (const name of failedFirst) {
    suites.set(name, again.get(name) ?? { failed: true, passed: 0, failures: 1, skipped: 0 });
  }
  const passedOnRerun = names.filter((_, i) => !suites.get(failedFirst[i]).failed);
  if (passedOnRerun.length > 0)
    rerunNote = `; failed once, passed on the second run: ${passedOnRerun.join(', ')}`;
}

const totals = [...suites.values()].reduce(
  (t, s) => ({ passed: t.passed + s.passed, failed: t.failed + s.failures, skipped: t.skipped + s.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
const stillFailed = [...suites].filter(([, s]) => s.failed).map(([name]) => relative(process.cwd(), name));
let summary = `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
if (stillFailed.length > 0) summary += ` (failed suites: ${stillFailed.join(', ')})`;
console.log(`\n${summary}${rerunNote}`);
// Jest's own status when nothing failed in the end (it may fail on other grounds, e.g. a coverage threshold).
process.exit(stillFailed.length > 0 ? 1 : failedFirst.length > 0 ? 0 : first.status);
