import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { vendorLabels } from '@/lib/schemas/common';
import { pageContext } from '@/server/auth/page';
import { readAcrossTenants } from '@/server/services/tenants';

export const metadata: Metadata = { title: 'Registrations' };

export default async function RegistrationsPage() {
  const { actor, selection } = await pageContext();
  const { items, problems } = await readAcrossTenants(actor, selection, 'listRegistrations', (a, ctx, t) => a.listRegistrations!(ctx, t.id), 10_000);
  const rows = items.flatMap((i) => (i.result.status === 'ok' ? i.result.value.map((r) => ({ r, tenant: i.tenant })) : []));
  const online = rows.filter((x) => x.r.status === 'registered').length;
  return (
    <>
      <PageHeader title="Registrations" description={rows.length ? `${online} registered, ${rows.length - online} not registered` : 'SIP registration state of extensions.'} />
      <TenantReadNotices items={items} problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title="No registrations to show" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Extension</Th>
              <Th>Status</Th>
              <Th>Contact IP</Th>
              <Th>User agent</Th>
              <Th>Tenant</Th>
              <Th>Vendor</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ r, tenant }) => (
              <tr key={`${tenant.connectionId}:${tenant.id}:${r.extension}`}>
                <Td className="tabular font-medium">
                  {r.extension} {r.name && <span className="font-normal text-slate-600 dark:text-slate-400">{r.name}</span>}
                </Td>
                <Td>
                  <Badge tone={r.status === 'registered' ? 'good' : r.status === 'unregistered' ? 'bad' : 'neutral'}>{r.status}</Badge>
                </Td>
                <Td className="tabular">{r.contactIp}</Td>
                <Td>{r.userAgent}</Td>
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
