import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { idempotencyKeys } from '@/server/db/schema';
import { isVendorError } from '@/server/adapters/errors';
import { AppError } from '@/server/errors';

/** A key the form makes per draft: long enough not to collide, short enough to keep in a URL or a log line. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,80}$/, 'must be 16 to 80 letters, digits, - or _');

type Stored = { state: 'running'; at: number } | { state: 'done'; value: unknown } | { state: 'uncertain' };

/** Failures after which the vendor may or may not have made the change: the next try must look before it writes. */
function uncertain(err: unknown) {
  return isVendorError(err) && ['timeout', 'unreachable', 'invalid_response'].includes(err.kind);
}

const WAIT_MS = 30_000;
const STALE_RUNNING_MS = 60_000;

/**
 * Runs a write at most once per key. A second call with the same key — a double click, a retry after a
 * timeout, a second tab — gets the first call's result without calling the vendor again; one that arrives
 * while the first still runs waits for it. A failure the vendor stated (refused, not found) frees the key so
 * the same draft can be tried again; an uncertain failure (timeout) marks it so the retry first asks
 * `reconcile` whether the earlier attempt went through after all.
 */
export async function oncePerKey<T>(
  actorId: string,
  key: string | undefined,
  run: () => Promise<T>,
  reconcile?: () => Promise<T | undefined>,
): Promise<T> {
  if (key === undefined) return run();
  const k = idempotencyKeySchema.safeParse(key);
  if (!k.success) throw new AppError('invalid_input', `idempotencyKey: ${k.error.issues[0]?.message}`);
  const db = await getDb();
  const scoped = `${actorId}:${key}`;
  const started = Date.now();
  let retried = false;
  for (;;) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ key: scoped, actorId, result: { state: 'running', at: Date.now() } satisfies Stored })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) break;
    const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, scoped));
    const stored = row?.result as Stored | undefined;
    if (!row || !stored) continue;
    if (stored.state === 'done') return stored.value as T;
    if (stored.state === 'uncertain' || (stored.state === 'running' && Date.now() - stored.at > STALE_RUNNING_MS)) {
      // Take over the key from an attempt whose outcome is unknown, and look before writing again.
      const took = await db
        .update(idempotencyKeys)
        .set({ result: { state: 'running', at: Date.now() } satisfies Stored })
        .where(
          and(
            eq(idempotencyKeys.key, scoped),
            // Compare-and-set on the state we saw, so only one waiter takes the key over.
            stored.state === 'uncertain'
              ? sql`${idempotencyKeys.result}->>'state' = 'uncertain'`
              : sql`${idempotencyKeys.result}->>'state' = 'running' AND ${idempotencyKeys.result}->>'at' = ${String(stored.at)}`,
          ),
        )
        .returning({ key: idempotencyKeys.key });
      if (took.length) {
        retried = true;
        break;
      }
      continue;
    }
    if (Date.now() - started > WAIT_MS) throw new AppError('conflict', 'This change is still being saved. Try again in a moment.');
    await new Promise((r) => setTimeout(r, 150));
  }
  try {
    const earlier = retried && reconcile ? await reconcile() : undefined;
    const value = earlier !== undefined ? earlier : await run();
    await db.update(idempotencyKeys).set({ result: { state: 'done', value: (value ?? null) as unknown } satisfies Stored }).where(eq(idempotencyKeys.key, scoped));
    return value;
  } catch (err) {
    if (uncertain(err)) await db.update(idempotencyKeys).set({ result: { state: 'uncertain' } satisfies Stored }).where(eq(idempotencyKeys.key, scoped));
    else await db.delete(idempotencyKeys).where(eq(idempotencyKeys.key, scoped));
    throw err;
  }
}

/** Keys older than a day are no longer needed: nobody retries a draft that old. */
export async function pruneIdempotencyKeys(olderThanMs = 86_400_000) {
  const db = await getDb();
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - olderThanMs)));
}
