'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { updateTenantSettingsAction } from '@/server/actions/users';

interface TenantPolicy {
  connectionId: string;
  connectionName: string;
  tenantId: string;
  tenantName: string;
  threshold: string | null;
  tenantMayEdit: boolean;
  currency?: string;
}

export function TenantPolicies({ tenants }: { tenants: TenantPolicy[] }) {
  return (
    <Table data-testid="tenant-policies">
      <thead>
        <tr>
          <Th>Tenant</Th>
          <Th>Low-balance threshold</Th>
          <Th>Tenant users may edit</Th>
          <Th />
        </tr>
      </thead>
      <tbody>
        {tenants.map((t) => (
          <PolicyRow key={`${t.connectionId}|${t.tenantId}`} t={t} />
        ))}
      </tbody>
    </Table>
  );
}

function PolicyRow({ t }: { t: TenantPolicy }) {
  const router = useRouter();
  const [threshold, setThreshold] = useState(t.threshold ?? '');
  const [mayEdit, setMayEdit] = useState(t.tenantMayEdit);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const dirty = threshold !== (t.threshold ?? '') || mayEdit !== t.tenantMayEdit;
  return (
    <tr>
      <Td>
        {t.tenantName} <span className="text-xs text-slate-500 dark:text-slate-400">({t.connectionName})</span>
      </Td>
      <Td>
        <label className="flex items-center gap-1.5">
          <input aria-label={`Low-balance threshold for ${t.tenantName}`} className={`${inputClass} w-28`} inputMode="decimal" placeholder="none" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          <span className="text-xs text-slate-500 dark:text-slate-400">{t.currency}</span>
        </label>
        {error && <p className="mt-1 text-xs text-red-600" data-testid="field-error">{error}</p>}
      </Td>
      <Td>
        <input type="checkbox" aria-label={`Tenant users of ${t.tenantName} may edit`} checked={mayEdit} onChange={(e) => setMayEdit(e.target.checked)} />
      </Td>
      <Td className="text-right">
        <Button
          variant="secondary"
          disabled={!dirty || pending}
          onClick={() =>
            start(async () => {
              const r = await updateTenantSettingsAction({ connectionId: t.connectionId, tenantId: t.tenantId }, { lowBalanceThreshold: threshold.trim() || null, tenantMayEdit: mayEdit });
              if (r.ok) {
                setError(null);
                router.refresh();
              } else setError(r.error.fieldErrors?.lowBalanceThreshold ?? r.error.message);
            })
          }
        >
          Save
        </Button>
      </Td>
    </tr>
  );
}
