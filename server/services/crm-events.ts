import 'server-only';
import type { RingEvent } from '@/lib/schemas/crm';
import { hoduRingCallbackSchema, splitCallbackExtension } from '@/server/adapters/hodupbx/crm-callback';
import type { Actor } from '@/server/auth/actor';
import { assertSignedIn, canSeeConnection, canSeeTenant } from '@/server/auth/scope';
import { invalidInput, notFound } from '@/server/errors';
import { log } from '@/server/log';
import { loadConnection } from './connections';
import { connectionForHook } from './crm-hooks';
import { cachedRead } from './read-cache';
import type { Selection } from './tenants';

/** Ring events kept per connection: enough for a "ringing now" panel, bounded whatever the PBX sends. */
export const MAX_EVENTS_PER_CONNECTION = 200;
/** Callbacks accepted per client address per window; the hook is public, so guessing is slowed too. */
const RATE = { windowMs: 10_000, max: 100 };

// On globalThis: the callback route and the events route are separate bundles sharing one process.
// In-process only: with several app instances, each keeps what it received (see the report's limits).
const g = globalThis as unknown as { __switchboardCrm?: { events: Map<string, RingEvent[]>; hits: Map<string, { start: number; n: number }> } };
const store = (g.__switchboardCrm ??= { events: new Map(), hits: new Map() });

/** Fixed-window limit per client address; false when the caller must wait. */
export function allowCallback(client: string, now = Date.now()): boolean {
  const h = store.hits.get(client);
  if (!h || now - h.start >= RATE.windowMs) {
    if (store.hits.size > 10_000) store.hits.clear();
    store.hits.set(client, { start: now, n: 1 });
    return true;
  }
  h.n += 1;
  return h.n <= RATE.max;
}

export type CallbackOutcome = { stored: true; event: RingEvent } | { stored: false; reason: string };

/**
 * A HoduPBX "Ring" callback arriving at `/api/crm/hodupbx/<hook>`: the hook names the connection (unknown →
 * not_found), the query is validated (→ invalid_input naming the parameter), the tenant is read from the
 * `<tenant_id><extension>` number. A tenant-token connection drops rings of other tenants rather than
 * showing them to its tenant.
 */
export async function receiveHoduRing(hook: string, params: URLSearchParams, now = new Date()): Promise<CallbackOutcome> {
  const connectionId = await connectionForHook(hook);
  if (!connectionId) throw notFound('The callback');
  const { row, adapter } = await loadConnection(connectionId).catch(() => {
    throw notFound('The callback');
  });
  if (row.vendor !== 'hodupbx') throw notFound('The callback');
  const parsed = hoduRingCallbackSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) throw invalidInput(parsed.error);
  const q = parsed.data;

  const tenantToken = (row.settings as { userType?: string }).userType === 'TENANT';
  let tenantIds: string[] = [];
  try {
    const snap = await cachedRead(`tenants:${row.id}:${row.updatedAt.toISOString()}`, 60_000, () => adapter.listTenants({}));
    tenantIds = snap.value.map((t) => t.id);
  } catch (err) {
    // The ring is still worth showing to operators; only the tenant is unknown while the PBX answers nothing.
    log.warn('crm callback: tenants unavailable', { connectionId, error: String(err) });
  }
  const { tenantId, extension } = splitCallbackExtension(q.extension_number, tenantIds);
  if (tenantToken && !tenantId) return { stored: false, reason: 'not a tenant of this connection' };

  const event: RingEvent = {
    connectionId,
    tenantId,
    extension,
    callerName: q.caller_name?.trim() || undefined,
    callerNumber: q.caller_number,
    uuid: q.uuid,
    at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const list: RingEvent[] = store.events.get(connectionId) ?? [];
  if (list.some((e) => e.uuid === event.uuid)) return { stored: false, reason: 'duplicate' };
  list.push(event);
  if (list.length > MAX_EVENTS_PER_CONNECTION) list.splice(0, list.length - MAX_EVENTS_PER_CONNECTION);
  store.events.set(connectionId, list);
  return { stored: true, event };
}

/**
 * Recent ring events the caller may see, newest first: operators all (including rings no tenant could be
 * matched to), tenant users and wallboards only their tenants' rings.
 */
export function listRingEvents(actor: Actor | null, sel: Selection = {}, limit = 50): RingEvent[] {
  assertSignedIn(actor);
  const out: RingEvent[] = [];
  for (const [connectionId, events] of store.events) {
    if (sel.connectionId && connectionId !== sel.connectionId) continue;
    if (!canSeeConnection(actor, connectionId)) continue;
    for (const e of events) {
      if (sel.tenantId && e.tenantId !== sel.tenantId) continue;
      if (e.tenantId ? !canSeeTenant(actor, { connectionId, tenantId: e.tenantId }) : actor.kind !== 'operator') continue;
      out.push(e);
    }
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.uuid.localeCompare(a.uuid)).slice(0, limit);
}

/** Tests only. */
export function clearRingEvents() {
  store.events.clear();
  store.hits.clear();
}
