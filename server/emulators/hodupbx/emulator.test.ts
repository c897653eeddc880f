import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../kit';
import { HODUPBX_DEMO_CREDENTIALS as C, startHodupbxEmulator } from './index';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const T1000 = C.tenantTokens['1000']!;
const T1001 = C.tenantTokens['1001']!;
const T1002 = C.tenantTokens['1002']!;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

let emu: RunningEmulator;

/** Raw HTTP, so any status (6xx included) reaches the test untouched. */
// Wire bodies are probed field by field in the assertions below.
 
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${emu.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json, text, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
const post = (path: string, body: unknown) => raw('POST', path, JSON.stringify(body));
const control = (path: string, body: unknown = {}) => raw('POST', `/__emulator/${path}`, JSON.stringify(body));
const A = '/hodupbx_api/api';
const T = '/hodupbx_api/v1.4/api';

beforeAll(async () => {
  emu = await startHodupbxEmulator({ port: 0, seed: 7, callsPerMinute: 30 });
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await raw('POST', '/__emulator/reset');
});

describe('hodupbx emulator: transport and envelope', () => {
  it('answers both URL families with the {status, message, data} envelope', async () => {
    for (const root of [A, T]) {
      const r = await post(`${root}/info/TENANT/balance`, { token_id: T1000 });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ status: 'SUCCESS', message: 'Tenant Balance Details.', data: [{ tenant_id: '1000', tenant_name: 'Northwind Dental', current_balance: '244.45999', currency_code: 'USD' }] });
    }
  });

  it('answers 424 Method Failed to GET and to unknown paths', async () => {
    expect((await raw('GET', `${T}/info/TENANT/balance`)).status).toBe(424);
    const r = await post(`${T}/info/TENANT/noSuchThing`, { token_id: T1000 });
    expect(r.status).toBe(424);
    expect(r.json.message).toBe('Method Failed');
  });

  it('accepts form-urlencoded bodies (EMULATOR CONVENTION)', async () => {
    const r = await raw('POST', `${T}/info/TENANT/balance`, `token_id=${T1000}`, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(200);
  });
});

describe('hodupbx emulator: tokens and user types', () => {
  it('ADMIN balance lists every tenant; tenant_id narrows it; TENANT sees only itself', async () => {
    const all = await post(`${A}/info/ADMIN/balance`, { token_id: C.adminToken });
    expect(all.json.data.map((d: { tenant_id: string }) => d.tenant_id)).toEqual(['1000', '1001', '1002']);
    expect(all.json.data[1]).toEqual({ tenant_id: '1001', tenant_name: 'Bluefin Logistics', current_balance: '1032.50000', currency_code: 'EUR' });
    const one = await post(`${A}/info/ADMIN/balance`, { token_id: C.adminToken, tenant_id: '1002' });
    expect(one.json.data).toHaveLength(1);
    expect((await post(`${A}/info/ADMIN/balance`, { token_id: C.adminToken, tenant_id: '4242' })).status).toBe(408);
    const own = await post(`${T}/info/TENANT/balance`, { token_id: T1001 });
    expect(own.json.data.map((d: { tenant_id: string }) => d.tenant_id)).toEqual(['1001']);
  });

  it('uses each family’s own codes for a missing token, a bad user type and a bad token', async () => {
    const cases: [string, unknown, number, string][] = [
      [`${T}/info/TENANT/balance`, {}, 405, 'No Token'],
      [`${T}/info/MANAGER/balance`, { token_id: T1000 }, 414, 'Invalid User Type'],
      [`${T}/info/TENANT/balance`, { token_id: 'wrongwrongwrong1' }, 501, 'Authentication Failed'],
      [`${T}/info/ADMIN/balance`, { token_id: T1000 }, 501, 'Authentication Failed'],
      [`${T}/info/TENANT/getExtension`, {}, 602, 'No Token'],
      [`${T}/info/TENANT/getExtension`, { token_id: 'x' }, 603, 'Authentication Failed'],
      [`${T}/info/ADMIN/getExtension`, { token_id: C.adminToken }, 604, 'Invalid User Type'],
      [`${T}/info/TENANT/getShift`, {}, 603, 'No Token'],
      [`${T}/info/TENANT/getShift`, { token_id: 'x' }, 602, 'Authentication Failed'],
      [`${T}/add/ADMIN/createExtension`, { token_id: C.adminToken }, 610, 'Invalid User Type'],
      [`${T}/add/TENANT/createExtension`, { token_id: 'x' }, 602, 'Authentication Failed'],
      [`${T}/extension`, { token_id: 'x', ext_number: '101', holiday: 'VM' }, 600, 'Authentication Failed'],
      [`${T}/extension`, { token_id: C.adminToken, ext_number: '101', holiday: 'VM' }, 608, 'Not Matched'],
      [`${A}/info/getDID`, {}, 602, 'Token Not Found'],
      [`${A}/info/getDID`, { token_id: T1000 }, 603, 'Not Matched'],
      [`${A}/assign/assignDid`, { token_id: T1000 }, 603, 'Not Matched'],
    ];
    for (const [path, body, status, message] of cases) {
      const r = await post(path, body);
      expect([path, r.status]).toEqual([path, status]);
      expect(r.json.status).toBe('FAILED');
      expect(r.json.message.startsWith(message)).toBe(true);
    }
  });

  it('refuses tenants without API access and reports inactive tenants', async () => {
    await control('tenant', { tenant_id: '1001', api_access: false });
    expect((await post(`${T}/info/TENANT/balance`, { token_id: T1001 })).status).toBe(501);
    await control('tenant', { tenant_id: '1001', api_access: true, active: false });
    expect((await post(`${T}/info/TENANT/activeCalls`, { token_id: T1001 })).status).toBe(406);
    expect((await post(`${T}/info/TENANT/getShift`, { token_id: T1001 })).status).toBe(606);
    expect((await post(`${T}/add/TENANT/createExtension`, { token_id: T1001 })).status).toBe(611);
  });
});

describe('hodupbx emulator: call log, live calls, recordings', () => {
  it('serves a 90-day call log by local date, with 411 for an empty range and 412/413 for bad dates', async () => {
    const r = await post(`${T}/info/${daysAgo(89)}/${today()}/TENANT/callLog`, { token_id: T1000 });
    expect(r.status).toBe(200);
    expect(r.json.message).toBe('Call Log Details.');
    const rows = r.json.data as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(500);
    expect(Object.keys(rows[0]!).sort()).toEqual(['callee', 'caller', 'end_date', 'forward', 'incoming_call_charges', 'outgoing_call_charges', 'start_date', 'tenant_id']);
    expect(rows.every((x) => x.tenant_id === '1000' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(x.start_date!))).toBe(true);
    expect(rows.some((x) => x.forward !== x.callee)).toBe(true);
    expect(rows.some((x) => x.outgoing_call_charges !== '0.00000')).toBe(true);
    const byNumber = await post(`${T}/info/${daysAgo(10)}/${today()}/TENANT/callLog`, { token_id: T1000, number: '102' });
    expect(byNumber.json.data.every((x: Record<string, string>) => [x.caller, x.callee, x.forward].includes('102'))).toBe(true);
    expect((await post(`${T}/info/2001-01-01/2001-01-02/TENANT/callLog`, { token_id: T1000 })).status).toBe(411);
    expect((await post(`${T}/info/2026-02-30/${today()}/TENANT/callLog`, { token_id: T1000 })).status).toBe(412);
    expect((await post(`${T}/info/${today()}/30-11-2026/TENANT/callLog`, { token_id: T1000 })).status).toBe(413);
    const admin = await post(`${A}/info/${daysAgo(3)}/${today()}/ADMIN/callLog`, { token_id: C.adminToken, tenant_id: '1001' });
    expect(new Set(admin.json.data.map((x: Record<string, string>) => x.tenant_id))).toEqual(new Set(['1001']));
  });

  it('reports live calls that come and go; ADMIN sees them without a tenant field', async () => {
    const seen = await post(`${T}/info/TENANT/activeCalls`, { token_id: T1000 });
    expect(seen.status).toBe(200);
    for (const c of seen.json.data) expect(Object.keys(c).sort()).toEqual(['callee_number', 'caller_number', 'start_time']);
    const admin = await post(`${A}/info/ADMIN/activeCalls`, { token_id: C.adminToken });
    expect(admin.json.data.length).toBeGreaterThanOrEqual(seen.json.data.length);
    // An hour later the set has churned completely.
    const before = JSON.stringify(admin.json.data);
    await raw('POST', '/__emulator/clock', JSON.stringify({ advanceMs: 3_600_000 }));
    const later = await post(`${A}/info/ADMIN/activeCalls`, { token_id: C.adminToken });
    expect(JSON.stringify(later.json.data)).not.toBe(before);
  });

  it('gives a recording path and serves the .wav; 406 when there is none', async () => {
    const { json } = await control('recorded-calls', { tenant_id: '1000' });
    const callid = json.callids[0] as string;
    const r = await post(`${T}/info/TENANT/recordingPath`, { token_id: T1000, callid });
    expect(r.status).toBe(200);
    const url = new URL(r.json.data.recordingPath);
    expect(url.pathname).toMatch(/^\/fs_sounds\/recordings\/0\/1000\/auto_rec\/\d{4}-\d\d-\d\d\/[0-9a-f-]{36}\.wav$/);
    const wav = await raw('GET', url.pathname);
    expect(wav.status).toBe(200);
    expect(wav.headers['content-type']).toBe('audio/wav');
    expect(wav.text.startsWith('RIFF')).toBe(true);
    // Another tenant's call is not found for this tenant.
    expect((await post(`${T}/info/TENANT/recordingPath`, { token_id: T1001, callid })).status).toBe(406);
    expect((await post(`${T}/info/TENANT/recordingPath`, { token_id: T1000 })).status).toBe(404);
  });

  it('adds callid to call log rows only behind the control switch', async () => {
    await control('call-log-callid', { enabled: true });
    const r = await post(`${T}/info/${daysAgo(2)}/${today()}/TENANT/callLog`, { token_id: T1000 });
    expect(r.json.data[0].callid).toMatch(/^\d+$/);
    await control('call-log-callid', { enabled: false });
  });
});

describe('hodupbx emulator: extensions, DIDs, lists', () => {
  it('creates extensions from an array of numbers and enforces the F6 table', async () => {
    const base = { token_id: T1002, plan_id: '3', shift_id: '1', ext_sip_password: 'sip-secret', ext_web_password: 'web-secret' };
    expect((await post(`${T}/add/TENANT/createExtension`, { ...base, ext_number: '303' })).status).toBe(605);
    expect((await post(`${T}/add/TENANT/createExtension`, { ...base, ext_number: ['30x'] })).status).toBe(607);
    expect((await post(`${T}/add/TENANT/createExtension`, { ...base, ext_number: ['301'] })).status).toBe(608);
    expect((await post(`${T}/add/TENANT/createExtension`, { ...base, plan_id: '99', ext_number: ['303'] })).status).toBe(604);
    const ok = await post(`${T}/add/TENANT/createExtension`, { ...base, ext_number: ['303', '304'] });
    expect(ok.json).toEqual({ status: 'SUCCESS', message: 'Extension Added Successfully.' });
    expect((await post(`${T}/add/TENANT/createExtension`, { ...base, ext_number: ['305'] })).status).toBe(606);
    const list = await post(`${T}/info/TENANT/getExtension`, { token_id: T1002 });
    expect(list.json.count).toBe(4);
    expect(list.json.data.map((e: { ext_name: string }) => e.ext_name)).toContain('303-303');
  });

  it('updates an extension by ext_id and one feature / speed dial per call', async () => {
    const upd = await post(`${T}/update/TENANT/updateExtension`, { token_id: T1000, ext_id: '641', ext_ring_timeout: '45' });
    expect(upd.json.message).toBe('Extension Updated Successfully.');
    expect((await post(`${T}/update/TENANT/updateExtension`, { token_id: T1000, ext_id: '999' })).status).toBe(601);
    expect((await post(`${T}/update/TENANT/updateExtension`, { token_id: T1001, ext_id: '641' })).status).toBe(601);
    const f = (body: object) => post(`${T}/extension`, { token_id: T1000, ext_number: '102', ...body });
    expect((await f({ holiday: '123' })).status).toBe(611);
    expect((await f({ holiday: '103' })).json.message).toBe('Extension Detail Updated Successfully.');
    expect((await f({ holiday: '9824740472', busy_forward: 'VM' })).status).toBe(601);
    expect((await f({ holiday: '0' })).status).toBe(617);
    expect((await f({ holiday: '102' })).status).toBe(613);
    expect((await f({})).status).toBe(615);
    expect((await post(`${T}/extension`, { token_id: T1000, ext_number: '3000', holiday: 'VM' })).status).toBe(602);
    expect((await post(`${T}/extension`, { token_id: T1001, ext_number: '201', holiday: 'VM' })).status).toBe(609);
    const sd = await post(`${T}/speeddial`, { token_id: T1000, ext_number: '102', two: '9824740472' });
    expect(sd.json).toEqual({ status: 'SUCCESS', message: 'Extension Speeddial Updated Successfully.', data: { ext_id: '641' } });
    expect((await post(`${T}/speeddial`, { token_id: T1000, ext_number: '102', eleven: '1' })).status).toBe(607);
    expect((await post(`${T}/speeddial`, { token_id: T1002, ext_number: '301', two: '9824740472' })).status).toBe(608);
    const state = (await raw('GET', '/__emulator/state')).json;
    expect(state.extensions.find((e: { ext_id: string }) => e.ext_id === '641')).toMatchObject({ features: { holiday: '103' }, speed_dial: { two: '9824740472' } });
  });

  it('lists the unassigned pool, assigns DIDs (F4) and maps them (F9)', async () => {
    const pool = await post(`${A}/info/getDID`, { token_id: C.adminToken });
    expect(pool.json.data).toContainEqual({ did_id: '201', did_number: '12125550201' });
    const assign = (body: object) => post(`${A}/assign/assignDid`, { token_id: C.adminToken, tenant_id: '1000', sell_rate_plan_id: '3', ...body });
    expect((await assign({ did_id: '201' })).status).toBe(606);
    expect((await assign({ did_id: ['999'] })).status).toBe(609);
    expect((await assign({ did_id: ['201'], sell_rate_plan_id: '4' })).status).toBe(613);
    expect((await assign({ did_id: ['204'], tenant_id: '1002', sell_rate_plan_id: '5' })).status).toBe(610);
    expect((await assign({ did_id: ['201'] })).json.message).toBe('DID Assigned Successfully.');
    const mine = await post(`${T}/info/TENANT/getTenantDetails`, { token_id: T1000 });
    expect(mine.json.message).toBe('DID Details.');
    expect(mine.json.data).toContainEqual({ did_id: '201', did_number: '12125550201' });
    const map = (body: object) => post(`${T}/info/TENANT/mapDid`, { token_id: T1000, ...body });
    expect((await map({ did_id: '201', default_destination: 'IVR', default_extension: '4' })).json.message).toBe('Extension Mapped Successfully.');
    expect((await map({ did_id: 'abc', default_destination: 'IVR', default_extension: '4' })).status).toBe(605);
    expect((await map({ did_id: '120', default_destination: 'IVR', default_extension: '4' })).status).toBe(606);
  });

  it('creates a tenant from the guide’s sample body (000 §18) and enforces the F5 table', async () => {
    const sample = {
      token_id: C.adminToken,
      tenant_name: 'Jaytest',
      tenant_username: 'jaytest',
      tenant_password: '123456',
      tenant_email: 'jay.raval@example.test',
      tenant_currency: '64',
      tenant_country: '99',
      tenant_language: ['en', 'tr'],
      tenant_default_language: 'en',
      tenant_audio_codec: 'PCMA,PCMU',
      tenant_video_codec: 'H264,VP8',
      tenant_ext_callerid_customization: 'NONE',
      tenant_codec_pref: 'Platform',
      tenant_bill_type: 'POSTPAID',
      tenant_customization: 'ON',
      tenant_payment: 'OFF',
      tenant_reg_auth: 'OFF',
      auto_call_record: 'ON',
      tenant_tax: '5',
      tenant_email_invoice: 'ON',
      tenant_billplan_id: '2',
      bill_period: '1',
      alert_period: '1',
      tenant_serv_id_ext: '1',
      tenant_serv_id_ext_count: '10',
      tenant_serv_id_ext_rate: '0.0000',
      tenant_serv_id_did: '3',
      tenant_serv_id_did_count: '1',
      tenant_serv_id_did_rate: '10.0000',
      tenant_outbound: 'ON',
      rp_id: '8',
      call_balance: '1.0000',
      call_alert: 'ALL',
      tenant_one_time_charge: '5',
      redial: 'OFF',
    };
    const r = await post(`${A}/add/createTenant`, sample);
    expect(r.json).toEqual({ status: 'SUCCESS', message: 'Tenant Created Successfully.', data: { tenant_id: '1003', tenant_name: 'Jaytest', tenant_username: 'jaytest' } });
    expect((await post(`${A}/add/createTenant`, sample)).status).toBe(605);
    expect((await post(`${A}/add/createTenant`, { ...sample, tenant_username: 'other', tenant_name: 'Other', tenant_currency: '60' })).status).toBe(608);
    expect((await post(`${A}/add/createTenant`, { ...sample, tenant_username: 'other', tenant_name: 'Other', redial: 'MAYBE' })).status).toBe(606);
    expect((await post(`${A}/add/createTenant`, { ...sample, tenant_email: '' })).status).toBe(602);
    const all = await post(`${A}/info/ADMIN/balance`, { token_id: C.adminToken });
    expect(all.json.data).toContainEqual({ tenant_id: '1003', tenant_name: 'Jaytest', current_balance: '1.00000', currency_code: 'INR' });
  });

  it('serves the tenant lists with their documented count styles', async () => {
    const get = async (name: string, token = T1000) => (await post(`${T}/info/TENANT/${name}`, { token_id: token })).json;
    expect((await get('getIVR')).data).toContainEqual({ ivr_id: '4', ivr_name: 'After_Hours-3001' });
    expect((await get('getIVR')).count).toBe(2);
    expect((await get('getRingGroup')).count).toBe('1');
    expect((await get('getShift')).data).toEqual([{ shift_id: '1', shift_name: 'Default' }, { shift_id: '140', shift_name: 'A shift' }]);
    expect((await get('getPlan')).data[0]).toEqual({ plan_id: '1', plan_name: 'Standard' });
    expect((await get('getGroup')).data.length).toBe(3);
    expect((await get('getTimezone')).message).toBe('Timezone Details : ');
    expect((await get('getTenantInfo')).data[0]).toMatchObject({ Tenant: 'Northwind Dental', 'Tenant Status': 'ACTIVE', 'Invoice Status': 'UNPAID', 'Credit Balance': '1000.00000' });
    expect((await post(`${T}/info/TENANT/getIVR`, { token_id: T1002 })).status).toBe(601);
    const inv = (await post(`${T}/info/TENANT/getInvoice`, { token_id: T1000, invoice_status: 'PAID' })).json;
    expect(inv.invoice_count).toBe(1);
    expect(inv.data[0]['Tax (%)']).toBe('5.00');
    expect((await post(`${T}/info/TENANT/getInvoice`, { token_id: T1000, invoice_duedate: '2026/01/01' })).status).toBe(606);
    const pay = await post(`${T}/info/${daysAgo(60)}/${today()}/TENANT/getPayment`, { token_id: T1000, payment_type: 'FAILED' });
    expect(pay.json.data).toHaveLength(1);
    expect(pay.json.data[0]['Payment Details']).toMatch(/^N\/A,failed,24\.10,USD,,1000$/);
    expect((await post(`${T}/info/01-01-2026/${today()}/TENANT/getPayment`, { token_id: T1000 })).status).toBe(605);
  });
});

describe('hodupbx emulator: click2call and CRM callbacks', () => {
  let listener: http.Server;
  let received: URL[] = [];
  let listenerUrl = '';

  beforeAll(async () => {
    listener = http.createServer((req, res) => {
      received.push(new URL(req.url ?? '/', 'http://listener'));
      res.end('ok');
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    listenerUrl = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/callback.php`;
  });
  afterAll(() => new Promise<void>((r) => listener.close(() => r())));
  beforeEach(() => {
    received = [];
  });

  const waitFor = async (n: number) => {
    for (let i = 0; i < 100 && received.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    return received;
  };

  it('click2call checks the MD5 web password, dials, and the call shows up as active', async () => {
    const body = { token_id: T1000, extension_number: '101', extension_password: md5('web101'), phone_number: '14155550100' };
    const bad = await post(`${A}/info/click2call`, { ...body, extension_password: md5('nope') });
    expect(bad.status).toBe(406);
    expect(bad.json.message).toContain('extension_password');
    expect((await post(`${A}/info/click2call`, { ...body, phone_number: '' })).status).toBe(406);
    expect((await post(`${A}/info/click2call`, { ...body, extension_number: '106', extension_password: md5('web106') })).status).toBe(500);
    await control('calls', { callsPerMinute: 0 });
    const r = await post(`${A}/info/click2call`, body);
    expect(r.status).toBe(200);
    const live = await post(`${T}/info/TENANT/activeCalls`, { token_id: T1000 });
    expect(live.json.data).toContainEqual(expect.objectContaining({ caller_number: '101', callee_number: '14155550100' }));
    // ADMIN names the extension in its registration form (tenant + extension).
    expect((await post(`${A}/info/click2call`, { ...body, token_id: C.adminToken, extension_number: '1000101' })).status).toBe(200);
  });

  it('delivers the Ring callback to the configured URL for subscribed extensions only', async () => {
    await control('calls', { callsPerMinute: 0 });
    await control('crm-callback', { url: listenerUrl });
    const sub = await post(`${A}/info/crmSubscribe`, { token_id: T1000, extension_number: '103', extension_password: md5('web103') });
    expect(sub.json).toEqual({ status: 'SUCCESS', message: 'Extension Subscribed Successfully.' });
    await control('ring', { tenant_id: '1000', extension: '102', caller_number: '14155550123', caller_name: 'Nobody' });
    await control('ring', { tenant_id: '1000', extension: '103', caller_number: '14155550123', caller_name: 'Kashyap Dhamecha' });
    const [hit] = await waitFor(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(1);
    expect(hit!.pathname).toBe('/callback.php');
    expect(Object.fromEntries(hit!.searchParams)).toEqual({
      uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
      extension_number: '1000103',
      caller_name: 'Kashyap Dhamecha',
      caller_number: '14155550123',
      call_status: 'Ring',
    });
    const unsub = await post(`${A}/info/crmUnSubscribe`, { token_id: T1000, extension_number: '103', extension_password: md5('web103') });
    expect(unsub.json.message).toBe('Extension UnSubscribed Successfully.');
    await control('ring', { tenant_id: '1000', extension: '103' });
    await new Promise((r) => setTimeout(r, 150));
    expect(received).toHaveLength(1);
  });

  it('calls back for churn calls ringing a subscribed extension', async () => {
    await control('crm-callback', { url: listenerUrl });
    for (const e of ['101', '102', '103', '104', '105']) {
      await post(`${A}/info/crmSubscribe`, { token_id: T1000, extension_number: e, extension_password: md5(`web${e}`) });
    }
    await control('calls', { callsPerMinute: 600 });
    const got = await waitFor(1);
    expect(got.length).toBeGreaterThan(0);
    expect(got[0]!.searchParams.get('call_status')).toBe('Ring');
    expect(got[0]!.searchParams.get('extension_number')).toMatch(/^100010[1-5]$/);
  });
});

describe('hodupbx emulator: faults and budget', () => {
  it('answers vendor-error faults with the family’s documented code', async () => {
    await raw('POST', '/__emulator/faults', JSON.stringify({ mode: 'vendor-error' }));
    const r = await post(`${T}/info/TENANT/balance`, { token_id: T1000 });
    expect(r.status).toBe(500);
    expect(r.json).toEqual({ status: 'FAILED', message: 'Internal Server Error' });
    expect((await post(`${T}/info/TENANT/getExtension`, { token_id: T1000 })).status).toBe(603);
    await raw('DELETE', '/__emulator/faults');
  });

  it('answers 429 when the request budget is spent', async () => {
    await raw('POST', '/__emulator/budget', JSON.stringify({ requests: 2, perSeconds: 60 }));
    expect((await post(`${T}/info/TENANT/balance`, { token_id: T1000 })).status).toBe(200);
    expect((await post(`${T}/info/TENANT/balance`, { token_id: T1000 })).status).toBe(200);
    const r = await post(`${T}/info/TENANT/balance`, { token_id: T1000 });
    expect(r.status).toBe(429);
    await raw('DELETE', '/__emulator/budget');
  });

  it('starts fast with 90 days of history', async () => {
    const t0 = Date.now();
    const other = await startHodupbxEmulator({ port: 0, seed: 99 });
    expect(Date.now() - t0).toBeLessThan(1000);
    await other.close();
  });
});
