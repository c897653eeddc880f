'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/card';
import { formatAge } from '@/lib/format';
import { vendorLabels } from '@/lib/vendors';
import { setFirstSyncRangeAction, syncCdrsNowAction } from '@/server/actions/cdrs';
import type { ConnectionSyncSettings, SyncStatusRow } from '@/server/services/cdr-sync';
import type { ConnectionOption } from './cdr-explorer';
import { fetchJson } from './fetch-json';

interface SyncStatus {
  tenants: SyncStatusRow[];
  settings: ConnectionSyncSettings[];
  runningConnections: string[];
}

const RANGE_CHOICES = [1, 7, 14, 30, 60, 90, 180, 365];

/** One line per connection: last sync, progress of a running sync, errors; operators can sync now and set the first-sync range. */
export function CdrSyncPanel({ operator, connections }: { operator: boolean; connections: ConnectionOption[] }) {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['cdr-sync'],
    queryFn: ({ signal }) => fetchJson<SyncStatus>('/api/cdrs/sync', signal),
    // Poll quickly while something runs, slowly otherwise.
    refetchInterval: (q) => (q.state.data && (q.state.data.runningConnections.length > 0 || q.state.data.tenants.some((t) => t.status === 'running')) ? 1_500 : 20_000),
    staleTime: 0,
  });
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string }>();
  const [pending, start] = useTransition();

  const syncNow = (connectionId: string | null) =>
    start(async () => {
      const r = await syncCdrsNowAction(connectionId);
      setMessage(r.ok ? { tone: 'good', text: r.data.started.length ? 'Sync started.' : 'No connection here offers call records.' } : { tone: 'bad', text: r.error.message });
      await qc.invalidateQueries({ queryKey: ['cdr-sync'] });
    });

  return (
    <section aria-labelledby="cdr-sync-heading" className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" data-testid="cdr-sync-panel">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="cdr-sync-heading" className="text-sm font-medium">
          CDR sync
        </h2>
        {operator && (
          <Button variant="secondary" disabled={pending} onClick={() => syncNow(null)} data-testid="sync-all">
            Sync all now
          </Button>
        )}
      </div>
      {message && (
        <p role="status" className={message.tone === 'bad' ? 'mb-2 text-sm text-red-700 dark:text-red-400' : 'mb-2 text-sm text-emerald-700 dark:text-emerald-400'}>
          {message.text}
        </p>
      )}
      {status.error && <p className="text-sm text-red-700 dark:text-red-400">{status.error.message}</p>}
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {connections.map((c) => (
          <ConnectionSyncRow
            key={c.id}
            connection={c}
            rows={status.data?.tenants.filter((t) => t.connectionId === c.id) ?? []}
            running={status.data?.runningConnections.includes(c.id) ?? false}
            firstSyncDays={status.data?.settings.find((s) => s.connectionId === c.id)?.firstSyncDays}
            operator={operator}
            onSync={() => syncNow(c.id)}
            busy={pending}
            onSaved={(text, ok) => {
              setMessage({ tone: ok ? 'good' : 'bad', text });
              void qc.invalidateQueries({ queryKey: ['cdr-sync'] });
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function ConnectionSyncRow({
  connection,
  rows,
  running,
  firstSyncDays,
  operator,
  onSync,
  busy,
  onSaved,
}: {
  connection: ConnectionOption;
  rows: SyncStatusRow[];
  running: boolean;
  firstSyncDays?: number;
  operator: boolean;
  onSync: () => void;
  busy: boolean;
  onSaved: (text: string, ok: boolean) => void;
}) {
  const active = running || rows.some((r) => r.status === 'running');
  const failed = rows.filter((r) => r.status === 'failed');
  const lastRun = rows.map((r) => r.lastRunAt).filter(Boolean).sort().at(-1);
  const records = rows.reduce((s, r) => s + r.recordsTotal, 0);
  const runRecords = rows.filter((r) => r.status === 'running').reduce((s, r) => s + r.runRecords, 0);
  const progresses = rows.filter((r) => r.status === 'running' && r.progress !== undefined).map((r) => r.progress!);
  const done = rows.filter((r) => r.status !== 'running' && r.lastRunAt).length;
  const [days, setDays] = useState<number | undefined>(undefined);
  const [saving, startSave] = useTransition();
  const shownDays = days ?? firstSyncDays ?? 7;
  const pct = progresses.length ? Math.round((progresses.reduce((a, b) => a + b, 0) / progresses.length) * 100) : undefined;

  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2 text-sm" data-testid="sync-row" data-connection={connection.id}>
      <div className="min-w-48 flex-1">
        <p className="font-medium">
          {connection.name} <span className="font-normal text-slate-500 dark:text-slate-400">{vendorLabels[connection.vendor]}</span>
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="sync-last">
          {active ? (
            <>Syncing… {runRecords.toLocaleString()} new records{rows.length > 1 ? `, ${done} of ${rows.length} tenants done` : ''}</>
          ) : lastRun ? (
            <>
              Last sync {formatAge(lastRun)} ago · <time dateTime={lastRun}>{new Date(lastRun).toLocaleString()}</time> · {records.toLocaleString()} records
            </>
          ) : (
            'Not synced yet'
          )}
        </p>
        {active && (
          <div className="mt-1 h-1.5 w-full max-w-xs overflow-hidden rounded bg-slate-100 dark:bg-slate-800" role="progressbar" aria-label={`Sync of ${connection.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={pct === undefined ? `${runRecords} records so far` : `${pct}%`}>
            <div className={pct === undefined ? 'h-full w-1/3 animate-pulse bg-brand-500' : 'h-full bg-brand-500 transition-all'} style={pct === undefined ? undefined : { width: `${pct}%` }} />
          </div>
        )}
        {!active &&
          failed.map((f) => (
            <p key={f.tenantId} className="text-xs text-red-700 dark:text-red-400" data-testid="sync-error">
              Tenant {f.tenantId}: {f.lastError ?? 'the last run failed'} — the next run resumes where it stopped.
            </p>
          ))}
      </div>
      {active ? <Badge tone="info">running</Badge> : failed.length ? <Badge tone="bad">failed</Badge> : lastRun ? <Badge tone="good">up to date</Badge> : null}
      {operator && (
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-xs text-slate-600 dark:text-slate-400">
            First sync range
            <select
              className="ml-1 rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
              value={shownDays}
              onChange={(e) => setDays(Number(e.target.value))}
              aria-describedby={`range-help-${connection.id}`}
            >
              {[...new Set([...RANGE_CHOICES, shownDays])].sort((a, b) => a - b).map((d) => (
                <option key={d} value={d}>
                  last {d} day{d === 1 ? '' : 's'}
                </option>
              ))}
            </select>
          </label>
          <span id={`range-help-${connection.id}`} className="sr-only">
            Saving reads this range again on the next sync; records already stored are not duplicated.
          </span>
          {days !== undefined && days !== firstSyncDays && (
            <Button
              variant="secondary"
              disabled={saving}
              onClick={() =>
                startSave(async () => {
                  const r = await setFirstSyncRangeAction(connection.id, shownDays);
                  onSaved(r.ok ? `${connection.name}: the last ${shownDays} days will be read on the next sync.` : r.error.message, r.ok);
                  if (r.ok) setDays(undefined);
                })
              }
            >
              Save range
            </Button>
          )}
          <Button variant="secondary" disabled={busy || active} onClick={onSync} data-testid="sync-now">
            Sync now
          </Button>
        </div>
      )}
    </li>
  );
}
