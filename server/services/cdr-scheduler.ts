import 'server-only';
import { log } from '@/server/log';
import { cdrStore } from './cdr-store';
import { syncAllCdrs } from './cdr-sync';

/** How often every connection's new CDRs are pulled; CDR_SYNC_INTERVAL_MS overrides (0 turns it off). */
const DEFAULT_INTERVAL_MS = 5 * 60_000;
/** The first pass waits a little, so a starting server answers its first pages before paging vendors. */
const FIRST_RUN_DELAY_MS = 3_000;

const g = globalThis as unknown as { __cdrScheduler?: NodeJS.Timeout };

/**
 * A lightweight in-process scheduler, started once per server process from boot(). Runs never overlap for a
 * connection (startConnectionSync joins a running one) and, across instances, each tenant's lease in
 * cdr_sync_state lets only one instance page it.
 */
export function startCdrScheduler() {
  if (g.__cdrScheduler) return;
  const raw = process.env.CDR_SYNC_INTERVAL_MS;
  const interval = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : DEFAULT_INTERVAL_MS;
  if (interval === 0) return;
  const run = () =>
    void syncAllCdrs().then(
      (results) => {
        const inserted = results.reduce((s, r) => s + r.inserted, 0);
        const failed = results.filter((r) => r.status === 'failed').length;
        if (inserted || failed) log.info('cdr sync pass', { inserted, tenants: results.length, failed });
      },
      (err: unknown) => log.warn('cdr sync pass failed', { error: String(err) }),
    );
  // Load the CDR column store in the background too, so the first visit to the CDR page does not wait for it.
  setTimeout(() => void cdrStore().catch((err: unknown) => log.warn('cdr store warm-up failed', { error: String(err) })), 1_000).unref();
  g.__cdrScheduler = setInterval(run, interval);
  g.__cdrScheduler.unref();
  setTimeout(run, Math.min(FIRST_RUN_DELAY_MS, interval)).unref();
}
