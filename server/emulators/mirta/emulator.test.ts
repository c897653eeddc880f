import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../kit';
import { MIRTA_DEMO_CREDENTIALS, MIRTA_TENANT_USER, startMirtaEmulator } from './index';

let emu: RunningEmulator;
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const DEMO_AUTH = basic(MIRTA_DEMO_CREDENTIALS.username, MIRTA_DEMO_CREDENTIALS.password);

async function call(path: string, params: Record<string, unknown> = {}, opts: { method?: string; auth?: string | null; json?: boolean } = {}) {
  const method = opts.method ?? (path === '/user/login' || path === '/user/get' ? 'GET' : 'POST');
  const headers: Record<string, string> = {};
  if (opts.auth !== null) headers.authorization = opts.auth ?? DEMO_AUTH;
  let body: string | undefined;
  if (method !== 'GET') {
    headers['content-type'] = opts.json ? 'application/json' : 'application/x-www-form-urlencoded';
    body = opts.json ? JSON.stringify(params) : new URLSearchParams(params as Record<string, string>).toString();
  }
  const qs = method === 'GET' && Object.keys(params).length ? `?${new URLSearchParams(params as Record<string, string>)}` : '';
  const res = await fetch(`${emu.url}${path}${qs}`, { method, headers, body });
  return { status: res.status, body: (await res.json()) as any };
}
const control = (path: string, body?: unknown, method = 'POST') =>
  fetch(`${emu.url}/__emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json() as Promise<any>);

beforeAll(async () => {
  emu = await startMirtaEmulator({ port: 0, seed: 3, callsPerMinute: 0 });
});
afterAll(() => emu.close());
beforeEach(() => control('reset'));

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('auth', () => {
  it('rejects missing and wrong Basic credentials with the documented body', async () => {
    for (const auth of [null, basic('switchboard', 'wrong'), 'Bearer x']) {
      const r = await call('/extension/bytenant', { tenant_id: '80' }, { auth });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ status: 'failed', message: 'Unauthorized Access' });
    }
  });
  it('GET /user/login returns the user id', async () => {
    expect((await call('/user/login')).body).toEqual({ status: 'success', data: { user_id: '579' } });
  });
  it('wrong method and unknown path answer the generic failure', async () => {
    expect(await call('/user/login', {}, { method: 'POST' })).toEqual({ status: 405, body: { status: 'failed', message: 'Unauthorized Access' } });
    expect((await call('/extension/byId', { extension_id: '11' })).status).toBe(404);
  });
  it('password change applies to Basic auth', async () => {
    expect((await call('/user/updatebyid', { user_id: '579', password: 'New-Pass-1' })).body.data).toEqual({ msg: 'Record Updated Successfully.' });
    expect((await call('/user/login')).status).toBe(401);
    expect((await call('/user/login', {}, { auth: basic('switchboard', 'New-Pass-1') })).status).toBe(200);
    expect((await call('/user/updatebyid', { user_id: '9999', password: 'x' }, { auth: basic('switchboard', 'New-Pass-1') })).body).toEqual({ status: 'failed', message: 'Record Not Found.' });
  });
});

describe('users and tenants', () => {
  it('lists users and the tenants of an e-mail', async () => {
    const users = (await call('/user/get')).body.data;
    expect(users).toContainEqual({ us_id: '579', us_username: 'switchboard' });
    const t = await call('/user/tenants', { user: MIRTA_DEMO_CREDENTIALS.email });
    expect(t.body).toEqual({
      status: 'success',
      data: { user_id: '579', tenants: [{ te_id: '80', te_name: 'Northwind Dental Clinic' }, { te_id: '81', te_name: 'Maple Leaf Logistics' }] },
    });
    expect((await call('/user/tenants', { user: 'nobody@x.example' })).body.message).toBe('Record Not Found.');
    expect((await call('/user/tenants', {})).body.message).toBe('Please Enter Required Fields.');
  });
  it('a non-admin login sees only its tenant', async () => {
    const auth = basic(MIRTA_TENANT_USER.username, MIRTA_TENANT_USER.password);
    expect((await call('/extension/bytenant', { tenant_id: '80' }, { auth })).body.data.length).toBeGreaterThan(0);
    expect((await call('/extension/bytenant', { tenant_id: '81' }, { auth })).body).toEqual({ status: 'success', data: [] });
    expect((await call('/extension/byid', { extension_id: '40' }, { auth })).body.message).toBe('Record Not Found.');
  });
});

describe('documented list shapes', () => {
  const cases: [string, string[]][] = [
    ['/destination/all', ['de_id', 'de_type_src', 'de_type_dst', 'de_ord']],
    ['/extension/bytenant', ['ex_id', 'ex_name', 'ex_number', 'ex_cidnum', 'ex_cidname', 'ex_callwaiting']],
    ['/extension/getCidNumberList', ['ex_cidnum']],
    ['/extension/GetFMFCallerIdList', ['GetFMFCallerId']],
    ['/did/bytenant', ['di_id', 'di_country', 'di_area', 'di_number', 'di_comment']],
    ['/hunt/bytenant', ['hu_id', 'hu_number', 'hu_name', 'hu_type', 'hu_ringtime']],
    ['/phone/bytenant', ['ph_id', 'ph_name', 'ph_te_id', 'ph_pm_id', 'ph_mac', 'ph_filename']],
    ['/voicemail/bytenant', ['uniqueid', 'context', 'fullname', 'email']],
    ['/condition/bytenant', ['co_id', 'co_name', 'co_type', 'co_timezone', ...Array.from({ length: 12 }, (_, i) => `co_param${i + 1}`)]],
    ['/ivr/bytenant', ['iv_id', 'iv_name']],
    ['/custom/bytenant', ['cu_id', 'cu_name', 'cu_ct_id', 'ct_name', 'ct_description']],
  ];
  it.each(cases)('%s returns string columns, scoped by tenant_id', async (path, keys) => {
    const a = (await call(path, { tenant_id: '80' })).body;
    expect(a.status).toBe('success');
    expect(a.data.length).toBeGreaterThan(0);
    for (const row of a.data) {
      expect(Object.keys(row)).toEqual(keys);
      for (const v of Object.values(row)) expect(typeof v).toBe('string');
    }
    const b = (await call(path, { tenant_id: '81' })).body.data;
    expect(JSON.stringify(b)).not.toEqual(JSON.stringify(a.data));
    expect((await call(path, { tenant_id: '4040' })).body).toEqual({ status: 'success', data: [] });
    expect((await call(path, {})).body).toEqual({ status: 'failed', message: 'Please Enter Required Fields.' });
  });
  it('has a time-of-day condition besides caller-ID ones', async () => {
    const rows = (await call('/condition/bytenant', { tenant_id: '80' })).body.data;
    expect(rows.map((r: any) => r.co_type).sort()).toEqual(['CALLERID', 'CALLERID', 'TIME']);
    expect(rows.find((r: any) => r.co_type === 'TIME')).toMatchObject({ co_timezone: 'America/Toronto', co_param1: '08:00-17:30', co_param2: 'mon-fri' });
  });
  it('custom destinations carry their type', async () => {
    expect((await call('/custom/bytenant', { tenant_id: '80' })).body.data[0]).toEqual({ cu_id: '2', cu_name: 'Dr. Stone Mobile', cu_ct_id: '1', ct_name: 'FORWARD', ct_description: '<t>Forward call to</t>' });
  });
});

describe('extensions', () => {
  it('byid is a one-element array; SIP peer and secret agree', async () => {
    const r = await call('/extension/byid', { extension_id: '11' });
    expect(r.body.data).toEqual([{ ex_id: '11', ex_name: 'Reception', ex_number: '221', ex_cidnum: '15145550142', ex_cidname: 'Northwind Dental', ex_callwaiting: 'yes' }]);
    const peer = (await call('/extension/user', { tenant_id: '80', extension_id: '11' })).body.data;
    expect(peer).toHaveLength(1);
    expect(peer[0]).toMatchObject({ name: '221-NorthwindDental', host: 'dynamic' });
    const secret = (await call('/extension/usersecret', { tenant_id: '80', extension_id: '11' })).body.data;
    expect(secret).toBe(peer[0].secret);
    expect(secret).toMatch(/^\$.{27}$/);
    // The extension must belong to the tenant given.
    expect((await call('/extension/user', { tenant_id: '81', extension_id: '11' })).body.message).toBe('Record Not Found.');
    expect((await call('/extension/byid', { extension_id: '999' })).body.message).toBe('Record Not Found.');
  });
  it('caller-ID lookups return bare strings', async () => {
    expect((await call('/extension/getCidNumber', { extension_id: '15' })).body).toEqual({ status: 'success', data: '15145550144' });
    expect((await call('/extension/GetFMFCallerId', { extension_id: '12' })).body).toEqual({ status: 'success', data: '15145550143' });
  });
  it('updatebyid takes a JSON string (form) or object (JSON body)', async () => {
    const rec = { ex_name: 'Front Desk', ex_number: '230', ex_cidnum: '15145550142', ex_cidname: 'Northwind' };
    expect((await call('/extension/updatebyid', { extension_id: '11', extension: JSON.stringify(rec) })).body).toEqual({ status: 'success', data: { msg: 'Record Updated Successfully.' } });
    expect((await call('/extension/byid', { extension_id: '11' })).body.data[0]).toMatchObject(rec);
    const r2 = await call('/extension/updatebyid', { extension_id: '11', extension: { ex_name: 'Desk' } }, { json: true });
    expect(r2.body.status).toBe('success');
    expect((await call('/extension/byid', { extension_id: '11' })).body.data[0]).toMatchObject({ ex_name: 'Desk', ex_number: '230' });
  });
  it('update errors: not found, required, duplicate number', async () => {
    expect((await call('/extension/updatebyid', { extension_id: '999', extension: '{"ex_name":"x"}' })).body.message).toBe('Record Not Found.');
    expect((await call('/extension/updatebyid', { extension_id: '11', extension: 'not json' })).body.message).toBe('Please Enter Required Fields.');
    expect((await call('/extension/updatebyid', { extension_id: '11' })).body.message).toBe('Please Enter Required Fields.');
    const dup = await call('/extension/updatebyid', { extension_id: '11', extension: '{"ex_number":"222"}' });
    expect(dup.body.status).toBe('failed');
  });
});

describe('DIDs, hunt lists, phones', () => {
  it('did/byid omits di_id; updatebyid changes the row', async () => {
    const r = (await call('/did/byid', { did_id: '2' })).body.data;
    expect(r).toHaveLength(1);
    expect(r[0]).not.toHaveProperty('di_id');
    expect(r[0]).toMatchObject({ di_te_id: '80', di_recording: 'yes', di_fax: 'no' });
    const did = { di_number: '15145550199', di_didprefix: '12', di_didnameprefix: 'asd', di_country: 'Canada', di_area: 'QC', di_comment: 'New main' };
    expect((await call('/did/updatebyid', { did_id: '2', did: JSON.stringify(did) })).body.data).toEqual({ msg: 'Record Updated Successfully.' });
    expect((await call('/did/byid', { did_id: '2' })).body.data[0]).toMatchObject(did);
    expect((await call('/did/updatebyid', { did_id: '404', did: JSON.stringify(did) })).body).toEqual({ status: 'failed', message: 'Record Not Found.' });
  });
  it('hunt get, update, delete', async () => {
    expect((await call('/hunt/byid', { hunt_id: '4' })).body.data).toEqual([{ hu_id: '4', hu_number: '502', hu_name: 'Clinicians', hu_type: 'RINGALL', hu_ringtime: '45', hu_checkinuse: 'yes' }]);
    const upd = await call('/hunt/updatebyid', { hunt_id: '4', hunt: '{"hu_number":"111","hu_name":"AAA","hu_type":"AA","hu_ringtime":"2"}' });
    expect(upd.body.data.msg).toBe('Record Updated Successfully.');
    expect((await call('/hunt/byid', { hunt_id: '4' })).body.data[0]).toMatchObject({ hu_number: '111', hu_type: 'AA', hu_ringtime: '2' });
    expect((await call('/hunt/deletebyid', { hunt_id: '4' })).body).toEqual({ status: 'success', data: 'Record Deleted Successfully.' });
    expect((await call('/hunt/deletebyid', { hunt_id: '4' })).body).toEqual({ status: 'failed', message: 'Record Not Found.' });
    expect((await call('/hunt/updatebyid', { hunt_id: '4', hunt: '{"hu_name":"x"}' })).body.message).toBe('Record Not Found.');
  });
  it('phone add, list, delete', async () => {
    expect((await call('/phone/AddNewPhone', { phone: '{"ph_name":"xyz","ph_te_id":"81"}' })).body).toEqual({ status: 'failed', message: 'Please Enter Required Fields.' });
    const add = await call('/phone/AddNewPhone', { phone: JSON.stringify({ ph_name: 'Warehouse phone', ph_te_id: '81', ph_pm_id: '1', ph_mac: '80:5E:C0:00:00:09', ph_http_user: 'u', ph_http_password: 'p' }) });
    expect(add.body).toEqual({ status: 'success', data: { msg: 'Record Inserted Successfully.', PhoneID: '4' } });
    const list = (await call('/phone/bytenant', { tenant_id: '81' })).body.data;
    expect(list.find((p: any) => p.ph_id === '4')).toEqual({ ph_id: '4', ph_name: 'Warehouse phone', ph_te_id: '81', ph_pm_id: '1', ph_mac: '80:5E:C0:00:00:09', ph_filename: '805ec0000009.cfg' });
    expect((await call('/phone/deletebyid', { phone_id: '4' })).body.data).toBe('Record Deleted Successfully.');
    expect((await call('/phone/deletebyid', { phone_id: '4' })).body.message).toBe('Record Not Found.');
  });
});

describe('call history (emulator convention)', () => {
  it('requires dates and tenant_code, accepts both date forms, filters', async () => {
    expect((await call('/cdr/getCallHistory', { tenant_code: 'NorthwindDental' })).body.message).toBe('Please Enter Required Fields.');
    const now = Date.now();
    const from = ymd(now - 7 * 86_400_000);
    const to = ymd(now);
    const rows = (await call('/cdr/getCallHistory', { start_date_ymd: from, end_date_ymd: to, tenant_code: 'NorthwindDental' })).body.data;
    expect(rows.length).toBeGreaterThan(20);
    expect(Object.keys(rows[0])).toEqual(['calldate', 'src', 'dst', 'firstdst', 'disposition', 'duration', 'billsec', 'cost', 'uniqueid']);
    expect(rows[0].calldate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const exts = new Set(['221', '222', '223', '224', '225', '226']);
    expect(rows.every((r: any) => exts.has(r.src) || exts.has(r.dst))).toBe(true);
    const compact = (await call('/cdr/getCallHistory', { start_date_ymd: from.replace(/-/g, ''), end_date_ymd: to.replace(/-/g, ''), tenant_code: 'NorthwindDental' })).body.data;
    expect(compact).toEqual(rows);
    const busy = (await call('/cdr/getCallHistory', { start_date_ymd: from, end_date_ymd: to, tenant_code: 'NorthwindDental', disposition: 'BUSY' })).body.data;
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.every((r: any) => r.disposition === 'BUSY')).toBe(true);
    const charged = (await call('/cdr/getCallHistory', { start_date_ymd: from, end_date_ymd: to, tenant_code: 'NorthwindDental', cost: '1' })).body.data;
    expect(charged.every((r: any) => Number(r.cost) > 0)).toBe(true);
    expect((await call('/cdr/getCallHistory', { start_date_ymd: from, end_date_ymd: to, tenant_code: 'Nope' })).body).toEqual({ status: 'success', data: [] });
  });
  it('an injected call appears once it ended', async () => {
    await control('call', { tenantId: '81', from: '301', to: '+14165550999', durationSec: 30 });
    await control('clock', { advanceMs: 60_000 });
    const today = ymd(Date.now() + 60_000);
    const rows = (await call('/cdr/getCallHistory', { start_date_ymd: today, end_date_ymd: today, tenant_code: 'MapleLeafLogistics', firstdst: '+14165550999' })).body.data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ src: '301', dst: '+14165550999', disposition: 'ANSWERED', duration: '30', billsec: '30', cost: '0.02000' });
  });
});

describe('control plane', () => {
  it('vendor-error fault gives the documented generic failure; budget gives 429', async () => {
    await control('faults', { mode: 'vendor-error', remaining: 1 });
    expect((await call('/ivr/bytenant', { tenant_id: '80' })).body).toEqual({ status: 'failed', message: 'Unauthorized Access' });
    expect((await call('/ivr/bytenant', { tenant_id: '80' })).body.status).toBe('success');
    await control('budget', { requests: 1, perSeconds: 60 });
    expect((await call('/ivr/bytenant', { tenant_id: '80' })).status).toBe(200);
    expect((await call('/ivr/bytenant', { tenant_id: '80' })).status).toBe(429);
  });
  it('reset restores the fixtures', async () => {
    await call('/hunt/deletebyid', { hunt_id: '3' });
    await control('reset');
    expect((await call('/hunt/byid', { hunt_id: '3' })).body.status).toBe('success');
  });
});
