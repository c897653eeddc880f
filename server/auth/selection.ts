import 'server-only';
import { cookies } from 'next/headers';
import type { Actor } from './actor';
import type { Selection } from '@/server/services/tenants';

export const SELECTION_COOKIE = 'sb-scope';

/**
 * The connection/tenant the switcher has chosen, from its cookie. A tenant user is always pinned to their own
 * tenant whatever the cookie says.
 */
export async function getSelection(actor: Actor): Promise<Selection> {
  if (actor.kind === 'tenant') return { connectionId: actor.connectionId, tenantId: actor.tenantId };
  const raw = (await cookies()).get(SELECTION_COOKIE)?.value;
  if (!raw) return {};
  const [connectionId, tenantId] = decodeURIComponent(raw).split('|');
  return { connectionId: connectionId || undefined, tenantId: (connectionId && tenantId) || undefined };
}
