'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Card, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import type { WallboardToken } from '@/server/services/users';
import { createWallboardAction, revokeWallboardAction } from '@/server/actions/users';
import type { TenantChoice } from './users-manager';

export function WallboardsManager({ wallboards, tenants }: { wallboards: WallboardToken[]; tenants: TenantChoice[] }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const connections = [...new Map(tenants.map((t) => [t.connectionId, t.connectionName])).entries()];
  const scopeText = (w: WallboardToken) =>
    [
      ...w.scope.connections.map((c) => `all of ${connections.find(([id]) => id === c)?.[1] ?? c}`),
      ...w.scope.tenants.map((t) => tenants.find((x) => x.connectionId === t.connectionId && x.tenantId === t.tenantId)?.tenantName ?? t.tenantId),
    ].join(', ');

  const create = () =>
    start(async () => {
      const scope = {
        connections: picked.filter((p) => p.startsWith('c:')).map((p) => p.slice(2)),
        tenants: picked.filter((p) => p.startsWith('t:')).map((p) => {
          const [connectionId, tenantId] = p.slice(2).split('|');
          return { connectionId: connectionId!, tenantId: tenantId! };
        }),
      };
      const r = await createWallboardAction({ name, scope });
      if (r.ok) {
        setCreated(`${window.location.origin}/wallboard/${r.data.token}`);
        setName('');
        setPicked([]);
        setErrors({});
        router.refresh();
      } else {
        setErrors(r.error.fieldErrors ?? {});
        setMessage(r.error.message);
      }
    });

  return (
    <div className="space-y-4">
      <Table data-testid="wallboards-table">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Shows</Th>
            <Th>Status</Th>
            <Th />
          </tr>
        </thead>
        <tbody>
          {wallboards.map((w) => (
            <tr key={w.id}>
              <Td className="font-medium">{w.name}</Td>
              <Td>{scopeText(w)}</Td>
              <Td>{w.revoked ? <Badge tone="bad">revoked</Badge> : <Badge tone="good">active</Badge>}</Td>
              <Td className="text-right">
                {!w.revoked && (
                  <Button
                    variant="danger"
                    disabled={pending}
                    onClick={() => {
                      if (!confirm(`Revoke the wallboard "${w.name}"? Screens showing it stop at once.`)) return;
                      start(async () => {
                        const r = await revokeWallboardAction(w.id);
                        if (r.ok) router.refresh();
                        else setMessage(r.error.message);
                      });
                    }}
                  >
                    Revoke
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {created && (
        <Notice tone="good" title="Wallboard URL (shown once — copy it now)" testId="wallboard-url">
          <code className="break-all">{created}</code>
        </Notice>
      )}
      {message && <Notice tone="bad">{message}</Notice>}
      <Card className="p-5">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            create();
          }}
          className="space-y-4"
        >
          <h2 className="font-semibold">Create a wallboard URL</h2>
          <Field label="Name" error={errors.name}>
            {(p) => <input {...p} className={`${inputClass} max-w-sm`} value={name} onChange={(e) => setName(e.target.value)} placeholder="NOC TV" />}
          </Field>
          <fieldset>
            <legend className="text-sm font-medium">Shows</legend>
            {errors['scope.connections'] && <p className="text-xs text-red-600" data-testid="field-error">{errors['scope.connections']}</p>}
            <div className="mt-1 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
              {connections.map(([id, cname]) => (
                <label key={id} className="flex items-center gap-2 text-sm font-medium">
                  <input type="checkbox" checked={picked.includes(`c:${id}`)} onChange={(e) => setPicked(e.target.checked ? [...picked, `c:${id}`] : picked.filter((x) => x !== `c:${id}`))} />
                  All tenants of {cname}
                </label>
              ))}
              {tenants.map((t) => {
                const key = `t:${t.connectionId}|${t.tenantId}`;
                return (
                  <label key={key} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={picked.includes(key)} onChange={(e) => setPicked(e.target.checked ? [...picked, key] : picked.filter((x) => x !== key))} />
                    {t.tenantName} <span className="text-xs text-slate-500 dark:text-slate-400">({t.connectionName})</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
          <Button type="submit" disabled={pending}>
            Create wallboard URL
          </Button>
        </form>
      </Card>
    </div>
  );
}
