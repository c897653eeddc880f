import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIRTA_DEMO_CREDENTIALS, MIRTA_DEMO_TENANT_CODES, startMirtaEmulator } from '@/server/emulators/mirta';
import type { RunningEmulator } from '@/server/emulators/kit';
import { VendorError } from '../errors';
import { createMirtaClient } from './client';
import { createMirtaAdapter, type MirtaAdapterConfig } from './index';
import { wallTimeToEpochMs } from './map';
import { writeResultSchema } from './wire';

let emu: RunningEmulator;
const ctx = {};
const config = (over: Partial<MirtaAdapterConfig> = {}): MirtaAdapterConfig => ({
  vendor: 'mirta',
  baseUrl: emu.url,
  username: MIRTA_DEMO_CREDENTIALS.username,
  password: MIRTA_DEMO_CREDENTIALS.password,
  userEmail: MIRTA_DEMO_CREDENTIALS.email,
  tenantCodes: { ...MIRTA_DEMO_TENANT_CODES },
  ...over,
});
const adapter = (over: Partial<MirtaAdapterConfig> = {}) => createMirtaAdapter(config(over), { deadlineMs: 1_000, retries: 1 });

async function vendorError(p: Promise<unknown>): Promise<VendorError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e, 'expected a VendorError').toBeInstanceOf(VendorError);
  return e as VendorError;
}

beforeAll(async () => {
  emu = await startMirtaEmulator({ port: 0, seed: 3, callsPerMinute: 0 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
});

describe('errors become clear VendorErrors', () => {
  it('refused credentials → auth (HTTP 401, "Unauthorized Access")', async () => {
    const e = await vendorError(adapter({ password: 'nope' }).listTenants(ctx));
    expect(e).toMatchObject({ kind: 'auth', vendor: 'mirta', vendorMessage: 'Unauthorized Access', httpStatus: 401, operation: '/user/tenants' });
  });
  it('unknown record → not_found, with the vendor words where the vendor said it', async () => {
    const c = createMirtaClient(config());
    expect(await vendorError(c.call(ctx, '/hunt/deletebyid', { hunt_id: '999' }, writeResultSchema, { write: true }))).toMatchObject({ kind: 'not_found', vendorMessage: 'Record Not Found.' });
    expect(await vendorError(adapter().getExtension!(ctx, '80', '40'))).toMatchObject({ kind: 'not_found' }); // ext 40 is tenant 81's
    expect(await vendorError(adapter().getDid(ctx, '81', '2'))).toMatchObject({ kind: 'not_found' }); // DID 2 is tenant 80's
  });
  it('missing fields → rejected "Please Enter Required Fields."', async () => {
    const c = createMirtaClient(config());
    const e = await vendorError(c.call(ctx, '/phone/AddNewPhone', { phone: { ph_name: 'x', ph_te_id: '80' } }, writeResultSchema, { write: true }));
    expect(e).toMatchObject({ kind: 'rejected', vendorMessage: 'Please Enter Required Fields.' });
  });
  it('a tenant outside the configured user → not_found, though the API user could read it', async () => {
    expect(await vendorError(adapter().listExtensions!(ctx, '93'))).toMatchObject({ kind: 'not_found' });
  });
  it('a refused write keeps the vendor text', async () => {
    const e = await vendorError(adapter().updateExtension!(ctx, '80', '11', { number: '222', name: 'Reception', fields: {} }));
    expect(e.kind).toBe('rejected');
    expect(e.vendorMessage).toMatch(/exists/i);
  });
  it('features the API lacks are absent capabilities', () => {
    const a = adapter();
    for (const m of ['listLiveCalls', 'listRegistrations', 'listBalances', 'rechargeBalance', 'createExtension', 'deleteExtension', 'createDid', 'createIvr', 'setOperationTimes', 'getRecording'] as const)
      expect(a[m], m).toBeUndefined();
  });
});

describe('faults', () => {
  beforeEach(() => emu.setFaults(null));
  it.each([
    ['http-500', 'unreachable'],
    ['html-error', 'unreachable'],
    ['malformed-json', 'invalid_response'],
    ['reset', 'unreachable'],
    ['vendor-error', 'auth'],
  ] as const)('%s → %s', async (mode, kind) => {
    emu.setFaults({ mode });
    expect((await vendorError(adapter().listTenants(ctx))).kind).toBe(kind);
  });
  it('hang → timeout within the deadline', async () => {
    emu.setFaults({ mode: 'hang' });
    const t0 = Date.now();
    expect((await vendorError(createMirtaAdapter(config(), { deadlineMs: 300 }).listTenants(ctx))).kind).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
  it('budget → rate_limited', async () => {
    emu.setBudget({ requests: 0, perSeconds: 60 });
    expect((await vendorError(adapter().listTenants(ctx))).kind).toBe('rate_limited');
    emu.setBudget(null);
  });
  it('a write is sent once, never retried', async () => {
    const a = adapter();
    await a.listTenants(ctx);
    emu.setFaults({ mode: 'reset', match: 'updatebyid' });
    const before = emu.stats.byAction.get('/hunt/updatebyid') ?? 0;
    expect((await vendorError(a.updateRingGroup(ctx, '80', '3', { number: '501', name: 'Desk', strategy: 'RINGALL' }))).kind).toBe('unreachable');
    expect(emu.stats.byAction.get('/hunt/updatebyid')).toBe(before + 1);
  });
});

describe('against the emulator', () => {
  it('lists the configured user’s tenants with their codes', async () => {
    expect((await adapter().listTenants(ctx)).map((t) => [t.id, t.name, t.code])).toEqual([
      ['80', 'Northwind Dental Clinic', 'NorthwindDental'],
      ['81', 'Maple Leaf Logistics', 'MapleLeafLogistics'],
    ]);
  });
  it('gets an extension with its SIP user, never its secret, and updates caller ID', async () => {
    const a = adapter();
    const x = await a.getExtension!(ctx, '80', '12');
    expect(x).toMatchObject({ id: '12', number: '222', name: 'Dr. Amelia Stone', extras: { sip_username: '222-NorthwindDental', sip_host: 'dynamic', sip_secret_set: true } });
    const state = (await fetch(`${emu.url}/__emulator/state`).then((r) => r.json())) as { extensions: { ex_id: string; secret: string }[] };
    expect(JSON.stringify(x)).not.toContain(state.extensions.find((e) => e.ex_id === '12')!.secret);
    const u = await a.updateExtension!(ctx, '80', '12', { number: '232', name: 'Dr. A. Stone', fields: { ex_cidname: 'Stone Office' } });
    expect(u).toMatchObject({ number: '232', name: 'Dr. A. Stone', extras: { ex_cidnum: '15145550142', ex_cidname: 'Stone Office', sip_username: '232-NorthwindDental' } });
  });
  it('updates DID metadata and refuses routing', async () => {
    const a = adapter();
    const d = await a.updateDid!(ctx, '81', '31', { number: '14165550172', description: 'Warehouse after hours', fields: { di_didprefix: '7' } });
    expect(d).toMatchObject({ id: '31', tenantId: '81', description: 'Warehouse after hours', extras: { di_didprefix: '7', di_country: 'Canada' } });
    const e = await vendorError(a.updateDid!(ctx, '81', '31', { number: '14165550172', destination: { type: 'extension', target: '301' }, fields: {} }));
    expect(e.kind).toBe('unsupported');
  });
  it('ring groups: get, update, delete', async () => {
    const a = adapter();
    expect(await a.getRingGroup(ctx, '81', '8')).toMatchObject({ number: '602', strategy: 'HUNT', ringTimeSec: 20, checkInUse: true });
    expect(await a.updateRingGroup(ctx, '81', '8', { number: '602', name: 'Care Team', strategy: 'RINGALL', ringTimeSec: 25 })).toMatchObject({ name: 'Care Team', ringTimeSec: 25 });
    await a.deleteRingGroup(ctx, '81', '8');
    expect((await a.listRingGroups(ctx, '81')).map((g) => g.id)).toEqual(['7']);
    expect((await vendorError(a.deleteRingGroup(ctx, '80', '7'))).kind).toBe('not_found'); // tenant 81's group via tenant 80
  });
  it('time conditions become read-only operation times', async () => {
    const [office] = await adapter().listOperationTimes!(ctx, '80');
    expect(office).toMatchObject({ target: { type: 'condition', id: '5', label: 'Office hours' }, timezone: 'America/Toronto', writable: false, closed: [] });
    expect(office!.weekly.monday).toEqual([{ from: '08:00', to: '17:30' }]);
    expect(office!.weekly.saturday).toEqual([{ from: '09:00', to: '13:00' }]);
    expect(office!.weekly.sunday).toEqual([]);
    const t81 = await adapter().listOperationTimes!(ctx, '81');
    const year = new Date().getUTCFullYear();
    expect(t81.find((o) => o.target.id === '10')!.closed).toEqual([{ name: 'Christmas closure', from: `${year}-12-24`, to: `${year}-12-26`, everyYear: true }]);
    expect(t81.find((o) => o.target.id === '9')!.weekly.sunday).toEqual([{ from: '08:00', to: '16:00' }]);
  });
  it('voicemail boxes and destinations', async () => {
    expect((await adapter().listVoicemailBoxes(ctx, '81')).map((v) => v.name)).toEqual(['After Hours Dispatch', 'Customer Care']);
    const d = await adapter().listDestinations!(ctx, '81');
    expect(new Set(d.map((o) => o.type))).toEqual(new Set(['extension', 'ring_group', 'ivr', 'voicemail', 'other']));
  });
  it('CDRs: pages by week, with cost when a currency is configured, code derived when not configured', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 20 * 86_400_000);
    const all: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await adapter({ currency: 'CAD' }).listCdrs!(ctx, { tenantId: '81', from: from.toISOString(), to: to.toISOString(), cursor });
      for (const r of page.records) {
        all.push(r.id);
        expect(r.startedAt >= from.toISOString() && r.startedAt <= to.toISOString()).toBe(true);
        if (r.direction === 'outbound' && r.disposition === 'answered') expect(r.cost?.currency).toBe('CAD');
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4); // 23 days with margins, 7 per page
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(100);
    const derived = await adapter({ tenantCodes: {} }).listCdrs!(ctx, { tenantId: '81', from: from.toISOString(), to: to.toISOString() });
    expect(derived.records.length).toBeGreaterThan(0);
  });
  it('naive CDR times are read in the configured zone', () => {
    expect(new Date(wallTimeToEpochMs('2026-07-01 09:00:00', 'America/Toronto')!).toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(new Date(wallTimeToEpochMs('2026-01-15 09:00:00', 'America/Toronto')!).toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(new Date(wallTimeToEpochMs('2026-01-15 09:00:00', 'UTC')!).toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });
});
