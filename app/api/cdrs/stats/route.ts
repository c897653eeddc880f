import type { NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { filtersFromParams } from '@/server/services/cdr-query';
import { cdrStats } from '@/server/services/cdr-stats';
import { respond } from '../../_lib/respond';

/** Every chart series for the table's filters: `?<filters>&tz=Europe/Berlin&bucket=hour|day`. */
export async function GET(req: NextRequest) {
  return respond(async () => {
    const actor = await getActor();
    const p = req.nextUrl.searchParams;
    return cdrStats(actor, filtersFromParams(p), { timeZone: p.get('tz') ?? undefined, bucket: p.get('bucket') ?? undefined });
  });
}
