import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '@/lib/live-protocol';
import type { Actor } from '@/server/auth/actor';
import type { RunningEmulator } from '@/server/emulators/kit';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import { createConnection } from '@/server/services/connections';
import { freshDatabase } from '@/server/testing/databases';
import { LiveHub } from './hub';
import { liveRequestFrom, resolveLiveSubscription } from './service';
import { liveEventStream } from './sse';
import { adapterSource } from './source';

process.env.SWITCHBOARD_SECRET ??= 'live-service-test-secret-0123456789abcdef';

const operator: Actor = { kind: 'operator', userId: 'op', email: 'op@x.test', name: 'Op' };
let emu: RunningEmulator;
let drop: () => Promise<void>;
let conn: string;
let hub: LiveHub;

beforeAll(async () => {
  ({ drop } = await freshDatabase({ name: 'pglite' }));
  emu = await startPbxwareEmulator({ callsPerMinute: 0 });
  conn = (await createConnection(operator, { name: 'PBX', config: { vendor: 'pbxware', baseUrl: emu.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey } })).id;
  hub = new LiveHub({ source: adapterSource, intervals: { calls: 200 }, lingerMs: 20 });
});
afterAll(async () => {
  await hub.close();
  await emu.close();
  await drop();
});

const req = (q: string) => liveRequestFrom(new URLSearchParams(q));

/** Reads SSE messages from a stream until `n` data messages arrived, then cancels it (the browser leaves). */
async function readMessages(stream: ReadableStream<Uint8Array>, n: number | ((m: LiveMessage[]) => boolean)): Promise<{ messages: LiveMessage[]; ids: string[] }> {
  const enough = typeof n === 'number' ? (m: LiveMessage[]) => m.length >= n : n;
  const reader = stream.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let buf = '';
  const messages: LiveMessage[] = [];
  const ids: string[] = [];
  while (!enough(messages)) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let end: number;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      for (const line of block.split('\n')) {
        if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)) as LiveMessage);
        if (line.startsWith('id: ')) ids.push(line.slice(4));
      }
    }
  }
  await reader.cancel();
  return { messages, ids };
}

describe('live subscriptions: who may watch what', () => {
  it('refuses anonymous callers', async () => {
    await expect(resolveLiveSubscription(null, req('topics=calls'))).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses unknown topics and a tenant without its connection, naming the parameter', () => {
    expect(() => req('topics=calls,passwords')).toThrow(/topics/);
    expect(() => req('topics=calls&tenantId=2')).toThrow(/tenantId/);
  });

  it('gives a tenant user only their tenant, and refuses another one outright', async () => {
    const tenant: Actor = { kind: 'tenant', userId: 'u', email: 'u@x.test', name: 'U', connectionId: conn, tenantId: '2' };
    const mine = await resolveLiveSubscription(tenant, req('topics=calls,registrations'));
    expect(mine.keys).toEqual([`${conn}|2|calls`, `${conn}|2|registrations`]);
    expect(mine.tenants.map((t) => t.tenantId)).toEqual(['2']);
    await expect(resolveLiveSubscription(tenant, req(`topics=calls&connectionId=${conn}&tenantId=3`))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveLiveSubscription(tenant, req('topics=calls&connectionId=other'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('limits a wallboard token to the tenants it names', async () => {
    const other = (await resolveLiveSubscription(operator, req('topics=calls'))).tenants.find((t) => t.tenantId !== '2')!.tenantId;
    const wb: Actor = { kind: 'wallboard', tokenId: 'w', name: 'TV', scope: { connections: [], tenants: [{ connectionId: conn, tenantId: other }] } };
    const sub = await resolveLiveSubscription(wb, req('topics=calls'));
    expect(sub.keys).toEqual([`${conn}|${other}|calls`]);
    await expect(resolveLiveSubscription(wb, req(`topics=calls&connectionId=${conn}&tenantId=2`))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives an operator every tenant of every connection', async () => {
    const sub = await resolveLiveSubscription(operator, req('topics=counters'));
    expect(sub.tenants.length).toBeGreaterThanOrEqual(2);
    expect(sub.connections).toEqual([{ id: conn, name: 'PBX', vendor: 'pbxware', clickToCall: false }]);
  });
});

describe('the SSE stream', () => {
  it('sends hello and snapshots, resumes from Last-Event-ID without resending, and cleans up on disconnect', async () => {
    const sub = await resolveLiveSubscription(operator, req(`topics=calls&connectionId=${conn}&tenantId=2`));
    const first = await readMessages(liveEventStream({ hub, sub }), 2);
    expect(first.messages[0]).toMatchObject({ t: 'hello', keys: [`${conn}|2|calls`] });
    expect(first.messages[1]).toMatchObject({ t: 'snapshot', state: { key: `${conn}|2|calls` } });
    await hub.waitForFirst(`${conn}|2|calls`, 3_000);
    // Let the poller settle on an answer, then reconnect with the cursor of the state we hold.
    const settled = await readMessages(liveEventStream({ hub, sub }), 2);
    const cursor = settled.ids.at(-1)!;
    const resumed = await readMessages(liveEventStream({ hub, sub, lastEventId: cursor }), 2);
    expect(resumed.messages[1]!.t === 'meta' || resumed.messages[1]!.t === 'delta').toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(hub.stats().subscribers).toBe(0);
  });

  it('ends the stream with a message when the caller is revoked', async () => {
    const sub = await resolveLiveSubscription(operator, req(`topics=calls&connectionId=${conn}&tenantId=2`));
    const { messages } = await readMessages(liveEventStream({ hub, sub, recheck: { everyMs: 50, check: async () => 'This wallboard link was revoked.' } }), (m) => m.some((x) => x.t === 'revoked'));
    expect(messages.at(-1)).toMatchObject({ t: 'revoked', message: 'This wallboard link was revoked.' });
  });
});
