'use client';

import { ArrowDown, ArrowUp } from 'lucide-react';
import Link from 'next/link';
import { useMemo, useState, useTransition } from 'react';
import { HourlySparkline } from '@/components/charts/hourly-bars';
import { Button } from '@/components/ui/button';
import { Badge, EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { compareDecimal, formatMoney } from '@/lib/format';
import { streamKey, tenantKey, type LiveInitial, type LiveTenant } from '@/lib/live-protocol';
import { vendorLabels, vendors } from '@/lib/vendors';
import type { Balance, TenantCounters } from '@/lib/schemas/tenant';
import { describeVendorError } from '@/lib/vendor-error';
import { updateTenantSettingsAction } from '@/server/actions/users';
import { ageText, freshnessOf, type Freshness } from './freshness';
import { LinkBadge, LiveNotices } from './live-notices';
import type { LiveStore, LiveView, ViewState } from './live-store';
import { liveUrl, useLive } from './use-live';
import { useNow } from './use-now';

export interface OverviewRow {
  key: string;
  tenant: LiveTenant;
  balance?: Balance;
  balanceState?: ViewState;
  low: boolean;
  counters?: TenantCounters;
  countersState?: ViewState;
  fresh: Freshness;
}

const healthRank = { down: 0, stale: 1, pending: 2, ok: 3, unsupported: 4 } as const;

/** One row per tenant: its balance against the threshold, its counters, and the worse freshness of the two. */
export function overviewRows(view: LiveView, now: number): OverviewRow[] {
  return [...view.tenants.values()].map((tenant) => {
    const ref = { connectionId: tenant.connectionId, tenantId: tenant.tenantId };
    const countersState = view.states.get(streamKey({ ...ref, stream: 'counters' }));
    const balanceState = view.states.get(streamKey({ ...ref, stream: 'balance' }));
    const counters = countersState?.items.get('counters') as TenantCounters | undefined;
    const balance = balanceState?.items.get('balance') as Balance | undefined;
    const fc = freshnessOf(countersState, view, now);
    const fb = freshnessOf(balanceState, view, now);
    const worst = healthRank[fc.health] <= healthRank[fb.health] ? fc : fb;
    const fresh: Freshness = { ...worst, ageSec: fc.ageSec ?? fb.ageSec };
    const low = !!balance && tenant.threshold !== null && compareDecimal(balance.balance.amount, tenant.threshold) < 0;
    return { key: tenantKey(tenant), tenant, balance, balanceState, low, counters, countersState, fresh };
  });
}

type SortKey = 'tenant' | 'vendor' | 'balance' | 'calls' | 'online' | 'age';
const sorters: Record<SortKey, (a: OverviewRow, b: OverviewRow) => number> = {
  tenant: (a, b) => a.tenant.name.localeCompare(b.tenant.name),
  vendor: (a, b) => a.tenant.vendor.localeCompare(b.tenant.vendor) || a.tenant.connectionName.localeCompare(b.tenant.connectionName),
  balance: (a, b) => (a.balance && b.balance ? compareDecimal(a.balance.balance.amount, b.balance.balance.amount) : a.balance ? 1 : b.balance ? -1 : 0),
  calls: (a, b) => (a.counters?.callsNow ?? -1) - (b.counters?.callsNow ?? -1),
  online: (a, b) => (a.counters?.extensionsOnline ?? -1) - (b.counters?.extensionsOnline ?? -1),
  age: (a, b) => (a.fresh.ageSec ?? Infinity) - (b.fresh.ageSec ?? Infinity),
};

export function OverviewView({ initial, scope, isOperator }: { initial: LiveInitial; scope: { connectionId?: string; tenantId?: string }; isOperator: boolean }) {
  const { view, store } = useLive(initial, liveUrl({ topics: ['counters', 'balance'], ...scope }));
  const now = useNow(initial.now);
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'tenant', dir: 1 });
  const [q, setQ] = useState('');
  const [vendor, setVendor] = useState('');
  const [onlyTrouble, setOnlyTrouble] = useState(false);
  const all = useMemo(() => overviewRows(view, now), [view, now]);
  const needle = q.trim().toLowerCase();
  const rows = all
    .filter(
      (r) =>
        (!needle || `${r.tenant.name} ${r.tenant.code ?? ''} ${r.tenant.connectionName}`.toLowerCase().includes(needle)) &&
        (!vendor || r.tenant.vendor === vendor) &&
        (!onlyTrouble || r.low || r.fresh.health === 'stale' || r.fresh.health === 'down'),
    )
    .sort((a, b) => sorters[sort.key](a, b) * sort.dir || a.tenant.name.localeCompare(b.tenant.name));

  const header = (key: SortKey, label: string, className?: string) => {
    const active = sort.key === key;
    return (
      <Th className={className} aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="inline-flex items-center gap-1 uppercase" onClick={() => setSort({ key, dir: active ? ((-sort.dir) as 1 | -1) : 1 })}>
          {label}
          {active && (sort.dir === 1 ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden />)}
        </button>
      </Th>
    );
  };

  return (
    <>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Filter</span>
          <input className={`${inputClass} w-56`} value={q} onChange={(e) => setQ(e.target.value)} placeholder="tenant or connection" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Vendor</span>
          <select className={inputClass} value={vendor} onChange={(e) => setVendor(e.target.value)}>
            <option value="">All vendors</option>
            {vendors.map((v) => (
              <option key={v} value={v}>
                {vendorLabels[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" checked={onlyTrouble} onChange={(e) => setOnlyTrouble(e.target.checked)} />
          Only low balance or vendor trouble
        </label>
        <div className="ml-auto">
          <LinkBadge view={view} />
        </div>
      </div>
      <LiveNotices view={view} now={now} />
      {rows.length === 0 ? (
        <EmptyState title={all.length ? 'No tenants match the filters' : 'No tenants yet'}>{all.length ? null : isOperator ? 'Add a PBX on the Connections page.' : 'Your tenant is not reachable right now.'}</EmptyState>
      ) : (
        <Table data-testid="overview-table">
          <caption className="sr-only">Tenants, sortable by column</caption>
          <thead>
            <tr>
              {header('tenant', 'Tenant')}
              {header('vendor', 'Vendor')}
              {header('balance', 'Balance', 'text-right')}
              {header('calls', 'Calls now', 'text-right')}
              {header('online', 'Extensions online', 'text-right')}
              {header('age', 'Data age')}
              <Th>Vendor health</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <OverviewTableRow key={r.key} row={r} isOperator={isOperator} store={store} />
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

function OverviewTableRow({ row: r, isOperator, store }: { row: OverviewRow; isOperator: boolean; store: LiveStore }) {
  const c = r.counters;
  const error = r.countersState?.error ?? r.balanceState?.error;
  return (
    <tr data-testid="overview-row" data-tenant={r.tenant.name} data-health={r.fresh.health}>
      <Td>
        <Link className="font-medium hover:underline" href={`/tenants/${encodeURIComponent(r.tenant.connectionId)}/${encodeURIComponent(r.tenant.tenantId)}`}>
          {r.tenant.name}
        </Link>
        {r.tenant.code && <p className="text-xs text-slate-500 dark:text-slate-400">{r.tenant.code}</p>}
      </Td>
      <Td>
        <Badge>{vendorLabels[r.tenant.vendor]}</Badge> <span className="text-xs text-slate-600 dark:text-slate-400">{r.tenant.connectionName}</span>
      </Td>
      <Td className="tabular text-right" data-testid="balance-cell" data-low={r.low ? 'true' : 'false'}>
        {r.balance ? (
          <span className={r.low ? 'font-semibold text-red-700 dark:text-red-400' : undefined} title={r.balance.source}>
            {formatMoney(r.balance.balance)}
            {r.low && (
              <Badge tone="bad" className="ml-1.5">
                low
              </Badge>
            )}
          </span>
        ) : r.balanceState?.status === 'unsupported' ? (
          <span className="text-slate-500 dark:text-slate-400" title={r.balanceState.message}>
            —<span className="sr-only">{r.balanceState.message}</span>
          </span>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">…</span>
        )}
        {isOperator && r.balance && <ThresholdEditor tenant={r.tenant} store={store} />}
      </Td>
      <Td className="tabular text-right" data-testid="calls-now">
        {c?.callsNow ?? '—'}
        {c?.calls24h && c.calls24h.length > 0 && <HourlySparkline series={c.calls24h} />}
      </Td>
      <Td className="tabular text-right">{c?.extensionsOnline !== undefined ? `${c.extensionsOnline}${c.extensionsTotal !== undefined ? ` / ${c.extensionsTotal}` : ''}` : '—'}</Td>
      <Td className="tabular" data-testid="data-age">
        {r.fresh.health === 'unsupported' ? '—' : ageText(r.fresh.ageSec)}
      </Td>
      <Td>
        {r.fresh.health === 'ok' ? (
          <Badge tone="good">ok</Badge>
        ) : r.fresh.health === 'stale' ? (
          <span title={error ? describeVendorError(error) : 'No news from the server'}>
            <Badge tone="warn">stale</Badge>
            {error && <span className="ml-1.5 text-xs text-amber-800 dark:text-amber-300">{error.message}</span>}
          </span>
        ) : r.fresh.health === 'down' ? (
          <span title={error ? describeVendorError(error) : undefined}>
            <Badge tone="bad">down</Badge>
            {error && <span className="ml-1.5 text-xs text-red-700 dark:text-red-400">{error.message}</span>}
          </span>
        ) : r.fresh.health === 'pending' ? (
          <Badge>waiting</Badge>
        ) : (
          <Badge>no live data</Badge>
        )}
      </Td>
    </tr>
  );
}

/** Inline low-balance threshold for operators (the same setting as on the Users page). */
function ThresholdEditor({ tenant, store }: { tenant: LiveTenant; store: LiveStore }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(tenant.threshold ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open)
    return (
      <div className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
        {tenant.threshold !== null ? `threshold ${tenant.threshold.replace(/\.?0+$/, '')}` : 'no threshold'}{' '}
        <button type="button" className="underline hover:text-slate-800 dark:hover:text-slate-200" onClick={() => setOpen(true)} aria-label={`Edit low-balance threshold for ${tenant.name}`}>
          edit
        </button>
      </div>
    );
  return (
    <form
      className="mt-1 flex items-center justify-end gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await updateTenantSettingsAction({ connectionId: tenant.connectionId, tenantId: tenant.tenantId }, { lowBalanceThreshold: value.trim() || null });
          if (r.ok) {
            store.patchTenant(tenantKey(tenant), { threshold: r.data.lowBalanceThreshold });
            setError(null);
            setOpen(false);
          } else setError(r.error.fieldErrors?.lowBalanceThreshold ?? r.error.message);
        });
      }}
    >
      <input aria-label={`Low-balance threshold for ${tenant.name}`} className={`${inputClass} w-24 text-right`} inputMode="decimal" placeholder="none" value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={!!error} />
      <Button type="submit" variant="secondary" disabled={pending} className="px-2 py-1 text-xs">
        Save
      </Button>
      {error && (
        <p className="w-full text-xs text-red-600" data-testid="field-error">
          lowBalanceThreshold: {error}
        </p>
      )}
    </form>
  );
}
