'use client';

import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBlockRows } from '@/components/data-table/use-block-rows';
import { VirtualTable, type VirtualColumn } from '@/components/data-table/virtual-table';
import { Notice } from '@/components/ui/card';
import { cdrFiltersToParams, parseCdrFilters, type CdrFilters, type CdrSortKey } from '@/lib/cdr-filters';
import { formatDuration, formatMoney } from '@/lib/format';
import type { Vendor } from '@/lib/schemas/common';
import type { CdrListRow, CdrPageResult } from '@/server/services/cdr-query';
import { CdrDrawer } from './cdr-drawer';
import { CdrExportButton } from './cdr-export-button';
import { CdrFilterBar } from './cdr-filter-bar';
import { CdrSyncPanel } from './cdr-sync-panel';
import { DirectionLabel, DispositionBadge } from './cdr-labels';
import { fetchJson } from './fetch-json';

// Recharts only ever loads here, after the table: it stays out of this route's first load and every other route.
const CdrChartsPanel = dynamic(() => import('./cdr-charts-panel').then((m) => m.CdrChartsPanel), {
  ssr: false,
  loading: () => <p className="py-6 text-sm text-slate-500 dark:text-slate-400">Loading charts…</p>,
});

export interface ConnectionOption {
  id: string;
  name: string;
  vendor: Vendor;
  recordings: boolean;
}
export interface TenantOption {
  connectionId: string;
  tenantId: string;
  name: string;
}

/** Browsers cap an element's height near 33M px; past this many rows the table asks for narrower filters. */
const MAX_SCROLL_ROWS = 500_000;
const rowKeyOf = (r: Pick<CdrListRow, 'connectionId' | 'tenantId' | 'id'>) => `${r.connectionId}|${r.tenantId}|${r.id}`;

export function CdrExplorer({ operator, selection, connections, tenants, unsupported }: { operator: boolean; selection: { connectionId?: string; tenantId?: string }; connections: ConnectionOption[]; tenants: TenantOption[]; unsupported: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => parseCdrFilters(new URLSearchParams(params.toString())), [params]);
  const query = cdrFiltersToParams(filters).toString();
  const openKey = params.get('rec') ?? undefined;

  const navigate = useCallback(
    (next: CdrFilters, rec?: string) => {
      const p = cdrFiltersToParams(next);
      if (rec) p.set('rec', rec);
      router.replace(`${pathname}${p.size ? `?${p}` : ''}`, { scroll: false });
    },
    [pathname, router],
  );

  // A link without a connection opens on the scope switcher's choice, once; afterwards the URL rules.
  const appliedSelection = useRef(false);
  useEffect(() => {
    if (appliedSelection.current) return;
    appliedSelection.current = true;
    // Tenant users are pinned to their tenant by the server anyway; only operators' links take the switcher.
    if (operator && !params.get('conn') && selection.connectionId && connections.some((c) => c.id === selection.connectionId)) navigate({ ...filters, connectionId: selection.connectionId, tenantId: selection.tenantId }, openKey);
  }, [operator, params, selection, connections, filters, navigate, openKey]);

  const { total, error, rowAt, onVisibleRange } = useBlockRows<CdrListRow>({
    key: query,
    blockSize: 200,
    fetchBlock: (offset, limit, signal) => fetchJson<CdrPageResult>(`/api/cdrs?${query}${query ? '&' : ''}offset=${offset}&limit=${limit}`, signal),
  });

  const tenantName = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of tenants) m.set(`${t.connectionId}|${t.tenantId}`, t.name);
    return m;
  }, [tenants]);
  const connName = useMemo(() => new Map(connections.map((c) => [c.id, c.name])), [connections]);
  const [timeFmt] = useState(() => new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }));

  const columns: VirtualColumn<CdrListRow>[] = useMemo(
    () => [
      { id: 'startedAt', header: 'Started', width: 'minmax(10.5rem, 1.1fr)', sortKey: 'startedAt', cell: (r) => <span className="tabular">{timeFmt.format(new Date(r.startedAt))}</span> },
      {
        id: 'tenant',
        header: 'Tenant',
        width: 'minmax(8rem, 1fr)',
        cell: (r) => (
          <span title={connName.get(r.connectionId)}>
            {tenantName.get(`${r.connectionId}|${r.tenantId}`) ?? r.tenantId}
            <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">{connName.get(r.connectionId)?.replace(/ \(demo\)$/, '')}</span>
          </span>
        ),
      },
      { id: 'direction', header: 'Direction', width: '7.5rem', cell: (r) => <DirectionLabel direction={r.direction} /> },
      { id: 'from', header: 'From', width: 'minmax(8rem, 1fr)', sortKey: 'from', cell: (r) => <span className="font-mono text-xs">{r.from}{r.fromName ? <span className="ml-1 font-sans text-slate-600 dark:text-slate-400">{r.fromName}</span> : null}</span> },
      { id: 'to', header: 'To', width: 'minmax(8rem, 1fr)', sortKey: 'to', cell: (r) => <span className="font-mono text-xs">{r.to}{r.toName ? <span className="ml-1 font-sans text-slate-600 dark:text-slate-400">{r.toName}</span> : null}</span> },
      { id: 'disposition', header: 'Result', width: '7rem', cell: (r) => <DispositionBadge disposition={r.disposition} /> },
      { id: 'durationSec', header: 'Duration', width: '7.25rem', align: 'right', sortKey: 'durationSec', cell: (r) => formatDuration(r.durationSec) },
      { id: 'billableSec', header: 'Billed', width: '5.75rem', align: 'right', sortKey: 'billableSec', cell: (r) => (r.billableSec === undefined ? '—' : formatDuration(r.billableSec)) },
      { id: 'cost', header: 'Cost', width: '6.5rem', align: 'right', sortKey: 'cost', cell: (r) => (r.cost ? formatMoney(r.cost) : '—') },
      { id: 'rec', header: 'Rec.', width: '3.5rem', cell: (r) => (r.hasRecording ? <span title="Recording available">●<span className="sr-only">recording</span></span> : '') },
    ],
    [timeFmt, tenantName, connName],
  );

  const onSort = (key: string) => {
    const k = key as CdrSortKey;
    navigate({ ...filters, sort: k, order: filters.sort === k && filters.order === 'desc' ? 'asc' : 'desc' }, openKey);
  };

  return (
    <div className="space-y-4">
      {unsupported.length > 0 && (
        <Notice tone="neutral" testId="unsupported-notice">
          {unsupported.map((u) => (
            <p key={u}>{u}</p>
          ))}
        </Notice>
      )}
      <CdrSyncPanel operator={operator} connections={connections} />
      <CdrFilterBar filters={filters} connections={connections} tenants={tenants} lockedTenant={!operator} onChange={(f) => navigate(f, openKey)} />
      <section aria-labelledby="cdr-table-heading" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="cdr-table-heading" className="text-sm font-medium" aria-live="polite" data-testid="cdr-total">
            {total === undefined ? 'Loading call records…' : `${total.toLocaleString()} call${total === 1 ? '' : 's'}`}
          </h2>
          <CdrExportButton query={query} total={total} />
        </div>
        {error && (
          <Notice tone="bad" title="Could not load call records" testId="cdr-error">
            {error}
          </Notice>
        )}
        {total === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center text-sm dark:border-slate-700" data-testid="cdr-empty">
            <p className="font-medium">No calls match these filters</p>
            <p className="mt-1 text-slate-600 dark:text-slate-400">Widen the date range or clear a filter. New records arrive with each sync.</p>
          </div>
        ) : (
          <VirtualTable
            label="Call records"
            testId="cdr-table"
            columns={columns}
            count={Math.min(total ?? 0, MAX_SCROLL_ROWS)}
            rowAt={rowAt}
            onVisibleRange={onVisibleRange}
            rowKey={rowKeyOf}
            selectedKey={openKey}
            onRowClick={(r) => navigate(filters, rowKeyOf(r))}
            sort={{ key: filters.sort, order: filters.order }}
            onSort={onSort}
            height="min(60vh, 640px)"
          />
        )}
        {total !== undefined && total > MAX_SCROLL_ROWS && (
          <p className="text-xs text-slate-600 dark:text-slate-400">The table scrolls through the first {MAX_SCROLL_ROWS.toLocaleString()} rows in this order; narrow the filters to see the rest, or export them all.</p>
        )}
      </section>
      <section aria-labelledby="cdr-charts-heading">
        <h2 id="cdr-charts-heading" className="mb-2 text-sm font-medium">
          Charts <span className="font-normal text-slate-500 dark:text-slate-400">(same filters as the table)</span>
        </h2>
        <CdrChartsPanel query={query} />
      </section>
      {openKey && <CdrDrawer key={openKey} recKey={openKey} connections={connections} tenantName={tenantName} onClose={() => navigate(filters)} />}
    </div>
  );
}
