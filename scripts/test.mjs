#!/usr/bin/env node
// The README's second command: every test. Typecheck, lint, unit + adapter contracts + database (PGlite, and
// Postgres too when TEST_DATABASE_URL is set), production build, then Playwright in Debian's Chromium.
// Installs dependencies and Chromium when missing. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const started = Date.now();
const results = { passed: 0, failed: 0 };
const failures = [];

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

function countJson(file, kind) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (kind === 'vitest') {
    results.passed += j.numPassedTests ?? 0;
    results.failed += j.numFailedTests ?? 0;
  } else {
    results.passed += j.stats?.expected ?? 0;
    results.failed += (j.stats?.unexpected ?? 0) + (j.stats?.flaky ?? 0);
  }
}

if (!fs.existsSync('node_modules/.bin/next')) step('install dependencies', 'npm', ['ci', '--no-audit', '--no-fund']);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    step('install Debian chromium', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
  } else {
    console.error(`Chromium not found at ${chromium}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
    process.exit(1);
  }
}

fs.rmSync('test-results', { recursive: true, force: true });
fs.mkdirSync('test-results', { recursive: true });

step('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
step('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', '.']);
if (!process.env.TEST_DATABASE_URL) console.log('\nNote: TEST_DATABASE_URL is not set, so the database tests run on PGlite only (.ci/run also runs them on Postgres).');
step('unit, adapter contract and database tests', process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
countJson('test-results/vitest.json', 'vitest');

const built = step('production build', process.execPath, ['node_modules/next/dist/bin/next', 'build']);
if (built) {
  fs.rmSync('.e2e-data', { recursive: true, force: true });
  step('browser tests (Playwright, Debian Chromium)', process.execPath, ['node_modules/@playwright/test/cli.js', 'test']);
  countJson('test-results/playwright.json', 'playwright');
}

console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(0)} s.${failures.length ? ` Failed steps: ${failures.join(', ')}.` : ''}`);
console.log(`${results.passed} passed, ${results.failed + (failures.length && !results.failed ? failures.length : 0)} failed`);
process.exit(failures.length ? 1 : 0);
