/**
 * Every verbatim HoduPBX example of vendor-matrix §3 (examples.fixture.ts), repaired only for its documented
 * doc artefacts (PHP-array notation, missing and trailing commas, stray fragments, Markdown escapes), served by
 * a stub over real HTTP and read through the adapter into domain values. Request examples are compared with
 * what the adapter actually sends. Status tables are compared with codes.ts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../capabilities';
import { HODU_CODES, type HoduFamily } from './codes';
import * as EX from './examples.fixture';
import { createHodupbxAdapter, type HodupbxAdapterConfig } from './index';

// ------------------------------------------------------------------------------------------- doc repair

/** Markdown escapes (`token\_id`), PHP arrays (`( "k" => "v", );`), missing commas, trailing commas. */
function repairDocJson(text: string): unknown {
  let s = text
    .replace(/^```.*$/gm, '')
    .replace(/\\_/g, '_')
    .replace(/^\s*\(\s*$/m, '{')
    .replace(/^\s*\(\s*"/m, '{"')
    .replace(/\)\s*;\s*$/m, '}')
    .replace(/"\s*=>\s*/g, '": ');
  // A `}` directly followed by a key closed an object too early (getShift's split code block).
  s = s.replace(/}\s*(?="[^"]+"\s*:)/g, '');
  // Missing commas: between objects, and between a value and the next key on a new line.
  s = s.replace(/}\s*\n\s*{/g, '},{').replace(/("|\d|\])[ \t]*\n(\s*)"/g, '$1,\n$2"');
  // Trailing commas.
  s = s.replace(/,(\s*[}\]])/g, '$1');
  // Keep the first balanced value: drops the stray `} ] }` fragments that follow some samples.
  const start = s.search(/[{[]/);
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const ch = s[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (--depth === 0) return JSON.parse(s.slice(start, i + 1));
    }
  }
  throw new Error(`no balanced JSON in: ${s.slice(0, 80)}`);
}

const between = (text: string, from: RegExp, to: RegExp) => {
  const a = text.search(from);
  const rest = text.slice(a).replace(from, '');
  const b = rest.search(to);
  return b < 0 ? rest : rest.slice(0, b);
};
const docRequest = (ex: string) => repairDocJson(between(ex, /\*{0,2}data\s*:-\*{0,2}/i, /\n\s*(Response|\*\*URL|URL :-)/));
const docResponse = (ex: string) => repairDocJson(between(ex, /Response\s*:-(\s*200 (OK|ok))?/, /\n\s*(Usage|In Response)/));
const docUrlPath = (ex: string) => new URL(/https?:\/\/[^\s)\]]+\/(callLog|activeCalls|balance|recordingPath)\b/.exec(ex.replace(/\\\\_/g, '_').split('### Example')[1] ?? ex)![0]).pathname;

/** `Status Code  Status message  Reason` rows. */
function statusTable(ex: string): Map<number, string> {
  const rows = new Map<number, string>();
  for (const m of ex.matchAll(/^(\d{3})\t([^\t\n]+)/gm)) rows.set(Number(m[1]), m[2]!.trim());
  return rows;
}

// ------------------------------------------------------------------------------------------- stub server

type Reply = { status: number; body: unknown } | { status: number; raw: Buffer; type: string };
let stub: http.Server;
let base = '';
let routes: Record<string, (body: unknown) => Reply> = {};
let requests: { path: string; body: unknown }[] = [];
const failed601: Reply = { status: 601, body: { status: 'FAILED', message: 'Data Not Found' } };

beforeAll(async () => {
  stub = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://stub').pathname;
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? JSON.parse(text) : undefined;
      requests.push({ path, body });
      const route = Object.entries(routes).find(([suffix]) => path.endsWith(suffix));
      const reply = route ? route[1](body) : failed601;
      if ('raw' in reply) {
        res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': reply.raw.length });
        return res.end(reply.raw);
      }
      const out = JSON.stringify(reply.body);
      res.writeHead(reply.status, 'HoduPBX', { 'content-type': 'application/json' });
      res.end(out);
    });
  });
  await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => stub.close(() => r())));
beforeEach(() => {
  requests = [];
  routes = { '/info/TENANT/balance': () => ({ status: 200, body: docResponse(EX.balanceTenant) }) };
});

const tenant = (token: string, extra: Partial<HodupbxAdapterConfig> = {}) => createHodupbxAdapter({ baseUrl: `${base}/hodupbx_api/v1.4`, token, userType: 'TENANT', ...extra });
const admin = (token: string) => createHodupbxAdapter({ baseUrl: base, token, userType: 'ADMIN' });
const ctx = {};
const sent = (suffix: string) => requests.find((r) => r.path.endsWith(suffix));

// ------------------------------------------------------------------------------------------- tests

describe('HoduPBX §3 examples → domain values', () => {
  it('Get Balance (001) → tenant and balance', async () => {
    const a = tenant('sE9xO4aZZBkhfaA6');
    expect(await a.listTenants(ctx)).toEqual([{ connectionId: '', id: '1000', name: 'hodusoft', status: 'unknown', currency: 'USD', extras: {} }]);
    const [b] = await a.listBalances!(ctx);
    expect(b).toMatchObject({ tenantId: '1000', balance: { amount: '244.45999', currency: 'USD' }, source: 'tenant current_balance', extras: {} });
    expect(b!.credit).toBeUndefined();
    expect(sent('/info/TENANT/balance')!.body).toEqual(docRequest(EX.balanceTenant));
  });

  it('Get Balance (000) → the ADMIN request lists every tenant', async () => {
    routes['/info/ADMIN/balance'] = () => ({ status: 200, body: docResponse(EX.balanceTenant) });
    const tenants = await admin('aBcD21RfdoNklssp').listTenants(ctx);
    expect(tenants.map((t) => [t.id, t.name, t.currency])).toEqual([['1000', 'hodusoft', 'USD']]);
    expect(sent('/balance')).toEqual({ path: '/hodupbx_api/api/info/ADMIN/balance', body: docRequest(EX.balanceAdmin) });
    expect(docUrlPath(EX.balanceAdmin)).toBe('/hodupbx_api/api/info/ADMIN/balance');
  });

  it('Call Log (001) → two CDRs, with naive local times read in the configured zone', async () => {
    routes['/TENANT/callLog'] = () => ({ status: 200, body: docResponse(EX.callLogTenant) });
    const q = { tenantId: '1000', from: '2017-12-14T00:00:00Z', to: '2017-12-14T23:59:59Z' };
    const page = await tenant('sE9xO4aZZBkhfaA6').listCdrs!(ctx, q);
    expect(sent('/callLog')!.path).toBe(docUrlPath(EX.callLogTenant));
    expect(sent('/callLog')!.body).toEqual({ token_id: 'sE9xO4aZZBkhfaA6' });
    expect(page.nextCursor).toBeUndefined();
    expect(page.records.map(({ id: _id, raw: _raw, ...r }) => r)).toEqual([
      { tenantId: '1000', startedAt: '2017-12-14T10:03:33Z', endedAt: '2017-12-14T10:03:59Z', from: { number: '124' }, to: { number: '122' }, forwardedTo: undefined, direction: 'internal', disposition: 'unknown', durationSec: 26, cost: { amount: '0.00000', currency: 'USD' }, recordingRef: undefined },
      { tenantId: '1000', startedAt: '2017-12-14T10:05:47Z', endedAt: '2017-12-14T10:06:25Z', from: { number: '124' }, to: { number: '122' }, forwardedTo: undefined, direction: 'internal', disposition: 'unknown', durationSec: 38, cost: { amount: '0.00000', currency: 'USD' }, recordingRef: undefined },
    ]);
    expect(page.records[0]!.raw).toMatchObject({ forward: '122', incoming_call_charges: '0.00000' });
    expect(new Set(page.records.map((r) => r.id)).size).toBe(2);

    const kolkata = await tenant('sE9xO4aZZBkhfaA6', { timezone: 'Asia/Kolkata' }).listCdrs!(ctx, { ...q, from: '2017-12-13T18:30:00Z', to: '2017-12-14T18:29:59Z' });
    expect(kolkata.records.map((r) => r.startedAt)).toEqual(['2017-12-14T04:33:33Z', '2017-12-14T04:35:47Z']);
  });

  it('Call Log (000) → the ADMIN request carries the date segments and tenant_id; 411 is an empty result', async () => {
    routes['/ADMIN/callLog'] = () => ({ status: 411, body: { status: 'FAILED', message: 'No Call Log Details Found' } });
    routes['/info/ADMIN/balance'] = () => ({ status: 200, body: docResponse(EX.balanceTenant) });
    const page = await admin('aBcD21RfdoNklssp').listCdrs!(ctx, { tenantId: '1000', from: '2016-04-01T00:00:00Z', to: '2016-04-01T12:00:00Z' });
    expect(page).toEqual({ records: [], nextCursor: undefined });
    expect(docUrlPath(EX.callLogAdmin)).toBe('/hodupbx_api/api/info/2016-04-01/2016-04-30/ADMIN/callLog');
    expect(sent('/callLog')).toEqual({ path: '/hodupbx_api/api/info/2016-04-01/2016-04-01/ADMIN/callLog', body: { ...(docRequest(EX.callLogAdmin) as object), tenant_id: '1000' } });
  });

  it('Active Calls (001) → one live call with a derived, stable ID', async () => {
    routes['/TENANT/activeCalls'] = () => ({ status: 200, body: docResponse(EX.activeCallsTenant) });
    const a = tenant('sE9xO4aZZBkhfaA6');
    const [call] = await a.listLiveCalls!(ctx, '1000');
    expect(call).toEqual({ id: expect.stringMatching(/^hodu-[\w-]{16}$/), tenantId: '1000', from: { number: '124' }, to: { number: '122' }, direction: 'internal', startedAt: '2017-12-14T10:03:59Z', extras: {} });
    expect((await a.listLiveCalls!(ctx, '1000'))[0]!.id).toBe(call!.id);
    expect(sent('/activeCalls')!.path).toBe(docUrlPath(EX.activeCallsTenant));
    expect(sent('/activeCalls')!.body).toEqual(docRequest(EX.activeCallsTenant));
  });

  it('Active Calls (000) → ADMIN calls carry no tenant, so an ADMIN connection offers no live call list', () => {
    expect(docUrlPath(EX.activeCallsAdmin)).toBe('/hodupbx_api/api/info/ADMIN/activeCalls');
    expect(EX.activeCallsAdmin).toContain('caller_number, callee_number, start_time');
    expect(capabilitiesOf(admin('aBcD21RfdoNklssp'))).not.toContain('listLiveCalls');
    expect(capabilitiesOf(tenant('x'))).toContain('listLiveCalls');
  });

  it('Create Extension → the body the adapter sends matches the sample (one number per call)', async () => {
    const sample = docRequest(EX.createExtension) as Record<string, unknown>;
    routes['/TENANT/createExtension'] = () => ({ status: 200, body: docResponse(EX.createExtension) });
    routes['/TENANT/getExtension'] = () => ({ status: 200, body: { status: 'SUCCESS', message: 'Extension Details.', count: 1, data: [{ ext_id: '1751', ext_name: '10005-10005' }] } });
    const fields = Object.fromEntries(
      Object.entries(sample)
        .filter(([k]) => !['token_id', 'ext_number', 'ext_email_id'].includes(k))
        .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
    );
    const created = await tenant(String(sample.token_id)).createExtension!(ctx, '1000', { number: '10005', name: 'ignored', email: String(sample.ext_email_id), fields });
    expect(sent('/createExtension')!.body).toEqual({ ...sample, ext_number: ['10005'] });
    expect(created).toEqual({ id: '1751', tenantId: '1000', number: '10005', name: '10005', status: 'unknown', extras: { ext_name: '10005-10005' } });
  });

  it('Update Extension → the body matches the sample (by ext_id, no number or timezone)', async () => {
    const sample = docRequest(EX.updateExtension) as Record<string, unknown>;
    routes['/TENANT/updateExtension'] = () => ({ status: 200, body: docResponse(EX.updateExtension) });
    routes['/TENANT/getExtension'] = () => ({ status: 200, body: { status: 'SUCCESS', data: [{ ext_id: '1751', ext_name: '10005-10005' }] } });
    const fields = Object.fromEntries(
      Object.entries(sample)
        .filter(([k]) => !['token_id', 'ext_id', 'ext_email_id'].includes(k))
        .map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
    );
    const updated = await tenant(String(sample.token_id)).updateExtension!(ctx, '1000', '1751', { number: '10005', name: 'x', email: String(sample.ext_email_id), fields: { ...fields, timezone_id: '1' } });
    expect(sent('/updateExtension')!.body).toEqual(sample);
    expect(updated.id).toBe('1751');
    expect((docResponse(EX.updateExtension) as { message: string }).message).toBe('Extension Updated Successfully.');
  });

  it('Get Extension → "<name>-<number>" split on the last dash', async () => {
    routes['/TENANT/getExtension'] = () => ({ status: 200, body: docResponse(EX.getExtension) });
    const exts = await tenant('ukenCWPLNplqxmZi').listExtensions!(ctx, '1000');
    expect(exts.map((e) => [e.id, e.name, e.number])).toEqual([
      ['645', '1001103', '1001103'],
      ['485', '102_name', '102'],
      ['625', '118', '118'],
    ]);
    expect(sent('/getExtension')!.body).toEqual(docRequest(EX.getExtension));
  });

  it('Get IVR → IVRs with no keymap', async () => {
    routes['/TENANT/getIVR'] = () => ({ status: 200, body: docResponse(EX.getIvr) });
    const ivrs = await tenant('ukenCWPLNplqxmZi').listIvrs!(ctx, '1000');
    expect(ivrs).toEqual([
      { id: '1', tenantId: '1000', name: 'IVR', extension: '3000', keymap: null, extras: {} },
      { id: '4', tenantId: '1000', name: 'IVR_1', extension: '3001', keymap: null, extras: {} },
      { id: '21', tenantId: '1000', name: 'IVR_5', extension: '3005', keymap: null, extras: {} },
    ]);
    expect(capabilitiesOf(tenant('x'))).not.toContain('updateIvr');
  });

  it('Map DID With Extension → the adapter sends the sample body for an IVR destination', async () => {
    const sample = docRequest(EX.mapDid) as Record<string, string>;
    routes['/TENANT/getTenantDetails'] = () => ({ status: 200, body: { status: 'SUCCESS', message: 'DID Details.', count: 1, data: [{ did_id: '101', did_number: '12341' }] } });
    routes['/TENANT/mapDid'] = () => ({ status: 200, body: docResponse(EX.mapDid) });
    const did = await tenant(sample.token_id!).updateDid!(ctx, '1000', '101', { number: '12341', destination: { type: 'ivr', target: '25' }, fields: {} });
    expect(sent('/mapDid')!.body).toEqual(sample);
    expect(did).toEqual({ id: '101', tenantId: '1000', number: '12341', destination: { type: 'ivr', target: '25' }, extras: {} });
    expect(docResponse(EX.mapDid)).toEqual({ status: 'SUCCESS', message: 'Extension Mapped Successfully.' });
  });

  it('Get Shift → the shift choices of the extension form', async () => {
    routes['/TENANT/getShift'] = () => ({ status: 200, body: docResponse(EX.getShift) });
    const form = await tenant('6S8WynTX4Ez1Npga').extensionForm!(ctx, '1000');
    expect(form.fields.find((f) => f.name === 'shift_id')!.options).toEqual([
      { value: '1', label: 'Default' },
      { value: '140', label: 'A shift' },
    ]);
    // getPlan / getGroup / getTimezone answered 601 "Data Not Found": empty choices, not an error.
    expect(form.fields.find((f) => f.name === 'plan_id')!.options).toEqual([]);
  });

  it('Get Recording Path → the recording behind the URL', async () => {
    const resp = docResponse(EX.recordingPathTenant) as { data: { recordingPath: string } };
    const docUrl = new URL(resp.data.recordingPath);
    // The sample points at pbx.hodusoft.com; the stub stands in for that host.
    routes['/TENANT/recordingPath'] = () => ({ status: 200, body: { ...resp, data: { recordingPath: `${base}${docUrl.pathname}` } } });
    routes['.wav'] = () => ({ status: 200, raw: Buffer.from('RIFF0000WAVE'), type: 'audio/wav' });
    const sample = docRequest(EX.recordingPathTenant) as Record<string, string>;
    const rec = await tenant(sample.token_id!).getRecording!(ctx, '1000', { id: 'x', recordingRef: sample.callid, startedAt: '2017-12-15T10:00:00Z' });
    expect(sent('/recordingPath')!.body).toEqual(sample);
    expect(sent('.wav')!.path).toBe('/fs_sounds/recordings/0/1000/auto_rec/2017-12-15/4fa3de7c-a875-4327-9e5b-ce124673a361.wav');
    expect(rec.contentType).toBe('audio/wav');
    expect(Buffer.from(await new Response(rec.body).arrayBuffer()).toString()).toBe('RIFF0000WAVE');
  });
});

describe('HoduPBX §3 status tables = codes.ts', () => {
  const cases: [keyof typeof EX, HoduFamily][] = [
    ['callLogAdmin', 'callLog'],
    ['callLogTenant', 'callLog'],
    ['activeCallsAdmin', 'activeCalls'],
    ['activeCallsTenant', 'activeCalls'],
    ['balanceAdmin', 'balance'],
    ['balanceTenant', 'balance'],
    ['recordingPathTenant', 'recordingPath'],
    ['createExtension', 'extensionWrite'],
    ['updateExtension', 'extensionWrite'],
    ['getExtension', 'tenantList'],
    ['getIvr', 'tenantList'],
    ['mapDid', 'mapDid'],
    ['getShift', 'tenantLookup'],
  ];
  it.each(cases)('%s → %s', (name, family) => {
    const table = statusTable(EX[name]);
    expect(table.size).toBeGreaterThan(4);
    for (const [code, message] of table) {
      if (code === 200) continue; // 200's "message" is the success line, worded per endpoint.
      expect([code, HODU_CODES[family][code]?.message]).toEqual([code, message]);
    }
  });
});
