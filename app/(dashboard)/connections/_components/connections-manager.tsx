'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Badge, Card, EmptyState, Notice } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { capabilities } from '@/lib/capabilities';
import type { AppErrorInfo } from '@/lib/result';
import { lazySchema } from '@/components/forms/lazy-schema';
import { secretFields } from '@/lib/connection-secrets';
import { vendorLabels, vendors, type Vendor } from '@/lib/vendors';
import type { ConnectionView, TestResult } from '@/server/services/connections';
import { createConnectionAction, deleteConnectionAction, testConnectionAction, updateConnectionAction } from '@/server/actions/connections';

type FieldDef = { name: string; label: string; kind: 'text' | 'password' | 'select'; options?: string[]; help?: string; placeholder?: string };

/** The credential fields each vendor needs (mirrors lib/schemas/connection.ts). */
const vendorFields: Record<Vendor, FieldDef[]> = {
  pbxware: [{ name: 'apiKey', label: 'API key', kind: 'password', help: 'Settings → API keys on the PBXware master tenant' }],
  hodupbx: [
    { name: 'token', label: 'API token (token_id)', kind: 'password' },
    { name: 'userType', label: 'Token type', kind: 'select', options: ['ADMIN', 'TENANT'], help: 'ADMIN sees every tenant; TENANT only its own' },
    { name: 'timezone', label: 'PBX time zone', kind: 'text', placeholder: 'UTC', help: 'HoduPBX reports local times; this zone turns them into instants' },
  ],
  mirta: [
    { name: 'username', label: 'API user', kind: 'text' },
    { name: 'password', label: 'API password', kind: 'password' },
    { name: 'userEmail', label: 'User e-mail (whose tenants to show)', kind: 'text' },
    { name: 'tenantCodes', label: 'Tenant codes for CDRs', kind: 'text', placeholder: '1=ACME, 2=GLOBEX', help: 'te_id=tenant_code pairs; the API needs the code for call history' },
    { name: 'timezone', label: 'PBX time zone', kind: 'text', placeholder: 'UTC', help: 'Call history carries local times; this zone turns them into instants' },
    { name: 'currency', label: 'Call cost currency', kind: 'text', placeholder: 'USD', help: 'The API does not say; costs are hidden until this is set' },
  ],
  portsip: [{ name: 'token', label: 'Tenant bearer token', kind: 'password', help: 'One PortSIP connection per tenant token' }],
};

const loadConnectionSchema = lazySchema(() => import('@/lib/schemas/connection'));

type Draft = { name: string; vendor: Vendor; baseUrl: string; fields: Record<string, string> };

const emptyDraft = (): Draft => ({ name: '', vendor: 'pbxware', baseUrl: '', fields: { userType: 'ADMIN', timezone: 'UTC' } });

function toInput(d: Draft) {
  const config: Record<string, unknown> = { vendor: d.vendor, baseUrl: d.baseUrl, ...d.fields };
  if (d.vendor === 'mirta') {
    const codes: Record<string, string> = {};
    for (const pair of (d.fields.tenantCodes ?? '').split(',')) {
      const [k, v] = pair.split('=').map((s) => s.trim());
      if (k && v) codes[k] = v;
    }
    config.tenantCodes = codes;
  }
  for (const f of vendorFields[d.vendor]) if (config[f.name] === '') delete config[f.name];
  return { name: d.name, config };
}

function draftOf(c: ConnectionView): Draft {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.settings)) fields[k] = k === 'tenantCodes' && v && typeof v === 'object' ? Object.entries(v as Record<string, string>).map(([a, b]) => `${a}=${b}`).join(', ') : String(v ?? '');
  return { name: c.name, vendor: c.vendor, baseUrl: c.baseUrl, fields };
}

export function ConnectionsManager({ connections }: { connections: ConnectionView[] }) {
  const [editing, setEditing] = useState<ConnectionView | 'new' | null>(null);
  return (
    <div className="space-y-5">
      <div className="flex justify-end">
        <Button onClick={() => setEditing('new')} data-testid="add-connection">
          Add connection
        </Button>
      </div>
      {editing && <ConnectionForm key={editing === 'new' ? 'new' : editing.id} existing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {connections.length === 0 ? (
        <EmptyState title="No connections yet">Add the first PBX to see its tenants.</EmptyState>
      ) : (
        <Table data-testid="connections-table">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Vendor</Th>
              <Th>URL</Th>
              <Th>What its API offers</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <ConnectionRow key={c.id} c={c} onEdit={() => setEditing(c)} />
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function ConnectionRow({ c, onEdit }: { c: ConnectionView; onEdit: () => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<TestResult | AppErrorInfo | null>(null);
  return (
    <tr data-testid="connection-row">
      <Td className="font-medium">{c.name}</Td>
      <Td>
        <Badge tone="info">{vendorLabels[c.vendor]}</Badge>
      </Td>
      <Td className="font-mono text-xs">{c.baseUrl}</Td>
      <Td className="max-w-md text-xs text-slate-600 dark:text-slate-400">{c.capabilities.filter((k) => k.startsWith('list')).map((k) => capabilities[k]).join(', ')}</Td>
      <Td className="whitespace-nowrap text-right">
        <div className="flex justify-end gap-1.5">
          <Button variant="secondary" disabled={pending} onClick={() => start(async () => { const r = await testConnectionAction(c.id, null); setResult(r.ok ? r.data : r.error); })}>
            {pending ? 'Testing…' : 'Test'}
          </Button>
          <Button variant="secondary" onClick={onEdit}>
            Edit
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              if (!confirm(`Remove the connection "${c.name}"? Its tenants disappear from Switchboard; nothing changes on the PBX.`)) return;
              start(async () => {
                const r = await deleteConnectionAction(c.id);
                if (r.ok) router.refresh();
                else setResult(r.error);
              });
            }}
          >
            Remove
          </Button>
        </div>
        {result && <TestOutcome result={result} />}
      </Td>
    </tr>
  );
}

function TestOutcome({ result }: { result: TestResult | AppErrorInfo }) {
  if ('ok' in result && result.ok)
    return (
      <p data-testid="test-result" className="mt-1 text-left text-xs text-emerald-700 dark:text-emerald-400">
        Connected: {result.detail} · {result.tenants} tenant{result.tenants === 1 ? '' : 's'}
      </p>
    );
  return (
    <p data-testid="test-result" className="mt-1 text-left text-xs text-red-700 dark:text-red-400">
      {'message' in result ? result.message : ''}
    </p>
  );
}

function ConnectionForm({ existing, onDone }: { existing: ConnectionView | null; onDone: () => void }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(existing ? draftOf(existing) : emptyDraft());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const secrets: readonly string[] = secretFields[draft.vendor];

  /** Same schema as the server; on edit, blank secrets mean "keep the stored one". */
  const validate = async () => {
    const { connectionInputSchema } = await loadConnectionSchema();
    const input = toInput(draft);
    const probe = existing ? { ...input, config: { ...input.config, ...Object.fromEntries(secrets.filter((s) => !(input.config as Record<string, unknown>)[s]).map((s) => [s, 'unchanged-secret'])) } } : input;
    const r = connectionInputSchema.safeParse(probe);
    const errs: Record<string, string> = {};
    if (!r.success) for (const i of r.error.issues) errs[i.path.join('.')] ??= i.message;
    setErrors(errs);
    return Object.keys(errs).length === 0 ? input : null;
  };

  const save = async () => {
    const input = await validate();
    if (!input) return;
    start(async () => {
      const r = existing ? await updateConnectionAction(existing.id, input) : await createConnectionAction(input);
      if (r.ok) {
        router.refresh();
        onDone();
      } else {
        setErrors(r.error.fieldErrors ?? {});
        setMessage({ tone: 'bad', text: r.error.message });
      }
    });
  };

  const test = async () => {
    const input = await validate();
    if (!input) return;
    start(async () => {
      const r = await testConnectionAction(existing?.id ?? null, input);
      if (!r.ok) setMessage({ tone: 'bad', text: r.error.message });
      else if (r.data.ok) setMessage({ tone: 'good', text: `Connected: ${r.data.detail} · ${r.data.tenants} tenant(s)` });
      else setMessage({ tone: 'bad', text: r.data.message });
    });
  };

  const set = (k: string, v: string) => setDraft((d) => ({ ...d, fields: { ...d.fields, [k]: v } }));
  return (
    <Card className="p-5">
      <form
        noValidate
        onFocus={() => void loadConnectionSchema()}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        className="space-y-4"
        data-testid="connection-form"
      >
        <h2 className="font-semibold">{existing ? `Edit ${existing.name}` : 'Add a connection'}</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Name" error={errors.name}>
            {(p) => <input {...p} className={inputClass} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />}
          </Field>
          <Field label="Vendor" error={errors['config.vendor']}>
            {(p) => (
              <select {...p} className={inputClass} value={draft.vendor} disabled={!!existing} onChange={(e) => setDraft({ ...draft, vendor: e.target.value as Vendor })}>
                {vendors.map((v) => (
                  <option key={v} value={v}>
                    {vendorLabels[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Base URL" error={errors['config.baseUrl']}>
            {(p) => <input {...p} className={inputClass} placeholder="https://pbx.example.com" value={draft.baseUrl} onChange={(e) => setDraft({ ...draft, baseUrl: e.target.value })} />}
          </Field>
          {vendorFields[draft.vendor].map((f) => (
            <Field key={f.name} label={f.label} error={errors[`config.${f.name}`]} help={existing && secrets.includes(f.name) ? 'Stored. Leave empty to keep it.' : f.help}>
              {(p) =>
                f.kind === 'select' ? (
                  <select {...p} className={inputClass} value={draft.fields[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)}>
                    {f.options!.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                ) : (
                  <input {...p} type={f.kind} autoComplete="off" className={inputClass} placeholder={f.placeholder} value={draft.fields[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)} />
                )
              }
            </Field>
          ))}
        </div>
        {message && (
          <div data-testid="connection-form-message">
            <Notice tone={message.tone}>{message.text}</Notice>
          </div>
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {existing ? 'Save changes' : 'Add connection'}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => void test()}>
            Test connection
          </Button>
          <Button type="button" variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </Card>
  );
}
