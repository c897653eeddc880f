'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { inputClass } from '@/components/ui/field';
import { vendorLabels, type Vendor } from '@/lib/vendors';

export interface ScopeOption {
  connectionId: string;
  connectionName: string;
  vendor: Vendor;
  tenantId: string;
  tenantName: string;
}

/** Chooses the connection / tenant every page is filtered by. Stored in a cookie the server reads. */
export function ScopeSwitcher({ options, selection, locked }: { options: ScopeOption[]; selection: { connectionId?: string; tenantId?: string }; locked: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const value = selection.connectionId ? `${selection.connectionId}|${selection.tenantId ?? ''}` : '';
  const byConnection = new Map<string, ScopeOption[]>();
  for (const o of options) byConnection.set(o.connectionId, [...(byConnection.get(o.connectionId) ?? []), o]);

  if (locked) {
    const mine = options[0];
    return <p className="text-sm font-medium" data-testid="scope-locked">{mine ? `${mine.tenantName} · ${mine.connectionName}` : 'Your tenant'}</p>;
  }
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Showing</span>
      <select
        aria-label="Connection and tenant"
        data-testid="scope-switcher"
        className={`${inputClass} w-auto min-w-64`}
        value={value}
        disabled={pending}
        onChange={(e) => {
          document.cookie = `sb-scope=${encodeURIComponent(e.target.value)}; path=/; max-age=31536000; samesite=lax`;
          start(() => router.refresh());
        }}
      >
        <option value="">All connections and tenants</option>
        {[...byConnection.entries()].map(([cid, list]) => (
          <optgroup key={cid} label={`${list[0]!.connectionName} (${vendorLabels[list[0]!.vendor]})`}>
            <option value={`${cid}|`}>All tenants of {list[0]!.connectionName}</option>
            {list.map((o) => (
              <option key={o.tenantId} value={`${cid}|${o.tenantId}`}>
                {o.tenantName}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
