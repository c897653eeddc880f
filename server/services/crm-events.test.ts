/**
 * CRM ringing callbacks end to end in-process: the HoduPBX emulator calls the real route handler's URL (served
 * by a tiny node:http bridge), the service stores the event, and the events read is scoped per actor.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as callbackRoute } from '@/app/api/crm/hodupbx/[hook]/route';
import type { Actor } from '@/server/auth/actor';
import { HODUPBX_DEMO_CREDENTIALS as C, startHodupbxEmulator } from '@/server/emulators/hodupbx';
import type { RunningEmulator } from '@/server/emulators/kit';
import { createConnection, deleteConnection } from '@/server/services/connections';
import { databaseKinds, freshDatabase } from '@/server/testing/databases';
import { allowCallback, clearRingEvents, listRingEvents, MAX_EVENTS_PER_CONNECTION } from './crm-events';
import { connectionForHook, crmHookPath, ensureCrmHook } from './crm-hooks';
import { setCrmSubscription } from './crm-subscriptions';

process.env.SWITCHBOARD_SECRET ??= 'crm-events-test-secret-0123456789abcdef';

const operator: Actor = { kind: 'operator', userId: 'op', email: 'op@x.test', name: 'Op' };

describe.each(databaseKinds)('CRM callbacks ($name)', (kind) => {
  let emu: RunningEmulator;
  let drop: () => Promise<void>;
  let admin: string;
  let tenant1000: string;
  let bridge: http.Server;
  let bridgeUrl: string;

  /** Calls the route handler the way Next would, from a plain URL path + query. */
  const call = (pathAndQuery: string, ip = '10.0.0.1') => {
    const url = new URL(pathAndQuery, 'http://127.0.0.1');
    const hook = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
    return callbackRoute(new NextRequest(url, { headers: { 'x-forwarded-for': ip } }), { params: Promise.resolve({ hook }) });
  };

  beforeAll(async () => {
    ({ drop } = await freshDatabase(kind));
    emu = await startHodupbxEmulator({ port: 0, callsPerMinute: 0 });
    admin = (await createConnection(operator, { name: 'Hodu admin', config: { vendor: 'hodupbx', baseUrl: emu.url, token: C.adminToken, userType: 'ADMIN' } })).id;
    tenant1000 = (await createConnection(operator, { name: 'Hodu 1000', config: { vendor: 'hodupbx', baseUrl: emu.url, token: C.tenantTokens['1000']!, userType: 'TENANT' } })).id;
    // The emulator sends its GET to this server, which hands it to the route handler.
    bridge = http.createServer(async (req, res) => {
      const r = await call(req.url ?? '/');
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(await r.text());
    });
    await new Promise<void>((ok) => bridge.listen(0, '127.0.0.1', ok));
    bridgeUrl = `http://127.0.0.1:${(bridge.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    bridge?.close();
    await emu?.close();
    await drop?.();
  });
  beforeEach(() => clearRingEvents());

  const control = async (path: string, body: unknown) => (await fetch(`${emu.url}/__emulator/${path}`, { method: 'POST', body: JSON.stringify(body) })).json();

  it('keeps one stable hook per connection, stored only as a hash', async () => {
    const token = await ensureCrmHook(tenant1000);
    expect(await ensureCrmHook(tenant1000)).toBe(token);
    expect(await ensureCrmHook(admin)).not.toBe(token);
    expect(await connectionForHook(token)).toBe(tenant1000);
    expect(await connectionForHook(`${token.slice(0, -2)}xx`)).toBeUndefined();
  });

  it('delivers a real emulator ring through the route to the events a viewer reads', async () => {
    const hook = await ensureCrmHook(tenant1000);
    await control('crm-callback', { url: `${bridgeUrl}${crmHookPath(hook)}` });
    const sub = await setCrmSubscription(operator, { connectionId: tenant1000, tenantId: '1000', extension: '101', webPassword: C.webPasswordFor('101'), subscribe: true });
    expect(sub).toMatchObject({ extension: '101', subscribed: true, hookPath: crmHookPath(hook) });
    await control('ring', { tenant_id: '1000', extension: '101', caller_number: '14155550199', caller_name: 'Ada Lovelace' });
    await expect.poll(() => listRingEvents(operator).length, { timeout: 5_000 }).toBe(1);
    expect(listRingEvents(operator)[0]).toMatchObject({ connectionId: tenant1000, tenantId: '1000', extension: '101', callerNumber: '14155550199', callerName: 'Ada Lovelace' });
    const deliveries = (await (await fetch(`${emu.url}/__emulator/crm-callback`)).json()) as { deliveries: { status: number }[] };
    expect(deliveries.deliveries.at(-1)!.status).toBe(200);

    // Unsubscribed: the next ring is not called back.
    await setCrmSubscription(operator, { connectionId: tenant1000, tenantId: '1000', extension: '101', webPassword: C.webPasswordFor('101'), subscribe: false });
    await control('ring', { tenant_id: '1000', extension: '101', caller_number: '14155550100' });
    await new Promise((r) => setTimeout(r, 300));
    expect(listRingEvents(operator)).toHaveLength(1);
  });

  it('answers an unknown hook with 404 and bad parameters with 422 naming them', async () => {
    const ok = 'uuid=u-1&extension_number=1000101&caller_name=&caller_number=14155550123&call_status=Ring';
    expect((await call(`/api/crm/hodupbx/${'x'.repeat(43)}?${ok}`)).status).toBe(404);
    expect((await call(`/api/crm/hodupbx/short?${ok}`)).status).toBe(404);
    const hook = await ensureCrmHook(tenant1000);
    const bad = await call(`${crmHookPath(hook)}?uuid=u-2&extension_number=abc&caller_number=14155550123&call_status=Ring`);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors).toHaveProperty('extension_number');
    expect((await call(`${crmHookPath(hook)}?uuid=u-3&extension_number=1000101&caller_number=1415&call_status=Hangup`)).status).toBe(422);
    expect((await call(`${crmHookPath(hook)}?${ok}`)).status).toBe(200);
    // The same ring twice is one event.
    expect((await call(`${crmHookPath(hook)}?${ok}`)).status).toBe(200);
    expect(listRingEvents(operator)).toHaveLength(1);
  });

  it('shows a tenant user only their own tenant; a tenant-token hook drops other tenants', async () => {
    const adminHook = await ensureCrmHook(admin);
    const tenantHook = await ensureCrmHook(tenant1000);
    const q = (uuid: string, ext: string) => `?uuid=${uuid}&extension_number=${ext}&caller_number=14155550123&call_status=Ring`;
    expect((await call(`${crmHookPath(adminHook)}${q('a1', '1000101')}`)).status).toBe(200);
    expect((await call(`${crmHookPath(adminHook)}${q('a2', '1001201')}`)).status).toBe(200);
    expect((await call(`${crmHookPath(adminHook)}${q('a3', '77')}`)).status).toBe(200);
    const dropped = await call(`${crmHookPath(tenantHook)}${q('t1', '1001201')}`);
    expect(await dropped.json()).toMatchObject({ ignored: expect.any(String) });

    expect(listRingEvents(operator).map((e) => [e.uuid, e.tenantId, e.extension]).sort()).toEqual([
      ['a1', '1000', '101'],
      ['a2', '1001', '201'],
      ['a3', undefined, '77'],
    ]);
    const t1000: Actor = { kind: 'tenant', userId: 'u', email: 'u@x.test', name: 'U', connectionId: admin, tenantId: '1000' };
    expect(listRingEvents(t1000).map((e) => e.uuid)).toEqual(['a1']);
    const elsewhere: Actor = { kind: 'tenant', userId: 'v', email: 'v@x.test', name: 'V', connectionId: tenant1000, tenantId: '1000' };
    expect(listRingEvents(elsewhere)).toEqual([]);
    const wall: Actor = { kind: 'wallboard', tokenId: 'w', name: 'W', scope: { connections: [], tenants: [{ connectionId: admin, tenantId: '1001' }] } };
    expect(listRingEvents(wall).map((e) => e.uuid)).toEqual(['a2']);
    expect(listRingEvents(operator, { connectionId: admin, tenantId: '1001' }).map((e) => e.uuid)).toEqual(['a2']);
    expect(() => listRingEvents(null)).toThrow(/sign in/);
  });

  it('keeps a bounded number of events and rate-limits callers', async () => {
    const hook = await ensureCrmHook(admin);
    for (let i = 0; i < MAX_EVENTS_PER_CONNECTION + 5; i++) {
      await call(`${crmHookPath(hook)}?uuid=b${i}&extension_number=1000101&caller_number=1415555${String(i).padStart(4, '0')}&call_status=Ring`, `10.1.${i}.1`);
    }
    expect(listRingEvents(operator, {}, 1_000)).toHaveLength(MAX_EVENTS_PER_CONNECTION);
    let allowed = 0;
    for (let i = 0; i < 150; i++) if (allowCallback('10.9.9.9', 1_000)) allowed++;
    expect(allowed).toBe(100);
    expect(allowCallback('10.9.9.9', 12_000)).toBe(true);
  });

  it('refuses subscriptions to non-operators and a deleted connection forgets its hook', async () => {
    const t: Actor = { kind: 'tenant', userId: 'u', email: 'u@x.test', name: 'U', connectionId: tenant1000, tenantId: '1000' };
    await expect(setCrmSubscription(t, { connectionId: tenant1000, tenantId: '1000', extension: '101', webPassword: 'x', subscribe: true })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setCrmSubscription(operator, { connectionId: tenant1000, tenantId: '1000', extension: 'abc', webPassword: '', subscribe: true })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { extension: expect.any(String), webPassword: expect.any(String) },
    });
    const wrong = await setCrmSubscription(operator, { connectionId: tenant1000, tenantId: '1000', extension: '101', webPassword: 'wrong', subscribe: true }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ kind: 'rejected', vendorCode: '406' });
    const gone = (await createConnection(operator, { name: 'Gone', config: { vendor: 'hodupbx', baseUrl: emu.url, token: C.adminToken, userType: 'ADMIN' } })).id;
    const token = await ensureCrmHook(gone);
    await deleteConnection(operator, gone);
    expect(await connectionForHook(token)).toBeUndefined();
  });
});
