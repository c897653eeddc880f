/**
 * CDR explorer, browser side, against the production build (`next build` output in NEXT_DIST_DIR or .next,
 * built first when there is none) with its own data directory holding 100,000 CDRs:
 *   - route JavaScript: each dashboard route's first-load JS (gzip), read as a browser gets it — every
 *     `/_next/static/chunks/*.js` the route's HTML references (script tags and the RSC payload's client
 *     chunks), fetched from the running server and gzipped — against the empty-page baseline, the framework
 *     runtime every page loads (`rootMainFiles` of build-manifest.json). Limits: /cdrs ≤ baseline + 120 KB,
 *     every other dashboard route ≤ baseline + 50 KB;
 *   - scroll: /cdrs as the operator with a range holding all 100,000 rows in the virtualized table, scrolled
 *     programmatically from the first row to the last while requestAnimationFrame records frame times, with
 *     short pauses on the way so row blocks load and render as they would for a reader. Limit: median ≥ 55 fps.
 *
 *   npx tsx bench/cdr-browser.bench.ts      (or `npm run bench -- cdr-browser`)
 *   BENCH_BROWSER_CDR_ROWS=200000 …          more rows; BENCH_BROWSER_PORT / BENCH_BROWSER_EMULATOR_BASE move ports
 *
 * Stops by itself: bounded loops and waits, a 10-minute watchdog, and it stops the server it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// Generating the data uses server modules, which import 'server-only' (react-server condition): re-run with it.
if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: 'inherit', env: process.env });
  process.exit(r.status ?? 1);
}

const ROWS = Number(process.env.BENCH_BROWSER_CDR_ROWS ?? 100_000);
const PORT = Number(process.env.BENCH_BROWSER_PORT ?? 3288);
const EMULATOR_BASE = Number(process.env.BENCH_BROWSER_EMULATOR_BASE ?? 4880);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.bench-data', `cdr-browser-${ROWS}`);
const distDir = process.env.NEXT_DIST_DIR || '.next';
const KB = 1024;

/**
 * Runs in the page (a string, so the bundler's helpers never leak into it): scrolls the table's scroll box from
 * the first row to the last in FRAMES steps, one per animation frame, pausing PAUSE_MS every PAUSE_EVERY
 * frames the way a reader stops; every frame's timestamp is recorded, pauses included.
 */
const FRAMES = 1_500;
const PAUSE_EVERY = 150;
const PAUSE_MS = 400;
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const el = document.querySelector('[data-testid="cdr-table-scroll"]');
  const max = el.scrollHeight - el.clientHeight;
  const step = max / ${FRAMES};
  const times = [];
  const deadline = performance.now() + 120000;
  let frame = 0;
  const done = () => resolve({ intervals: times.slice(1).map((t, i) => t - times[i]), atBottom: el.scrollTop >= max - 1 });
  const tick = (ts) => {
    times.push(ts);
    if (frame >= ${FRAMES} || performance.now() > deadline) return done();
    frame++;
    el.scrollTop = Math.min(max, Math.round(step * frame));
    if (frame % ${PAUSE_EVERY} !== 0) return requestAnimationFrame(tick);
    const until = performance.now() + ${PAUSE_MS};
    const idle = (t) => {
      times.push(t);
      requestAnimationFrame(performance.now() < until ? idle : tick);
    };
    requestAnimationFrame(idle);
  };
  requestAnimationFrame(tick);
})`;

const { report, chromiumLaunch, percentile, sleep } = await import('./live-lib');

// The server, once started (an object, so the watchdog and signal handlers see it).
const started: { server?: ChildProcess } = {};
function stopServer() {
  const { server } = started;
  // start.mjs runs in its own process group with the emulators and `next start`: signal the group.
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
const watchdog = setTimeout(() => {
  console.error('cdr-browser bench: still running after 10 minutes, giving up');
  stopServer();
  process.exit(1);
}, 10 * 60_000);
watchdog.unref();
process.on('SIGINT', () => (stopServer(), process.exit(130)));
process.on('SIGTERM', () => (stopServer(), process.exit(143)));

// ------------------------------------------------------------------------------------------ data and build

process.env.SWITCHBOARD_DATA_DIR = dataDir;
let span: { fromMs: number; toMs: number; rows: number };
{
  const { openDatabase } = await import('@/server/db/client');
  const { ensureBenchCdrs, benchCdrSpan } = await import('./cdr-data');
  const handle = await openDatabase({ dir: path.join(dataDir, 'pglite') });
  const generated = await ensureBenchCdrs(handle.db, ROWS);
  if (generated) console.error(`generated ${ROWS} CDRs in ${generated.toFixed(1)} s`);
  span = await benchCdrSpan(handle.db);
  // The server opens the same embedded database next: PGlite allows one process at a time.
  await handle.close();
}
if (span.rows < ROWS) throw new Error(`expected ${ROWS} CDRs, found ${span.rows}`);

if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.error(`no production build in ${distDir}: building…`);
  const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error('next build failed');
}
console.error(`production build: ${distDir}, built ${fs.statSync(path.join(root, distDir, 'BUILD_ID')).mtime.toISOString()}`);

// ------------------------------------------------------------------------------------------ server

const base = `http://127.0.0.1:${PORT}`;
if (await fetch(`${base}/login`).then(() => true, () => false)) throw new Error(`port ${PORT} is taken: set BENCH_BROWSER_PORT`);
const server = spawn(process.execPath, ['scripts/start.mjs', '--no-build', '--port', String(PORT), '--data', dataDir, '--emulator-port-base', String(EMULATOR_BASE)], {
  cwd: root,
  detached: true,
  // No sync passes: the table holds exactly the generated rows, and nothing competes with the browser.
  env: { ...process.env, CDR_SYNC_INTERVAL_MS: '0', NEXT_DIST_DIR: distDir },
  stdio: ['ignore', 'ignore', 'inherit'],
});
started.server = server;
let up = false;
for (let i = 0; i < 240 && !up && server.exitCode === null; i++) {
  up = await fetch(`${base}/login`).then((r) => r.ok, () => false);
  if (!up) await sleep(500);
}
if (!up) {
  stopServer();
  throw new Error('the production server did not start within 120 s');
}

const { chromium } = await import('@playwright/test');
const browser = await chromium.launch(chromiumLaunch);
let failed = false;
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: base });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail').fill('operator@switchboard.test');
  await page.getByLabel('Password').fill('operator-demo-pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/overview', { timeout: 30_000 });

  // ---------------------------------------------------------------------------------------- route JS

  const gz = new Map<string, number>();
  async function gzipSize(src: string): Promise<number> {
    const hit = gz.get(src);
    if (hit !== undefined) return hit;
    const res = await context.request.get(src);
    if (!res.ok()) throw new Error(`${src}: HTTP ${res.status()}`);
    const size = zlib.gzipSync(await res.body()).length;
    gz.set(src, size);
    return size;
  }
  /** Every client chunk a route's first load needs: script tags plus the client chunks its RSC payload names. */
  async function routeChunks(route: string): Promise<string[]> {
    const res = await context.request.get(route, { maxRedirects: 0 });
    if (res.status() !== 200) throw new Error(`${route}: HTTP ${res.status()}`);
    const html = await res.text();
    const found = new Set<string>();
    for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"[^>]*>/g)) if (!/\snomodule/.test(m[0])) found.add(new URL(m[1]!, base).pathname);
    // The inline RSC payload escapes quotes; chunk paths appear as /_next/static/chunks/<name>.js there.
    for (const m of html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)) found.add(m[0]);
    return [...found].filter((f) => !polyfills.has(f));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, distDir, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[]; polyfillFiles: string[] };
  const baselineFiles = manifest.rootMainFiles.map((f) => `/_next/${f}`);
  // Legacy polyfills load with `nomodule`: modern browsers never fetch them, so they count nowhere.
  const polyfills = new Set(manifest.polyfillFiles.map((f) => `/_next/${f}`));
  let baseline = 0;
  for (const f of baselineFiles) baseline += await gzipSize(f);
  console.log(`empty-page baseline (framework runtime, ${baselineFiles.length} chunks): ${(baseline / KB).toFixed(1)} KB gzip`);

  const dashboardDir = path.join(root, 'app', '(dashboard)');
  const routes = fs
    .readdirSync(dashboardDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dashboardDir, d.name, 'page.tsx')))
    .map((d) => `/${d.name}`)
    .sort();
  const extraOf = new Map<string, { file: string; size: number }[]>();
  for (const route of routes) {
    const files = await routeChunks(route);
    let total = 0;
    const extra: { file: string; size: number }[] = [];
    for (const f of files) {
      const size = await gzipSize(f);
      total += size;
      if (!baselineFiles.includes(f)) extra.push({ file: f, size });
    }
    const missing = baselineFiles.filter((f) => !files.includes(f));
    if (missing.length) throw new Error(`${route} does not load the framework chunks ${missing.join(', ')}: the baseline is wrong`);
    extraOf.set(route, extra);
    const budget = route === '/cdrs' ? 120 : 50;
    const over = (total - baseline) / KB;
    report({
      name: `first-load JS of ${route} (gzip)`,
      value: Math.round((total / KB) * 10) / 10,
      unit: 'KB',
      baseline: Math.round((baseline / KB) * 10) / 10,
      baselineLabel: 'empty page: framework runtime',
      limit: `≤ baseline + ${budget} KB`,
      pass: over <= budget,
    });
    console.log(`  ${route}: ${(total / KB).toFixed(1)} KB = baseline + ${over.toFixed(1)} KB (budget + ${budget} KB) in ${files.length} chunks`);
  }
  // What the CDR route adds, biggest first, so a regression can be traced to a chunk.
  for (const [route, extra] of extraOf) {
    if (route !== '/cdrs') continue;
    for (const e of extra.sort((a, b) => b.size - a.size).slice(0, 6)) console.error(`  ${route} chunk ${e.file}: ${(e.size / KB).toFixed(1)} KB`);
  }

  // ---------------------------------------------------------------------------------------- scroll fps

  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // A custom range over the data's span (whole seconds, end exclusive) holds every generated row.
  const q = new URLSearchParams({ range: 'custom', from: iso(Math.floor(span.fromMs / 1000) * 1000), to: iso(Math.ceil(span.toMs / 1000) * 1000 + 1000) });
  await page.goto(`/cdrs?${q}`);
  await page.getByTestId('cdr-total').filter({ hasText: /\d+ calls/ }).waitFor({ timeout: 90_000 });
  const totalText = (await page.getByTestId('cdr-total').textContent()) ?? '';
  const rowsInTable = Number(totalText.replace(/\D/g, ''));
  if (rowsInTable < ROWS) throw new Error(`the table holds ${rowsInTable} rows (“${totalText}”), expected ${ROWS}`);
  await page.getByTestId('cdr-row').first().waitFor({ timeout: 30_000 });
  // Let the charts below the table (loaded lazily) finish first, so they do not land in the measured frames.
  await page.getByText('Loading charts…').waitFor({ state: 'detached', timeout: 60_000 }).catch(() => {});
  await sleep(1_000);

  const run = (await page.evaluate(SCROLL_SCRIPT)) as { intervals: number[]; atBottom: boolean };
  await page.getByTestId('cdr-row').last().waitFor({ timeout: 30_000 });
  const lastIndex = Number(await page.getByTestId('cdr-table-scroll').locator('[role="row"]').last().getAttribute('aria-rowindex'));
  const reachedEnd = run.atBottom && lastIndex >= Math.min(rowsInTable, 500_000);
  if (!reachedEnd) console.error(`the scroll did not reach the last row within its time limit (at row ${lastIndex - 1} of ${rowsInTable})`);
  const medianInterval = percentile(run.intervals, 50);
  const fps = 1000 / medianInterval;
  const p95 = percentile(run.intervals, 95);
  const slow = run.intervals.filter((x) => x > 1000 / 30).length;
  report({
    name: `CDR table scrolled through ${rowsInTable.toLocaleString('en')} rows, median fps`,
    value: Math.round(fps * 10) / 10,
    unit: 'fps',
    baseline: 60,
    baselineLabel: 'display rate',
    ratio: fps / 60,
    limit: '≥ 55 fps',
    pass: fps >= 55 && reachedEnd,
  });
  console.log(`  ${run.intervals.length} frames: median ${medianInterval.toFixed(1)} ms (${fps.toFixed(1)} fps), p95 ${p95.toFixed(1)} ms, ${slow} frames over 33 ms; last row ${lastIndex - 1} of ${rowsInTable}`);
} catch (err) {
  failed = true;
  console.error(err);
} finally {
  await browser.close();
  stopServer();
  if (server.exitCode === null) await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5_000)]);
}
process.exit(failed ? 1 : 0);
