'use client';

import { useMemo, useState } from 'react';
import { Badge, EmptyState } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { FilterSelect } from '@/components/ui/filter-select';
import { Table, Td, Th } from '@/components/ui/table';
import { parseStreamKey, tenantKey, type LiveInitial, type LiveTenant } from '@/lib/live-protocol';
import { registrationStatuses } from '@/lib/call-enums';
import type { SipRegistration } from '@/lib/schemas/live';
import { vendorLabels } from '@/lib/vendors';
import { ageText } from './freshness';
import { LinkBadge, LiveNotices } from './live-notices';
import { liveUrl, useLive } from './use-live';
import { useNow } from './use-now';

interface RegRow {
  key: string;
  reg: SipRegistration;
  tenant?: LiveTenant;
}

export function RegistrationsView({ initial, scope }: { initial: LiveInitial; scope: { connectionId?: string; tenantId?: string } }) {
  const { view } = useLive(initial, liveUrl({ topics: ['registrations'], ...scope }));
  const now = useNow(initial.now);
  const [tenant, setTenant] = useState('');
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const all = useMemo(() => {
    const rows: RegRow[] = [];
    for (const key of view.keys) {
      const ref = parseStreamKey(key);
      const state = view.states.get(key);
      if (!ref || !state) continue;
      const t = view.tenants.get(tenantKey(ref));
      for (const [ext, r] of state.items) rows.push({ key: `${key}|${ext}`, reg: r as SipRegistration, tenant: t });
    }
    return rows.sort((a, b) => (a.tenant?.name ?? '').localeCompare(b.tenant?.name ?? '') || a.reg.extension.localeCompare(b.reg.extension, undefined, { numeric: true }));
  }, [view]);
  const needle = q.trim().toLowerCase();
  const rows = all.filter(
    (r) =>
      (!tenant || (r.tenant && tenantKey(r.tenant) === tenant)) &&
      (!status || r.reg.status === status) &&
      (!needle || [r.reg.extension, r.reg.name, r.reg.contactIp, r.reg.userAgent].some((x) => x?.toLowerCase().includes(needle))),
  );
  const online = rows.filter((r) => r.reg.status === 'registered').length;
  const offline = rows.filter((r) => r.reg.status === 'unregistered').length;
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect label="Tenant" value={tenant} onChange={setTenant} allLabel="All tenants" options={[...view.tenants.values()].map((t) => ({ value: tenantKey(t), label: `${t.name} (${t.connectionName})` }))} />
        <FilterSelect label="Status" value={status} onChange={setStatus} allLabel="Any status" options={registrationStatuses.map((s) => ({ value: s, label: s }))} />
        <label className="text-sm">
          <span className="mb-1 block font-medium">Search</span>
          <input className={`${inputClass} w-52`} value={q} onChange={(e) => setQ(e.target.value)} placeholder="extension, name, IP, agent" />
        </label>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="reg-online">
            <Badge tone="good">{online} online</Badge>
          </span>
          <span data-testid="reg-offline">
            <Badge tone="bad">{offline} offline</Badge>
          </span>
          <LinkBadge view={view} />
        </div>
      </div>
      <LiveNotices view={view} now={now} />
      {rows.length === 0 ? (
        <EmptyState title={all.length ? 'No registrations match the filters' : 'No registrations to show'} />
      ) : (
        <Table data-testid="registrations-table">
          <caption className="sr-only">SIP registrations</caption>
          <thead>
            <tr>
              <Th>Extension</Th>
              <Th>Status</Th>
              <Th>Contact IP</Th>
              <Th>User agent</Th>
              <Th>Expires</Th>
              <Th>Tenant</Th>
              <Th>Vendor</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, reg: r, tenant: t }) => {
              const expiresIn = r.expiresAt ? Math.round((Date.parse(r.expiresAt) - now - view.offsetMs) / 1000) : undefined;
              return (
                <tr key={key} data-testid="registration-row" data-extension={r.extension} data-status={r.status}>
                  <Td className="tabular font-medium">
                    {r.extension} {r.name && <span className="font-normal text-slate-600 dark:text-slate-400">{r.name}</span>}
                  </Td>
                  <Td>
                    <Badge tone={r.status === 'registered' ? 'good' : r.status === 'unregistered' ? 'bad' : 'neutral'}>{r.status}</Badge>
                  </Td>
                  <Td className="tabular">{r.contactIp}</Td>
                  <Td>{r.userAgent}</Td>
                  <Td className="tabular">{expiresIn === undefined ? '—' : expiresIn > 0 ? `in ${ageText(expiresIn)}` : 'expired'}</Td>
                  <Td>{t?.name ?? r.tenantId}</Td>
                  <Td>{t ? vendorLabels[t.vendor] : ''}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
