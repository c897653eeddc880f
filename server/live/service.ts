import 'server-only';
import { liveStreams, streamKey, type LiveConnection, type LiveInitial, type LiveState, type LiveStream, type LiveTenant } from '@/lib/live-protocol';
import type { Actor } from '@/server/auth/actor';
import { assertSignedIn, canSeeConnection, canSeeTenant } from '@/server/auth/scope';
import { getDb } from '@/server/db/client';
import { tenantSettings } from '@/server/db/schema';
import { AppError, forbidden } from '@/server/errors';
import { loadConnection } from '@/server/services/connections';
import { listTenants, type Selection } from '@/server/services/tenants';
import type { LiveHub } from './hub';
import { getLiveHub } from './instance';

export interface LiveRequest extends Selection {
  topics: LiveStream[];
}

export interface LiveSubscription {
  keys: string[];
  tenants: LiveTenant[];
  connections: LiveConnection[];
}

/** Parses `topics=calls,counters&connectionId=…&tenantId=…` (an invalid request names the bad parameter). */
export function liveRequestFrom(params: URLSearchParams): LiveRequest {
  const topics = (params.get('topics') ?? '').split(',').filter(Boolean);
  const bad = topics.find((t) => !(liveStreams as readonly string[]).includes(t));
  if (topics.length === 0 || bad) throw new AppError('invalid_input', `topics: must be a comma-separated list of ${liveStreams.join(', ')}`, { topics: `must be some of ${liveStreams.join(', ')}` });
  const connectionId = params.get('connectionId') || undefined;
  const tenantId = params.get('tenantId') || undefined;
  if (tenantId && !connectionId) throw new AppError('invalid_input', 'tenantId: needs connectionId too', { tenantId: 'needs connectionId' });
  return { topics: [...new Set(topics)] as LiveStream[], connectionId, tenantId };
}

/**
 * Which streams a caller may watch: the tenants of their selection that their scope allows (operators all,
 * tenant users their own tenant, wallboards the tenants and connections their token names). Asking for a
 * connection or tenant outside the scope is refused outright rather than silently narrowed.
 */
export async function resolveLiveSubscription(actor: Actor | null, req: LiveRequest): Promise<LiveSubscription> {
  assertSignedIn(actor);
  if (req.connectionId && !canSeeConnection(actor, req.connectionId)) throw forbidden('this connection');
  if (req.connectionId && req.tenantId && !canSeeTenant(actor, { connectionId: req.connectionId, tenantId: req.tenantId })) throw forbidden('this tenant');
  const sel: Selection = actor.kind === 'tenant' ? { connectionId: actor.connectionId, tenantId: actor.tenantId } : { connectionId: req.connectionId, tenantId: req.tenantId };
  const { tenants } = await listTenants(actor, sel);
  const visible = tenants.filter((t) => canSeeTenant(actor, { connectionId: t.connectionId, tenantId: t.id }));
  const db = await getDb();
  const settings = await db.select().from(tenantSettings);
  const liveTenants: LiveTenant[] = visible.map((t) => ({
    connectionId: t.connectionId,
    connectionName: t.connectionName,
    vendor: t.vendor,
    tenantId: t.id,
    name: t.name,
    code: t.code,
    currency: t.currency,
    threshold: settings.find((s) => s.connectionId === t.connectionId && s.tenantId === t.id)?.lowBalanceThreshold ?? null,
  }));
  const connectionIds = [...new Set(visible.map((t) => t.connectionId))];
  const connections = await Promise.all(
    connectionIds.map(async (id): Promise<LiveConnection> => {
      const { row, adapter } = await loadConnection(id);
      return { id, name: row.name, vendor: row.vendor, clickToCall: typeof adapter.clickToCall === 'function' };
    }),
  );
  const keys = liveTenants.flatMap((t) => req.topics.map((stream) => streamKey({ connectionId: t.connectionId, tenantId: t.tenantId, stream }))).sort();
  return { keys, tenants: liveTenants, connections };
}

export type LiveFirstPaint = LiveInitial;

/**
 * First paint for a live page: subscribes to the caller's streams, waits briefly for their first answers and
 * returns them. The streams keep polling for a short linger, so the browser's SSE connection finds them warm.
 */
export async function liveFirstPaint(actor: Actor | null, req: LiveRequest, opts: { hub?: LiveHub; waitMs?: number } = {}): Promise<LiveFirstPaint> {
  const sub = await resolveLiveSubscription(actor, req);
  const hub = opts.hub ?? getLiveHub();
  const unsubscribe = sub.keys.map((k) => hub.subscribe(k, () => {}));
  try {
    const states = await Promise.all(sub.keys.map((k) => hub.waitForFirst(k, opts.waitMs ?? 2_500)));
    return { ...sub, states: states.filter((s): s is LiveState => !!s), now: Date.now() };
  } finally {
    for (const u of unsubscribe) u();
  }
}
