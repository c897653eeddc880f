'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Notice } from '@/components/ui/card';
import { formatDuration, formatInstant, formatMoney } from '@/lib/format';
import { vendorLabels } from '@/lib/vendors';
import type { CdrDetail } from '@/server/services/cdr-query';
import type { ConnectionOption } from './cdr-explorer';
import { DirectionLabel, DispositionBadge } from './cdr-labels';
import { fetchJson } from './fetch-json';

/** `conn|tenant|id` (the id may itself contain `|`). */
function parseKey(key: string) {
  const [connectionId = '', tenantId = '', ...rest] = key.split('|');
  return { connectionId, tenantId, id: rest.join('|') };
}

/** The drawer a row opens: every normalized field, the vendor's raw record, and the recording where there is one. */
export function CdrDrawer({ recKey, connections, tenantName, onClose }: { recKey: string; connections: ConnectionOption[]; tenantName: Map<string, string>; onClose: () => void }) {
  const ref = parseKey(recKey);
  const qs = new URLSearchParams({ conn: ref.connectionId, tenant: ref.tenantId, id: ref.id }).toString();
  const detail = useQuery({ queryKey: ['cdr-detail', qs], queryFn: ({ signal }) => fetchJson<CdrDetail>(`/api/cdrs/record?${qs}`, signal) });
  const closeRef = useRef<HTMLButtonElement>(null);
  const [audioError, setAudioError] = useState<string>();
  const recordingUrl = `/api/cdrs/recording?${qs}`;
  // The vendor's call log does not say which calls were recorded: a failed load shows the vendor's answer.
  const explainAudioError = async () => {
    const res = await fetch(recordingUrl).catch(() => undefined);
    const body = res ? ((await res.json().catch(() => null)) as { error?: { message?: string } } | null) : null;
    setAudioError(body?.error?.message ?? 'The recording could not be played.');
  };
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [recKey, onClose]);
  const c = detail.data?.cdr;
  const conn = connections.find((x) => x.id === ref.connectionId);

  const fields: [string, React.ReactNode][] = c
    ? [
        ['Started', formatInstant(c.startedAt)],
        ['Ended', c.endedAt ? formatInstant(c.endedAt) : '—'],
        ['Tenant', `${tenantName.get(`${ref.connectionId}|${ref.tenantId}`) ?? c.tenantId} (ID ${c.tenantId})`],
        ['Connection', `${detail.data!.connectionName} · ${vendorLabels[detail.data!.vendor]}`],
        ['Vendor record ID', <span key="id" className="break-all font-mono text-xs">{c.id}</span>],
        ['From', `${c.from.number}${c.from.name ? ` (${c.from.name})` : ''}`],
        ['To', `${c.to.number}${c.to.name ? ` (${c.to.name})` : ''}`],
        ['Forwarded to', c.forwardedTo ?? '—'],
        ['Direction', <span key="d"><DirectionLabel direction={c.direction} />{c.directionRaw ? <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">vendor: {c.directionRaw}</span> : null}</span>],
        ['Result', <span key="r"><DispositionBadge disposition={c.disposition} />{c.dispositionRaw ? <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">vendor: {c.dispositionRaw}</span> : null}</span>],
        ['Duration', formatDuration(c.durationSec)],
        ['Billable', c.billableSec === undefined ? 'not reported' : formatDuration(c.billableSec)],
        ['Cost', c.cost ? formatMoney(c.cost) : 'not reported'],
        ['MOS', c.mos === undefined ? '—' : String(c.mos)],
        ['Trunk', c.trunk ?? '—'],
      ]
    : [];

  return (
    <aside role="dialog" aria-modal="false" aria-labelledby="cdr-drawer-title" className="fixed inset-y-0 right-0 z-40 flex w-full max-w-lg flex-col border-l border-slate-200 bg-white shadow-xl dark:border-slate-800 dark:bg-slate-900" data-testid="cdr-drawer">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <h2 id="cdr-drawer-title" className="font-semibold">
          Call record
        </h2>
        <button ref={closeRef} type="button" onClick={onClose} aria-label="Close call record" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-200 dark:hover:bg-slate-800">
          ✕
        </button>
      </div>
      <div className="flex-1 space-y-4 overflow-y-auto px-4 py-3">
        {detail.error && (
          <Notice tone="bad" title="Could not load this call record">
            {detail.error.message}
          </Notice>
        )}
        {!c && !detail.error && <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>}
        {c && (
          <>
            <section aria-label="Recording" data-testid="cdr-recording">
              {detail.data!.recording.available ? (
                audioError ? (
                  <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="recording-error">
                    {audioError}
                  </p>
                ) : (
                  <audio controls preload="none" className="w-full" src={recordingUrl} onError={explainAudioError} aria-label="Call recording" data-testid="recording-player">
                    <track kind="captions" />
                  </audio>
                )
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">{detail.data!.recording.reason}</p>
              )}
            </section>
            <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm" data-testid="cdr-fields">
              {fields.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
            <section aria-labelledby="cdr-raw-heading">
              <h3 id="cdr-raw-heading" className="mb-1 text-sm font-medium">
                {conn ? vendorLabels[conn.vendor] : 'Vendor'}&apos;s raw record
              </h3>
              <pre className="max-h-80 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800" data-testid="cdr-raw" tabIndex={0}>
                {JSON.stringify(c.raw, null, 2)}
              </pre>
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
