import type { NextRequest } from 'next/server';
import type { Actor } from '@/server/auth/actor';
import { getActor } from '@/server/auth/session';
import { errorResponse } from '../../_lib/respond';
import { getLiveHub } from '@/server/live/instance';
import { liveRequestFrom, resolveLiveSubscription } from '@/server/live/service';
import { liveEventStream } from '@/server/live/sse';
import { actorForUserId, actorForWallboardToken } from '@/server/services/users';

export const dynamic = 'force-dynamic';

/**
 * GET /api/live/stream?topics=calls,counters[&connectionId=…&tenantId=…][&token=<wallboard token>]
 *
 * One Server-Sent Events stream per browser page. The caller is the signed-in user, or a wallboard token
 * (wallboards have no login); the service refuses anonymous callers (401) and scopes outside theirs (403)
 * before anything streams. The token or user is re-checked while the stream is open, so a revoked wallboard
 * or a disabled user stops receiving data within seconds.
 */
export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  const token = params.get('token');
  let actor: Actor | null = null;
  try {
    actor = token ? await actorForWallboardToken(token) : await getActor();
    const sub = await resolveLiveSubscription(actor, liveRequestFrom(params));
    const me = actor!;
    const recheck =
      me.kind === 'wallboard'
        ? { everyMs: 5_000, check: async () => ((await actorForWallboardToken(token!)) ? null : 'This wallboard link was revoked.') }
        : {
            everyMs: 30_000,
            check: async () => {
              const now = await actorForUserId(me.userId);
              const same = now && now.kind === me.kind && (now.kind !== 'tenant' || (me.kind === 'tenant' && now.tenantId === me.tenantId && now.connectionId === me.connectionId));
              return same ? null : 'Your session has ended. Sign in again.';
            },
          };
    const stream = liveEventStream({
      hub: getLiveHub(),
      sub,
      lastEventId: req.headers.get('last-event-id') ?? params.get('lastEventId'),
      recheck,
      signal: req.signal,
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store, no-transform',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
