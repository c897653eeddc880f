import type { Vendor } from './schemas/common';
import type { VendorErrorInfo } from './vendor-error';

/**
 * The live hub's wire protocol, shared by the SSE route (server) and the browser store. Types only, plus the
 * few pure helpers both sides need to agree on (stream keys, the resume cursor).
 */
export const liveStreams = ['calls', 'registrations', 'counters', 'balance'] as const;
export type LiveStream = (typeof liveStreams)[number];

export interface StreamRef {
  connectionId: string;
  tenantId: string;
  stream: LiveStream;
}

/** `<connectionId>|<tenantId>|<stream>`: one poller per key, whatever the number of viewers. */
export const streamKey = (r: StreamRef) => `${r.connectionId}|${r.tenantId}|${r.stream}`;
export const tenantKey = (r: { connectionId: string; tenantId: string }) => `${r.connectionId}|${r.tenantId}`;
export function parseStreamKey(key: string): StreamRef | null {
  const [connectionId, tenantId, stream] = key.split('|');
  if (!connectionId || !tenantId || !(liveStreams as readonly string[]).includes(stream ?? '')) return null;
  return { connectionId, tenantId, stream: stream as LiveStream };
}

/**
 * A stream's items as `[id, item]` pairs, in the vendor's order. Never an object keyed by ID: call IDs are
 * ever-new, and every new property name makes V8 build another hidden class (and recompile the code that
 * touched it), so a wallboard that parsed `{ "<callId>": … }` for weeks would grow its heap with compiled code.
 * Pairs parse into arrays of same-shaped items; each side keeps them in a Map.
 */
export type LiveEntries = [id: string, item: unknown][];

/** What the browser knows about one stream: the last good items, their age, and the vendor's trouble. */
export interface LiveState {
  key: string;
  /** Bumped when the items change; (key, version) names one content, so a reconnect can resume from it. */
  version: number;
  /** pending: not polled yet · ok: items are the vendor's answer · unsupported: the vendor lacks it · error: failing and never answered. */
  status: 'pending' | 'ok' | 'unsupported' | 'error';
  items: LiveEntries;
  /** When the vendor last answered successfully (UTC ISO). */
  fetchedAt?: string;
  /** Set while the vendor is failing; with items present they are the last good answer, shown as stale. */
  error?: VendorErrorInfo;
  /** Why a stream is unsupported, in words. */
  message?: string;
  /** The poll interval, so the browser can tell "old" from "fresh". */
  intervalMs: number;
}

export type LiveMeta = Pick<LiveState, 'status' | 'fetchedAt' | 'error' | 'message' | 'intervalMs'>;

export interface LiveTenant {
  connectionId: string;
  connectionName: string;
  vendor: Vendor;
  tenantId: string;
  name: string;
  code?: string;
  currency?: string;
  /** Low-balance threshold the operator set (decimal string), or null. */
  threshold: string | null;
}

export interface LiveConnection {
  id: string;
  name: string;
  vendor: Vendor;
  clickToCall: boolean;
}

export type LiveMessage =
  | { t: 'hello'; now: number; keys: string[]; tenants: LiveTenant[]; connections: LiveConnection[] }
  | { t: 'snapshot'; now: number; state: LiveState }
  | { t: 'delta'; now: number; key: string; from: number; version: number; upserts: LiveEntries; removes: string[]; meta: LiveMeta }
  | { t: 'meta'; now: number; key: string; version: number; meta: LiveMeta }
  | { t: 'hb'; now: number }
  | { t: 'revoked'; now: number; message: string };

/** A short, order-sensitive signature of the key list, so a cursor is only reused for the same subscription. */
export function keysSignature(keys: readonly string[]): string {
  let h = 2166136261;
  for (const k of keys) for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/**
 * The SSE event ID: `<signature>.<v1>-<v2>-…` with each key's version in base 36, in key order. Sent back as
 * Last-Event-ID on reconnect, it lets any instance resume each stream from where this browser stopped. A
 * caller encoding often for the same keys passes their `keysSignature` once computed.
 */
export function encodeCursor(keys: readonly string[], versions: (number | undefined)[], signature = keysSignature(keys)): string {
  return `${signature}.${versions.map((v) => (v === undefined ? '' : v.toString(36))).join('-')}`;
}

export function decodeCursor(keys: readonly string[], cursor: string | null | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (!cursor || cursor.length > 20_000) return out;
  const dot = cursor.indexOf('.');
  if (dot < 0 || cursor.slice(0, dot) !== keysSignature(keys)) return out;
  const parts = cursor.slice(dot + 1).split('-');
  if (parts.length !== keys.length) return out;
  parts.forEach((p, i) => {
    const v = p ? parseInt(p, 36) : NaN;
    if (Number.isFinite(v)) out.set(keys[i]!, v);
  });
  return out;
}

/** What a live page gets from the server for its first paint; the browser continues from it over SSE. */
export interface LiveInitial {
  keys: string[];
  tenants: LiveTenant[];
  connections: LiveConnection[];
  states: LiveState[];
  /** Server clock at render time (durations render the same on the server and in the browser). */
  now: number;
}
