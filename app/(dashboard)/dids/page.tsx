import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { destinationTypeLabels, vendorLabels } from '@/lib/schemas';
import { pageContext } from '@/server/auth/page';
import { readAcrossTenants } from '@/server/services/tenants';

export const metadata: Metadata = { title: 'DIDs' };

export default async function DidsPage() {
  const { actor, selection } = await pageContext();
  const { items, problems } = await readAcrossTenants(actor, selection, 'listDids', (a, ctx, t) => a.listDids!(ctx, t.id));
  const rows = items.flatMap((i) => (i.result.status === 'ok' ? i.result.value.map((d) => ({ d, tenant: i.tenant })) : []));
  return (
    <>
      <PageHeader title="DIDs" description="Phone numbers and where they route. Editing DIDs is not built yet." />
      <TenantReadNotices items={items} problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title="No DIDs to show" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Number</Th>
              <Th>Routes to</Th>
              <Th>Description</Th>
              <Th>Tenant</Th>
              <Th>Vendor</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ d, tenant }) => (
              <tr key={`${tenant.connectionId}:${tenant.id}:${d.id}`}>
                <Td className="tabular font-medium">
                  {d.number}
                  {d.numberTo ? `–${d.numberTo}` : ''}
                </Td>
                <Td>{d.destination ? `${destinationTypeLabels[d.destination.type]} ${d.destination.label ?? d.destination.target}` : <span className="text-slate-500">not shown by this vendor</span>}</Td>
                <Td>{d.description}</Td>
                <Td>{tenant.name}</Td>
                <Td>{vendorLabels[tenant.vendor]}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
