#!/usr/bin/env node
// `npm test`: lint, typecheck, browser check, web build, then every Vitest project on both
// databases. Runs every step even after a failure so one run shows everything, and ends with
// exactly one summary line, `N passed, N failed[, N skipped]`, that CI reads (.ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitestJson = join(root, 'test-results', 'vitest.json');
const chromiumPath = '/usr/bin/chromium';
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const isRoot = process.getuid?.() === 0;

/** Steps that failed outside Vitest; each counts as one failed test in the summary. */
const failedSteps = [];

function header(title) {
  console.log(`\n=== ${title} ===`);
}

/** Runs a command with inherited output; returns true when it exits 0. */
function run(command, args, env = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const startedAt = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (result.error) console.log(`! ${command} could not start: ${result.error.message}`);
  const ok = result.status === 0;
  console.log(`${ok ? 'ok' : `FAILED (${result.signal ?? `exit ${result.status}`})`} in ${seconds}s`);
  return ok;
}

function step(name, body) {
  header(name);
  let ok;
  try {
    ok = body();
  } catch (error) {
    console.log(`! ${name}: ${error instanceof Error ? error.message : String(error)}`);
    ok = false;
  }
  if (!ok) failedSteps.push(name);
}

// `npx --no` never downloads: every tool is a devDependency.
const npx = (tool, ...args) => run('npx', ['--no', '--', tool, ...args]);

step('lint', () => {
  const eslintOk = npx('eslint', '.');
  const prettierOk = npx('prettier', '--check', '.');
  return eslintOk && prettierOk;
});

step('typecheck', () => npx('tsc', '-p', 'tsconfig.json', '--noEmit'));

step('chromium', () => {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (!existsSync(cjkFont)) missing.push('fonts-wqy-microhei');
  if (missing.length === 0) {
    console.log(`${chromiumPath} and the CJK font are present`);
    return true;
  }
  if (!isRoot) {
    console.log(
      `! missing ${missing.join(' and ')}: the e2e journeys drive Debian's Chromium at ${chromiumPath}. ` +
        `Install with: sudo apt-get install -y ${missing.join(' ')}`,
    );
    // Without a CJK font the pages still render (boxes instead of glyphs); only Chromium is fatal.
    return existsSync(chromiumPath);
  }
  const apt = { DEBIAN_FRONTEND: 'noninteractive' };
  return (
    run('apt-get', ['update'], apt) &&
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], apt) &&
    existsSync(chromiumPath)
  );
});

step('build web app', () => {
  if (!existsSync(join(root, 'vite.config.ts'))) {
    console.log('no vite.config.ts yet: nothing to build');
    return true;
  }
  const builtAt = mtimeOf(join(root, 'dist', 'web', 'index.html'));
  const sources = ['src/web', 'src/contracts', 'vite.config.ts'].map((path) => join(root, path));
  const newestSource = Math.max(0, ...sources.map(newestMtime));
  if (builtAt !== undefined && builtAt >= newestSource) {
    console.log('dist/web is up to date');
    return true;
  }
  return npx('vite', 'build');
});

header('vitest (unit, integration, e2e)');
rmSync(vitestJson, { force: true });
const vitestOk = run('npx', ['--no', '--', 'vitest', 'run'], { TZ: 'UTC' });

const totals = readVitestTotals();
let failed = failedSteps.length + totals.failed;
if (!vitestOk && totals.failed === 0) {
  // Crashed, no JSON, or errors outside any test (unhandled rejection, failed globalSetup).
  console.log('! vitest exited non-zero without a failed test in its report: counted as 1 failed');
  failed += 1;
}
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(
  `\n${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exitCode = failed > 0 ? 1 : 0;

function readVitestTotals() {
  if (!existsSync(vitestJson)) return { passed: 0, failed: 0, skipped: 0 };
  try {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    // A file that fails to load has no failed test but a failed file: count it once.
    const brokenFiles = report.testResults.filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
    ).length;
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch (error) {
    console.log(`! could not read ${vitestJson}: ${error.message}`);
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}
