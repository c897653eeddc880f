import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/card';
import { missingCapabilityText } from '@/lib/capabilities';
import { vendorLabels } from '@/lib/schemas/common';
import { pageContext } from '@/server/auth/page';
import { listConnections } from '@/server/services/connections';
import { listTenants } from '@/server/services/tenants';
import { CdrExplorer } from './_components/cdr-explorer';

export const metadata: Metadata = { title: 'CDRs' };

export default async function CdrsPage() {
  const { actor, selection } = await pageContext();
  const [{ tenants }, connections] = await Promise.all([listTenants(actor), listConnections(actor)]);
  const withCdrs = connections.filter((c) => c.enabled && c.capabilities.includes('listCdrs'));
  const without = connections.filter((c) => c.enabled && !c.capabilities.includes('listCdrs'));
  return (
    <>
      <PageHeader
        title="CDRs"
        description={actor.kind === 'operator' ? 'Call records synced from every connection into one searchable table.' : 'Call records of your tenant.'}
      />
      <CdrExplorer
        operator={actor.kind === 'operator'}
        selection={selection}
        connections={withCdrs.map((c) => ({ id: c.id, name: c.name, vendor: c.vendor, recordings: c.capabilities.includes('getRecording') }))}
        tenants={tenants.filter((t) => withCdrs.some((c) => c.id === t.connectionId)).map((t) => ({ connectionId: t.connectionId, tenantId: t.id, name: t.name }))}
        unsupported={actor.kind === 'operator' ? without.map((c) => `${c.name}: ${missingCapabilityText(vendorLabels[c.vendor], 'listCdrs')}`) : []}
      />
    </>
  );
}
