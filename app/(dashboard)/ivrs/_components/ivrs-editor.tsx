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
import { keymapDestinationTypes, keymapKeysOf } from '@/components/forms/vendor-routing';
import { lazySchema } from '@/components/forms/lazy-schema';
import { capabilities } from '@/lib/capabilities';
import type { AppErrorInfo } from '@/lib/result';
import type { Destination } from '@/lib/schemas/destination';
import type { Ivr, IvrUpdate, KeymapKey } from '@/lib/schemas/ivr';
import { vendorLabels } from '@/lib/vendors';
import { updateIvrAction } from '@/server/actions/config';
import { KeymapTree } from './keymap-tree';

export const IVR_KEY = ['config', 'ivrs'] as const;
const loadIvrSchema = lazySchema(() => import('@/lib/schemas/ivr'));
type Data = ConfigListData<Ivr>;
type R = Row<Ivr>;

/** Why an IVR cannot be edited here, in words; undefined when it can. */
function readOnlyReason(t: ConfigTenantView | undefined, ivr: Ivr): string | undefined {
  if (!t) return 'The tenant is not in your selection.';
  if (!t.capabilities.includes('updateIvr')) return `Read-only: ${vendorLabels[t.vendor]}'s API can only list IVRs; it does not offer ${capabilities.updateIvr}.`;
  if (ivr.keymap === null) return `${vendorLabels[t.vendor]}'s API does not return this IVR's keymap, so it cannot be edited safely.`;
  if (!t.mayEdit) return 'Your operator has not allowed changes to this tenant from Switchboard.';
  return undefined;
}

export function IvrsEditor({ initial }: { initial: Data }) {
  const { data } = useQuery({ queryKey: IVR_KEY, queryFn: ({ signal }) => fetchJson<Data>('/api/config/ivrs', signal), initialData: initial });
  const [selected, setSelected] = useState<string | null>(null);
  const tenantOf = (ref: { connectionId: string; tenantId: string }) => data.tenants.find((t) => tenantKey(t) === tenantKey(ref));
  const rowKey = (r: R) => `${tenantKey(r.ref)}:${r.item.id}`;
  const current = data.rows.find((r) => rowKey(r) === selected);
  if (data.rows.length === 0) return <EmptyState title="No IVRs to show" />;
  return (
    <div className="space-y-4">
      <Table data-testid="ivrs-table">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Extension</Th>
            <Th>Keys</Th>
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
            return (
              <tr key={rowKey(r)} data-testid="ivr-row" data-name={r.item.name} data-tenant={t?.tenantName}>
                <Td className="font-medium">{r.item.name}</Td>
                <Td className="tabular">{r.item.extension}</Td>
                <Td>{r.item.keymap === null ? <span className="text-slate-500 dark:text-slate-400">not exposed</span> : r.item.keymap.map((k) => k.key).join(' ')}</Td>
                <Td>{t?.tenantName}</Td>
                <Td>{t ? vendorLabels[t.vendor] : ''}</Td>
                <Td className="text-right">
                  <Button variant="secondary" onClick={() => setSelected(rowKey(r))} aria-label={`Open IVR ${r.item.name} of ${t?.tenantName ?? r.ref.tenantId}`}>
                    {readOnlyReason(t, r.item) ? 'View' : 'Edit keymap'}
                  </Button>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      {current && (
        <IvrPanel
          key={selected!}
          row={current}
          tenant={tenantOf(current.ref)}
          siblings={data.rows.filter((r) => tenantKey(r.ref) === tenantKey(current.ref)).map((r) => r.item)}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}

type Draft = { name: string; extension: string; greeting: string; timeoutSec: string; operator: string; enabled: boolean; keys: Partial<Record<KeymapKey, Destination>> };

function IvrPanel({ row, tenant, siblings, onClose }: { row: R; tenant?: ConfigTenantView; siblings: Ivr[]; onClose: () => void }) {
  const ivr = row.item;
  const reason = readOnlyReason(tenant, ivr);
  const keyList = tenant ? keymapKeysOf[tenant.vendor] : [];
  const types = tenant ? keymapDestinationTypes[tenant.vendor] : [];
  const dests = useDestinations(row.ref, !reason && !!tenant?.capabilities.includes('listDestinations'));
  const [draft, setDraft] = useState<Draft>({
    name: ivr.name,
    extension: ivr.extension ?? '',
    greeting: ivr.greeting ?? '',
    timeoutSec: ivr.timeoutSec === undefined ? '' : String(ivr.timeoutSec),
    operator: ivr.operator ?? '',
    enabled: ivr.enabled ?? true,
    keys: Object.fromEntries((ivr.keymap ?? []).map((k) => [k.key, k.destination])),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorInfo | null>(null);
  const [saved, setSaved] = useState(false);
  const keys = useDraftKey();
  const save = useListMutation<Data, { input: IvrUpdate; key: string }, Ivr>({
    queryKey: IVR_KEY,
    action: (v) => updateIvrAction(row.ref, ivr.id, v.input, v.key),
    optimistic: (d, v) => ({ ...d, rows: d.rows.map((r) => (tenantKey(r.ref) === tenantKey(row.ref) && r.item.id === ivr.id ? { ...r, item: { ...r.item, name: v.input.name, extension: v.input.extension, keymap: v.input.keymap } } : r)) }),
    confirmed: (d, _v, x) => ({ ...d, rows: d.rows.map((r) => (tenantKey(r.ref) === tenantKey(row.ref) && r.item.id === ivr.id ? { ...r, item: x } : r)) }),
  });
  // The tree names destinations as the picker does ("Sales (180)"), not by bare number.
  const labelOf = (d: Destination) => (dests.data?.status === 'ok' ? dests.data.value.find((o) => o.type === d.type && o.target === d.target)?.label : undefined) ?? d.label;
  const keymapRows = keyList.map((k) => ({ key: k, destination: draft.keys[k] }));
  const toInput = () => ({
    name: draft.name,
    extension: draft.extension,
    greeting: draft.greeting,
    timeoutSec: draft.timeoutSec === '' ? undefined : draft.timeoutSec,
    operator: draft.operator || undefined,
    enabled: draft.enabled,
    keymap: keymapRows.filter((r) => r.destination).map((r) => ({ key: r.key, destination: r.destination! })),
  });
  const submit = async () => {
    setFailure(null);
    setSaved(false);
    const { ivrUpdateSchema } = await loadIvrSchema();
    const r = ivrUpdateSchema.safeParse(toInput());
    const errs: Record<string, string> = {};
    if (!r.success)
      for (const i of r.error.issues) {
        // keymap.<index>.… → keymap.<key>.… so the message sits on the right row
        const [head, idx, ...rest] = i.path.map(String);
        const path = head === 'keymap' && idx !== undefined && /^\d+$/.test(idx) ? ['keymap', toInput().keymap[Number(idx)]?.key ?? idx, ...rest].join('.') : i.path.join('.');
        errs[path] ??= i.message;
      }
    setErrors(errs);
    if (!r.success) return;
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

  return (
    <Card className="grid gap-6 p-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="ivr-panel">
      <div className="space-y-4">
        <div className="flex items-center gap-2">
          <h2 className="font-semibold">
            {ivr.name} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{ivr.extension}</span>
          </h2>
          {reason && <Badge tone="warn">read-only</Badge>}
          <Button variant="ghost" className="ml-auto" onClick={onClose}>
            Close
          </Button>
        </div>
        {reason ? (
          <Notice tone="neutral" testId="ivr-read-only">
            {reason}
          </Notice>
        ) : (
          <form
            noValidate
            aria-label={`Keymap of ${ivr.name}`}
            data-testid="ivr-form"
            className="space-y-4"
            onFocus={() => void loadIvrSchema()}
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div className="grid gap-3 sm:grid-cols-3">
              <Field label="Name" error={errors.name}>
                {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
              </Field>
              <Field label="Extension" error={errors.extension}>
                {(p) => <input {...p} className={inputClass} value={draft.extension} onChange={(e) => setDraft({ ...draft, extension: e.target.value })} />}
              </Field>
              <Field label="Greeting" error={errors.greeting} help={tenant?.vendor === 'pbxware' ? 'PBXware does not return the stored greeting; leave empty to keep it. Names begin with "greeting-".' : undefined}>
                {(p) => <input {...p} className={inputClass} placeholder="greeting-main" value={draft.greeting} onChange={(e) => setDraft({ ...draft, greeting: e.target.value })} />}
              </Field>
              <Field label="Timeout (seconds)" error={errors.timeoutSec}>
                {(p) => <input {...p} className={inputClass} inputMode="numeric" value={draft.timeoutSec} onChange={(e) => setDraft({ ...draft, timeoutSec: e.target.value })} />}
              </Field>
              <Field label="Operator extension" error={errors.operator}>
                {(p) => <input {...p} className={inputClass} value={draft.operator} onChange={(e) => setDraft({ ...draft, operator: e.target.value })} />}
              </Field>
              <label className="flex items-center gap-2 self-end pb-2 text-sm">
                <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })} /> Enabled
              </label>
            </div>
            {dests.data?.status === 'error' && <Notice tone="bad">Destinations could not be loaded: {dests.data.error.message}</Notice>}
            <Table data-testid="keymap-table">
              <thead>
                <tr>
                  <Th className="w-16">Key</Th>
                  <Th>Destination</Th>
                </tr>
              </thead>
              <tbody>
                {keymapRows.map((r) => (
                  <tr key={r.key} data-testid="keymap-row" data-key={r.key}>
                    <Td className="font-mono">{r.key}</Td>
                    <Td>
                      <DestinationPicker
                        label={`Key ${r.key}`}
                        value={r.destination}
                        options={dests.data?.status === 'ok' ? dests.data.value : []}
                        types={types}
                        error={errors[`keymap.${r.key}.destination.target`] ?? errors[`keymap.${r.key}.destination`] ?? errors[`keymap.${r.key}.key`]}
                        onChange={(d) => setDraft({ ...draft, keys: { ...draft.keys, [r.key]: d } })}
                      />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {errors.keymap && (
              <p data-testid="field-error" className="text-xs font-medium text-red-600">
                {errors.keymap}
              </p>
            )}
            <FormError error={failure} />
            {saved && !failure && (
              <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400" data-testid="ivr-saved">
                Saved to {tenant ? vendorLabels[tenant.vendor] : 'the PBX'}.
              </p>
            )}
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save keymap'}
            </Button>
          </form>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Where the keys lead</h3>
        <KeymapTree ivr={reason ? ivr : { ...ivr, keymap: toInput().keymap.map((k) => ({ ...k, destination: { ...k.destination, label: labelOf(k.destination) } })) }} ivrs={siblings} />
      </div>
    </Card>
  );
}
