import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatAge, formatMoney } from '@/lib/format';
import { vendorLabels } from '@/lib/schemas/common';
import { describeVendorError } from '@/lib/vendor-error';
import { pageContext } from '@/server/auth/page';
import { getOverview } from '@/server/services/overview';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const { actor, selection } = await pageContext();
  const { rows, problems } = await getOverview(actor, selection);
  return (
    <>
      <PageHeader title="Overview" description="Every tenant of every connected PBX: balance, calls now and extensions online." />
      <TenantReadNotices items={[]} problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title="No tenants yet">{actor.kind === 'operator' ? 'Add a PBX on the Connections page.' : 'Your tenant is not reachable right now.'}</EmptyState>
      ) : (
        <Table data-testid="overview-table">
          <thead>
            <tr>
              <Th>Tenant</Th>
              <Th>Connection</Th>
              <Th className="text-right">Balance</Th>
              <Th className="text-right">Calls now</Th>
              <Th className="text-right">Extensions online</Th>
              <Th>Data</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.tenant.connectionId}:${r.tenant.id}`} data-testid="overview-row">
                <Td>
                  <p className="font-medium">{r.tenant.name}</p>
                  {r.tenant.code && <p className="text-xs text-slate-500">{r.tenant.code}</p>}
                </Td>
                <Td>
                  {r.tenant.connectionName} <Badge>{vendorLabels[r.tenant.vendor]}</Badge>
                </Td>
                <Td className="tabular text-right">
                  {r.balance.status === 'ok' ? (
                    <span className={r.balance.low ? 'font-semibold text-red-700 dark:text-red-400' : undefined} title={r.balance.value.source}>
                      {formatMoney(r.balance.value.balance)}
                      {r.balance.low && <Badge tone="bad" className="ml-1.5">low</Badge>}
                    </span>
                  ) : r.balance.status === 'error' ? (
                    <span className="text-red-700" title={describeVendorError(r.balance.error)}>unavailable</span>
                  ) : (
                    <span className="text-slate-400" title={`${vendorLabels[r.tenant.vendor]}'s API does not give a balance`}>—</span>
                  )}
                </Td>
                <Td className="tabular text-right">{r.counters.status === 'ok' ? (r.counters.value.callsNow ?? '—') : '—'}</Td>
                <Td className="tabular text-right">
                  {r.counters.status === 'ok' && r.counters.value.extensionsOnline !== undefined
                    ? `${r.counters.value.extensionsOnline}${r.counters.value.extensionsTotal !== undefined ? ` / ${r.counters.value.extensionsTotal}` : ''}`
                    : '—'}
                </Td>
                <Td>
                  {r.counters.status === 'ok' ? (
                    r.counters.stale ? <Badge tone="warn">{formatAge(r.counters.fetchedAt)} old</Badge> : <Badge tone="good">live</Badge>
                  ) : r.counters.status === 'error' ? (
                    <Badge tone="bad">{r.counters.error.message}</Badge>
                  ) : (
                    <Badge>no counters</Badge>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
