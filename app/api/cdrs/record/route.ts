import type { NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { getCdrDetail } from '@/server/services/cdr-query';
import { respond } from '../../_lib/respond';
import { cdrRef } from '../_lib/cdr-ref';

/** One CDR with every normalized field and the vendor's raw record: `?conn=&tenant=&id=`. */
export async function GET(req: NextRequest) {
  return respond(async () => getCdrDetail(await getActor(), cdrRef(req.nextUrl.searchParams)));
}
