'use server';

import { requestCdrSync, setFirstSyncRange } from '@/server/services/cdr-sync';
import { runAction } from './run';

/** "Sync now" (operators): starts a CDR sync of one connection, or all, in the background. */
export async function syncCdrsNowAction(connectionId: string | null) {
  return runAction((actor) => requestCdrSync(actor, connectionId ? String(connectionId) : undefined));
}

/** The first-sync range of a connection, in days; the range is read again on the next run. */
export async function setFirstSyncRangeAction(connectionId: string, days: number) {
  return runAction((actor) => setFirstSyncRange(actor, String(connectionId), days));
}
