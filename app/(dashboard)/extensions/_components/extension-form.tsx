'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { useDraftKey } from '@/components/forms/draft-key';
import { useFormSpec } from '@/components/forms/use-config-reads';
import { FormError } from '@/components/forms/form-error';
import { TenantSelect, tenantKey } from '@/components/forms/tenant-select';
import { PENDING_PREFIX, type ConfigListData, type ConfigTenantView, type Row } from '@/components/forms/types';
import { infoOf, useListMutation } from '@/components/forms/use-list-mutation';
import { VendorFields } from '@/components/forms/vendor-fields';
import { lazySchema } from '@/components/forms/lazy-schema';
import type { AppErrorInfo } from '@/lib/result';
import type { Extension, ExtensionInput } from '@/lib/schemas/extension';
import type { FormSpec } from '@/lib/schemas/form-spec';
import { validateVendorFields } from '@/lib/vendor-fields';
import { vendorLabels } from '@/lib/vendors';
import { describeVendorError } from '@/lib/vendor-error';
import { createExtensionAction, updateExtensionAction } from '@/server/actions/config';
import { EXT_KEY } from './extensions-editor';

type Data = ConfigListData<Extension>;
type Draft = { number: string; name: string; email: string; fields: Record<string, string> };

const loadSchema = lazySchema(() => import('@/lib/schemas/extension'));

/** Both the form and the server action run these: the zod schema, then the vendor's field rules. */
export async function extensionProblems(draft: Draft, spec: FormSpec | undefined, mode: 'create' | 'update'): Promise<{ input?: ExtensionInput; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const { extensionInputSchema } = await loadSchema();
  const r = extensionInputSchema.safeParse(draft);
  if (!r.success) for (const i of r.error.issues) errors[i.path.join('.')] ??= i.message;
  if (spec) for (const [k, m] of Object.entries(validateVendorFields(spec, draft.fields, mode))) errors[`fields.${k}`] ??= m;
  return Object.keys(errors).length || !r.success ? { errors } : { input: r.data, errors };
}

export function ExtensionForm({ tenants, existing, onDone }: { tenants: ConfigTenantView[]; existing?: Row<Extension>; onDone: () => void }) {
  const mode = existing ? 'update' : 'create';
  const [tk, setTk] = useState(existing ? tenantKey(existing.ref) : tenants[0] ? tenantKey(tenants[0]) : '');
  const tenant = tenants.find((t) => tenantKey(t) === tk);
  const [draft, setDraft] = useState<Draft>({ number: existing?.item.number ?? '', name: existing?.item.name ?? '', email: existing?.item.email ?? '', fields: {} });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorInfo | null>(null);
  const spec = useFormSpec('extension-form', tenant);
  const specValue = spec.data?.status === 'ok' ? spec.data.value : undefined;
  const keys = useDraftKey();

  type Vars = { ref: { connectionId: string; tenantId: string }; input: ExtensionInput; key: string };
  const save = useListMutation<Data, Vars, Extension>({
    queryKey: EXT_KEY,
    action: (v) => (existing ? updateExtensionAction(v.ref, existing.item.id, v.input, v.key) : createExtensionAction(v.ref, v.input, v.key)),
    optimistic: (d, v) =>
      existing
        ? { ...d, rows: d.rows.map((r) => (r === existing || (tenantKey(r.ref) === tenantKey(v.ref) && r.item.id === existing.item.id) ? { ...r, item: { ...r.item, number: v.input.number, name: v.input.name, email: v.input.email || undefined } } : r)) }
        : { ...d, rows: [...d.rows, { ref: v.ref, item: { id: `${PENDING_PREFIX}${v.key}`, tenantId: v.ref.tenantId, number: v.input.number, name: v.input.name, email: v.input.email || undefined, status: 'unknown', extras: {} } }] },
    confirmed: (d, v, x) => ({
      ...d,
      rows: d.rows.map((r) => (tenantKey(r.ref) === tenantKey(v.ref) && (r.item.id === `${PENDING_PREFIX}${v.key}` || r.item.id === x.id) ? { ref: v.ref, item: x } : r)),
    }),
  });

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async () => {
    if (!tenant) return;
    const { input, errors: errs } = await extensionProblems(draft, specValue, mode);
    setErrors(errs);
    setFailure(null);
    if (!input) return;
    const ref = { connectionId: tenant.connectionId, tenantId: tenant.tenantId };
    save.mutate(
      { ref, input, key: keys.keyFor({ ref, input, id: existing?.item.id }) },
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

  return (
    <Card className="p-5">
      <form
        noValidate
        data-testid="extension-form"
        aria-label={existing ? `Edit extension ${existing.item.number}` : 'New extension'}
        onFocus={() => void loadSchema()}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="space-y-4"
      >
        <h2 className="font-semibold">{existing ? `Edit extension ${existing.item.number}` : 'New extension'}</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {!existing && <TenantSelect tenants={tenants} value={tk} onChange={setTk} />}
          <Field label="Number *" error={errors.number}>
            {(p) => <input {...p} className={inputClass} inputMode="numeric" value={draft.number} onChange={(e) => set({ number: e.target.value })} />}
          </Field>
          <Field label="Name *" error={errors.name}>
            {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field label="E-mail" error={errors.email}>
            {(p) => <input {...p} type="email" className={inputClass} value={draft.email} onChange={(e) => set({ email: e.target.value })} />}
          </Field>
        </div>
        {tenant && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{vendorLabels[tenant.vendor]} settings</legend>
            {spec.isPending && <p className="text-sm text-slate-500 dark:text-slate-400">Loading {vendorLabels[tenant.vendor]}&apos;s fields…</p>}
            {spec.data?.status === 'unsupported' && <Notice tone="neutral">{spec.data.message}</Notice>}
            {spec.data?.status === 'error' && <Notice tone="bad">{describeVendorError(spec.data.error)}</Notice>}
            {spec.error && <Notice tone="bad">{spec.error.message}</Notice>}
            {specValue && (
              <div className="grid gap-4 sm:grid-cols-3" data-testid="vendor-fields">
                <VendorFields fields={specValue.fields} values={draft.fields} errors={errors} mode={mode} onChange={(k, v) => set({ fields: { ...draft.fields, [k]: v } })} />
              </div>
            )}
          </fieldset>
        )}
        <FormError error={failure} />
        <div className="flex gap-2">
          <Button type="submit" disabled={save.isPending || !tenant}>
            {save.isPending ? 'Saving…' : existing ? 'Save changes' : 'Create extension'}
          </Button>
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
