'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Card, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { lazySchema } from '@/components/forms/lazy-schema';
import type { User } from '@/lib/schemas/user';
import { createUserAction, resetPasswordAction, setUserDisabledAction } from '@/server/actions/users';

const loadUserSchema = lazySchema(() => import('@/lib/schemas/user'));

export interface TenantChoice {
  connectionId: string;
  connectionName: string;
  tenantId: string;
  tenantName: string;
}

export function UsersManager({ users, tenants }: { users: User[]; tenants: TenantChoice[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [draft, setDraft] = useState({ email: '', name: '', role: 'tenant' as 'operator' | 'tenant', tenant: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);
  const tenantName = (u: User) => tenants.find((t) => t.connectionId === u.connectionId && t.tenantId === u.tenantId);

  const create = async () => {
    const [connectionId, tenantId] = draft.tenant ? draft.tenant.split('|') : [undefined, undefined];
    const input = { email: draft.email, name: draft.name, role: draft.role, password: draft.password, connectionId, tenantId };
    const { userInputSchema } = await loadUserSchema();
    const parsed = userInputSchema.safeParse(input);
    if (!parsed.success) {
      const e: Record<string, string> = {};
      for (const i of parsed.error.issues) e[i.path.join('.')] ??= i.message;
      return setErrors(e);
    }
    setErrors({});
    start(async () => {
      const r = await createUserAction(input);
      if (r.ok) {
        setMessage({ tone: 'good', text: `Created ${r.data.email}.` });
        setDraft({ email: '', name: '', role: draft.role, tenant: draft.tenant, password: '' });
        router.refresh();
      } else {
        setErrors(r.error.fieldErrors ?? {});
        setMessage({ tone: 'bad', text: r.error.message });
      }
    });
  };

  return (
    <div className="space-y-4">
      <Table data-testid="users-table">
        <thead>
          <tr>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>Tenant</Th>
            <Th>Status</Th>
            <Th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row">
              <Td>
                <p className="font-medium">{u.name}</p>
                <p className="text-xs text-slate-500 dark:text-slate-400">{u.email}</p>
              </Td>
              <Td>{u.role === 'operator' ? 'Operator' : 'Tenant user'}</Td>
              <Td>{u.role === 'tenant' ? (tenantName(u) ? `${tenantName(u)!.tenantName} (${tenantName(u)!.connectionName})` : `${u.tenantId} (unavailable)`) : 'All tenants'}</Td>
              <Td>{u.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>}</Td>
              <Td className="whitespace-nowrap text-right">
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => {
                    const pw = prompt(`New password for ${u.email} (at least 10 characters):`);
                    if (pw === null) return;
                    start(async () => {
                      const r = await resetPasswordAction(u.id, pw);
                      setMessage(r.ok ? { tone: 'good', text: `Password of ${u.email} reset.` } : { tone: 'bad', text: r.error.message });
                    });
                  }}
                >
                  Reset password
                </Button>{' '}
                <Button
                  variant={u.disabled ? 'secondary' : 'danger'}
                  disabled={pending}
                  onClick={() =>
                    start(async () => {
                      const r = await setUserDisabledAction(u.id, !u.disabled);
                      if (r.ok) router.refresh();
                      else setMessage({ tone: 'bad', text: r.error.message });
                    })
                  }
                >
                  {u.disabled ? 'Enable' : 'Disable'}
                </Button>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <Card className="p-5">
        <form
          noValidate
          data-testid="user-form"
          onFocus={() => void loadUserSchema()}
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
          className="space-y-4"
        >
          <h2 className="font-semibold">Create a user</h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="E-mail" error={errors.email}>
              {(p) => <input {...p} type="email" className={inputClass} value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />}
            </Field>
            <Field label="Name" error={errors.name}>
              {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
            </Field>
            <Field label="Initial password" error={errors.password}>
              {(p) => <input {...p} type="password" autoComplete="new-password" className={inputClass} value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />}
            </Field>
            <Field label="Role" error={errors.role}>
              {(p) => (
                <select {...p} className={inputClass} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as 'operator' | 'tenant' })}>
                  <option value="tenant">Tenant user</option>
                  <option value="operator">Operator</option>
                </select>
              )}
            </Field>
            {draft.role === 'tenant' && (
              <Field label="Tenant" error={errors.tenantId ?? errors.connectionId}>
                {(p) => (
                  <select {...p} className={inputClass} value={draft.tenant} onChange={(e) => setDraft({ ...draft, tenant: e.target.value })}>
                    <option value="">Choose a tenant…</option>
                    {tenants.map((t) => (
                      <option key={`${t.connectionId}|${t.tenantId}`} value={`${t.connectionId}|${t.tenantId}`}>
                        {t.tenantName} ({t.connectionName})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>
          <Button type="submit" disabled={pending}>
            Create user
          </Button>
        </form>
      </Card>
    </div>
  );
}
