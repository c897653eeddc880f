import type { NextRequest } from 'next/server';
import { getActor } from '@/server/auth/session';
import { listRingEvents } from '@/server/services/crm-events';
import { respond } from '../../_lib/respond';

/** Recent CRM ring events the caller may see: `?connectionId=&tenantId=` narrows them (scope checked inside). */
export async function GET(req: NextRequest) {
  return respond(async () => {
    const actor = await getActor();
    const p = req.nextUrl.searchParams;
    return { events: listRingEvents(actor, { connectionId: p.get('connectionId') || undefined, tenantId: p.get('tenantId') || undefined }) };
  });
}
