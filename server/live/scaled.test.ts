import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamKey, type StreamRef } from '@/lib/live-protocol';
import { createPbxwareAdapter } from '@/server/adapters/pbxware';
import type { RunningEmulator } from '@/server/emulators/kit';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import { databaseKinds, freshDatabase } from '@/server/testing/databases';
import { LiveHub, type HubEvent, type StreamSource } from './hub';
import { PgCoordinator } from './pg-coordinator';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CONN = 'conn-scaled';
const CALLS = streamKey({ connectionId: CONN, tenantId: '2', stream: 'calls' });
const INTERVAL = 250;

/** The real PBXware adapter against the emulator: every poll is a vendor request the emulator counts. */
function emulatorSource(emu: RunningEmulator): StreamSource {
  const adapter = createPbxwareAdapter({ vendor: 'pbxware', baseUrl: emu.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey, connectionId: CONN } as never, { retries: 0, deadlineMs: 3_000 });
  return {
    async fetch(ref: StreamRef, signal) {
      const calls = await adapter.listLiveCalls!({ signal }, ref.tenantId);
      return { status: 'ok', items: calls.map((c) => [c.id, { ...c, extras: undefined }]) };
    },
  };
}

async function liveCallReads(emu: RunningEmulator) {
  const r = await fetch(`${emu.url}/__emulator/stats`);
  const s = (await r.json()) as { byAction: Record<string, number> };
  return s.byAction['pbxware.monitor.live_calls'] ?? 0;
}

async function injectCall(emu: RunningEmulator, from: string) {
  const r = await fetch(`${emu.url}/__emulator/calls`, { method: 'POST', body: JSON.stringify({ tenantId: '2', from, to: '101', direction: 'inbound', durationSec: 120 }) });
  return ((await r.json()) as { call: { id: string } }).call.id;
}

/** Collects the call IDs a subscriber has seen arrive in deltas. */
function viewer(hub: LiveHub, key: string) {
  const seen = new Set<string>();
  const un = hub.subscribe(key, (e: HubEvent) => {
    if (e.kind === 'delta') for (const [id] of e.upserts) seen.add(id);
  });
  return { seen, un };
}

async function until(check: () => boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

describe('live hub, embedded (in-process, no database)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startPbxwareEmulator({ callsPerMinute: 0 });
  });
  afterAll(() => emu.close());

  it('costs the vendor the same with 1 or 200 viewers of a tenant', async () => {
    const hub = new LiveHub({ source: emulatorSource(emu), intervals: { calls: INTERVAL }, lingerMs: 50 });
    const one = viewer(hub, CALLS);
    await hub.waitForFirst(CALLS, 2_000);
    const a0 = await liveCallReads(emu);
    await sleep(2_000);
    const withOne = (await liveCallReads(emu)) - a0;
    const many = Array.from({ length: 200 }, () => viewer(hub, CALLS));
    const b0 = await liveCallReads(emu);
    await sleep(2_000);
    const withMany = (await liveCallReads(emu)) - b0;
    const id = await injectCall(emu, '+15550001111');
    await until(() => many.every((v) => v.seen.has(id)) && one.seen.has(id));
    expect(withMany / withOne).toBeLessThanOrEqual(1.25);
    one.un();
    for (const v of many) v.un();
    await sleep(200);
    const c0 = await liveCallReads(emu);
    await sleep(800);
    expect(await liveCallReads(emu)).toBe(c0);
    await hub.close();
  });
});

describe.each(databaseKinds.filter((k) => k.name === 'postgres'))('live hub, scaled over $name (two instances)', (kind) => {
  let emu: RunningEmulator;
  let url: string;
  let drop: () => Promise<void>;
  const hubs: LiveHub[] = [];
  beforeAll(async () => {
    const fresh = await freshDatabase(kind);
    url = fresh.url!;
    drop = fresh.drop;
    emu = await startPbxwareEmulator({ callsPerMinute: 0 });
  });
  afterAll(async () => {
    await Promise.all(hubs.map((h) => h.close().catch(() => {})));
    await emu.close();
    await drop();
  });

  const makeHub = () => {
    const h = new LiveHub({ source: emulatorSource(emu), coordinator: new PgCoordinator(url), intervals: { calls: INTERVAL }, lingerMs: 50, followerRetryMs: () => 400 });
    hubs.push(h);
    return h;
  };

  it('polls each stream from exactly one instance, and both instances deliver the deltas', async () => {
    const a = makeHub();
    const b = makeHub();
    const onA = Array.from({ length: 5 }, () => viewer(a, CALLS));
    const onB = Array.from({ length: 5 }, () => viewer(b, CALLS));
    await until(() => a.stats().leaders + b.stats().leaders === 1 && a.stats().followers + b.stats().followers === 1);
    await sleep(600);

    // Over 3 s one poller at 250 ms makes ~12 reads; two would make ~24.
    const r0 = await liveCallReads(emu);
    await sleep(3_000);
    const reads = (await liveCallReads(emu)) - r0;
    expect(reads).toBeGreaterThanOrEqual(7);
    expect(reads).toBeLessThanOrEqual(16);
    expect(a.counters.polls === 0 || b.counters.polls === 0).toBe(true);

    const id = await injectCall(emu, '+15550002222');
    await until(() => [...onA, ...onB].every((v) => v.seen.has(id)));
    // Both instances hold the same state, version included (followers continue the leader's version line).
    expect(a.state(CALLS)!.version).toBe(b.state(CALLS)!.version);

    // The leader's viewers leave: the other instance takes the lock over and keeps its viewers fed.
    const leader = a.stats().leaders === 1 ? a : b;
    const follower = leader === a ? b : a;
    for (const v of leader === a ? onA : onB) v.un();
    await until(() => follower.stats().leaders === 1, 5_000);
    const id2 = await injectCall(emu, '+15550003333');
    await until(() => (follower === a ? onA : onB).every((v) => v.seen.has(id2)));
    for (const v of follower === a ? onA : onB) v.un();
  });
});
