import 'server-only';
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { masterKey, sha256 } from '@/server/crypto';
import { getDb } from '@/server/db/client';
import { crmHooks } from '@/server/db/schema';

/**
 * The secret in a connection's CRM callback URL. HoduPBX sends its "Ring" callbacks with no credentials, so
 * the unguessable path token is the authentication. Only its SHA-256 is stored; the token is derived from the
 * server key, the connection and the hook's creation time, so the operator can be shown the URL again while a
 * copy of the database alone does not reveal it. Internal: callers check scope first.
 */
function deriveToken(connectionId: string, createdAt: Date): string {
  return createHmac('sha256', masterKey()).update(`switchboard:crm-hook:${connectionId}:${createdAt.getTime()}`).digest('base64url');
}

export const crmHookPath = (token: string) => `/api/crm/hodupbx/${token}`;

/** The connection's hook token, created on first use (and re-created if the server key changed since). */
export async function ensureCrmHook(connectionId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select().from(crmHooks).where(eq(crmHooks.connectionId, connectionId));
  if (row) {
    const token = deriveToken(connectionId, row.createdAt);
    if (sha256(token) === row.tokenHash) return token;
  }
  const createdAt = new Date();
  const token = deriveToken(connectionId, createdAt);
  await db
    .insert(crmHooks)
    .values({ connectionId, tokenHash: sha256(token), createdAt })
    .onConflictDoUpdate({ target: crmHooks.connectionId, set: { tokenHash: sha256(token), createdAt } });
  return token;
}

/** The connection a hook token belongs to, or undefined for an unknown token. */
export async function connectionForHook(token: string): Promise<string | undefined> {
  if (!/^[\w-]{20,100}$/.test(token)) return undefined;
  const db = await getDb();
  const [row] = await db.select({ connectionId: crmHooks.connectionId }).from(crmHooks).where(eq(crmHooks.tokenHash, sha256(token)));
  return row?.connectionId;
}
