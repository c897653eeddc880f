import type { NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { filtersFromParams, listCdrPage } from '@/server/services/cdr-query';
import { respond } from '../_lib/respond';

/** One page of the filtered, sorted CDR table: `?<filters>&offset=&limit=`. Scope is applied in the service. */
export async function GET(req: NextRequest) {
  return respond(async () => {
    const actor = await getActor();
    const p = req.nextUrl.searchParams;
    return listCdrPage(actor, filtersFromParams(p), p.get('offset') ?? 0, p.get('limit') ?? 100);
  });
}
