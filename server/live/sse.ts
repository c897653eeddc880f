import 'server-only';
import { decodeCursor, encodeCursor, keysSignature, type LiveMessage, type LiveState } from '@/lib/live-protocol';
import type { HubEvent, LiveHub } from './hub';
import type { LiveSubscription } from './service';

export interface LiveStreamOptions {
  hub: LiveHub;
  sub: LiveSubscription;
  /** Last-Event-ID of a reconnecting browser: resume each stream from the version it holds. */
  lastEventId?: string | null;
  heartbeatMs?: number;
  /** Re-checks the caller now and then (a revoked wallboard token, a disabled user): a message ends the stream. */
  recheck?: { everyMs: number; check: () => Promise<string | null> };
  /** A browser this far behind (queued messages) is dropped; it reconnects and resumes. */
  maxQueued?: number;
  signal?: AbortSignal;
}

// Hub events are shared by every subscriber of a stream: serialize each once, not once per browser, and encode
// each (event, cursor) pair once — browsers watching the same streams share the same cursor, so the first
// cursor's bytes sit beside the event and the (rare) others in a small map. The bytes are a Buffer, which
// node:http writes to every socket as is (a bare Uint8Array is wrapped anew on each write).
interface Encoded {
  id: string;
  bytes: Buffer;
  others?: Map<string, Buffer>;
}
const bodies = new WeakMap<HubEvent, string>();
const encoded = new WeakMap<HubEvent, Encoded>();
const frame = (id: string, body: string) => Buffer.from(`id: ${id}\ndata: ${body}\n\n`);

function bytesOf(ev: HubEvent, id: string): Buffer {
  const enc = encoded.get(ev);
  if (!enc) {
    const bytes = frame(id, bodyOf(ev));
    encoded.set(ev, { id, bytes });
    return bytes;
  }
  if (enc.id === id) return enc.bytes;
  let bytes = enc.others?.get(id);
  if (!bytes) {
    bytes = frame(id, bodyOf(ev));
    // A handful of distinct subscriptions per event at most; never let one event hold many copies.
    enc.others ??= new Map();
    if (enc.others.size < 64) enc.others.set(id, bytes);
  }
  return bytes;
}

function bodyOf(ev: HubEvent): string {
  let b = bodies.get(ev);
  if (b === undefined) {
    const msg: LiveMessage =
      ev.kind === 'delta'
        ? { t: 'delta', now: ev.now, key: ev.key, from: ev.from, version: ev.version, upserts: ev.upserts, removes: ev.removes, meta: ev.meta }
        : { t: 'meta', now: ev.now, key: ev.key, version: ev.version, meta: ev.meta };
    b = JSON.stringify(msg);
    bodies.set(ev, b);
  }
  return b;
}

/**
 * One browser's Server-Sent Events stream over many hub streams: a hello naming the tenants, then per stream a
 * snapshot (or, on a reconnect, only what changed since the version the browser holds), then deltas as the
 * hub produces them, heartbeats carrying the server clock, and cleanup of every subscription and timer when
 * the browser goes away.
 */
export function liveEventStream(o: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { hub, sub } = o;
  const keys = sub.keys;
  const has = new Map<string, number>();
  const unsubscribers: (() => void)[] = [];
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    for (const u of unsubscribers) u();
    unsubscribers.length = 0;
    for (const t of timers) clearInterval(t);
    timers.length = 0;
    o.signal?.removeEventListener('abort', onAbort);
  };
  const close = () => {
    if (closed) return;
    cleanup();
    try {
      ctrl.close();
    } catch {
      /* already closed by the runtime */
    }
  };
  const onAbort = () => close();

  const signature = keysSignature(keys);
  const cursor = () => encodeCursor(keys, keys.map((k) => has.get(k)), signature);
  const tooFarBehind = () => (ctrl.desiredSize ?? 0) < -(o.maxQueued ?? 1_000);
  // While the opening burst (hello and one snapshot per stream) is written, frames are gathered and enqueued
  // as one chunk: one write to the socket instead of dozens, which matters when a thousand screens reconnect.
  let burst: string[] | null = null;
  const write = (body: string, withId: boolean) => {
    if (closed) return;
    const text = `${withId ? `id: ${cursor()}\n` : ''}data: ${body}\n\n`;
    if (burst) return void burst.push(text);
    if (tooFarBehind()) return close();
    ctrl.enqueue(Buffer.from(text));
  };
  const sendSnapshot = (state: LiveState) => {
    has.set(state.key, state.version);
    write(JSON.stringify({ t: 'snapshot', now: Date.now(), state } satisfies LiveMessage), true);
  };

  const onEvent = (ev: HubEvent) => {
    const held = has.get(ev.key);
    if (ev.kind === 'delta' ? held !== ev.from : held !== ev.version) {
      // This browser missed a step (it joined mid-flight): send the whole state instead.
      const state = hub.state(ev.key);
      if (state) sendSnapshot(state);
      return;
    }
    has.set(ev.key, ev.version);
    if (closed) return;
    if (burst) return void burst.push(`id: ${cursor()}\ndata: ${bodyOf(ev)}\n\n`);
    if (tooFarBehind()) return close();
    ctrl.enqueue(bytesOf(ev, cursor()));
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        ctrl = controller;
        if (o.signal?.aborted) return close();
        o.signal?.addEventListener('abort', onAbort);
        burst = ['retry: 2000\n\n'];
        write(JSON.stringify({ t: 'hello', now: Date.now(), keys, tenants: sub.tenants, connections: sub.connections } satisfies LiveMessage), false);
        const resume = decodeCursor(keys, o.lastEventId);
        for (const key of keys) {
          unsubscribers.push(hub.subscribe(key, onEvent));
          const state = hub.state(key);
          if (!state) continue;
          const from = resume.get(key);
          const path = from === undefined ? null : hub.deltasSince(key, from);
          if (!path) {
            sendSnapshot(state);
            continue;
          }
          has.set(key, from!);
          const meta = { status: state.status, fetchedAt: state.fetchedAt, error: state.error, message: state.message, intervalMs: state.intervalMs };
          for (const d of path) {
            has.set(key, d.version);
            write(JSON.stringify({ t: 'delta', now: Date.now(), key, from: d.from, version: d.version, upserts: d.upserts, removes: d.removes, meta } satisfies LiveMessage), true);
          }
          if (path.length === 0) write(JSON.stringify({ t: 'meta', now: Date.now(), key, version: state.version, meta } satisfies LiveMessage), true);
        }
        const opening = burst.join('');
        burst = null;
        if (!closed) controller.enqueue(Buffer.from(opening));
        const hb = setInterval(() => write(JSON.stringify({ t: 'hb', now: Date.now() } satisfies LiveMessage), false), o.heartbeatMs ?? 15_000);
        hb.unref?.();
        timers.push(hb);
        if (o.recheck) {
          const { check, everyMs } = o.recheck;
          let checking = false;
          const t = setInterval(() => {
            if (checking || closed) return;
            checking = true;
            check()
              .then((message) => {
                if (!message || closed) return;
                write(JSON.stringify({ t: 'revoked', now: Date.now(), message } satisfies LiveMessage), false);
                close();
              })
              .catch(() => {})
              .finally(() => {
                checking = false;
              });
          }, everyMs);
          t.unref?.();
          timers.push(t);
        }
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: 64 },
  );
}
