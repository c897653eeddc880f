import 'server-only';
import type { VendorErrorInfo } from '@/lib/vendor-error';
import { isVendorError } from '@/server/adapters/errors';

export interface Snapshot<T> {
  value: T;
  /** When the vendor last answered successfully. */
  fetchedAt: string;
  /** True when the last attempt failed and `value` is the last good answer. */
  stale: boolean;
  error?: VendorErrorInfo;
}

interface Entry {
  value?: unknown;
  fetchedAt?: number;
  error?: VendorErrorInfo;
  inflight?: Promise<unknown>;
}

// On globalThis: Next bundles route handlers and pages/actions separately, each with its own copy of this
// module; one shared map lets a write in an action invalidate what a GET route handler has cached.
const g = globalThis as unknown as { __switchboardReadCache?: Map<string, Entry> };
const entries = (g.__switchboardReadCache ??= new Map<string, Entry>());
const MAX_ENTRIES = 5_000;

/**
 * A vendor read shared by concurrent callers and reused for `ttlMs`. When the vendor fails, the last good
 * answer is returned marked stale with the vendor's error, so a page during an outage shows what it last knew
 * and how old it is. Throws only when there was never a good answer.
 */
export async function cachedRead<T>(key: string, ttlMs: number, fetch: () => Promise<T>): Promise<Snapshot<T>> {
  let e = entries.get(key);
  if (!e) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    e = {};
    entries.set(key, e);
  }
  const fresh = e.fetchedAt !== undefined && Date.now() - e.fetchedAt < ttlMs && !e.error;
  if (!fresh) {
    e.inflight ??= fetch()
      .then((v) => {
        e.value = v;
        e.fetchedAt = Date.now();
        e.error = undefined;
      })
      .catch((err: unknown) => {
        if (!isVendorError(err)) throw err;
        e.error = err.toInfo();
        if (e.fetchedAt === undefined) throw err;
      })
      .finally(() => {
        e.inflight = undefined;
      });
    await e.inflight;
  }
  return { value: e.value as T, fetchedAt: new Date(e.fetchedAt!).toISOString(), stale: !!e.error, error: e.error };
}

/** After a write, the next read must go to the vendor. */
export function invalidateReads(prefix: string) {
  for (const k of entries.keys()) if (k.startsWith(prefix)) entries.delete(k);
}
