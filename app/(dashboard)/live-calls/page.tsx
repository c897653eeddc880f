import type { Metadata } from 'next';
import { CrmDialog } from '@/components/live/crm-dialog';
import { CrmRingPanel } from '@/components/live/crm-ring-panel';
import { LiveCallsView } from '@/components/live/live-calls-view';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { liveFirstPaint } from '@/server/live/service';
import { listRingEvents } from '@/server/services/crm-events';
import { crmTargets } from '@/server/services/crm-subscriptions';

export const metadata: Metadata = { title: 'Live calls' };
export const dynamic = 'force-dynamic';

/** First paint from the live hub on the server; the browser then follows the same streams over SSE. */
export default async function LiveCallsPage() {
  const { actor, selection } = await pageContext();
  const [initial, crm] = await Promise.all([
    liveFirstPaint(actor, { topics: ['calls'], ...selection }),
    // CRM subscriptions are an operator's tool: the callback URL authenticates the PBX for every tenant.
    actor.kind === 'operator' ? crmTargets(actor, selection) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader
        title="Live calls"
        description="Calls in progress right now; they appear and end as they happen."
        actions={crm.some((c) => c.tenants.length) ? <CrmDialog targets={crm} /> : undefined}
      />
      <LiveCallsView initial={initial} scope={selection} />
      <CrmRingPanel initial={listRingEvents(actor, selection)} scope={selection} tenants={initial.tenants} />
    </>
  );
}
