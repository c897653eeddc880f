/**
 * Vendor requests per minute with 1 SSE viewer vs 200 SSE viewers of the same tenant (target ratio ≤ 1.1).
 * The real PBXware adapter polls the PBXware emulator through the live hub; viewers are real HTTP SSE clients
 * of the hub's SSE stream. The emulator's own request counter is the figure.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { streamKey, type LiveStream, type StreamRef } from '@/lib/live-protocol';
import { createPbxwareAdapter } from '@/server/adapters/pbxware';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import { LiveHub, type StreamSource } from '@/server/live/hub';
import { liveEventStream } from '@/server/live/sse';
import { getJson, pipeWebStream, report, sleep } from './live-lib';

const WINDOW_MS = Number(process.env.LIVE_LOAD_WINDOW_MS ?? 15_000);
const CONN = 'bench-conn';
const TOPICS: LiveStream[] = ['calls', 'registrations', 'counters', 'balance'];
// Faster than production so a short window holds many polls (the ratio, not the absolute rate, is the figure).
const INTERVALS = { calls: 250, registrations: 1_000, counters: 500, balance: 2_000 };

const emu = await startPbxwareEmulator({ callsPerMinute: 30 });
const adapter = createPbxwareAdapter({ vendor: 'pbxware', baseUrl: emu.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey, connectionId: CONN } as never);
const source: StreamSource = {
  async fetch(ref: StreamRef, signal) {
    const ctx = { signal };
    if (ref.stream === 'calls') return { status: 'ok', items: (await adapter.listLiveCalls!(ctx, ref.tenantId)).map((c) => [c.id, { ...c, extras: undefined }]) };
    if (ref.stream === 'registrations') return { status: 'ok', items: (await adapter.listRegistrations!(ctx, ref.tenantId)).map((r) => [r.extension, r]) };
    if (ref.stream === 'counters') return { status: 'ok', items: [['counters', await adapter.getTenantCounters!(ctx, ref.tenantId)]] };
    const b = (await adapter.listBalances!(ctx, [ref.tenantId]))[0];
    return { status: 'ok', items: b ? [['balance', { ...b, asOf: undefined }]] : [] };
  },
};
const hub = new LiveHub({ source, intervals: INTERVALS, lingerMs: 1_000 });
const keys = TOPICS.map((stream) => streamKey({ connectionId: CONN, tenantId: '2', stream })).sort();
const sub = { keys, tenants: [], connections: [] };

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  pipeWebStream(liveEventStream({ hub, sub }), res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;

const viewers: http.ClientRequest[] = [];
let messages = 0;
function addViewer() {
  const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => res.on('data', () => messages++));
  req.on('error', () => {});
  viewers.push(req);
}
const vendorRequests = async () => (await getJson<{ requests: number }>(`${emu.url}/__emulator/stats`)).requests;

async function measure(label: string) {
  await sleep(1_500); // every viewer connected and every stream polling
  const r0 = await vendorRequests();
  const t0 = Date.now();
  await sleep(WINDOW_MS);
  const perMinute = ((await vendorRequests()) - r0) / ((Date.now() - t0) / 60_000);
  console.log(`${label}: ${perMinute.toFixed(1)} vendor requests/min (${viewers.length} viewers, ${hub.stats().streams} streams)`);
  return perMinute;
}

addViewer();
const one = await measure('1 viewer');
for (let i = 1; i < 200; i++) addViewer();
const many = await measure('200 viewers');
console.log(`SSE messages delivered: ${messages}`);
report({ name: 'vendor requests/min, 200 viewers of one tenant', value: Math.round(many * 10) / 10, unit: 'req/min', baseline: Math.round(one * 10) / 10, baselineLabel: '1 viewer', limit: 'ratio ≤ 1.1', pass: many / one <= 1.1 });

for (const v of viewers) v.destroy();
await hub.close();
server.close();
await emu.close();
process.exit(0);
