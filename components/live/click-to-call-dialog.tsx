'use client';

import { PhoneOutgoing } from 'lucide-react';
import { useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { tenantKey, type LiveTenant } from '@/lib/live-protocol';
import { describeVendorError } from '@/lib/vendor-error';
import { clickToCallAction } from '@/server/actions/live';

/**
 * Click-to-call: the PBX rings the extension, then dials the number. The vendor wants the extension's web
 * password; it is asked each time, sent once and never stored (the field is cleared after every attempt).
 */
export function ClickToCallDialog({ tenants }: { tenants: LiveTenant[] }) {
  const ref = useRef<HTMLDialogElement>(null);
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
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setMessage(null);
          ref.current?.showModal();
        }}
      >
        <PhoneOutgoing className="size-4" aria-hidden /> Click to call
      </Button>
      <dialog ref={ref} aria-labelledby="c2c-title" className="m-auto w-full max-w-md rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
        <form
          noValidate
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h2 id="c2c-title" className="text-lg font-semibold">
            Click to call
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">The PBX rings the extension first and dials the number when it is answered.</p>
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
          <Field label="Extension web password" error={errors.webPassword} help="Sent to the PBX for this call only; Switchboard does not keep it.">
            {(p) => <input {...p} type="password" autoComplete="off" className={inputClass} value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          {message && (
            <div data-testid="c2c-result">
              <Notice tone={message.tone}>{message.text}</Notice>
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => ref.current?.close()}>
              Close
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? 'Calling…' : 'Call'}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
