import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { destinationTypeLabels, vendorLabels } from '@/lib/schemas';
import { pageContext } from '@/server/auth/page';
import { readAcrossTenants } from '@/server/services/tenants';

export const metadata: Metadata = { title: 'IVRs' };

export default async function IvrsPage() {
  const { actor, selection } = await pageContext();
  const { items, problems } = await readAcrossTenants(actor, selection, 'listIvrs', (a, ctx, t) => a.listIvrs!(ctx, t.id));
  const rows = items.flatMap((i) => (i.result.status === 'ok' ? i.result.value.map((v) => ({ v, tenant: i.tenant })) : []));
  return (
    <>
      <PageHeader title="IVRs" description="Auto attendants and their keymaps. The keymap editor is not built yet." />
      <TenantReadNotices items={items} problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title="No IVRs to show" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Extension</Th>
              <Th>Keymap</Th>
              <Th>Tenant</Th>
              <Th>Vendor</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ v, tenant }) => (
              <tr key={`${tenant.connectionId}:${tenant.id}:${v.id}`}>
                <Td className="font-medium">{v.name}</Td>
                <Td className="tabular">{v.extension}</Td>
                <Td>
                  {v.keymap === null ? (
                    <span className="text-slate-500">{vendorLabels[tenant.vendor]}&apos;s API does not expose keymaps</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {v.keymap.map((k) => (
                        <li key={k.key}>
                          <Badge>{k.key}</Badge> → {destinationTypeLabels[k.destination.type]} {k.destination.label ?? k.destination.target}
                        </li>
                      ))}
                    </ul>
                  )}
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
