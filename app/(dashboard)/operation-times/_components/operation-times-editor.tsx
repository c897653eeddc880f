'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Card, EmptyState, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { DestinationPicker } from '@/components/forms/destination-picker';
import { useDraftKey } from '@/components/forms/draft-key';
import { fetchJson } from '@/components/forms/fetch-json';
import { FormError } from '@/components/forms/form-error';
import { tenantKey } from '@/components/forms/tenant-select';
import type { ConfigListData, ConfigTenantView, Row } from '@/components/forms/types';
import { useDestinations } from '@/components/forms/use-config-reads';
import { infoOf, useListMutation } from '@/components/forms/use-list-mutation';
import { closedDestinationTypes } from '@/components/forms/vendor-routing';
import { lazySchema } from '@/components/forms/lazy-schema';
import { capabilities } from '@/lib/capabilities';
import type { AppErrorInfo } from '@/lib/result';
import { destinationTypeLabels } from '@/lib/destination-types';
import type { ClosedPeriod, OperationTimes } from '@/lib/schemas/operation-times';
import { vendorLabels } from '@/lib/vendors';
import { weekdays, type Weekday } from '@/lib/weekly-hours';
import { setOperationTimesAction } from '@/server/actions/config';

export const OT_KEY = ['config', 'operation-times'] as const;
const loadOtSchema = lazySchema(() => import('@/lib/schemas/operation-times'));
type Data = ConfigListData<OperationTimes>;
type R = Row<OperationTimes>;

const targetKey = (r: R) => `${tenantKey(r.ref)}:${r.item.target.type}:${r.item.target.id}`;
const targetTypeLabels: Record<string, string> = { tenant: 'Tenant', did: 'DID', ivr: 'IVR', queue: 'Queue', ring_group: 'Ring group', erg: 'Enhanced ring group', route: 'Route', condition: 'Time condition' };

function readOnlyReason(t: ConfigTenantView | undefined, o: OperationTimes): string | undefined {
  if (!t) return 'The tenant is not in your selection.';
  if (!t.capabilities.includes('setOperationTimes')) return `Read-only: ${vendorLabels[t.vendor]}'s API does not offer ${capabilities.setOperationTimes}.`;
  if (!o.writable) return `${vendorLabels[t.vendor]}'s API lets Switchboard read this schedule but not change it.`;
  if (!t.mayEdit) return 'Your operator has not allowed changes to this tenant from Switchboard.';
  return undefined;
}

export function OperationTimesEditor({ initial }: { initial: Data }) {
  const { data } = useQuery({ queryKey: OT_KEY, queryFn: ({ signal }) => fetchJson<Data>('/api/config/operation-times', signal), initialData: initial });
  const [selected, setSelected] = useState<string | null>(null);
  const tenantOf = (ref: { connectionId: string; tenantId: string }) => data.tenants.find((t) => tenantKey(t) === tenantKey(ref));
  const current = data.rows.find((r) => targetKey(r) === selected);
  if (data.rows.length === 0) return <EmptyState title="No schedules to show" />;
  return (
    <div className="space-y-4">
      <Table data-testid="schedules-table">
        <thead>
          <tr>
            <Th>Schedule of</Th>
            <Th>Status</Th>
            <Th>Open</Th>
            <Th>Tenant</Th>
            <Th>Vendor</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => {
            const t = tenantOf(r.ref);
            const o = r.item;
            const days = weekdays.filter((d) => o.weekly[d].length).length;
            return (
              <tr key={targetKey(r)} data-testid="schedule-row" data-target={`${o.target.type}:${o.target.id}`} data-tenant={t?.tenantName}>
                <Td>
                  <Badge>{targetTypeLabels[o.target.type] ?? o.target.type}</Badge> <span className="font-medium">{o.target.label ?? o.target.id}</span>
                </Td>
                <Td>
                  <Badge tone={o.status === 'on' ? 'good' : 'neutral'}>{o.status}</Badge>
                  {!o.writable && (
                    <Badge tone="warn" className="ml-1">
                      read-only
                    </Badge>
                  )}
                </Td>
                <Td>{days ? `${days} day${days === 1 ? '' : 's'} a week` : 'no open hours'}{o.closed.length ? ` · ${o.closed.length} closed period${o.closed.length === 1 ? '' : 's'}` : ''}</Td>
                <Td>{t?.tenantName}</Td>
                <Td>{t ? vendorLabels[t.vendor] : ''}</Td>
                <Td className="text-right">
                  <Button variant="secondary" onClick={() => setSelected(targetKey(r))} aria-label={`Open schedule of ${o.target.label ?? o.target.id} (${targetTypeLabels[o.target.type] ?? o.target.type}, ${t?.tenantName ?? r.ref.tenantId})`}>
                    {readOnlyReason(t, o) ? 'View' : 'Edit'}
                  </Button>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {current && <ScheduleEditor key={selected!} row={current} tenant={tenantOf(current.ref)} onClose={() => setSelected(null)} />}
    </div>
  );
}

const cap = (d: string) => d[0]!.toUpperCase() + d.slice(1);

function ScheduleEditor({ row, tenant, onClose }: { row: R; tenant?: ConfigTenantView; onClose: () => void }) {
  const o = row.item;
  const reason = readOnlyReason(tenant, o);
  const [draft, setDraft] = useState<OperationTimes>(structuredClone(o));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorInfo | null>(null);
  const [saved, setSaved] = useState(false);
  const keys = useDraftKey();
  const closedTypes = tenant ? closedDestinationTypes[tenant.vendor] : [];
  const dests = useDestinations(row.ref, !reason && closedTypes.length > 0 && !!tenant?.capabilities.includes('listDestinations'));
  const options = dests.data?.status === 'ok' ? dests.data.value : [];
  const save = useListMutation<Data, { input: OperationTimes; key: string }, OperationTimes>({
    queryKey: OT_KEY,
    action: (v) => setOperationTimesAction(row.ref, o.target, v.input, v.key),
    optimistic: (d, v) => ({ ...d, rows: d.rows.map((r) => (targetKey(r) === targetKey(row) ? { ...r, item: v.input } : r)) }),
    confirmed: (d, _v, x) => ({ ...d, rows: d.rows.map((r) => (targetKey(r) === targetKey(row) ? { ...r, item: x } : r)) }),
  });

  const setDay = (d: Weekday, ranges: { from: string; to: string }[]) => setDraft((x) => ({ ...x, weekly: { ...x.weekly, [d]: ranges } }));
  const setClosed = (i: number, patch: Partial<ClosedPeriod>) => setDraft((x) => ({ ...x, closed: x.closed.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));

  const submit = async () => {
    setFailure(null);
    setSaved(false);
    const errs: Record<string, string> = {};
    const { operationTimesSchema } = await loadOtSchema();
    const r = operationTimesSchema.safeParse(draft);
    if (!r.success) for (const i of r.error.issues) errs[i.path.join('.')] ??= i.message;
    setErrors(errs);
    if (!r.success || Object.keys(errs).length) return;
    save.mutate(
      { input: r.data, key: keys.keyFor(r.data) },
      {
        onSuccess: () => {
          keys.done();
          setSaved(true);
        },
        onError: (e) => {
          const info = infoOf(e);
          setFailure(info);
          setErrors(info.fieldErrors ?? {});
        },
      },
    );
  };
  const dayError = (d: Weekday) => Object.entries(errors).filter(([k]) => k.startsWith(`weekly.${d}`)).map(([, m]) => m);
  const closedError = (i: number) => Object.entries(errors).filter(([k]) => k.startsWith(`closed.${i}.`)).map(([, m]) => m);
  const allErrors = [...new Set(Object.values(errors))];

  return (
    <Card className="space-y-4 p-5" data-testid="schedule-editor">
      <div className="flex items-center gap-2">
        <h2 className="font-semibold">
          {targetTypeLabels[o.target.type] ?? o.target.type}: {o.target.label ?? o.target.id}
        </h2>
        {reason && <Badge tone="warn">read-only</Badge>}
        <Button variant="ghost" className="ml-auto" onClick={onClose}>
          Close
        </Button>
      </div>
      {reason && (
        <Notice tone="neutral" testId="schedule-read-only">
          {reason}
        </Notice>
      )}
      <form
        noValidate
        aria-label={`Schedule of ${o.target.label ?? o.target.id}`}
        className="space-y-5"
        onFocus={() => void loadOtSchema()}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset disabled={!!reason} className="space-y-5">
          <div className="grid gap-3 sm:grid-cols-3">
            {tenant?.vendor === 'pbxware' && (
              <Field label="Status">
                {(p) => (
                  <select {...p} className={inputClass} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as OperationTimes['status'] })}>
                    <option value="on">On: use this schedule</option>
                    <option value="off">Off: always open</option>
                    <option value="inherit">Inherit from the tenant</option>
                  </select>
                )}
              </Field>
            )}
            <div className="space-y-1 text-sm" data-testid="schedule-timezone">
              <p className="font-medium text-slate-700 dark:text-slate-300">Time zone</p>
              <p>
                {o.timezone
                  ? `${o.timezone} — the times below apply in this zone`
                  : `${tenant ? vendorLabels[tenant.vendor] : 'The PBX'} applies these times in the PBX's own time zone; its API does not report which.`}
              </p>
            </div>
          </div>

          <section aria-labelledby="weekly-h" className="space-y-2">
            <h3 id="weekly-h" className="text-sm font-semibold">
              Open hours
            </h3>
            {weekdays.map((d) => (
              <div key={d} className="grid gap-2 sm:grid-cols-[7rem_1fr]" data-testid="day-row" data-day={d}>
                <span className="pt-1.5 text-sm font-medium">{cap(d)}</span>
                <div className="space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    {draft.weekly[d].length === 0 && <span className="text-sm text-slate-500 dark:text-slate-400">closed</span>}
                    {draft.weekly[d].map((rg, i) => (
                      <span key={i} className="flex items-center gap-1" role="group" aria-label={`${cap(d)} range ${i + 1}`}>
                        <input aria-label={`${cap(d)} range ${i + 1} opens`} aria-invalid={!!errors[`weekly.${d}.${i}`] || !!errors[`weekly.${d}.${i}.from`]} className={`${inputClass} w-20!`} value={rg.from} onChange={(e) => setDay(d, draft.weekly[d].map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))} />
                        –
                        <input aria-label={`${cap(d)} range ${i + 1} closes`} aria-invalid={!!errors[`weekly.${d}.${i}`] || !!errors[`weekly.${d}.${i}.to`]} className={`${inputClass} w-20!`} value={rg.to} onChange={(e) => setDay(d, draft.weekly[d].map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))} />
                        <Button type="button" variant="ghost" aria-label={`Remove ${cap(d)} range ${i + 1}`} onClick={() => setDay(d, draft.weekly[d].filter((_, j) => j !== i))}>
                          ×
                        </Button>
                      </span>
                    ))}
                    <Button type="button" variant="secondary" aria-label={`Add a range on ${cap(d)}`} onClick={() => setDay(d, [...draft.weekly[d], { from: '09:00', to: '17:00' }])}>
                      + range
                    </Button>
                  </div>
                  {dayError(d).map((m) => (
                    <p key={m} data-testid="field-error" className="text-xs font-medium text-red-600 dark:text-red-400">
                      {m}
                    </p>
                  ))}
                </div>
              </div>
            ))}
          </section>

          <section aria-labelledby="closed-h" className="space-y-2">
            <h3 id="closed-h" className="text-sm font-semibold">
              Closed dates and holidays
            </h3>
            {draft.closed.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>}
            {draft.closed.map((c, i) => (
              <div key={i} className="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid="closed-row" role="group" aria-label={`Closed period ${i + 1}`}>
                <div className="grid gap-2 sm:grid-cols-6">
                  <Field label="Name" className="sm:col-span-2">
                    {(p) => <input {...p} className={inputClass} value={c.name} onChange={(e) => setClosed(i, { name: e.target.value })} />}
                  </Field>
                  <Field label="From date">
                    {(p) => <input {...p} type="date" className={inputClass} value={c.from} onChange={(e) => setClosed(i, { from: e.target.value })} />}
                  </Field>
                  <Field label="To date">
                    {(p) => <input {...p} type="date" className={inputClass} value={c.to} onChange={(e) => setClosed(i, { to: e.target.value })} />}
                  </Field>
                  <Field label="From time" help="empty: whole days">
                    {(p) => <input {...p} className={inputClass} placeholder="HH:MM" value={c.timeFrom ?? ''} onChange={(e) => setClosed(i, { timeFrom: e.target.value || undefined })} />}
                  </Field>
                  <Field label="To time">
                    {(p) => <input {...p} className={inputClass} placeholder="HH:MM" value={c.timeTo ?? ''} onChange={(e) => setClosed(i, { timeTo: e.target.value || undefined })} />}
                  </Field>
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  <label className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" checked={c.everyYear} onChange={(e) => setClosed(i, { everyYear: e.target.checked })} /> Every year
                  </label>
                  {closedTypes.length > 0 && (
                    <div className="min-w-72 flex-1">
                      <DestinationPicker label={`Closed period ${i + 1} destination`} value={c.destination} options={options} types={closedTypes} onChange={(d) => setClosed(i, { destination: d })} />
                    </div>
                  )}
                  <Button type="button" variant="ghost" onClick={() => setDraft((x) => ({ ...x, closed: x.closed.filter((_, j) => j !== i) }))}>
                    Remove
                  </Button>
                </div>
                {closedError(i).map((m) => (
                  <p key={m} data-testid="field-error" className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
                    {m}
                  </p>
                ))}
              </div>
            ))}
            <Button type="button" variant="secondary" onClick={() => setDraft((x) => ({ ...x, closed: [...x.closed, { name: '', from: '', to: '', everyYear: false }] }))}>
              Add closed period
            </Button>
          </section>

          {closedTypes.length > 0 && (
            <section aria-labelledby="default-h" className="space-y-1">
              <h3 id="default-h" className="text-sm font-semibold">
                When closed, send calls to
              </h3>
              <DestinationPicker label="Closed destination" value={draft.closedDestination} options={options} types={closedTypes} onChange={(d) => setDraft({ ...draft, closedDestination: d })} />
              {draft.closedDestination && <p className="text-xs text-slate-500 dark:text-slate-400">{destinationTypeLabels[draft.closedDestination.type]} {draft.closedDestination.target}</p>}
            </section>
          )}
        </fieldset>
        {allErrors.length > 0 && !failure && (
          <div role="alert" data-testid="schedule-errors">
            <Notice tone="bad" title="The schedule was not saved">
              <ul className="list-disc pl-4">
                {allErrors.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </Notice>
          </div>
        )}
        <FormError error={failure} />
        {saved && !failure && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400" data-testid="schedule-saved">
            Saved to {tenant ? vendorLabels[tenant.vendor] : 'the PBX'}.
          </p>
        )}
        {!reason && (
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save schedule'}
          </Button>
        )}
      </form>
    </Card>
  );
}
