'use client';

import { Field, inputClass } from '@/components/ui/field';
import type { ConfigTenantView } from './types';

export const tenantKey = (t: { connectionId: string; tenantId: string }) => `${t.connectionId}|${t.tenantId}`;

/** Which tenant a new object goes to, among those the caller may change and whose vendor can do it. */
export function TenantSelect({ tenants, value, onChange, disabled }: { tenants: ConfigTenantView[]; value: string; onChange: (key: string) => void; disabled?: boolean }) {
  return (
    <Field label="Tenant">
      {(p) => (
        <select {...p} className={inputClass} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {tenants.map((t) => (
            <option key={tenantKey(t)} value={tenantKey(t)}>
              {t.tenantName} · {t.connectionName}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
