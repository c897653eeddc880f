import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { EmptyState, Notice, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDuration } from '@/lib/format';
import { vendorLabels } from '@/lib/schemas/common';
import { pageContext } from '@/server/auth/page';
import { readAcrossTenants } from '@/server/services/tenants';

export const metadata: Metadata = { title: 'Live calls' };

export default async function LiveCallsPage() {
  const { actor, selection } = await pageContext();
  const { items, problems } = await readAcrossTenants(actor, selection, 'listLiveCalls', (a, ctx, t) => a.listLiveCalls!(ctx, t.id), 2_000);
  const now = Date.now();
  const rows = items.flatMap((i) => (i.result.status === 'ok' ? i.result.value.map((c) => ({ c, tenant: i.tenant })) : []));
  return (
    <>
      <PageHeader title="Live calls" description="Calls in progress right now." />
      <div className="mb-4">
        <Notice tone="neutral" testId="not-built">Automatic updates are not built yet: this page shows a snapshot taken when it loaded. Reload to refresh.</Notice>
      </div>
      <TenantReadNotices items={items} problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title="No calls in progress" />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>From</Th>
              <Th>To</Th>
              <Th>Direction</Th>
              <Th className="text-right">Duration</Th>
              <Th>Tenant</Th>
              <Th>Vendor</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ c, tenant }) => (
              <tr key={`${tenant.connectionId}:${c.id}`}>
                <Td className="tabular">{c.from.name ? `${c.from.name} (${c.from.number})` : c.from.number}</Td>
                <Td className="tabular">{c.to.name ? `${c.to.name} (${c.to.number})` : c.to.number}</Td>
                <Td>{c.direction}</Td>
                <Td className="tabular text-right">{c.startedAt ? formatDuration((now - Date.parse(c.startedAt)) / 1000) : '—'}</Td>
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
