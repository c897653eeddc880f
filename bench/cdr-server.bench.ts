/**
 * CDR explorer, server side: 1,000,000 CDRs across several tenants of three vendors in the database (embedded
 * PGlite by default; Postgres with BENCH_DATABASE_URL), then
 *   - every chart series over all 1M rows: server time, and its ratio to a plain typed-array scan of the same
 *     rows measured in the same run (limits: ≤ 50 ms and ≤ 6×);
 *   - a filtered, sorted table page: server time (limit ≤ 20 ms);
 *   - a CSV export of all 1M rows, streamed: peak memory growth (limit ≤ 100 MB).
 *
 *   npx tsx bench/cdr-server.bench.ts            prints `<metric>: <value> (baseline <b>, ratio <r>)` lines
 *   BENCH_CDR_ROWS=200000 …                      a smaller run
 *
 * The database is generated once into .bench-data/cdr-<rows> and reused by later runs.
 */
import { spawnSync } from 'node:child_process';

import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Server modules import 'server-only', which only resolves under the react-server condition: re-run with it.
if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--expose-gc', '--max-old-space-size=3072', '--import', 'tsx', fileURLToPath(import.meta.url)], { stdio: 'inherit', env: process.env });
  process.exit(r.status ?? 1);
}

const ROWS = Number(process.env.BENCH_CDR_ROWS ?? 1_000_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.bench-data', `cdr-${ROWS}`);
process.env.SWITCHBOARD_DATA_DIR = dataDir;
process.env.SWITCHBOARD_SECRET ??= 'bench-secret-bench-secret-bench-secret-0123';

const { openDatabase, setDatabaseForTests } = await import('@/server/db/client');
const { ensureBenchCdrs, DAY_MS: DAY } = await import('./cdr-data');
const { report } = await import('./live-lib');
const { cdrStore, resolveFilters } = await import('@/server/services/cdr-store');
const { scopedMatches, listCdrPage } = await import('@/server/services/cdr-query');
const { volumeSeries, qualitySeries, costSeries, topParties, weekdayHourHeatmap, statsFrame } = await import('@/server/services/cdr-stats');
const { exportCdrsCsv } = await import('@/server/services/cdr-export');
const { parseCdrFilters } = await import('@/lib/cdr-filters');
type Actor = import('@/server/auth/actor').Actor;

const operator: Actor = { kind: 'operator', userId: 'bench', email: 'bench@bench.test', name: 'Bench' };

const handle = await openDatabase(process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL } : { dir: path.join(dataDir, 'pglite') });
setDatabaseForTests(handle);

// ------------------------------------------------------------------------------------------ the data

const generated = await ensureBenchCdrs(handle.db, ROWS);
if (generated) console.error(`generated ${ROWS} CDRs in ${generated.toFixed(1)} s`);

// ------------------------------------------------------------------------------------------ helpers

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
function time(fn: () => unknown, runs = 7): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
async function timeAsync(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
const out = (metric: string, value: string, baseline: string, ratio: string) => console.log(`${metric}: ${value} (baseline ${baseline}, ratio ${ratio})`);
const ms = (x: number) => `${x.toFixed(1)} ms`;

// ------------------------------------------------------------------------------------------ warm up

let t = performance.now();
const cols = await cdrStore(0);
console.error(`column store loaded: ${cols.n} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
for (const k of ['startedAt', 'durationSec'] as const) cols.order(k);
console.error(`sort orders built in ${(performance.now() - t).toFixed(0)} ms`);

const all = parseCdrFilters(new URLSearchParams('range=90d'));
all.range = 'custom';
all.from = new Date(Date.now() - 91 * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');
all.to = new Date(Date.now() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

// Baseline: the same rows' columns in plain typed arrays, one aggregate (calls per day × disposition).
const n = cols.n;
const bStart = new Float64Array(n);
const bDisp = new Uint8Array(n);
bStart.set(cols.start.subarray(0, n));
bDisp.set(cols.disp.subarray(0, n));
const fromMs = Date.parse(all.from);
const baseline = time(() => {
  const counts = new Uint32Array(100 * 5);
  for (let i = 0; i < n; i++) counts[Math.floor((bStart[i]! - fromMs) / DAY) * 5 + bDisp[i]!]!++;
  return counts;
}, 15);

// A chart request is scope + filter scan + the series; the scan cache is cleared so every run pays for it.
const resolved = resolveFilters(all);
const series: Record<string, (m: Uint8Array) => unknown> = {
  'calls per day by disposition': (m) => volumeSeries(cols, m, statsFrame(resolved.fromMs, resolved.toMs, 'Europe/Berlin', 'day')),
  'calls per hour by disposition': (m) => volumeSeries(cols, m, statsFrame(resolved.fromMs, resolved.toMs, 'Europe/Berlin', 'hour')),
  'asr and acd': (m) => qualitySeries(cols, m, statsFrame(resolved.fromMs, resolved.toMs, 'Europe/Berlin', 'day')),
  'cost per currency': (m) => costSeries(cols, m, statsFrame(resolved.fromMs, resolved.toMs, 'Europe/Berlin', 'day')),
  'top sources': (m) => topParties(cols, m, 'from'),
  'top destinations': (m) => topParties(cols, m, 'to'),
  'weekday x hour heat map': (m) => weekdayHourHeatmap(cols, m, statsFrame(resolved.fromMs, resolved.toMs, 'Europe/Berlin', 'day')),
};
let worst = 0;
let worstRatio = 0;
for (const [name, fn] of Object.entries(series)) {
  const x = await timeAsync(async () => {
    cols.clearCaches();
    const { match, total } = await scopedMatches(operator, all);
    if (total !== n) throw new Error(`expected ${n} rows in range, got ${total}`);
    fn(match);
  });
  worst = Math.max(worst, x);
  worstRatio = Math.max(worstRatio, x / baseline);
  out(`cdr chart "${name}" over ${n} rows`, ms(x), ms(baseline), `${(x / baseline).toFixed(2)}x`);
}
out('cdr chart series, slowest', ms(worst), ms(baseline), `${worstRatio.toFixed(2)}x`);
report({ name: `CDR chart series over ${n} rows, slowest`, value: worst, unit: 'ms', baseline, baselineLabel: 'typed-array scan', ratio: worstRatio, limit: '≤ 50 ms and ≤ 6×', pass: worst <= 50 && worstRatio <= 6 });

// ------------------------------------------------------------------------------------------ table page

const tableCases = [
  'range=30d&disp=answered&dir=outbound',
  `range=90d&conn=bench-pbxware&tenant=3&min=60&sort=durationSec`,
  'range=90d&q=555&sort=cost&order=asc',
];
let worstPage = 0;
for (const q of tableCases) {
  const f = parseCdrFilters(new URLSearchParams(q), true);
  const x = await timeAsync(async () => {
    cols.clearCaches();
    const page = await listCdrPage(operator, f, 200, 100);
    if (page.total > 300 && page.rows.length !== 100) throw new Error('short page');
  });
  worstPage = Math.max(worstPage, x);
  out(`cdr table page (${q})`, ms(x), '20 ms limit', `${(x / 20).toFixed(2)}`);
}
out('cdr table page with filters, slowest', ms(worstPage), '20 ms limit', `${(worstPage / 20).toFixed(2)}`);
report({ name: `CDR table page with filters over ${n} rows, slowest`, value: worstPage, unit: 'ms', baseline: 20, baselineLabel: 'limit', limit: '≤ 20 ms', pass: worstPage <= 20 });

// ------------------------------------------------------------------------------------------ export

globalThis.gc?.();
const before = process.memoryUsage();
let peakRss = before.rss;
let peakHeap = before.heapUsed + before.external + before.arrayBuffers;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
}, 20);
t = performance.now();
const { stream, total } = await exportCdrsCsv(operator, all);
let bytes = 0;
let lines = 0;
const reader = stream.getReader();
for (;;) {
  const { done, value } = await reader.read();
  if (done) break;
  bytes += value.length;
  for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
}
clearInterval(sampler);
const took = (performance.now() - t) / 1000;
if (lines - 1 !== total) throw new Error(`export wrote ${lines - 1} rows, expected ${total}`);
const mb = (x: number) => `${(x / 1048576).toFixed(1)} MB`;
out(`cdr csv export of ${total} rows, peak RSS growth`, mb(peakRss - before.rss), '100 MB limit', ((peakRss - before.rss) / (100 * 1048576)).toFixed(2));
report({ name: `CDR CSV export of ${total} rows, peak RSS growth`, value: (peakRss - before.rss) / 1048576, unit: 'MB', baseline: 100, baselineLabel: 'limit', limit: '≤ 100 MB', pass: peakRss - before.rss <= 100 * 1048576 });
out(`cdr csv export of ${total} rows, peak JS memory growth`, mb(peakHeap - (before.heapUsed + before.external + before.arrayBuffers)), '100 MB limit', ((peakHeap - (before.heapUsed + before.external + before.arrayBuffers)) / (100 * 1048576)).toFixed(2));
console.error(`export: ${mb(bytes)} in ${took.toFixed(1)} s (${Math.round(total / took)} rows/s)`);

await handle.close();

