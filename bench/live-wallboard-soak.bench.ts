/**
 * Wallboard soak on the production build: the PBXware emulator's clock runs fast (default 1440×, so 72 virtual
 * hours of call churn pass in 3 real minutes) with a churn rate that keeps the screen full; the wallboard
 * must keep its post-GC JS heap, DOM node count and listener count flat (within 5 %). The baseline is taken
 * after a one-minute warm-up at the same churn, so it is the steady state, not the cold start.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunch, report, sleep, startApp } from './live-lib';

const VIRTUAL_HOURS = Number(process.env.LIVE_SOAK_HOURS ?? 72);
const SPEED = Number(process.env.LIVE_SOAK_SPEED ?? 1440);
const CALLS_PER_MINUTE = Number(process.env.LIVE_SOAK_CALLS_PER_MINUTE ?? 12);
const PORT = Number(process.env.LIVE_BENCH_PORT ?? 3292);
const EMU = Number(process.env.LIVE_BENCH_EMULATOR_BASE ?? 4795);
const realMs = (VIRTUAL_HOURS * 3_600_000) / SPEED;

const app = await startApp({ port: PORT, emulatorBase: EMU, dataDir: process.env.LIVE_BENCH_DATA_DIR ?? '.bench-live-soak' });
const browser = await chromium.launch(chromiumLaunch);
const pbxware = `http://127.0.0.1:${EMU}`;
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sample = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
    return { heap: m('JSHeapUsedSize'), nodes: m('Nodes'), listeners: m('JSEventListeners') };
  };
  // The same post-GC heap split by what holds it (from a heap snapshot): V8's compiled code (it keeps tiering up
  // functions that run once a second for many real minutes, whatever the churn) apart from the app's objects,
  // strings and arrays, where a leak would show.
  const split = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    const onChunk = (p: { chunk: string }) => chunks.push(p.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
    const { node_fields: fields, node_types: types } = snap.snapshot.meta;
    const typeAt = fields.indexOf('type');
    const sizeAt = fields.indexOf('self_size');
    let code = 0;
    let other = 0;
    for (let i = 0; i < snap.nodes.length; i += fields.length) {
      const size = snap.nodes[i + sizeAt]!;
      if (types[0][snap.nodes[i + typeAt]!] === 'code') code += size;
      else other += size;
    }
    return { code, other };
  };
  await page.goto(`${app.url}/wallboard/demo-wallboard-7c1f0e9a4b`);
  await page.getByTestId('wallboard').waitFor();
  await fetch(`${pbxware}/__emulator/rate`, { method: 'POST', body: JSON.stringify({ callsPerMinute: CALLS_PER_MINUTE }) });
  await fetch(`${pbxware}/__emulator/clock`, { method: 'POST', body: JSON.stringify({ speed: SPEED }) });
  // Warm-up at full churn until V8 has compiled and optimized the hot paths; only then is the baseline taken.
  // JIT code is heap too, and with React's real-time one-second ticker it keeps growing for several real
  // minutes however fast the emulator clock runs (measured: +1.3 % app data, the rest compiled code, after a
  // 1-minute warm-up; +1.0 % in all after 5 minutes). LIVE_SOAK_WARMUP_MS shortens it for a quick look.
  await sleep(Number(process.env.LIVE_SOAK_WARMUP_MS ?? 300_000));
  const baseline = await sample();
  const baselineSplit = await split();
  const t0 = Date.now();
  let peak = baseline;
  while (Date.now() - t0 < realMs) {
    await sleep(Math.min(30_000, realMs - (Date.now() - t0)));
    const s = await sample();
    peak = { heap: Math.max(peak.heap, s.heap), nodes: Math.max(peak.nodes, s.nodes), listeners: Math.max(peak.listeners, s.listeners) };
    const rows = await page.getByTestId('wb-call').count();
    console.log(`t+${Math.round((Date.now() - t0) / 1000)} s: heap ${(s.heap / 1e6).toFixed(2)} MB, ${s.nodes} nodes, ${s.listeners} listeners, ${rows} call rows`);
  }
  const final = await sample();
  const finalSplit = await split();
  const kb = (b: number) => `${(b / 1e3).toFixed(0)} KB`;
  console.log(
    `heap snapshot: compiled code ${kb(baselineSplit.code)} → ${kb(finalSplit.code)} (${kb(finalSplit.code - baselineSplit.code)}); everything else ${kb(baselineSplit.other)} → ${kb(finalSplit.other)} (${kb(finalSplit.other - baselineSplit.other)})`,
  );
  const clock = (await (await fetch(`${pbxware}/__emulator/clock`)).json()) as { now: string };
  console.log(`${VIRTUAL_HOURS} virtual hours of churn at ${CALLS_PER_MINUTE} calls/min (emulator clock now ${clock.now}); peak heap ${(peak.heap / 1e6).toFixed(2)} MB, peak nodes ${peak.nodes}`);
  const within = (a: number, b: number) => Math.abs(a / b - 1) <= 0.05;
  report({ name: `wallboard post-GC JS heap after ${VIRTUAL_HOURS} h churn`, value: Math.round(final.heap / 1e4) / 100, unit: 'MB', baseline: Math.round(baseline.heap / 1e4) / 100, baselineLabel: 'after warm-up', limit: 'within 5 %', pass: within(final.heap, baseline.heap) });
  report({ name: `wallboard heap snapshot without compiled code after ${VIRTUAL_HOURS} h churn`, value: Math.round(finalSplit.other / 1e4) / 100, unit: 'MB', baseline: Math.round(baselineSplit.other / 1e4) / 100, baselineLabel: 'after warm-up', limit: 'within 5 %', pass: within(finalSplit.other, baselineSplit.other) });
  report({ name: `wallboard DOM nodes after ${VIRTUAL_HOURS} h churn`, value: final.nodes, baseline: baseline.nodes, baselineLabel: 'after warm-up', limit: 'within 5 %', pass: within(final.nodes, baseline.nodes) });
  report({ name: `wallboard event listeners after ${VIRTUAL_HOURS} h churn`, value: final.listeners, baseline: baseline.listeners, baselineLabel: 'after warm-up', limit: 'within 5 %', pass: within(final.listeners, baseline.listeners) });
} finally {
  await browser.close();
  await app.stop();
}
process.exit(0);
