'use client';

import { useMemo, useState } from 'react';
import { Badge, EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { FilterSelect } from '@/components/ui/filter-select';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDuration } from '@/lib/format';
import { parseStreamKey, tenantKey, type LiveInitial, type LiveTenant } from '@/lib/live-protocol';
import { callDirections } from '@/lib/call-enums';
import type { LiveCall } from '@/lib/schemas/live';
import { vendorLabels } from '@/lib/vendors';
import { ClickToCallDialog } from './click-to-call-dialog';
import { LinkBadge, LiveNotices } from './live-notices';
import type { LiveView } from './live-store';
import { liveUrl, useLive } from './use-live';
import { useNow } from './use-now';

export interface CallRow {
  key: string;
  call: LiveCall;
  tenant?: LiveTenant;
}

/** Every call of every calls stream in the view, longest-running first. */
export function callRows(view: LiveView): CallRow[] {
  const rows: CallRow[] = [];
  for (const key of view.keys) {
    const ref = parseStreamKey(key);
    const state = view.states.get(key);
    if (!ref || ref.stream !== 'calls' || !state) continue;
    const tenant = view.tenants.get(tenantKey(ref));
    for (const [id, c] of state.items) rows.push({ key: `${ref.connectionId}|${ref.tenantId}|${id}`, call: c as LiveCall, tenant });
  }
  return rows.sort((a, b) => (a.call.startedAt ?? '9').localeCompare(b.call.startedAt ?? '9') || a.key.localeCompare(b.key));
}

export const partyText = (p: { number: string; name?: string }) => (p.name ? `${p.name} (${p.number})` : p.number);

export function LiveCallsView({ initial, scope }: { initial: LiveInitial; scope: { connectionId?: string; tenantId?: string } }) {
  const { view } = useLive(initial, liveUrl({ topics: ['calls'], ...scope }));
  const now = useNow(initial.now);
  const [conn, setConn] = useState('');
  const [tenant, setTenant] = useState('');
  const [direction, setDirection] = useState('');
  const [number, setNumber] = useState('');
  const all = useMemo(() => callRows(view), [view]);
  const tenants = [...view.tenants.values()];
  const connections = [...view.connections.values()];
  const digits = number.replace(/[^\d+*#]/g, '');
  const rows = all.filter(
    (r) =>
      (!conn || r.tenant?.connectionId === conn) &&
      (!tenant || (r.tenant && tenantKey(r.tenant) === tenant)) &&
      (!direction || r.call.direction === direction) &&
      (!number || [r.call.from, r.call.to].some((p) => (digits && p.number.includes(digits)) || p.name?.toLowerCase().includes(number.toLowerCase()))),
  );
  const canDial = connections.some((c) => c.clickToCall);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect label="Connection" value={conn} onChange={setConn} allLabel="All connections" options={connections.map((c) => ({ value: c.id, label: c.name }))} />
        <FilterSelect
          label="Tenant"
          value={tenant}
          onChange={setTenant}
          allLabel="All tenants"
          options={tenants.filter((t) => !conn || t.connectionId === conn).map((t) => ({ value: tenantKey(t), label: `${t.name} (${t.connectionName})` }))}
        />
        <FilterSelect label="Direction" value={direction} onChange={setDirection} allLabel="Any direction" options={callDirections.map((d) => ({ value: d, label: d }))} />
        <label className="text-sm">
          <span className="mb-1 block font-medium">Number or name</span>
          <input className={`${inputClass} w-44`} value={number} onChange={(e) => setNumber(e.target.value)} placeholder="e.g. 1001" />
        </label>
        <div className="ml-auto flex items-center gap-3">
          <span className="text-sm text-slate-600 dark:text-slate-400" data-testid="calls-count">
            {rows.length} {rows.length === 1 ? 'call' : 'calls'} now
          </span>
          <LinkBadge view={view} />
          {canDial && <ClickToCallDialog tenants={tenants.filter((t) => view.connections.get(t.connectionId)?.clickToCall)} />}
        </div>
      </div>
      <LiveNotices view={view} now={now} />
      {rows.length === 0 ? (
        <EmptyState title={all.length ? 'No calls match the filters' : 'No calls in progress'}>Calls appear here as they start, without reloading.</EmptyState>
      ) : (
        <Table data-testid="live-calls-table">
          <caption className="sr-only">Calls in progress</caption>
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
            {rows.map(({ key, call, tenant: t }) => (
              <tr key={key} data-testid="live-call-row" data-call-id={call.id}>
                <Td className="tabular">{partyText(call.from)}</Td>
                <Td className="tabular">{partyText(call.to)}</Td>
                <Td>
                  <Badge tone={call.direction === 'inbound' ? 'info' : call.direction === 'outbound' ? 'good' : 'neutral'}>{call.direction}</Badge>
                </Td>
                <Td className="tabular text-right" data-testid="call-duration">
                  {call.startedAt ? formatDuration((now + view.offsetMs - Date.parse(call.startedAt)) / 1000) : '—'}
                </Td>
                <Td>{t?.name ?? call.tenantId}</Td>
                <Td>{t ? vendorLabels[t.vendor] : ''}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
