/** HoduPBX adapter behaviour against the emulator over real HTTP, beyond the shared contract. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HODUPBX_DEMO_CREDENTIALS as C, startHodupbxEmulator } from '@/server/emulators/hodupbx';
import type { RunningEmulator } from '@/server/emulators/kit';
import { capabilitiesOf } from '../capabilities';
import { apiRoot } from './client';
import { createHodupbxAdapter } from './index';
import { addDecimals, inferDirection, localToInstant, splitNameNumber } from './map';

const ctx = {};
let emu: RunningEmulator;
const state = async () => (await fetch(`${emu.url}/__emulator/state`)).json();
const control = async (path: string, body: unknown) => (await fetch(`${emu.url}/__emulator/${path}`, { method: 'POST', body: JSON.stringify(body) })).json();

beforeAll(async () => {
  emu = await startHodupbxEmulator({ port: 0, callsPerMinute: 20, timeZone: 'Europe/Berlin' });
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
});

const tenant = (id = '1000') => createHodupbxAdapter({ baseUrl: emu.url, token: C.tenantTokens[id]!, userType: 'TENANT', timezone: 'Europe/Berlin' });
const admin = () => createHodupbxAdapter({ baseUrl: emu.url, token: C.adminToken, userType: 'ADMIN', timezone: 'Europe/Berlin' });

describe('hodupbx adapter', () => {
  it('offers per token type exactly what the documents allow', () => {
    const t = capabilitiesOf(tenant());
    const a = capabilitiesOf(admin());
    for (const c of ['listBalances', 'listCdrs', 'getRecording', 'clickToCall'] as const) {
      expect(t).toContain(c);
      expect(a).toContain(c);
    }
    expect(t).toEqual(expect.arrayContaining(['listLiveCalls', 'listExtensions', 'createExtension', 'updateExtension', 'extensionForm', 'listDids', 'updateDid', 'listIvrs', 'listDestinations']));
    expect(t).not.toEqual(expect.arrayContaining(['listUnassignedDids']));
    expect(a).toEqual(expect.arrayContaining(['listUnassignedDids', 'assignDid']));
    for (const c of ['listLiveCalls', 'listExtensions', 'deleteExtension', 'createIvr', 'updateIvr', 'createDid', 'deleteDid', 'getExtension'] as const) expect(a).not.toContain(c);
    for (const c of ['deleteExtension', 'createIvr', 'updateIvr', 'deleteIvr', 'createDid', 'deleteDid', 'rechargeBalance', 'listRegistrations'] as const) expect(t).not.toContain(c);
  });

  it('ADMIN lists all tenants and balances; TENANT adds status, invoice and credit', async () => {
    expect((await admin().listTenants(ctx)).map((t) => [t.id, t.name, t.currency])).toEqual([
      ['1000', 'Northwind Dental', 'USD'],
      ['1001', 'Bluefin Logistics', 'EUR'],
      ['1002', 'Cedar & Pine Legal', 'GBP'],
    ]);
    expect((await admin().listBalances!(ctx, ['1002']))[0]!.balance).toEqual({ amount: '-12.40000', currency: 'GBP' });
    const [t] = await tenant().listTenants(ctx);
    expect(t).toMatchObject({ id: '1000', status: 'active' });
    const [b] = await tenant().listBalances!(ctx);
    expect(b).toMatchObject({ balance: { amount: '244.45999', currency: 'USD' }, credit: { amount: '1000.00000', currency: 'USD' }, extras: { invoiceStatus: 'UNPAID', invoiceAmount: '41.06000', tenantStatus: 'ACTIVE' } });
  });

  it('pages CDRs day by day with unique IDs; ADMIN and TENANT agree', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 6 * 86_400_000);
    const collect = async (a: ReturnType<typeof tenant>) => {
      const out = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const p = await a.listCdrs!(ctx, { tenantId: '1000', from: from.toISOString(), to: to.toISOString(), cursor });
        out.push(...p.records);
        cursor = p.nextCursor;
        pages++;
      } while (cursor);
      return { out, pages };
    };
    const t = await collect(tenant());
    expect(t.pages).toBeGreaterThanOrEqual(6);
    expect(new Set(t.out.map((r) => r.id)).size).toBe(t.out.length);
    expect(t.out.every((r) => r.startedAt >= from.toISOString() && r.startedAt <= to.toISOString())).toBe(true);
    expect(t.out.some((r) => r.direction === 'outbound' && r.cost && r.cost.amount !== '0.00000')).toBe(true);
    expect(t.out.some((r) => r.forwardedTo)).toBe(true);
    const a = await collect(admin());
    expect(a.out.map((r) => r.id)).toEqual(t.out.map((r) => r.id));
  });

  it('reads recordings when the call log carries a callid', async () => {
    await control('call-log-callid', { enabled: true });
    const to = new Date();
    let rec;
    for (let d = 0; d < 10 && !rec; d++) {
      const page = await tenant().listCdrs!(ctx, { tenantId: '1000', from: new Date(to.getTime() - (d + 1) * 86_400_000).toISOString(), to: new Date(to.getTime() - d * 86_400_000).toISOString() });
      for (const r of page.records) {
        if (!r.recordingRef) continue;
        rec = await tenant().getRecording!(ctx, '1000', r).catch(() => undefined);
        if (rec) break;
      }
    }
    expect(rec?.contentType).toBe('audio/wav');
    const bytes = Buffer.from(await new Response(rec!.body).arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
  });

  it('keeps live call IDs stable while calls last, and click-to-call starts one', async () => {
    await control('calls', { callsPerMinute: 0 });
    await tenant().clickToCall!(ctx, { tenantId: '1000', extension: '102', webPassword: C.webPasswordFor('102'), number: '14155550100' });
    const first = await tenant().listLiveCalls!(ctx, '1000');
    const mine = first.find((c) => c.from.number === '102' && c.to.number === '14155550100');
    expect(mine).toMatchObject({ direction: 'outbound', tenantId: '1000' });
    const again = await tenant().listLiveCalls!(ctx, '1000');
    expect(again.find((c) => c.id === mine!.id)).toEqual(mine);
    expect(await tenant('1001').listLiveCalls!(ctx, '1001')).not.toContainEqual(expect.objectContaining({ from: { number: '102' } }));
    await expect(tenant().listLiveCalls!(ctx, '1001')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('creates and updates an extension, with feature and speed-dial updates as separate calls', async () => {
    const form = await tenant().extensionForm!(ctx, '1000');
    expect(form.fields.find((f) => f.name === 'plan_id')!.options).toEqual([
      { value: '1', label: 'Standard' },
      { value: '6', label: 'Front office' },
    ]);
    const created = await tenant().createExtension!(ctx, '1000', {
      number: '110',
      name: 'New Hire',
      email: 'new.hire@example.test',
      fields: { plan_id: '6', shift_id: '140', ext_callgroup: '14,177', ext_sip_password: 'sip-110-pass', ext_web_password: 'web-110-pass', timezone_id: '1' },
    });
    expect(created).toMatchObject({ tenantId: '1000', number: '110', name: '110' });
    const updated = await tenant().updateExtension!(ctx, '1000', created.id, { number: '110', name: 'x', fields: { ext_ring_timeout: '40', feature_holiday: 'VM', speeddial_2: '14155550100' } });
    expect(updated.id).toBe(created.id);
    const s = await state();
    expect(s.extensions.find((e: { ext_id: string }) => e.ext_id === created.id)).toMatchObject({ features: { holiday: 'VM' }, speed_dial: { two: '14155550100' } });
    // The new web password works for click-to-call (it was stored as the PBX stores it, hashed).
    await tenant().clickToCall!(ctx, { tenantId: '1000', extension: '110', webPassword: 'web-110-pass', number: '101' });
  });

  it('lists DIDs, maps one to an extension by number, and ADMIN assigns from the pool', async () => {
    const pool = await admin().listUnassignedDids!(ctx);
    expect(pool.map((d) => d.id)).toEqual(['201', '202', '203', '204']);
    expect(pool.every((d) => d.tenantId === undefined)).toBe(true);
    await admin().assignDid!(ctx, '1000', '202');
    const dids = await tenant().listDids!(ctx, '1000');
    expect(dids.map((d) => d.number)).toContain('12125550202');
    const mapped = await tenant().updateDid!(ctx, '1000', '202', { number: '12125550202', destination: { type: 'extension', target: '103' }, fields: {} });
    expect(mapped.destination).toEqual({ type: 'extension', target: '103' });
    expect((await state()).dids.find((d: { did_id: string }) => d.did_id === '202').destination).toEqual({ type: 'EXTENSION', id: '642' });
    await expect(tenant().updateDid!(ctx, '1000', '202', { number: '12125550202', destination: { type: 'queue', target: '1' }, fields: {} })).rejects.toMatchObject({ kind: 'rejected' });
    const dests = await tenant().listDestinations!(ctx, '1000');
    expect(dests).toContainEqual({ type: 'ivr', target: '4', label: 'After_Hours (3001)' });
    expect(dests).toContainEqual({ type: 'extension', target: '101', label: 'Front_Desk (101)' });
  });
});

describe('hodupbx map helpers', () => {
  it('reads naive local times in the configured zone, across DST', () => {
    expect(localToInstant('2017-12-14 10:03:33', 'UTC')).toBe('2017-12-14T10:03:33Z');
    expect(localToInstant('2026-07-01 12:00:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00Z');
    expect(localToInstant('2026-01-01 12:00:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00Z');
    expect(localToInstant('2026-03-29 03:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00Z');
    expect(localToInstant('garbage', 'UTC')).toBeUndefined();
  });
  it('adds decimal strings exactly', () => {
    expect(addDecimals('0.10000', '0.20000')).toBe('0.30000');
    expect(addDecimals('1.5', '-2.25')).toBe('-0.75');
  });
  it('splits composite names and infers direction', () => {
    expect(splitNameNumber('Dr-Who-102')).toEqual({ name: 'Dr-Who', number: '102' });
    expect(inferDirection('124', '122')).toBe('internal');
    expect(inferDirection('101', '14155550100')).toBe('outbound');
    expect(inferDirection('14155550100', '101')).toBe('inbound');
  });
  it('finds the API root from an origin or an explicit prefix', () => {
    expect(apiRoot('https://pbx.example.com', 'TENANT')).toBe('https://pbx.example.com/hodupbx_api/v1.4/api');
    expect(apiRoot('https://pbx.example.com/', 'ADMIN')).toBe('https://pbx.example.com/hodupbx_api/api');
    expect(apiRoot('https://pbx.example.com/hodupbx_api/v1.4', 'ADMIN')).toBe('https://pbx.example.com/hodupbx_api/v1.4/api');
    expect(apiRoot('https://pbx.example.com/hodupbx_api/api/', 'TENANT')).toBe('https://pbx.example.com/hodupbx_api/api');
  });
});
