'use client';

import { useQuery } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { EmptyState, Notice } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { fetchJson } from '@/components/forms/fetch-json';
import { formatInstant } from '@/lib/format';
import type { RingEvent } from '@/lib/schemas/crm';
import { tenantKey, type LiveTenant } from '@/lib/live-protocol';

/**
 * "Ringing now (CRM)": the ring events the PBX called back with (HoduPBX CRM callbacks), newest first. The
 * server keeps them as they arrive; this panel asks every 2 s (scope is checked on the server).
 */
export function CrmRingPanel({ initial, scope, tenants }: { initial: RingEvent[]; scope: { connectionId?: string; tenantId?: string }; tenants: LiveTenant[] }) {
  const qs = new URLSearchParams(Object.entries(scope).filter((e): e is [string, string] => !!e[1])).toString();
  const { data, error } = useQuery({
    queryKey: ['crm-events', qs],
    queryFn: ({ signal }) => fetchJson<{ events: RingEvent[] }>(`/api/crm/events${qs ? `?${qs}` : ''}`, signal),
    initialData: { events: initial },
    refetchInterval: 2_000,
  });
  const names = new Map(tenants.map((t) => [tenantKey(t), t]));
  const events = data.events;
  return (
    <section aria-labelledby="crm-ring-title" className="mt-8">
      <h2 id="crm-ring-title" className="mb-2 flex items-center gap-2 text-base font-semibold">
        <BellRing className="size-4" aria-hidden /> Ringing now (CRM)
      </h2>
      {error && <Notice tone="warn">Could not refresh ring events: {error.message}</Notice>}
      {events.length === 0 ? (
        <EmptyState title="No ringing callbacks yet">Extensions subscribed to CRM callbacks appear here when they ring.</EmptyState>
      ) : (
        <Table data-testid="crm-ring-table">
            <caption className="sr-only">Recent ringing callbacks from the PBX</caption>
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Extension</Th>
                <Th>Caller</Th>
                <Th>Tenant</Th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => {
                const t = e.tenantId ? names.get(tenantKey({ connectionId: e.connectionId, tenantId: e.tenantId })) : undefined;
                return (
                  <tr key={`${e.connectionId}|${e.uuid}`} data-testid="crm-ring-row">
                    <Td className="tabular" suppressHydrationWarning>
                      <time dateTime={e.at}>{formatInstant(e.at)}</time>
                    </Td>
                    <Td className="tabular">{e.extension}</Td>
                    <Td className="tabular">{e.callerName ? `${e.callerName} (${e.callerNumber})` : e.callerNumber}</Td>
                    <Td>{t ? `${t.name} (${t.connectionName})` : (e.tenantId ?? 'Unknown tenant')}</Td>
                  </tr>
                );
              })}
            </tbody>
        </Table>
      )}
    </section>
  );
}
