import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HourlyBars } from '@/components/charts/hourly-bars';
import { Badge, Card, Notice, PageHeader } from '@/components/ui/card';
import { formatAge } from '@/lib/format';
import { vendorLabels } from '@/lib/schemas/common';
import { describeVendorError } from '@/lib/vendor-error';
import { pageContext } from '@/server/auth/page';
import { AppError } from '@/server/errors';
import { getTenantDetails } from '@/server/services/tenant-details';
import { RechargeForm } from './_components/recharge-form';
import { SettingsSectionForm } from './_components/settings-section-form';

export const metadata: Metadata = { title: 'Tenant' };

export default async function TenantPage({ params }: { params: Promise<{ connectionId: string; tenantId: string }> }) {
  const { actor } = await pageContext();
  const p = await params;
  const ref = { connectionId: decodeURIComponent(p.connectionId), tenantId: decodeURIComponent(p.tenantId) };
  // Another tenant's page, or one that does not exist, is simply not found: nothing about it leaks.
  const d = await getTenantDetails(actor, ref).catch((err: unknown) => {
    if (err instanceof AppError && (err.code === 'forbidden' || err.code === 'not_found')) notFound();
    throw err;
  });
  const c = d.counters.status === 'ok' ? d.counters.value : undefined;
  const facts: [string, React.ReactNode][] = [
    ['Connection', `${d.tenant.connectionName} (${vendorLabels[d.tenant.vendor]})`],
    ['Tenant ID', d.tenant.id],
    ...(d.tenant.code ? [['Code', d.tenant.code] as [string, React.ReactNode]] : []),
    ['Status', d.tenant.status],
    ...(d.tenant.currency ? [['Currency', d.tenant.currency] as [string, React.ReactNode]] : []),
    ...(d.tenant.timezone ? [['Time zone', d.tenant.timezone] as [string, React.ReactNode]] : []),
  ];
  return (
    <>
      <PageHeader title={d.tenant.name} description="Details, live counters and the vendor's own settings for this tenant." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-2 font-semibold">Details</h2>
          <dl className="grid grid-cols-[9rem_1fr] gap-y-1 text-sm" data-testid="tenant-facts">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600 dark:text-slate-400">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {Object.keys(d.tenant.extras).length > 0 && (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-brand-600 dark:text-brand-100">Everything {vendorLabels[d.tenant.vendor]} reports</summary>
              <dl className="mt-2 grid grid-cols-[14rem_1fr] gap-y-0.5 text-xs">
                {Object.entries(d.tenant.extras).map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="font-mono text-slate-600 dark:text-slate-400">{k}</dt>
                    <dd className="break-all">{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
        </Card>
        <Card className="p-4" data-testid="tenant-counters">
          <h2 className="mb-2 font-semibold">
            Activity{' '}
            {d.counters.status === 'ok' && (d.counters.stale ? <Badge tone="warn">{formatAge(d.counters.fetchedAt)} old</Badge> : <Badge tone="good">current</Badge>)}
          </h2>
          {d.counters.status === 'unsupported' && <p className="text-sm text-slate-600 dark:text-slate-400">{d.counters.message}</p>}
          {d.counters.status === 'error' && <Notice tone="bad">{describeVendorError(d.counters.error)}</Notice>}
          {c && (
            <>
              <dl className="mb-3 grid grid-cols-3 gap-3 text-center">
                <div>
                  <dt className="text-xs text-slate-600 dark:text-slate-400">Calls now</dt>
                  <dd className="text-2xl font-semibold tabular">{c.callsNow ?? '—'}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600 dark:text-slate-400">Online</dt>
                  <dd className="text-2xl font-semibold tabular">
                    {c.extensionsOnline ?? '—'}
                    {c.extensionsTotal !== undefined && <span className="text-base text-slate-600 dark:text-slate-400"> / {c.extensionsTotal}</span>}
                  </dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-600 dark:text-slate-400">{c.callsToday === undefined && c.calls24h ? 'Calls (24 h)' : 'Calls today'}</dt>
                  <dd className="text-2xl font-semibold tabular">{c.callsToday ?? (c.calls24h ? c.calls24h.reduce((n, s) => n + s.count, 0) : '—')}</dd>
                </div>
              </dl>
              {c.calls24h && c.calls24h.length > 0 && <HourlyBars series={c.calls24h} label="Calls per hour" />}
            </>
          )}
        </Card>
      </div>

      {d.canRecharge && (
        <Card className="mt-4 p-4">
          <h2 className="mb-2 font-semibold">Balance recharge</h2>
          <RechargeForm tenantRef={ref} tenantName={d.tenant.name} connectionName={d.tenant.connectionName} currency={d.tenant.currency ?? 'USD'} />
        </Card>
      )}

      <h2 className="mb-2 mt-6 text-lg font-semibold">{vendorLabels[d.tenant.vendor]} settings</h2>
      {d.settings.status === 'unsupported' && <Notice tone="neutral">{d.settings.message}</Notice>}
      {d.settings.status === 'error' && <Notice tone="bad">{describeVendorError(d.settings.error)}</Notice>}
      {d.settings.status === 'ok' && (
        <div className="grid gap-4 lg:grid-cols-2">
          {d.settings.value.map((s) => (
            <Card key={s.id} className="p-4">
              <SettingsSectionForm tenantRef={ref} section={s} editable={d.canEditSettings && d.settingsWritable} readOnlyReason={!d.settingsWritable ? `${vendorLabels[d.tenant.vendor]}'s API does not let Switchboard change these settings.` : !d.canEditSettings ? 'Your operator has not allowed changes to this tenant from Switchboard.' : undefined} />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
