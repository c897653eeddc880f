'use client';

import { PhoneOutgoing } from 'lucide-react';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { tenantKey, type LiveTenant } from '@/lib/live-protocol';
import { describeVendorError } from '@/lib/vendor-error';
import { clickToCallAction } from '@/server/actions/live';
import { WebPasswordField } from './web-password-field';

/**
 * Click-to-call: the PBX rings the extension, then dials the number. The vendor wants the extension's web
 * password; it is asked each time, sent once and never stored (the field is cleared after every attempt).
 */
export function ClickToCallDialog({ tenants }: { tenants: LiveTenant[] }) {
  const [pending, start] = useTransition();
  const [tenant, setTenant] = useState(tenants[0] ? tenantKey(tenants[0]) : '');
  const [extension, setExtension] = useState('');
  const [number, setNumber] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);

  const submit = () =>
    start(async () => {
      const t = tenants.find((x) => tenantKey(x) === tenant);
      const r = await clickToCallAction({ connectionId: t?.connectionId ?? '', tenantId: t?.tenantId ?? '', extension, number, webPassword: password });
      setPassword('');
      if (r.ok) {
        setErrors({});
        setMessage({ tone: 'good', text: `Ringing extension ${extension}; it will then dial ${r.data.dialed}.` });
      } else {
        setErrors(r.error.fieldErrors ?? {});
        setMessage({ tone: 'bad', text: r.error.vendor ? describeVendorError(r.error.vendor) : r.error.message });
      }
    });

  return (
    <FormDialog
      trigger={
        <>
          <PhoneOutgoing className="size-4" aria-hidden /> Click to call
        </>
      }
      title="Click to call"
      description="The PBX rings the extension first and dials the number when it is answered."
      onOpen={() => setMessage(null)}
      onSubmit={submit}
      message={message}
      messageTestId="c2c-result"
      actions={
        <Button type="submit" disabled={pending}>
          {pending ? 'Calling…' : 'Call'}
        </Button>
      }
    >
      <Field label="Tenant" error={errors.tenantId ?? errors.connectionId}>
        {(p) => (
          <select {...p} className={inputClass} value={tenant} onChange={(e) => setTenant(e.target.value)}>
            {tenants.map((t) => (
              <option key={tenantKey(t)} value={tenantKey(t)}>
                {t.name} ({t.connectionName})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Extension" error={errors.extension}>
        {(p) => <input {...p} className={inputClass} inputMode="numeric" value={extension} onChange={(e) => setExtension(e.target.value)} placeholder="1001" />}
      </Field>
      <Field label="Number to dial" error={errors.number}>
        {(p) => <input {...p} className={inputClass} inputMode="tel" value={number} onChange={(e) => setNumber(e.target.value)} placeholder="+14155550100" />}
      </Field>
      <WebPasswordField value={password} onChange={setPassword} error={errors.webPassword} />
    </FormDialog>
  );
}
