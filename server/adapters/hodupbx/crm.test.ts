/** HoduPBX CRM subscribe / unsubscribe against the emulator over real HTTP, with its callbacks to a listener. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HODUPBX_DEMO_CREDENTIALS as C, startHodupbxEmulator } from '@/server/emulators/hodupbx';
import type { RunningEmulator } from '@/server/emulators/kit';
import { VendorError } from '../errors';
import { createHodupbxAdapter } from './index';

const ctx = {};
let emu: RunningEmulator;
let listener: http.Server;
let listenerUrl: string;
const received: URLSearchParams[] = [];
const control = async (path: string, body: unknown) => (await fetch(`${emu.url}/__emulator/${path}`, { method: 'POST', body: JSON.stringify(body) })).json();
const state = async () => (await (await fetch(`${emu.url}/__emulator/state`)).json()) as { crm: { subscriptions: string[] } };

beforeAll(async () => {
  emu = await startHodupbxEmulator({ port: 0, callsPerMinute: 0 });
  listener = http.createServer((req, res) => {
    received.push(new URL(req.url ?? '/', 'http://x').searchParams);
    res.end('ok');
  });
  await new Promise<void>((ok) => listener.listen(0, '127.0.0.1', ok));
  listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  listener?.close();
  await emu?.close();
});
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
  await control('crm-callback', { url: listenerUrl });
  received.length = 0;
});

const tenant = () => createHodupbxAdapter({ baseUrl: emu.url, token: C.tenantTokens['1000']!, userType: 'TENANT' });
const admin = () => createHodupbxAdapter({ baseUrl: emu.url, token: C.adminToken, userType: 'ADMIN' });

describe('hodupbx adapter: CRM callbacks', () => {
  it('both token types offer subscribe and unsubscribe', () => {
    for (const a of [tenant(), admin()]) {
      expect(typeof a.crmSubscribe).toBe('function');
      expect(typeof a.crmUnsubscribe).toBe('function');
    }
  });

  it('a TENANT token subscribes an extension: its rings are called back until it unsubscribes', async () => {
    await tenant().crmSubscribe!(ctx, { tenantId: '1000', extension: '101', webPassword: C.webPasswordFor('101') });
    expect((await state()).crm.subscriptions).toEqual(['1000:101']);
    await control('ring', { tenant_id: '1000', extension: '101', caller_number: '14155550123', caller_name: 'Ada' });
    await expect.poll(() => received.length).toBe(1);
    expect(Object.fromEntries(received[0]!)).toMatchObject({ extension_number: '1000101', caller_number: '14155550123', caller_name: 'Ada', call_status: 'Ring' });
    await tenant().crmUnsubscribe!(ctx, { tenantId: '1000', extension: '101', webPassword: C.webPasswordFor('101') });
    expect((await state()).crm.subscriptions).toEqual([]);
    await control('ring', { tenant_id: '1000', extension: '101' });
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(1);
  });

  it('an ADMIN token names the extension with its tenant ID first, so it addresses exactly that tenant', async () => {
    await admin().crmSubscribe!(ctx, { tenantId: '1001', extension: '201', webPassword: C.webPasswordFor('201') });
    expect((await state()).crm.subscriptions).toEqual(['1001:201']);
    // Tenant 1001 has no extension 101 (tenant 1000 does): the prefixed name does not fall back to it.
    await expect(admin().crmSubscribe!(ctx, { tenantId: '1001', extension: '101', webPassword: C.webPasswordFor('101') })).rejects.toMatchObject({ kind: 'rejected', vendorCode: '406' });
    await admin().crmUnsubscribe!(ctx, { tenantId: '1001', extension: '201', webPassword: C.webPasswordFor('201') });
    expect((await state()).crm.subscriptions).toEqual([]);
  });

  it('a wrong web password or unknown extension is the documented 406, and the password never shows in the error', async () => {
    const err = await tenant().crmSubscribe!(ctx, { tenantId: '1000', extension: '101', webPassword: 'not-the-password' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VendorError);
    expect(err).toMatchObject({ kind: 'rejected', vendor: 'hodupbx', vendorCode: '406' });
    expect(JSON.stringify((err as VendorError).toInfo())).not.toContain('not-the-password');
    await expect(tenant().crmUnsubscribe!(ctx, { tenantId: '1000', extension: '999', webPassword: 'x' })).rejects.toMatchObject({ kind: 'rejected', vendorCode: '406' });
  });

  it('a TENANT token refuses another tenant before calling the PBX', async () => {
    await expect(tenant().crmSubscribe!(ctx, { tenantId: '1001', extension: '101', webPassword: 'web101' })).rejects.toMatchObject({ kind: 'not_found' });
  });
});
