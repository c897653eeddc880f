/**
 * Emulator event → row rendered in the browser, on the production build (target p99 ≤ poll interval + 250 ms).
 * Calls are started on the PBXware emulator at random moments relative to the 2 s poll; the page records, on
 * the same machine clock, when each call's row enters the DOM.
 */
import { chromium } from '@playwright/test';
import { defaultIntervals } from '@/server/live/config';
import { chromiumLaunch, percentile, report, sleep, startApp } from './live-lib';

const SAMPLES = Number(process.env.LIVE_LATENCY_SAMPLES ?? 40);
const PORT = Number(process.env.LIVE_BENCH_PORT ?? 3291);
const EMU = Number(process.env.LIVE_BENCH_EMULATOR_BASE ?? 4791);
const interval = defaultIntervals.calls;

const app = await startApp({ port: PORT, emulatorBase: EMU, dataDir: '.bench-live-latency' });
const browser = await chromium.launch(chromiumLaunch);
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${app.url}/login`);
  await page.getByLabel('E-mail').fill('operator@switchboard.test');
  await page.getByLabel('Password').fill('operator-demo-pass');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/overview');
  await page.goto(`${app.url}/live-calls`);
  await page.getByTestId('link-status').and(page.locator('[data-link="open"]')).waitFor();
  // Record when each call row first appears.
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { __seen: Record<string, number> }).__seen = seen;
    new MutationObserver(() => {
      const now = Date.now();
      for (const el of document.querySelectorAll<HTMLElement>('[data-call-id]')) seen[el.dataset.callId!] ??= now;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const pbxware = `http://127.0.0.1:${EMU}`;
  const started: { id: string; at: number }[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await sleep(300 + Math.random() * 1_200);
    const at = Date.now();
    const r = await fetch(`${pbxware}/__emulator/calls`, { method: 'POST', body: JSON.stringify({ tenantId: String([2, 7, 9][i % 3]), from: `+1555${String(1_000_000 + i)}`, to: '101', direction: 'inbound', durationSec: 120 }) });
    started.push({ id: ((await r.json()) as { call: { id: string } }).call.id, at });
  }
  await sleep(interval + 2_000);
  const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
  const latencies = started.filter((s) => seen[s.id]).map((s) => seen[s.id]! - s.at);
  const missing = started.length - latencies.length;
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(`${latencies.length}/${started.length} calls rendered; p50 ${p50} ms, p99 ${p99} ms, max ${Math.max(...latencies)} ms (poll interval ${interval} ms)`);
  report({ name: 'emulator event → row rendered, p99', value: p99, unit: 'ms', baseline: interval, baselineLabel: 'calls poll interval', limit: '≤ interval + 250 ms', pass: missing === 0 && p99 <= interval + 250 });
} finally {
  await browser.close();
  await app.stop();
}
process.exit(0);
