'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Card, EmptyState, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { DestinationPicker } from '@/components/forms/destination-picker';
import { useDraftKey } from '@/components/forms/draft-key';
import { fetchJson, refQuery } from '@/components/forms/fetch-json';
import { FormError } from '@/components/forms/form-error';
import { TenantSelect, tenantKey } from '@/components/forms/tenant-select';
import { PENDING_PREFIX, type ConfigListData, type ConfigTenantView, type Row } from '@/components/forms/types';
import { infoOf, useListMutation } from '@/components/forms/use-list-mutation';
import { VendorFields } from '@/components/forms/vendor-fields';
import { didDestinationTypes } from '@/components/forms/vendor-routing';
import { lackingByVendor, missingWriteText } from '@/components/forms/capability-text';
import { lazySchema } from '@/components/forms/lazy-schema';
import type { AppErrorInfo } from '@/lib/result';
import { destinationTypeLabels } from '@/lib/destination-types';
import type { Destination } from '@/lib/schemas/destination';
import type { Did, DidInput } from '@/lib/schemas/did';
import { validateVendorFields } from '@/lib/vendor-fields';
import { vendorLabels } from '@/lib/vendors';
import { assignDidAction, createDidAction, deleteDidAction, updateDidAction } from '@/server/actions/config';
import { useDestinations, useFormSpec } from '@/components/forms/use-config-reads';

export const DID_KEY = ['config', 'dids'] as const;
const loadDidSchema = lazySchema(() => import('@/lib/schemas/did'));
type Data = ConfigListData<Did>;
type R = Row<Did>;
/** "Extension 100", "Ring group Sales (180)": the vendor's type name is not repeated as a label. */
const describe = (d?: Destination) => {
  if (!d) return '';
  const named = d.label && d.label !== d.target && d.label !== d.vendorType && d.label !== destinationTypeLabels[d.type];
  return `${destinationTypeLabels[d.type]} ${named ? d.label : d.target}`;
};

export function DidsEditor({ initial, operator }: { initial: Data; operator: boolean }) {
  const { data } = useQuery({ queryKey: DID_KEY, queryFn: ({ signal }) => fetchJson<Data>('/api/config/dids', signal), initialData: initial });
  const [panel, setPanel] = useState<{ kind: 'create' } | { kind: 'edit'; row: R } | null>(null);
  const [search, setSearch] = useState('');
  const [rowError, setRowError] = useState<{ id: string; error: AppErrorInfo } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const tenantOf = (ref: { connectionId: string; tenantId: string }) => data.tenants.find((t) => tenantKey(t) === tenantKey(ref));
  const creatable = data.tenants.filter((t) => t.mayEdit && t.capabilities.includes('createDid'));
  const keys = useDraftKey();
  const del = useListMutation<Data, R, { id: string }>({
    queryKey: DID_KEY,
    action: (v) => deleteDidAction(v.ref, v.item.id, keys.keyFor({ del: v.item.id, ref: v.ref })),
    optimistic: (d, v) => ({ ...d, rows: d.rows.filter((x) => !(tenantKey(x.ref) === tenantKey(v.ref) && x.item.id === v.item.id)) }),
  });
  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return data.rows
      .filter((r) => !q || `${r.item.number} ${r.item.description ?? ''} ${describe(r.item.destination)}`.toLowerCase().includes(q))
      .sort((a, b) => a.item.number.localeCompare(b.item.number));
  }, [data.rows, search]);
  const pools = operator ? [...new Map(data.tenants.filter((t) => t.capabilities.includes('assignDid')).map((t) => [t.connectionId, t])).values()] : [];

  return (
    <div className="space-y-4">
      {lackingByVendor(data.tenants, 'listDids', 'updateDid').map(([vendor, names]) => (
        <Notice key={vendor} tone="neutral" testId="unsupported-notice">
          {missingWriteText(vendor, 'updateDid', names)}
        </Notice>
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Search DIDs" className="w-64">
          {(p) => <input {...p} type="search" className={inputClass} value={search} onChange={(e) => setSearch(e.target.value)} />}
        </Field>
        <Button className="ml-auto" disabled={!creatable.length} onClick={() => setPanel({ kind: 'create' })} data-testid="create-did">
          New DID
        </Button>
      </div>
      {panel?.kind === 'create' && <DidForm tenants={creatable} onDone={() => setPanel(null)} />}
      {panel?.kind === 'edit' && <DidForm key={panel.row.item.id} tenants={[tenantOf(panel.row.ref)!]} existing={panel.row} onDone={() => setPanel(null)} />}
      {rows.length === 0 ? (
        <EmptyState title="No DIDs to show" />
      ) : (
        <Table data-testid="dids-table">
          <thead>
            <tr>
              <Th>Number</Th>
              <Th>Routes to</Th>
              <Th>Description</Th>
              <Th>Tenant</Th>
              <Th>Vendor</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const t = tenantOf(r.ref);
              const id = `${tenantKey(r.ref)}:${r.item.id}`;
              const pending = r.item.id.startsWith(PENDING_PREFIX);
              return (
                <tr key={id} data-testid="did-row" data-number={r.item.number} data-tenant={t?.tenantName}>
                  <Td className="tabular font-medium">
                    {r.item.number}
                    {r.item.numberTo ? `–${r.item.numberTo}` : ''}
                  </Td>
                  <Td>{r.item.destination ? describe(r.item.destination) : <span className="text-slate-500 dark:text-slate-400">not shown by this vendor</span>}</Td>
                  <Td>{pending ? <Badge tone="info">saving…</Badge> : r.item.description}</Td>
                  <Td>{t?.tenantName}</Td>
                  <Td>{t ? vendorLabels[t.vendor] : ''}</Td>
                  <Td className="whitespace-nowrap text-right">
                    {t?.mayEdit && !pending && (
                      <div className="flex justify-end gap-1.5">
                        {t.capabilities.includes('updateDid') && (
                          <Button variant="secondary" aria-label={`Edit DID ${r.item.number} of ${t.tenantName}`} onClick={() => setPanel({ kind: 'edit', row: r })}>
                            {t.vendor === 'hodupbx' ? 'Map' : 'Edit'}
                          </Button>
                        )}
                        {t.capabilities.includes('deleteDid') &&
                          (confirming === id ? (
                            <span role="group" aria-label={`Confirm deleting DID ${r.item.number}`} className="flex gap-1.5">
                              <Button
                                variant="danger"
                                onClick={() => {
                                  setConfirming(null);
                                  setRowError(null);
                                  del.mutate(r, { onError: (e) => setRowError({ id, error: infoOf(e) }), onSuccess: () => keys.done() });
                                }}
                              >
                                Delete {r.item.number} for good
                              </Button>
                              <Button variant="ghost" onClick={() => setConfirming(null)}>
                                Keep
                              </Button>
                            </span>
                          ) : (
                            <Button variant="danger" aria-label={`Delete DID ${r.item.number} of ${t.tenantName}`} onClick={() => setConfirming(id)}>
                              Delete
                            </Button>
                          ))}
                      </div>
                    )}
                    {rowError?.id === id && <FormError error={rowError.error} testId="row-error" />}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {pools.map((t) => (
        <DidPool key={t.connectionId} connection={t} tenants={data.tenants.filter((x) => x.connectionId === t.connectionId)} />
      ))}
    </div>
  );
}

type Draft = { number: string; description: string; destination?: Destination; fields: Record<string, string> };

function DidForm({ tenants, existing, onDone }: { tenants: ConfigTenantView[]; existing?: R; onDone: () => void }) {
  const mode = existing ? 'update' : 'create';
  const [tk, setTk] = useState(existing ? tenantKey(existing.ref) : tenants[0] ? tenantKey(tenants[0]) : '');
  const tenant = tenants.find((t) => tenantKey(t) === tk);
  const [draft, setDraft] = useState<Draft>({ number: existing?.item.number ?? '', description: existing?.item.description ?? '', destination: existing?.item.destination, fields: {} });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorInfo | null>(null);
  const spec = useFormSpec('did-form', tenant?.capabilities.includes('didForm') ? tenant : undefined);
  const specValue = spec.data?.status === 'ok' ? spec.data.value : undefined;
  const types = tenant ? didDestinationTypes[tenant.vendor] : [];
  const dests = useDestinations(tenant, types.length > 0 && !!tenant?.capabilities.includes('listDestinations'));
  const keys = useDraftKey();
  const mapOnly = tenant?.vendor === 'hodupbx';

  type Vars = { ref: { connectionId: string; tenantId: string }; input: DidInput; key: string };
  const save = useListMutation<Data, Vars, Did>({
    queryKey: DID_KEY,
    action: (v) => (existing ? updateDidAction(v.ref, existing.item.id, v.input, v.key) : createDidAction(v.ref, v.input, v.key)),
    optimistic: (d, v) =>
      existing
        ? { ...d, rows: d.rows.map((r) => (tenantKey(r.ref) === tenantKey(v.ref) && r.item.id === existing.item.id ? { ...r, item: { ...r.item, number: v.input.number, description: v.input.description, destination: v.input.destination } } : r)) }
        : { ...d, rows: [...d.rows, { ref: v.ref, item: { id: `${PENDING_PREFIX}${v.key}`, tenantId: v.ref.tenantId, number: v.input.number, description: v.input.description, destination: v.input.destination, extras: {} } }] },
    confirmed: (d, v, x) => ({ ...d, rows: d.rows.map((r) => (tenantKey(r.ref) === tenantKey(v.ref) && (r.item.id === `${PENDING_PREFIX}${v.key}` || r.item.id === x.id) ? { ref: v.ref, item: x } : r)) }),
  });

  const submit = async () => {
    if (!tenant) return;
    const raw = { number: draft.number, description: draft.description || undefined, destination: draft.destination, fields: draft.fields };
    const errs: Record<string, string> = {};
    const { didInputSchema } = await loadDidSchema();
    const r = didInputSchema.safeParse(raw);
    if (!r.success) for (const i of r.error.issues) errs[i.path.join('.')] ??= i.message;
    if (specValue) for (const [k, m] of Object.entries(validateVendorFields(specValue, draft.fields, mode))) errs[`fields.${k}`] ??= m;
    setErrors(errs);
    setFailure(null);
    if (!r.success || Object.keys(errs).length) return;
    const ref = { connectionId: tenant.connectionId, tenantId: tenant.tenantId };
    save.mutate(
      { ref, input: r.data, key: keys.keyFor({ ref, input: r.data, id: existing?.item.id }) },
      {
        onSuccess: () => {
          keys.done();
          onDone();
        },
        onError: (e) => {
          const info = infoOf(e);
          setFailure(info);
          setErrors(info.fieldErrors ?? {});
        },
      },
    );
  };
  const destError = errors['destination.target'] ?? errors.destination;
  return (
    <Card className="p-5">
      <form
        noValidate
        data-testid="did-form"
        aria-label={existing ? `Edit DID ${existing.item.number}` : 'New DID'}
        className="space-y-4"
        onFocus={() => void loadDidSchema()}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 className="font-semibold">{existing ? (mapOnly ? `Map DID ${existing.item.number}` : `Edit DID ${existing.item.number}`) : 'New DID'}</h2>
        {mapOnly && <Notice tone="neutral">HoduPBX can only map a DID to an extension or an IVR; its number and description cannot change here.</Notice>}
        <div className="grid gap-4 sm:grid-cols-3">
          {!existing && <TenantSelect tenants={tenants} value={tk} onChange={setTk} />}
          <Field label="Number *" error={errors.number}>
            {(p) => <input {...p} className={inputClass} disabled={mapOnly} value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.target.value })} />}
          </Field>
          {!mapOnly && (
            <Field label="Description" error={errors.description}>
              {(p) => <input {...p} className={inputClass} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />}
            </Field>
          )}
        </div>
        {types.length > 0 ? (
          <div className="space-y-1">
            <p className="text-sm font-medium">Routes to</p>
            {dests.data?.status === 'error' && <Notice tone="bad">Destinations could not be loaded: {dests.data.error.message}</Notice>}
            <DestinationPicker label="Routes to" value={draft.destination} options={dests.data?.status === 'ok' ? dests.data.value : []} types={types} error={destError} onChange={(d) => setDraft({ ...draft, destination: d })} />
          </div>
        ) : (
          tenant && <Notice tone="neutral">{vendorLabels[tenant.vendor]}&apos;s API cannot route a DID to a destination, so only its details can be edited here.</Notice>
        )}
        {specValue && specValue.fields.length > 0 && (
          <div className="grid gap-4 sm:grid-cols-3" data-testid="vendor-fields">
            <VendorFields fields={specValue.fields} values={draft.fields} errors={errors} mode={mode} onChange={(k, v) => setDraft({ ...draft, fields: { ...draft.fields, [k]: v } })} />
          </div>
        )}
        <FormError error={failure} />
        <div className="flex gap-2">
          <Button type="submit" disabled={save.isPending || !tenant}>
            {save.isPending ? 'Saving…' : existing ? 'Save changes' : 'Create DID'}
          </Button>
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The platform's unassigned numbers (HoduPBX admin) and a way to give one to a tenant. */
function DidPool({ connection, tenants }: { connection: ConfigTenantView; tenants: ConfigTenantView[] }) {
  const pool = useQuery({
    queryKey: ['config', 'unassigned-dids', connection.connectionId],
    queryFn: ({ signal }) => fetchJson<{ status: 'ok'; value: Did[] } | { status: 'unsupported' }>(`/api/config/unassigned-dids?${refQuery(connection)}`, signal),
  });
  const [tk, setTk] = useState(tenants[0] ? tenantKey(tenants[0]) : '');
  const [failure, setFailure] = useState<AppErrorInfo | null>(null);
  const keys = useDraftKey();
  type PoolData = { status: 'ok'; value: Did[] } | { status: 'unsupported' };
  const assign = useListMutation<PoolData, { did: Did; ref: { connectionId: string; tenantId: string } }, { id: string }>({
    queryKey: ['config', 'unassigned-dids', connection.connectionId],
    action: (v) => assignDidAction(v.ref, v.did.id, keys.keyFor({ assign: v.did.id, ref: v.ref })),
    optimistic: (d, v) => (d.status === 'ok' ? { ...d, value: d.value.filter((x) => x.id !== v.did.id) } : d),
  });
  const tenant = tenants.find((t) => tenantKey(t) === tk);
  const list = pool.data?.status === 'ok' ? pool.data.value : [];
  return (
    <Card className="space-y-3 p-5" data-testid="did-pool">
      <h2 className="font-semibold">Unassigned numbers · {connection.connectionName}</h2>
      <div className="w-72">
        <TenantSelect tenants={tenants} value={tk} onChange={setTk} />
      </div>
      <FormError error={failure} />
      {pool.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Loading the pool…</p>
      ) : list.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No unassigned numbers.</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {list.map((d) => (
            <li key={d.id} className="flex items-center gap-3 py-1.5" data-testid="pool-did">
              <span className="tabular">{d.number}</span>
              <Button
                variant="secondary"
                className="ml-auto"
                disabled={!tenant || assign.isPending}
                aria-label={`Assign ${d.number} to ${tenant?.tenantName ?? 'the tenant'}`}
                onClick={() => {
                  setFailure(null);
                  assign.mutate({ did: d, ref: { connectionId: tenant!.connectionId, tenantId: tenant!.tenantId } }, { onError: (e) => setFailure(infoOf(e)), onSuccess: () => keys.done() });
                }}
              >
                Assign
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
