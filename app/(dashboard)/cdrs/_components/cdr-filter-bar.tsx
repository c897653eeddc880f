'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { cdrDirections, cdrDispositions, defaultCdrFilters, MAX_RANGE_DAYS, rangePresetLabels, rangePresets, type CdrFilters, type RangePreset } from '@/lib/cdr-filters';
import type { CallDirection } from '@/lib/schemas/live';
import type { Disposition } from '@/lib/schemas/cdr';
import type { ConnectionOption, TenantOption } from './cdr-explorer';
import { directionText, dispositionText } from './cdr-labels';

/** `datetime-local` value (viewer's zone) ↔ UTC instant. */
const toLocalInput = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined);

/** A text filter applied when typing pauses, so each keystroke does not reload the table. */
function useDebounced(value: string, apply: (v: string) => void, ms = 350) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft === value) return;
    const t = setTimeout(() => apply(draft), ms);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);
  return [draft, setDraft] as const;
}

export function CdrFilterBar({ filters, connections, tenants, lockedTenant, onChange }: { filters: CdrFilters; connections: ConnectionOption[]; tenants: TenantOption[]; lockedTenant: boolean; onChange: (f: CdrFilters) => void }) {
  const set = (patch: Partial<CdrFilters>) => onChange({ ...filters, ...patch });
  const [number, setNumber] = useDebounced(filters.number ?? '', (v) => set({ number: v.trim() || undefined }));
  const [minDur, setMinDur] = useDebounced(filters.minDurationSec ? String(filters.minDurationSec) : '', (v) => {
    if (v === '' || /^\d{1,6}$/.test(v)) set({ minDurationSec: v ? Number(v) : undefined });
  });
  const minDurError = minDur !== '' && !/^\d{1,6}$/.test(minDur) ? 'Minimum duration must be a whole number of seconds (0–999999).' : undefined;
  const [customError, setCustomError] = useState<string>();
  const connTenants = tenants.filter((t) => t.connectionId === filters.connectionId);

  const setCustom = (which: 'from' | 'to', v: string) => {
    const next = { ...filters, range: 'custom' as RangePreset, [which]: fromLocalInput(v) };
    if (!next.from || !next.to) return setCustomError('Choose both a start and an end.');
    const span = Date.parse(next.to) - Date.parse(next.from);
    if (span <= 0) return setCustomError('The end must be after the start.');
    if (span > MAX_RANGE_DAYS * 86_400_000) return setCustomError(`A range may span at most ${MAX_RANGE_DAYS} days.`);
    setCustomError(undefined);
    onChange(next);
  };

  return (
    <form role="search" aria-label="Filter call records" className="grid grid-cols-[repeat(auto-fill,minmax(10.5rem,1fr))] gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" onSubmit={(e) => e.preventDefault()} data-testid="cdr-filters">
      <Field label="Date range">
        {(p) => (
          <select
            {...p}
            className={inputClass}
            value={filters.range}
            onChange={(e) => {
              const range = e.target.value as RangePreset;
              if (range !== 'custom') return set({ range, from: undefined, to: undefined });
              const to = new Date();
              const from = new Date(to.getTime() - 7 * 86_400_000);
              onChange({ ...filters, range, from: from.toISOString().replace(/\.\d{3}Z$/, 'Z'), to: to.toISOString().replace(/\.\d{3}Z$/, 'Z') });
            }}
          >
            {rangePresets.map((r) => (
              <option key={r} value={r}>
                {rangePresetLabels[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {filters.range === 'custom' && (
        <>
          <Field label="From" error={customError}>
            {(p) => <input {...p} type="datetime-local" className={inputClass} defaultValue={toLocalInput(filters.from)} onChange={(e) => setCustom('from', e.target.value)} />}
          </Field>
          <Field label="To">{(p) => <input {...p} type="datetime-local" className={inputClass} defaultValue={toLocalInput(filters.to)} onChange={(e) => setCustom('to', e.target.value)} />}</Field>
        </>
      )}
      {!lockedTenant && (
        <>
          <Field label="Connection">
            {(p) => (
              <select {...p} className={inputClass} value={filters.connectionId ?? ''} onChange={(e) => set({ connectionId: e.target.value || undefined, tenantId: undefined })}>
                <option value="">All connections</option>
                {connections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Tenant">
            {(p) => (
              <select {...p} className={inputClass} value={filters.tenantId ?? ''} disabled={!filters.connectionId} onChange={(e) => set({ tenantId: e.target.value || undefined })}>
                <option value="">{filters.connectionId ? 'All tenants' : 'Choose a connection first'}</option>
                {connTenants.map((t) => (
                  <option key={t.tenantId} value={t.tenantId}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      <Field label="Direction">
        {(p) => (
          <select {...p} className={inputClass} value={filters.direction ?? ''} onChange={(e) => set({ direction: (e.target.value || undefined) as CallDirection | undefined })}>
            <option value="">Any</option>
            {cdrDirections.map((d) => (
              <option key={d} value={d}>
                {directionText[d]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Result">
        {(p) => (
          <select {...p} className={inputClass} value={filters.disposition ?? ''} onChange={(e) => set({ disposition: (e.target.value || undefined) as Disposition | undefined })}>
            <option value="">Any</option>
            {cdrDispositions.map((d) => (
              <option key={d} value={d}>
                {dispositionText[d]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Number contains">{(p) => <input {...p} type="search" inputMode="tel" maxLength={40} placeholder="e.g. 555 or 101" className={inputClass} value={number} onChange={(e) => setNumber(e.target.value)} />}</Field>
      <Field label="Min. duration (s)" error={minDurError}>
        {(p) => <input {...p} inputMode="numeric" placeholder="0" className={inputClass} value={minDur} onChange={(e) => setMinDur(e.target.value.trim())} />}
      </Field>
      <div className="flex items-end">
        <Button
          type="button"
          variant="secondary"
          onClick={() => onChange({ ...defaultCdrFilters, sort: filters.sort, order: filters.order })}
          disabled={JSON.stringify({ ...filters, sort: 'startedAt', order: 'desc' }) === JSON.stringify(defaultCdrFilters)}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
}
