import { NextResponse, type NextRequest } from 'next/server';
import { getSelection } from '@/server/auth/selection';
import { getActor } from '@/server/auth/session';
import { destinationsFor, didFormFor, extensionFormFor, listConfig, unassignedDids } from '@/server/services/config-reads';
import { AppError } from '@/server/errors';
import { errorResponse } from '../../_lib/respond';
import { assertUser } from '@/server/auth/scope';

const lists = { extensions: 'listExtensions', dids: 'listDids', ivrs: 'listIvrs', 'operation-times': 'listOperationTimes' } as const;

/**
 * Reads for the configuration editors' refreshes (React Query): the lists over the caller's selection, and
 * per tenant the vendor's form fields and destination choices. Every branch goes through a service that
 * checks the caller may see the tenant.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ kind: string }> }) {
  try {
    const { kind } = await params;
    const actor = await getActor();
    assertUser(actor);
    const q = req.nextUrl.searchParams;
    const ref = { connectionId: q.get('connectionId') ?? '', tenantId: q.get('tenantId') ?? '' };
    if (kind in lists) {
      const { rows, tenants } = await listConfig(actor, await getSelection(actor), lists[kind as keyof typeof lists]);
      return NextResponse.json({ rows, tenants }, { headers: { 'cache-control': 'no-store' } });
    }
    if (kind === 'extension-form') return NextResponse.json(await extensionFormFor(actor, ref));
    if (kind === 'did-form') return NextResponse.json(await didFormFor(actor, ref));
    if (kind === 'destinations') return NextResponse.json(await destinationsFor(actor, ref));
    if (kind === 'unassigned-dids') return NextResponse.json(await unassignedDids(actor, ref.connectionId));
    throw new AppError('not_found', `Unknown configuration read "${kind}".`);
  } catch (err) {
    return errorResponse(err);
  }
}
