import { getActor } from '@/server/auth/session';
import { cdrSyncStatus } from '@/server/services/cdr-sync';
import { respond } from '../../_lib/respond';

/** Sync progress and last sync times of the tenants the caller may see (polled while a sync runs). */
export async function GET() {
  return respond(async () => cdrSyncStatus(await getActor()));
}
