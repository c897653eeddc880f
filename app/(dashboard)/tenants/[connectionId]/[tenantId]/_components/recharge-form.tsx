'use client';

import { useState, useTransition } from 'react';
import { FormError } from '@/components/forms/form-error';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Notice } from '@/components/ui/card';
import { formatMoney } from '@/lib/format';
import type { AppErrorInfo } from '@/lib/result';
import { rechargeTenantAction } from '@/server/actions/tenants';

/**
 * Adds money to the tenant's balance on the PBX. Money moves, so the confirmation names the tenant, its
 * connection and the exact amount before anything is sent.
 */
export function RechargeForm({ tenantRef, tenantName, connectionName, currency }: { tenantRef: { connectionId: string; tenantId: string }; tenantName: string; connectionName: string; currency: string }) {
  const [amount, setAmount] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const valid = /^\d+(\.\d{1,5})?$/.test(amount.trim()) && !/^0*(\.0*)?$/.test(amount.trim());

  return (
    <form
      noValidate
      data-testid="recharge-form"
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        if (!valid) return setFieldError('must be a positive amount with at most five decimals, such as 25.00');
        setFieldError(undefined);
        setConfirming(true);
      }}
      className="space-y-3"
    >
      <div className="flex items-end gap-2">
        <Field label={`Amount (${currency})`} error={fieldError} className="w-48">
          {(p) => <input {...p} inputMode="decimal" className={inputClass} value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="25.00" disabled={confirming || pending} />}
        </Field>
        {!confirming && <Button type="submit">Recharge…</Button>}
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="recharge-confirm" data-testid="recharge-confirm" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p id="recharge-confirm" className="font-medium">
            Add {formatMoney({ amount: amount.trim(), currency })} to the balance of {tenantName} on {connectionName}?
          </p>
          <p className="mt-1 text-slate-700 dark:text-slate-300">This is sent to the PBX at once and recorded in the audit log.</p>
          <div className="mt-2 flex gap-2">
            <Button
              type="button"
              disabled={pending}
              onClick={() =>
                start(async () => {
                  const r = await rechargeTenantAction(tenantRef, { amount: amount.trim(), currency });
                  setConfirming(false);
                  if (r.ok) {
                    setError(null);
                    setDone(`Added ${formatMoney(r.data)} to ${tenantName}.`);
                    setAmount('');
                  } else setError(r.error);
                })
              }
            >
              {pending ? 'Recharging…' : 'Yes, recharge'}
            </Button>
            <Button type="button" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      <FormError error={error} />
      {done && <Notice tone="good" testId="recharge-done">{done}</Notice>}
    </form>
  );
}
