/**
 * The configuration write path against a real PBXware emulator over HTTP and a real database: tenant scope and
 * the operator's edit policy, idempotency (double submit, retry after an uncertain failure), audit with
 * before and after, and that the next read is fresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/auth/actor';
import { assertTenantWrite } from '@/server/auth/scope';
import { VendorError } from '@/server/adapters/errors';
import { AppError } from '@/server/errors';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import type { RunningEmulator } from '@/server/emulators/kit';
import { databaseKinds, freshDatabase } from '@/server/testing/databases';
import { listAudit } from './audit';
import { createConnection } from './connections';
import { bulkCreateExtensions, createExtension, deleteExtension, updateExtension } from './config-extensions';
import { oncePerKey } from './config-idempotency';
import { setOperationTimes } from './config-operation-times';
import { updateIvr } from './config-ivrs';
import { updateTenantSettings } from './overview';
import { readTenant } from './tenants';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : e instanceof VendorError ? `vendor:${e.kind}` : String(e)),
  );

describe.each(databaseKinds)('configuration writes ($name)', (kind) => {
  let drop: () => Promise<void>;
  let pbx: RunningEmulator;
  let pbxId: string;
  const operator: Actor = { kind: 'operator', userId: 'op-1', email: 'op@operator.test', name: 'Op' };
  let tenantUser: Actor;
  const ref = () => ({ connectionId: pbxId, tenantId: '2' });
  const uad = async () => {
    const st = await readTenant(operator, ref(), 'extensionForm', (a, c) => a.extensionForm!(c, '2'));
    if (st.status !== 'ok') throw new Error('no form');
    return st.value.fields.find((f) => f.name === 'ua')!.options![0]!.value;
  };
  const input = async (number: string, name = 'Test User') => ({ number, name, email: `u${number}@example.test`, fields: { ua: await uad(), secret: 'Secr3t-pass', pin: '1234' } });
  const emuExts = async () => {
    const s = (await (await fetch(`${pbx.url}/__emulator/state`)).json()) as { tenants: { id: string; extensions: number }[] };
    return s.tenants.find((t) => t.id === '2')!.extensions;
  };

  beforeAll(async () => {
    drop = (await freshDatabase(kind)).drop;
    pbx = await startPbxwareEmulator({ port: 0 });
    pbxId = (await createConnection(operator, { name: 'PBXware', config: { vendor: 'pbxware', baseUrl: pbx.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey } })).id;
    tenantUser = { kind: 'tenant', userId: 'tu-1', email: 't@tenant.test', name: 'T', connectionId: pbxId, tenantId: '2' };
  });
  afterAll(async () => {
    await pbx?.close();
    await drop?.();
  });

  it('lets tenant users write only to their own tenant, and only when the operator allows it', async () => {
    expect(await codeOf(assertTenantWrite(operator, { connectionId: pbxId, tenantId: '7' }))).toBe('ok');
    expect(await codeOf(assertTenantWrite(tenantUser, ref()))).toBe('forbidden');
    await updateTenantSettings(operator, ref(), { tenantMayEdit: true });
    expect(await codeOf(assertTenantWrite(tenantUser, ref()))).toBe('ok');
    expect(await codeOf(assertTenantWrite(tenantUser, { connectionId: pbxId, tenantId: '7' }))).toBe('forbidden');
    expect(await codeOf(createExtension(tenantUser, { connectionId: pbxId, tenantId: '7' }, await input('777')))).toBe('forbidden');
    expect(await codeOf(updateIvr(tenantUser, { connectionId: pbxId, tenantId: '7' }, '78', { name: 'x', extension: '250', keymap: [] }))).toBe('forbidden');
    expect(await codeOf(assertTenantWrite(null, ref()))).toBe('unauthenticated');
    await updateTenantSettings(operator, ref(), { tenantMayEdit: false });
  });

  it('creates once per key, even when the same submission arrives twice at the same time', async () => {
    const before = await emuExts();
    const draft = await input('401');
    const key = 'dbl-click-key-0000001';
    const [a, b] = await Promise.all([createExtension(operator, ref(), draft, key), createExtension(operator, ref(), draft, key)]);
    expect(a.id).toBe(b.id);
    expect(await emuExts()).toBe(before + 1);
    // A later retry of the same draft returns the stored result without calling the vendor.
    const requests = (await (await fetch(`${pbx.url}/__emulator/stats`)).json()) as { byAction: Record<string, number> };
    const again = await createExtension(operator, ref(), draft, key);
    const after = (await (await fetch(`${pbx.url}/__emulator/stats`)).json()) as { byAction: Record<string, number> };
    expect(again.id).toBe(a.id);
    expect(after.byAction['ext.add'] ?? 0).toBe(requests.byAction['ext.add'] ?? 0);
  });

  it('after an uncertain failure, a retry looks before it writes again', async () => {
    let runs = 0;
    const key = 'uncertain-key-00000001';
    const timeout = new VendorError({ kind: 'timeout', vendor: 'pbxware' });
    await expect(
      oncePerKey('op-1', key, async () => {
        runs++;
        throw timeout;
      }),
    ).rejects.toBe(timeout);
    const got = await oncePerKey('op-1', key, async () => {
      runs++;
      return 'second write';
    }, async () => 'found the first one');
    expect(got).toBe('found the first one');
    expect(runs).toBe(1);
    // A refusal frees the key: the same draft may be tried again once the cause is fixed.
    const refusedKey = 'refused-key-000000001';
    await expect(oncePerKey('op-1', refusedKey, async () => Promise.reject(new VendorError({ kind: 'rejected', vendor: 'pbxware' })))).rejects.toBeInstanceOf(VendorError);
    expect(await oncePerKey('op-1', refusedKey, async () => 'now ok')).toBe('now ok');
  });

  it('validates with the form schema and the vendor fields, and reports the vendor refusal', async () => {
    expect(await codeOf(createExtension(operator, ref(), { number: '1', name: '', fields: {} }))).toBe('invalid_input');
    const missing = await createExtension(operator, ref(), { number: '402', name: 'No UA', email: 'x@example.test', fields: {} }).catch((e: AppError) => e);
    expect((missing as AppError).fieldErrors?.['fields.ua']).toMatch(/required/);
    const dup = await createExtension(operator, ref(), await input('100')).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(VendorError);
    expect((dup as VendorError).vendorMessage ?? (dup as VendorError).message).toMatch(/already exists/);
  });

  it('audits edits and deletes with before and after, and the next read is fresh', async () => {
    const created = await createExtension(operator, ref(), await input('403', 'Before Name'));
    const list1 = await readTenant(operator, ref(), 'listExtensions', (a, c) => a.listExtensions!(c, '2'));
    expect(list1.status === 'ok' && list1.value.some((e) => e.number === '403')).toBe(true);
    await updateExtension(operator, ref(), created.id, { number: '403', name: 'After Name', email: 'u403@example.test', fields: {} });
    const list2 = await readTenant(operator, ref(), 'listExtensions', (a, c) => a.listExtensions!(c, '2'));
    expect(list2.status === 'ok' && list2.value.find((e) => e.id === created.id)?.name).toBe('After Name');
    await deleteExtension(operator, ref(), created.id);
    const audit = await listAudit(operator, { limit: 20 });
    const upd = audit.find((e) => e.action === 'extension.update' && e.targetId === created.id)!;
    expect((upd.before as { name: string }).name).toBe('Before Name');
    expect((upd.after as { name: string }).name).toBe('After Name');
    const del = audit.find((e) => e.action === 'extension.delete' && e.targetId === created.id)!;
    expect((del.before as { number: string }).number).toBe('403');
    expect(del.result).toBe('ok');
  });

  it('imports CSV rows and reports each one', async () => {
    const ua = await uad();
    const rows = [
      { number: '410', name: 'Bulk One', email: 'b1@example.test', ua, secret: 'Secr3t-pass', pin: '1234' },
      { number: '100', name: 'Duplicate', email: 'b2@example.test', ua, secret: 'Secr3t-pass', pin: '1234' },
      { number: 'x1', name: 'Bad', email: 'b3@example.test', ua, secret: 'Secr3t-pass', pin: '1234' },
    ];
    const res = await bulkCreateExtensions(operator, ref(), rows, 'bulk-key-0000000001');
    expect(res.map((r) => r.status)).toEqual(['created', 'failed', 'failed']);
    // The same import again with the same key creates nothing twice.
    const again = await bulkCreateExtensions(operator, ref(), rows, 'bulk-key-0000000001');
    expect(again[0]).toMatchObject({ status: 'created' });
    expect(again[0]!.status === 'created' && res[0]!.status === 'created' && again[0]!.extension.id === res[0]!.extension.id).toBe(true);
  });

  it('refuses reversed or overlapping ranges with a message naming them', async () => {
    const o = await readTenant(operator, ref(), 'listOperationTimes', (a, c) => a.listOperationTimes!(c, '2'));
    if (o.status !== 'ok') throw new Error('no schedules');
    const tenantSchedule = o.value.find((x) => x.target.type === 'tenant')!;
    const bad = { ...tenantSchedule, weekly: { ...tenantSchedule.weekly, monday: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }], tuesday: [{ from: '17:00', to: '08:00' }] } };
    const err = (await setOperationTimes(operator, ref(), tenantSchedule.target, bad).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('invalid_input');
    expect(Object.values(err.fieldErrors ?? {}).join(' | ')).toContain('Monday: 11:00–13:00 overlaps 09:00–12:00');
    expect(Object.values(err.fieldErrors ?? {}).join(' | ')).toContain('Tuesday: 17:00–08:00 ends before it starts');
  });
});
