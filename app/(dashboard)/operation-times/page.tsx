import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { destinationTypeLabels, vendorLabels, weekdays } from '@/lib/schemas';
import { pageContext } from '@/server/auth/page';
import { readAcrossTenants } from '@/server/services/tenants';

export const metadata: Metadata = { title: 'Operation times' };

export default async function OperationTimesPage() {
  const { actor, selection } = await pageContext();
  const { items, problems } = await readAcrossTenants(actor, selection, 'listOperationTimes', (a, ctx, t) => a.listOperationTimes!(ctx, t.id));
  const rows = items.flatMap((i) => (i.result.status === 'ok' ? i.result.value.map((o) => ({ o, tenant: i.tenant })) : []));
  return (
    <>
      <PageHeader title="Operation times" description="Open hours, closed dates and where calls go when closed. The schedule editor is not built yet." />
      <TenantReadNotices items={items} problems={problems} />
      {rows.length === 0 ? (
        <EmptyState title="No schedules to show" />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {rows.map(({ o, tenant }) => (
            <Card key={`${tenant.connectionId}:${tenant.id}:${o.target.type}:${o.target.id}`} className="p-4">
              <div className="mb-2 flex flex-wrap items-center gap-2">
                <p className="font-medium">{o.target.label ?? `${o.target.type} ${o.target.id}`}</p>
                <Badge>{o.target.type}</Badge>
                <Badge tone={o.status === 'on' ? 'good' : 'neutral'}>{o.status}</Badge>
                {!o.writable && <Badge tone="warn">read-only</Badge>}
                <span className="ml-auto text-xs text-slate-500">
                  {tenant.name} · {vendorLabels[tenant.vendor]}
                  {o.timezone ? ` · ${o.timezone}` : ''}
                </span>
              </div>
              <dl className="grid grid-cols-[7rem_1fr] gap-y-0.5 text-sm">
                {weekdays.map((d) => (
                  <div key={d} className="contents">
                    <dt className="capitalize text-slate-600 dark:text-slate-400">{d}</dt>
                    <dd className="tabular">{o.weekly[d].length ? o.weekly[d].map((r) => `${r.from}–${r.to}`).join(', ') : <span className="text-slate-400">closed</span>}</dd>
                  </div>
                ))}
              </dl>
              {o.closed.length > 0 && (
                <div className="mt-3 text-sm">
                  <p className="font-medium">Closed dates</p>
                  <ul className="mt-1 space-y-0.5">
                    {o.closed.map((c, i) => (
                      <li key={c.id ?? i}>
                        {c.name}: {c.from}
                        {c.to !== c.from ? ` → ${c.to}` : ''}
                        {c.timeFrom ? ` ${c.timeFrom}–${c.timeTo}` : ''}
                        {c.everyYear ? ' (every year)' : ''}
                        {c.destination ? ` → ${destinationTypeLabels[c.destination.type]} ${c.destination.target}` : ''}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {o.closedDestination && (
                <p className="mt-2 text-sm">
                  When closed: {destinationTypeLabels[o.closedDestination.type]} {o.closedDestination.label ?? o.closedDestination.target}
                </p>
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
