// `npm test`: typecheck, lint, every Vitest project, then the story plays on the Tencent and OpenIM adapters, ending
// with one plain summary line that counts every run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env } }).status ?? 1;

if (!findChromium()) {
  console.error(HOW_TO_INSTALL);
  console.log('vitest: 0 passed, 1 failed');
  process.exit(1);
}

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.']],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n> ${name}`);
  if (run(cmd, args) !== 0) {
    console.log(`${name} failed`);
    console.log('vitest: 0 passed, 1 failed');
    process.exit(1);
  }
}

mkdirSync('reports', { recursive: true });

/** Runs Vitest with a JSON report; returns the report, or undefined when Vitest wrote none (it failed to start). */
function vitest(reportPath, args, env = {}) {
  rmSync(reportPath, { force: true });
  const status =
    spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`, ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    }).status ?? 1;
  return { status, report: existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : undefined };
}

function counts(report) {
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // Files that failed to load count as failures even though they ran no test.
  const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles, skipped };
}

/** The stories a backend run skipped, grouped by their reason (the loader puts it in the test's meta). */
function printSkipped(backend, report) {
  const byReason = new Map();
  for (const file of report.testResults ?? []) {
    const stories = basename(file.name).replace(/\.stories\.tsx?$/, '');
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'skipped' && test.status !== 'pending') continue;
      const reason = test.meta?.skipReason ?? 'no reason given';
      byReason.set(reason, [...(byReason.get(reason) ?? []), `${stories}/${test.fullName}`]);
    }
  }
  for (const [reason, names] of byReason) console.log(`  skipped on ${backend} (${names.length}): ${reason}\n    ${names.join(', ')}`);
}

const extra = process.argv.slice(2);
const runs = [{ name: 'all projects', ...vitest('reports/vitest.json', extra) }];
// Every story play again on the real Tencent and OpenIM adapters over their SDK fakes (the default run is on the memory
// adapter), so that a flow cannot break on one backend unnoticed. Only for the whole suite: arguments narrow it.
const backends = extra.length === 0 ? ['tencent', 'openim'] : [];
for (const backend of backends) {
  console.log(`\n> stories on ${backend} (STORY_BACKEND=${backend})`);
  const result = vitest(`reports/vitest-storybook-${backend}.json`, ['--project', 'storybook'], { STORY_BACKEND: backend });
  if (result.report) printSkipped(backend, result.report);
  runs.push({ name: `stories on ${backend}`, ...result });
}
if (backends.length === 0) console.log('\n(stories on tencent and openim: not run, as arguments narrow the run)');

const total = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
for (const { name, status, report } of runs) {
  if (!report) {
    console.log(`${name}: Vitest wrote no report`);
    total.failed += 1;
    ok = false;
    continue;
  }
  const { passed, failed, skipped } = counts(report);
  total.passed += passed;
  total.failed += failed;
  total.skipped += skipped;
  if (status !== 0 || passed === 0) ok = false;
}
console.log(`vitest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(ok && total.failed === 0 ? 0 : 1);
