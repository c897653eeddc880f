'use client';

import { useQuery } from '@tanstack/react-query';
import { getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, EmptyState, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { FormError } from '@/components/forms/form-error';
import { fetchJson } from '@/components/forms/fetch-json';
import { PENDING_PREFIX, type ConfigListData, type ConfigTenantView, type Row } from '@/components/forms/types';
import { infoOf, useListMutation } from '@/components/forms/use-list-mutation';
import { tenantKey } from '@/components/forms/tenant-select';
import { useDraftKey } from '@/components/forms/draft-key';
import { lackingByVendor, missingWriteText } from '@/components/forms/capability-text';
import { vendorLabels } from '@/lib/vendors';
import type { Extension } from '@/lib/schemas/extension';
import { deleteExtensionAction } from '@/server/actions/config';
import { ExtensionForm } from './extension-form';
import { BulkImport } from './bulk-import';

export const EXT_KEY = ['config', 'extensions'] as const;
type Data = ConfigListData<Extension>;
type R = Row<Extension>;

const sameRow = (a: R, ref: { connectionId: string; tenantId: string }, id: string) => a.ref.connectionId === ref.connectionId && a.ref.tenantId === ref.tenantId && a.item.id === id;

export function ExtensionsEditor({ initial }: { initial: Data }) {
  const { data } = useQuery({ queryKey: EXT_KEY, queryFn: ({ signal }) => fetchJson<Data>('/api/config/extensions', signal), initialData: initial });
  const [panel, setPanel] = useState<{ kind: 'create' } | { kind: 'edit'; row: R } | { kind: 'bulk' } | null>(null);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'number', desc: false }]);
  const tenantOf = (ref: { connectionId: string; tenantId: string }) => data.tenants.find((t) => tenantKey(t) === tenantKey(ref));
  const creatable = data.tenants.filter((t) => t.mayEdit && t.capabilities.includes('createExtension'));

  const rows = useMemo(() => data.rows.filter((r) => !status || r.item.status === status), [data.rows, status]);
  const columns = useMemo<ColumnDef<R>[]>(
    () => [
      { id: 'number', header: 'Number', accessorFn: (r) => r.item.number.padStart(16, '0') },
      { id: 'name', header: 'Name', accessorFn: (r) => r.item.name },
      { id: 'email', header: 'E-mail', accessorFn: (r) => r.item.email ?? '' },
      { id: 'status', header: 'Status', accessorFn: (r) => r.item.status },
      { id: 'tenant', header: 'Tenant', accessorFn: (r) => tenantOf(r.ref)?.tenantName ?? r.ref.tenantId },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data.tenants],
  );
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: search },
    onSortingChange: setSorting,
    onGlobalFilterChange: setSearch,
    globalFilterFn: (row, _col, q: string) => {
      const x = row.original.item;
      return `${x.number} ${x.name} ${x.email ?? ''} ${tenantOf(row.original.ref)?.tenantName ?? ''}`.toLowerCase().includes(q.toLowerCase());
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const draft = useDraftKey();
  const [deleteError, setDeleteError] = useState<{ row: string; error: ReturnType<typeof infoOf> } | null>(null);
  const del = useListMutation<Data, R, { id: string }>({
    queryKey: EXT_KEY,
    action: (v) => deleteExtensionAction(v.ref, v.item.id, draft.keyFor({ del: v.item.id, ref: v.ref })),
    optimistic: (d, v) => ({ ...d, rows: d.rows.filter((x) => !sameRow(x, v.ref, v.item.id)) }),
  });
  const onDelete = (r: R) => {
    setDeleteError(null);
    del.mutate(r, { onError: (e) => setDeleteError({ row: `${tenantKey(r.ref)}:${r.item.id}`, error: infoOf(e) }), onSuccess: () => draft.done() });
  };
  const blocked = data.tenants.filter((t) => !t.mayEdit);
  return (
    <div className="space-y-4">
      {blocked.length > 0 && (
        <Notice tone="neutral" testId="read-only-notice">
          Read-only for you: {blocked.map((t) => t.tenantName).join(', ')}. Your operator has not allowed changes to this tenant from Switchboard.
        </Notice>
      )}
      {lackingByVendor(data.tenants.filter((t) => t.mayEdit), 'listExtensions', 'createExtension').map(([vendor, names]) => (
        <Notice key={vendor} tone="neutral" testId="unsupported-notice">
          {missingWriteText(vendor, 'createExtension', names)}
        </Notice>
      ))}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Search extensions" className="w-64">
          {(p) => <input {...p} type="search" className={inputClass} value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Number, name, e-mail" />}
        </Field>
        <Field label="Status" className="w-40">
          {(p) => (
            <select {...p} className={inputClass} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">All</option>
              <option value="enabled">Enabled</option>
              <option value="disabled">Disabled</option>
              <option value="unknown">Unknown</option>
            </select>
          )}
        </Field>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" disabled={!creatable.length} onClick={() => setPanel({ kind: 'bulk' })} data-testid="bulk-import-open">
            Import CSV
          </Button>
          <Button disabled={!creatable.length} onClick={() => setPanel({ kind: 'create' })} data-testid="create-extension">
            New extension
          </Button>
        </div>
      </div>
      {panel?.kind === 'create' && <ExtensionForm tenants={creatable} onDone={() => setPanel(null)} />}
      {panel?.kind === 'edit' && <ExtensionForm key={tenantKey(panel.row.ref) + panel.row.item.id} tenants={[tenantOf(panel.row.ref)!]} existing={panel.row} onDone={() => setPanel(null)} />}
      {panel?.kind === 'bulk' && <BulkImport tenants={creatable} onDone={() => setPanel(null)} />}
      {table.getRowModel().rows.length === 0 ? (
        <EmptyState title="No extensions to show">{search || status ? 'Nothing matches the search or filter.' : undefined}</EmptyState>
      ) : (
        <Table data-testid="extensions-table">
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <Th key={h.id} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                      <button type="button" className="uppercase" onClick={h.column.getToggleSortingHandler()}>
                        {String(h.column.columnDef.header)} {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                      </button>
                    </Th>
                  );
                })}
                <Th>Vendor</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map(({ original: r }) => (
              <ExtensionRow
                key={`${tenantKey(r.ref)}:${r.item.id}`}
                r={r}
                tenant={tenantOf(r.ref)}
                onEdit={() => setPanel({ kind: 'edit', row: r })}
                onDelete={() => onDelete(r)}
                deleting={del.isPending}
                error={deleteError?.row === `${tenantKey(r.ref)}:${r.item.id}` ? deleteError.error : null}
              />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function ExtensionRow({
  r,
  tenant,
  onEdit,
  onDelete,
  deleting,
  error,
}: {
  r: R;
  tenant?: ConfigTenantView;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
  error: ReturnType<typeof infoOf> | null;
}) {
  const [confirming, setConfirming] = useState(false);
  const pending = r.item.id.startsWith(PENDING_PREFIX);
  const x = r.item;
  return (
    <tr data-testid="extension-row" data-number={x.number} data-tenant={tenant?.tenantName} aria-busy={pending || undefined}>
      <Td className="tabular font-medium">{x.number}</Td>
      <Td>{x.name}</Td>
      <Td>{x.email}</Td>
      <Td>
        {pending ? <Badge tone="info">saving…</Badge> : <Badge tone={x.status === 'enabled' ? 'good' : x.status === 'disabled' ? 'warn' : 'neutral'}>{x.status}</Badge>}
      </Td>
      <Td>{tenant?.tenantName ?? r.ref.tenantId}</Td>
      <Td>{tenant ? vendorLabels[tenant.vendor] : ''}</Td>
      <Td className="whitespace-nowrap text-right">
        {!pending && tenant?.mayEdit && (
          <div className="flex justify-end gap-1.5">
            {tenant.capabilities.includes('updateExtension') && (
              <Button variant="secondary" onClick={onEdit} aria-label={`Edit extension ${x.number} of ${tenant.tenantName}`}>
                Edit
              </Button>
            )}
            {tenant.capabilities.includes('deleteExtension') &&
              (confirming ? (
                <span role="group" aria-label={`Confirm deleting extension ${x.number}`} className="flex gap-1.5">
                  <Button
                    variant="danger"
                    disabled={deleting}
                    onClick={() => {
                      setConfirming(false);
                      onDelete();
                    }}
                  >
                    Delete {x.number} for good
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirming(false)}>
                    Keep
                  </Button>
                </span>
              ) : (
                <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Delete extension ${x.number} of ${tenant.tenantName}`}>
                  Delete
                </Button>
              ))}
          </div>
        )}
        {error && <FormError error={error} testId="row-error" />}
      </Td>
    </tr>
  );
}
