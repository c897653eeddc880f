import 'server-only';
import { parseStreamKey, type LiveEntries, type LiveMeta, type LiveState, type LiveStream, type StreamRef } from '@/lib/live-protocol';
import type { VendorErrorInfo } from '@/lib/vendor-error';
import { isVendorError } from '@/server/adapters/errors';
import { log } from '@/server/log';
import { DEFAULT_LINGER_MS, defaultIntervals, maxBackoffMs } from './config';
import { localCoordinator, type Coordinator } from './coordinator';
import { diffItems, type Signatures } from './diff';

/** Items as `[id, item]` pairs (see LiveEntries): never an object keyed by call ID. */
export type SourceResult = { status: 'ok'; items: LiveEntries } | { status: 'unsupported'; message: string };

/** Reads one stream from its vendor. Throws VendorError on failure. Knows nothing about viewers. */
export interface StreamSource {
  fetch(ref: StreamRef, signal: AbortSignal): Promise<SourceResult>;
}

export interface DeltaEvent {
  kind: 'delta';
  key: string;
  from: number;
  version: number;
  upserts: LiveEntries;
  removes: string[];
  meta: LiveMeta;
  now: number;
}
export interface MetaEvent {
  kind: 'meta';
  key: string;
  version: number;
  meta: LiveMeta;
  now: number;
}
export type HubEvent = DeltaEvent | MetaEvent;
export type HubListener = (ev: HubEvent) => void;

interface Delta {
  from: number;
  version: number;
  upserts: LiveEntries;
  removes: string[];
}

interface Entry {
  ref: StreamRef;
  key: string;
  intervalMs: number;
  listeners: Set<HubListener>;
  state: LiveState;
  sigs: Signatures;
  /** The last few deltas, for resuming a reconnecting browser without a full snapshot. Bounded. */
  ring: Delta[];
  role: 'leader' | 'follower' | 'idle';
  failures: number;
  timer?: NodeJS.Timeout;
  retryTimer?: NodeJS.Timeout;
  lingerTimer?: NodeJS.Timeout;
  abort?: AbortController;
  reading?: Promise<void>;
  readAgain?: boolean;
  waiters: Set<() => void>;
}

const RING_SIZE = 32;
/** Re-check an unsupported stream rarely: it only changes when the connection is edited. */
const UNSUPPORTED_RECHECK_MS = 5 * 60_000;

export interface HubOptions {
  source: StreamSource;
  coordinator?: Coordinator;
  intervals?: Partial<Record<LiveStream, number>>;
  lingerMs?: number;
  /** How often a follower tries to take the lead (defaults to 2 × the interval, at least 1 s). */
  followerRetryMs?: (intervalMs: number) => number;
}

const metaOf = (s: LiveState): LiveMeta => ({ status: s.status, fetchedAt: s.fetchedAt, error: s.error, message: s.message, intervalMs: s.intervalMs });

/**
 * The live hub: one poller per (connection, tenant, stream) while at least one viewer subscribes, none when
 * nobody does. Each poll is diffed against the last snapshot and pushed to every subscriber as a delta (or as a
 * meta update when only the data's age changed). A failing vendor leaves the last good items in place with the
 * error attached; polling backs off exponentially and recovers by itself.
 *
 * With a shared coordinator, only the instance holding a stream's lock polls it; the others follow its
 * published states and compute the same deltas for their own subscribers.
 */
export class LiveHub {
  private entries = new Map<string, Entry>();
  private source: StreamSource;
  private coordinator: Coordinator;
  private intervals: Record<LiveStream, number>;
  private lingerMs: number;
  private followerRetryMs: (intervalMs: number) => number;
  private started: Promise<void>;
  private closed = false;
  /** Vendor reads started, for tests and benchmarks. */
  readonly counters = { polls: 0, publishes: 0, followerReads: 0 };

  constructor(opts: HubOptions) {
    this.source = opts.source;
    this.coordinator = opts.coordinator ?? localCoordinator();
    this.intervals = { ...defaultIntervals, ...opts.intervals };
    this.lingerMs = opts.lingerMs ?? DEFAULT_LINGER_MS;
    this.followerRetryMs = opts.followerRetryMs ?? ((ms) => Math.max(1_000, ms * 2));
    this.started = this.coordinator.start(
      (key) => this.onNotice(key),
      () => this.onLeadershipLost(),
    );
    this.started.catch((err) => log.error('live hub: coordinator failed to start', { error: String(err) }));
  }

  intervalOf(stream: LiveStream) {
    return this.intervals[stream];
  }

  /** Adds a viewer of one stream; the returned function removes it. The first viewer starts the poller. */
  subscribe(key: string, listener: HubListener): () => void {
    const e = this.entry(key);
    if (!e) throw new Error(`invalid stream key ${key}`);
    e.listeners.add(listener);
    if (e.lingerTimer) {
      clearTimeout(e.lingerTimer);
      e.lingerTimer = undefined;
    }
    if (e.role === 'idle') void this.activate(e);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      e.listeners.delete(listener);
      if (e.listeners.size === 0 && !e.lingerTimer && this.entries.get(key) === e) {
        e.lingerTimer = setTimeout(() => this.retire(e), this.lingerMs);
        e.lingerTimer.unref?.();
      }
    };
  }

  state(key: string): LiveState | undefined {
    return this.entries.get(key)?.state;
  }

  /** The deltas that lead from `version` to the current state, or null when they are no longer kept. */
  deltasSince(key: string, version: number): Delta[] | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (version === e.state.version) return [];
    const start = e.ring.findIndex((d) => d.from === version);
    if (start < 0) return null;
    const path = e.ring.slice(start);
    for (let i = 1; i < path.length; i++) if (path[i]!.from !== path[i - 1]!.version) return null;
    return path.at(-1)!.version === e.state.version ? path : null;
  }

  /** Resolves once the stream has an answer (or failed, or the timeout passed). Needs a subscriber. */
  waitForFirst(key: string, timeoutMs: number): Promise<LiveState | undefined> {
    const e = this.entries.get(key);
    if (!e) return Promise.resolve(undefined);
    if (e.state.status !== 'pending') return Promise.resolve(e.state);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        e.waiters.delete(done);
        resolve(e.state);
      };
      const t = setTimeout(done, timeoutMs);
      e.waiters.add(done);
    });
  }

  stats() {
    let subscribers = 0;
    let leaders = 0;
    let followers = 0;
    for (const e of this.entries.values()) {
      subscribers += e.listeners.size;
      if (e.role === 'leader') leaders++;
      if (e.role === 'follower') followers++;
    }
    return { streams: this.entries.size, subscribers, leaders, followers, ...this.counters };
  }

  async close() {
    this.closed = true;
    for (const e of [...this.entries.values()]) await this.retire(e);
    await this.coordinator.close();
  }

  // ------------------------------------------------------------------------------------------ lifecycle

  private entry(key: string): Entry | undefined {
    let e = this.entries.get(key);
    if (e) return e;
    const ref = parseStreamKey(key);
    if (!ref) return undefined;
    const intervalMs = this.intervals[ref.stream];
    e = {
      ref,
      key,
      intervalMs,
      listeners: new Set(),
      // A fresh stream's first version is the clock, so versions never repeat across restarts of a poller.
      state: { key, version: Date.now(), status: 'pending', items: [], intervalMs },
      sigs: new Map(),
      ring: [],
      role: 'idle',
      failures: 0,
      waiters: new Set(),
    };
    this.entries.set(key, e);
    return e;
  }

  private async activate(e: Entry) {
    e.role = 'follower';
    await this.started.catch(() => {});
    if (this.entries.get(e.key) !== e || e.role !== 'follower') return;
    if (!this.coordinator.shared) return this.lead(e);
    await this.tryLead(e);
  }

  private async tryLead(e: Entry) {
    e.retryTimer = undefined;
    if (this.entries.get(e.key) !== e || e.role !== 'follower') return;
    let won = false;
    try {
      won = await this.coordinator.tryLock(e.key);
    } catch (err) {
      log.warn('live hub: lock attempt failed', { key: e.key, error: String(err) });
    }
    if (this.entries.get(e.key) !== e || e.role !== 'follower') {
      if (won) await this.coordinator.unlock(e.key);
      return;
    }
    // Continue the version line of whoever polled before, so browsers resume with deltas, not snapshots.
    await this.readShared(e);
    if (won) return this.lead(e);
    e.retryTimer = setTimeout(() => void this.tryLead(e), this.followerRetryMs(e.intervalMs));
    e.retryTimer.unref?.();
  }

  private lead(e: Entry) {
    e.role = 'leader';
    e.failures = 0;
    this.schedule(e, 0);
  }

  private onLeadershipLost() {
    for (const e of this.entries.values()) {
      if (e.role !== 'leader') continue;
      this.stopPolling(e);
      e.role = 'follower';
      e.retryTimer = setTimeout(() => void this.tryLead(e), 1_500);
      e.retryTimer.unref?.();
    }
  }

  private stopPolling(e: Entry) {
    if (e.timer) clearTimeout(e.timer);
    e.timer = undefined;
    e.abort?.abort();
    e.abort = undefined;
  }

  private async retire(e: Entry) {
    if (e.lingerTimer) clearTimeout(e.lingerTimer);
    e.lingerTimer = undefined;
    if (e.listeners.size > 0 && !this.closed) return;
    if (this.entries.get(e.key) === e) this.entries.delete(e.key);
    this.stopPolling(e);
    if (e.retryTimer) clearTimeout(e.retryTimer);
    e.retryTimer = undefined;
    for (const w of [...e.waiters]) w();
    const wasLeader = e.role === 'leader';
    e.role = 'idle';
    if (wasLeader) await this.coordinator.unlock(e.key).catch(() => {});
  }

  // ------------------------------------------------------------------------------------------ polling

  private schedule(e: Entry, delayMs: number) {
    if (e.timer) clearTimeout(e.timer);
    e.timer = setTimeout(() => void this.poll(e), delayMs);
    e.timer.unref?.();
  }

  private async poll(e: Entry) {
    e.timer = undefined;
    if (e.role !== 'leader') return;
    const ac = new AbortController();
    e.abort = ac;
    this.counters.polls++;
    let next = e.intervalMs;
    try {
      const r = await this.source.fetch(e.ref, ac.signal);
      if (e.abort !== ac) return;
      e.failures = 0;
      if (r.status === 'unsupported') {
        this.commit(e, { ...e.state, status: 'unsupported', message: r.message, error: undefined, items: [], fetchedAt: new Date().toISOString() }, []);
        next = UNSUPPORTED_RECHECK_MS;
      } else {
        this.commit(e, { ...e.state, status: 'ok', message: undefined, error: undefined, fetchedAt: new Date().toISOString() }, r.items);
      }
    } catch (err) {
      if (e.abort !== ac) return;
      e.failures++;
      const error = errorInfoOf(err);
      // Keep the last good items; mark them stale with the vendor's words.
      this.commit(e, { ...e.state, status: e.state.fetchedAt ? e.state.status : 'error', error }, undefined);
      const backoff = Math.min(e.intervalMs * 2 ** e.failures, maxBackoffMs(e.intervalMs));
      next = Math.max(error.kind === 'rate_limited' ? 5_000 : 0, backoff) * (0.9 + Math.random() * 0.2);
    } finally {
      if (e.abort === ac) e.abort = undefined;
    }
    if (e.role === 'leader' && this.entries.get(e.key) === e) this.schedule(e, next);
  }

  /** Applies a new state (and new items, when the poll brought some), tells subscribers, publishes. */
  private commit(e: Entry, next: LiveState, items: LiveEntries | undefined) {
    const prev = e.state;
    let event: HubEvent;
    const now = Date.now();
    if (items) {
      const d = diffItems(e.sigs, items);
      if (d.changed || prev.status !== next.status) {
        next.version = prev.version + 1;
        next.items = items;
        e.sigs = d.sigs;
        const delta: Delta = { from: prev.version, version: next.version, upserts: d.upserts, removes: d.removes };
        e.ring.push(delta);
        if (e.ring.length > RING_SIZE) e.ring.shift();
        e.state = next;
        event = { kind: 'delta', key: e.key, ...delta, meta: metaOf(next), now };
      } else {
        next.items = prev.items;
        e.state = next;
        event = { kind: 'meta', key: e.key, version: next.version, meta: metaOf(next), now };
      }
    } else {
      next.items = prev.items;
      e.state = next;
      event = { kind: 'meta', key: e.key, version: next.version, meta: metaOf(next), now };
    }
    this.emit(e, event);
    if (e.role === 'leader' && this.coordinator.shared) {
      this.counters.publishes++;
      this.coordinator.publish(e.state).catch((err) => log.warn('live hub: publish failed', { key: e.key, error: String(err) }));
    }
  }

  private emit(e: Entry, ev: HubEvent) {
    if (e.state.status !== 'pending') for (const w of [...e.waiters]) w();
    for (const l of e.listeners) {
      try {
        l(ev);
      } catch (err) {
        log.warn('live hub: subscriber failed', { key: e.key, error: String(err) });
      }
    }
  }

  // ------------------------------------------------------------------------------------------ following

  private onNotice(key: string) {
    const e = this.entries.get(key);
    if (!e || e.role !== 'follower') return;
    void this.readShared(e);
  }

  /** Reads the leader's published state; coalesces bursts of notices into one read at a time. */
  private readShared(e: Entry): Promise<void> {
    if (e.reading) {
      e.readAgain = true;
      return e.reading;
    }
    e.reading = (async () => {
      do {
        e.readAgain = false;
        this.counters.followerReads++;
        const shared = await this.coordinator.read(e.key).catch(() => undefined);
        if (shared && this.entries.get(e.key) === e && e.role !== 'leader') this.adopt(e, shared);
      } while (e.readAgain);
    })().finally(() => {
      e.reading = undefined;
    });
    return e.reading;
  }

  private adopt(e: Entry, shared: LiveState) {
    const prev = e.state;
    const now = Date.now();
    if (shared.version === prev.version) {
      if (JSON.stringify(metaOf(shared)) === JSON.stringify(metaOf(prev))) return;
      e.state = { ...shared, items: prev.items, intervalMs: e.intervalMs };
      return this.emit(e, { kind: 'meta', key: e.key, version: shared.version, meta: metaOf(e.state), now });
    }
    const d = diffItems(e.sigs, shared.items);
    const delta: Delta = { from: prev.version, version: shared.version, upserts: d.upserts, removes: d.removes };
    e.sigs = d.sigs;
    e.state = { ...shared, intervalMs: e.intervalMs };
    e.ring.push(delta);
    if (e.ring.length > RING_SIZE) e.ring.shift();
    this.emit(e, { kind: 'delta', key: e.key, ...delta, meta: metaOf(e.state), now });
  }
}

function errorInfoOf(err: unknown): VendorErrorInfo {
  if (isVendorError(err)) return err.toInfo();
  log.error('live hub: poll failed unexpectedly', { error: String((err as Error)?.stack ?? err) });
  return { kind: 'invalid_response', vendor: 'pbxware', message: 'Switchboard could not read this stream' };
}

