'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-error';
import { VendorFields } from '@/components/forms/vendor-fields';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/card';
import type { AppErrorInfo } from '@/lib/result';
import type { SettingsSection } from '@/lib/schemas/settings';
import { saveTenantSettingsAction } from '@/server/actions/tenants';

const toText = (v: string | number | boolean | undefined) => (v === undefined ? '' : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/** One section of a vendor's tenant settings, rendered from the adapter's field spec. */
export function SettingsSectionForm({ tenantRef, section, editable, readOnlyReason }: { tenantRef: { connectionId: string; tenantId: string }; section: SettingsSection; editable: boolean; readOnlyReason?: string }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(section.fields.map((f) => [f.name, toText(section.values[f.name])])));
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();

  const save = () =>
    start(async () => {
      setSaved(false);
      // Only what the user filled in: a write-only section (PortSIP voicemail) starts empty.
      const typed: Record<string, string | number | boolean> = {};
      for (const f of section.fields) {
        const v = values[f.name] ?? '';
        if (v === '') continue;
        typed[f.name] = f.kind === 'boolean' ? v === '1' : f.kind === 'number' && /^-?\d+$/.test(v) ? Number(v) : v;
      }
      const r = await saveTenantSettingsAction(tenantRef, { sectionId: section.id, values: typed });
      if (r.ok) {
        setError(null);
        setSaved(true);
        router.refresh();
      } else setError({ ...r.error, fieldErrors: Object.fromEntries(Object.entries(r.error.fieldErrors ?? {}).map(([k, m]) => [`fields.${k}`, m])) });
    });

  return (
    <form
      noValidate
      data-testid={`settings-${section.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      className="space-y-3"
    >
      <h3 className="font-semibold">{section.title}</h3>
      {!section.readable && <p className="text-xs text-slate-600 dark:text-slate-400">The vendor does not report the current values; fill in what you want to set.</p>}
      <fieldset disabled={!editable || pending} className="grid gap-3 sm:grid-cols-2">
        <VendorFields fields={section.fields} values={values} errors={error?.fieldErrors ?? {}} mode="create" onChange={(n, v) => setValues((s) => ({ ...s, [n]: v }))} />
      </fieldset>
      <FormError error={error} />
      {saved && <Notice tone="good" testId="settings-saved">Saved on the PBX.</Notice>}
      {editable ? (
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : `Save ${section.title.toLowerCase()}`}
        </Button>
      ) : (
        readOnlyReason && <p className="text-xs text-slate-600 dark:text-slate-400">{readOnlyReason}</p>
      )}
    </form>
  );
}
