'use client';

import { BellRing } from 'lucide-react';
import { useEffect, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import type { CrmTarget } from '@/lib/schemas/crm';
import { describeVendorError } from '@/lib/vendor-error';
import { setCrmSubscriptionAction } from '@/server/actions/crm';
import { WebPasswordField } from './web-password-field';

/**
 * CRM ringing callbacks for one extension (operators, HoduPBX). Shows the connection's callback URL to set on
 * the PBX. The extension's web password is asked each time, sent once and never stored (cleared after use).
 */
export function CrmDialog({ targets }: { targets: CrmTarget[] }) {
  const [pending, start] = useTransition();
  const options = targets.flatMap((c) => c.tenants.map((t) => ({ value: `${c.connectionId}|${t.id}`, connectionId: c.connectionId, tenantId: t.id, label: `${t.name} (${c.connectionName})` })));
  const [choice, setChoice] = useState(options[0]?.value ?? '');
  const [extension, setExtension] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);
  // The origin is the browser's (what the operator reached Switchboard by); set after mount, so SSR matches.
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const picked = options.find((o) => o.value === choice);
  const target = targets.find((t) => t.connectionId === picked?.connectionId);

  const submit = (subscribe: boolean) =>
    start(async () => {
      const r = await setCrmSubscriptionAction({ connectionId: picked?.connectionId ?? '', tenantId: picked?.tenantId ?? '', extension, webPassword: password, subscribe });
      setPassword('');
      if (r.ok) {
        setErrors({});
        setMessage({ tone: 'good', text: r.data.subscribed ? `Extension ${r.data.extension} is subscribed: its ringing calls will appear below.` : `Extension ${r.data.extension} is unsubscribed.` });
      } else {
        setErrors(r.error.fieldErrors ?? {});
        setMessage({ tone: 'bad', text: r.error.vendor ? describeVendorError(r.error.vendor) : r.error.message });
      }
    });

  return (
    <FormDialog
      wide
      trigger={
        <>
          <BellRing className="size-4" aria-hidden /> CRM
        </>
      }
      title="CRM ringing callbacks"
      description="A subscribed extension makes the PBX call Switchboard back each time it rings."
      onOpen={() => setMessage(null)}
      onSubmit={() => submit(true)}
      message={message}
      messageTestId="crm-result"
      actions={
        <>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => submit(false)}>
            Unsubscribe
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? 'Sending…' : 'Subscribe'}
          </Button>
        </>
      }
    >
      <Field label="Tenant" error={errors.tenantId ?? errors.connectionId}>
        {(p) => (
          <select {...p} className={inputClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {target && (
        <div data-testid="crm-callback-url" className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-800">
          Set this URL as the CRM callback on your HoduPBX:
          <code className="mt-1 block break-all text-xs">{origin + target.hookPath}</code>
        </div>
      )}
      <Field label="Extension" error={errors.extension}>
        {(p) => <input {...p} className={inputClass} inputMode="numeric" value={extension} onChange={(e) => setExtension(e.target.value)} placeholder="101" />}
      </Field>
      <WebPasswordField value={password} onChange={setPassword} error={errors.webPassword} />
    </FormDialog>
  );
}
