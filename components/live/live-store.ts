import { encodeCursor, tenantKey, type LiveConnection, type LiveInitial, type LiveMessage, type LiveState, type LiveTenant } from '@/lib/live-protocol';

export type LinkState = 'connecting' | 'open' | 'reconnecting' | 'ended';

/** One stream as the browser holds it: the wire's `[id, item]` pairs kept in a Map (never an object keyed by ID). */
export interface ViewState extends Omit<LiveState, 'items'> {
  items: ReadonlyMap<string, unknown>;
}

const viewState = (s: LiveState): ViewState => ({ ...s, items: new Map(s.items) });

/** An immutable view of everything live a page shows; replaced (not mutated) on every change. */
export interface LiveView {
  keys: string[];
  tenants: Map<string, LiveTenant>;
  connections: Map<string, LiveConnection>;
  states: Map<string, ViewState>;
  /** Server clock minus browser clock, so ages are right on a TV whose clock drifts. */
  offsetMs: number;
  link: LinkState;
  linkMessage?: string;
}

/**
 * The browser side of the live hub: applies hello / snapshot / delta / meta messages to a view that React reads
 * with useSyncExternalStore. Holds only the current state of each stream (no history), so it stays the same
 * size however long a wallboard runs. Listeners are notified at most once per 50 ms.
 */
export class LiveStore {
  private view: LiveView;
  private listeners = new Set<() => void>();
  private pending?: ReturnType<typeof setTimeout>;
  lastMessageAt = Date.now();

  constructor(initial: LiveInitial) {
    this.view = {
      keys: initial.keys,
      tenants: new Map(initial.tenants.map((t) => [tenantKey(t), t])),
      connections: new Map(initial.connections.map((c) => [c.id, c])),
      states: new Map(initial.states.map((s) => [s.key, viewState(s)])),
      offsetMs: initial.now - Date.now(),
      link: 'connecting',
    };
  }

  getView = () => this.view;

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  };

  /** Versions held, as the SSE event ID the server understands (Last-Event-ID on reconnect). */
  cursor(): string {
    return encodeCursor(
      this.view.keys,
      this.view.keys.map((k) => this.view.states.get(k)?.version),
    );
  }

  setLink(link: LinkState, linkMessage?: string) {
    if (this.view.link === link && this.view.linkMessage === linkMessage) return;
    this.view = { ...this.view, link, linkMessage };
    this.notify(true);
  }

  /** Local edit (e.g. a threshold saved from this page), until the next hello says otherwise. */
  patchTenant(key: string, patch: Partial<LiveTenant>) {
    const t = this.view.tenants.get(key);
    if (!t) return;
    const tenants = new Map(this.view.tenants);
    tenants.set(key, { ...t, ...patch });
    this.view = { ...this.view, tenants };
    this.notify(true);
  }

  apply(msg: LiveMessage) {
    this.lastMessageAt = Date.now();
    const offsetMs = msg.now - Date.now();
    switch (msg.t) {
      case 'hello': {
        const keep = new Set(msg.keys);
        const states = new Map([...this.view.states].filter(([k]) => keep.has(k)));
        this.view = {
          ...this.view,
          keys: msg.keys,
          tenants: new Map(msg.tenants.map((t) => [tenantKey(t), t])),
          connections: new Map(msg.connections.map((c) => [c.id, c])),
          states,
          offsetMs,
        };
        break;
      }
      case 'snapshot':
        this.putState(viewState(msg.state), offsetMs);
        break;
      case 'delta': {
        const cur = this.view.states.get(msg.key);
        // A delta that does not start from what we hold cannot be applied; the server follows with a snapshot.
        if (!cur || cur.version !== msg.from) return;
        const items = new Map(cur.items);
        for (const [id, item] of msg.upserts) items.set(id, item);
        for (const id of msg.removes) items.delete(id);
        this.putState({ ...cur, ...msg.meta, version: msg.version, items }, offsetMs);
        break;
      }
      case 'meta': {
        const cur = this.view.states.get(msg.key);
        if (!cur || cur.version !== msg.version) return;
        this.putState({ ...cur, ...msg.meta, error: msg.meta.error, message: msg.meta.message }, offsetMs);
        break;
      }
      case 'hb':
        if (Math.abs(offsetMs - this.view.offsetMs) > 1_000) {
          this.view = { ...this.view, offsetMs };
          this.notify(false);
        }
        return;
      case 'revoked':
        this.setLink('ended', msg.message);
        return;
    }
    this.notify(false);
  }

  private putState(state: ViewState, offsetMs: number) {
    const states = new Map(this.view.states);
    states.set(state.key, state);
    this.view = { ...this.view, states, offsetMs };
  }

  private notify(now: boolean) {
    if (now) {
      if (this.pending) clearTimeout(this.pending);
      this.pending = undefined;
      for (const l of this.listeners) l();
      return;
    }
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      for (const l of this.listeners) l();
    }, 50);
  }

  dispose() {
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    this.listeners.clear();
  }
}
