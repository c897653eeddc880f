import { afterEach, describe, expect, it } from 'vitest';
import { VendorError } from '@/server/adapters/errors';
import type { StreamRef } from '@/lib/live-protocol';
import { LiveHub, type HubEvent, type SourceResult, type StreamSource } from './hub';

const KEY = 'conn-1|2|calls';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A vendor in a box: items we set, failures we switch on, and a count of reads. */
function fakeSource() {
  const s = {
    items: {} as Record<string, unknown>,
    failing: false as false | 'rejected' | 'rate_limited',
    reads: [] as { ref: StreamRef; at: number }[],
    source: {
      async fetch(ref: StreamRef): Promise<SourceResult> {
        s.reads.push({ ref, at: Date.now() });
        if (s.failing) throw new VendorError({ kind: s.failing, vendor: 'pbxware', vendorMessage: 'Database connection failed.', operation: 'monitor.live_calls' });
        return { status: 'ok', items: Object.entries(structuredClone(s.items)) };
      },
    } satisfies StreamSource,
  };
  return s;
}

let hubs: LiveHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.map((h) => h.close()));
  hubs = [];
});
const makeHub = (source: StreamSource, opts: Partial<ConstructorParameters<typeof LiveHub>[0]> = {}) => {
  const h = new LiveHub({ source, intervals: { calls: 50 }, lingerMs: 30, ...opts });
  hubs.push(h);
  return h;
};

describe('live hub', () => {
  it('runs one poller per stream whatever the number of viewers, and none without viewers', async () => {
    const f = fakeSource();
    const hub = makeHub(f.source);
    const one = hub.subscribe(KEY, () => {});
    await sleep(520);
    one();
    await sleep(100);
    const withOne = f.reads.length;
    const many = Array.from({ length: 200 }, () => hub.subscribe(KEY, () => {}));
    await sleep(520);
    for (const u of many) u();
    await sleep(100);
    const withMany = f.reads.length - withOne;
    expect(withOne).toBeGreaterThanOrEqual(8);
    expect(withMany / withOne).toBeLessThanOrEqual(1.2);
    const idle = f.reads.length;
    await sleep(300);
    expect(f.reads.length).toBe(idle);
    expect(hub.stats().streams).toBe(0);
  });

  it('diffs snapshots into deltas: new, changed and ended items', async () => {
    const f = fakeSource();
    f.items = { a: { n: 1 }, b: { n: 1 } };
    const hub = makeHub(f.source);
    const events: HubEvent[] = [];
    const un = hub.subscribe(KEY, (e) => events.push(e));
    await hub.waitForFirst(KEY, 1_000);
    const first = hub.state(KEY)!;
    expect(first.status).toBe('ok');
    expect(first.items).toEqual([['a', { n: 1 }], ['b', { n: 1 }]]);
    f.items = { a: { n: 2 }, c: { n: 1 } };
    await sleep(150);
    const delta = events.find((e) => e.kind === 'delta' && e.from === first.version);
    expect(delta).toMatchObject({ kind: 'delta', upserts: [['a', { n: 2 }], ['c', { n: 1 }]], removes: ['b'] });
    // No change → only the data's age moves (a meta event), the version stays.
    const v = hub.state(KEY)!.version;
    await sleep(150);
    expect(hub.state(KEY)!.version).toBe(v);
    expect(events.at(-1)!.kind).toBe('meta');
    // A browser holding the first version can resume with deltas; an unknown version cannot.
    expect(hub.deltasSince(KEY, first.version)!.at(-1)!.version).toBe(v);
    expect(hub.deltasSince(KEY, 12345)).toBeNull();
    un();
  });

  it('keeps the last good snapshot when the vendor fails, backs off, and recovers by itself', async () => {
    const f = fakeSource();
    f.items = { a: { n: 1 } };
    const hub = makeHub(f.source);
    const un = hub.subscribe(KEY, () => {});
    await hub.waitForFirst(KEY, 1_000);
    const goodAt = hub.state(KEY)!.fetchedAt;
    f.failing = 'rejected';
    const failStart = f.reads.length;
    await sleep(900);
    const s = hub.state(KEY)!;
    expect(s.items).toEqual([['a', { n: 1 }]]);
    expect(s.status).toBe('ok');
    expect(s.error).toMatchObject({ kind: 'rejected', vendorMessage: 'Database connection failed.' });
    expect(s.fetchedAt).toBe(goodAt);
    // Backing off: 900 ms at a 50 ms interval would be 18 reads; exponential backoff (cap 400 ms) does far fewer.
    const failedReads = f.reads.length - failStart;
    expect(failedReads).toBeLessThanOrEqual(7);
    const gaps = f.reads.slice(failStart).map((r, i, a) => (i ? r.at - a[i - 1]!.at : 0)).slice(1);
    expect(Math.max(...gaps)).toBeGreaterThan(150);
    f.failing = false;
    f.items = { a: { n: 3 } };
    await sleep(700);
    const back = hub.state(KEY)!;
    expect(back.error).toBeUndefined();
    expect(back.items).toEqual([['a', { n: 3 }]]);
    expect(Date.parse(back.fetchedAt!)).toBeGreaterThan(Date.parse(goodAt!));
    un();
  });

  it('marks a stream that never answered as an error, and an unsupported one with the reason', async () => {
    const f = fakeSource();
    f.failing = 'rejected';
    const hub = makeHub({
      fetch: async (ref) => (ref.stream === 'registrations' ? { status: 'unsupported', message: "MiRTA's API does not offer SIP registration status" } : f.source.fetch(ref)),
    });
    const a = hub.subscribe(KEY, () => {});
    const b = hub.subscribe('conn-1|2|registrations', () => {});
    expect((await hub.waitForFirst(KEY, 1_000))!.status).toBe('error');
    const u = (await hub.waitForFirst('conn-1|2|registrations', 1_000))!;
    expect(u).toMatchObject({ status: 'unsupported', message: expect.stringContaining('MiRTA') });
    a();
    b();
  });

  it('refuses malformed stream keys', () => {
    const hub = makeHub(fakeSource().source);
    expect(() => hub.subscribe('nonsense', () => {})).toThrow();
    expect(() => hub.subscribe('c|t|secrets', () => {})).toThrow();
  });
});
