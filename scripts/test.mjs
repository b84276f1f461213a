// `npm test`: typecheck, lint, then every Vitest project, ending with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
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
rmSync('reports/vitest.json', { force: true });
const extra = process.argv.slice(2);
const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json', ...extra]);
if (!existsSync('reports/vitest.json')) {
  console.log('vitest: 0 passed, 1 failed');
  process.exit(code || 1);
}
const report = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// Files that failed to load count as failures even though they ran no test.
const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
const failed = report.numFailedTests + brokenFiles;
console.log(`vitest: ${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || report.numPassedTests === 0 || code !== 0 ? 1 : 0);
