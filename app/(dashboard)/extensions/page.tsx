import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { vendorLabels } from '@/lib/schemas/common';
import { pageContext } from '@/server/auth/page';
import { readAcrossTenants } from '@/server/services/tenants';

export const metadata: Metadata = { title: 'Extensions' };

export default async function ExtensionsPage() {
  const { actor, selection } = await pageContext();
  const { items, problems } = await readAcrossTenants(actor, selection, 'listExtensions', (a, ctx, t) => a.listExtensions!(ctx, t.id));
  const rows = items.flatMap((i) => (i.result.status === 'ok' ? i.result.value.map((x) => ({ x, tenant: i.tenant })) : []));
  return (
    <>
      <PageHeader title="Extensions" description="Extensions of the selected tenants, read from each PBX. Creating and editing extensions is not built yet." />
      <TenantReadNotices items={items} problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title="No extensions to show" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Number</Th>
              <Th>Name</Th>
              <Th>E-mail</Th>
              <Th>Status</Th>
              <Th>Tenant</Th>
              <Th>Vendor</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ x, tenant }) => (
              <tr key={`${tenant.connectionId}:${tenant.id}:${x.id}`}>
                <Td className="tabular font-medium">{x.number}</Td>
                <Td>{x.name}</Td>
                <Td>{x.email}</Td>
                <Td>
                  <Badge tone={x.status === 'enabled' ? 'good' : x.status === 'disabled' ? 'warn' : 'neutral'}>{x.status}</Badge>
                </Td>
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
