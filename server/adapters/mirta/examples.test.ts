import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VendorError } from '../errors';
import { createMirtaClient } from './client';
import { MIRTA_DOC_EXAMPLES } from './doc-examples';
import { createMirtaAdapter } from './index';
import { conditionToOperationTimes, toDid, toExtension } from './map';
import {
  cidNumberRowSchema,
  conditionRowSchema,
  destinationRowSchema,
  didDetailRowSchema,
  envelopeSchema,
  extensionRowSchema,
  fmfCallerIdRowSchema,
  huntRowSchema,
  listOf,
  phoneRowSchema,
  scalarSchema,
  writeResultSchema,
} from './wire';

/**
 * The doc's samples are not all valid JSON (quirk 61). This undoes exactly the three documented defects —
 * trailing commas, a doubled outer `{ {`, and a stray closing bracket — and nothing else.
 */
function repairDocJson(text: string): unknown {
  let t = text.replace(/,(\s*[\]}])/g, '$1');
  if (/^\s*\{\s*\{/.test(t)) t = t.replace(/^\s*\{/, '').replace(/\}\s*$/, '');
  const stack: string[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (inString) {
      if (c === '"' && t[i - 1] !== '\\') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c === '{' ? '}' : ']');
    else if (c === '}' || c === ']') {
      if (stack[stack.length - 1] !== c) continue; // a closer with nothing to close
      stack.pop();
    }
    out += c;
  }
  return JSON.parse(out);
}

const example = (key: string) => {
  const text = MIRTA_DOC_EXAMPLES[key];
  if (!text) throw new Error(`no doc example ${key}`);
  return repairDocJson(text) as { status: string; data?: unknown; message?: string };
};
const dataOf = (key: string) => example(key).data;

// ------------------------------------------------------------------------------------------- a replay server

/** Answers each path with a doc example, the way the real API would (HTTP 200; the doc gives no statuses). */
let server: http.Server;
let url = '';
let replies: Record<string, string> = {};
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const key = replies[path];
    const body = key ? JSON.stringify(example(key)) : JSON.stringify({ status: 'failed', message: 'Unauthorized Access' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  replies = { '/user/tenants': '/user/tenants success' };
});

const config = () => ({ vendor: 'mirta' as const, baseUrl: url, username: 'api', password: 'secret-pass', userEmail: 'x@advice-wise.example', tenantCodes: { '80': 'AdviceWise' } });
const adapter = () => createMirtaAdapter(config(), { deadlineMs: 2_000, retries: 0 });
const client = () => createMirtaClient(config(), { deadlineMs: 2_000, retries: 0 });
const ctx = {};

async function vendorError(p: Promise<unknown>): Promise<VendorError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(VendorError);
  return e as VendorError;
}

describe('every doc example is readable', () => {
  it.each(Object.keys(MIRTA_DOC_EXAMPLES))('%s', (key) => {
    const env = envelopeSchema.parse(example(key));
    expect(env.status).toBe(key.endsWith('success') ? 'success' : 'failed');
    if (key.endsWith('error')) expect(['Unauthorized Access', 'Record Not Found.', 'Please Enter Required Fields.']).toContain(env.message);
  });
});

describe('doc examples → domain values, through the adapter over HTTP', () => {
  it('/user/login and /user/tenants', async () => {
    replies['/user/login'] = '/user/login success';
    expect((await adapter().testConnection(ctx)).detail).toContain('579');
    expect(await adapter().listTenants(ctx)).toEqual([{ connectionId: '', id: '80', name: 'Advice Wise Solicitors', code: 'AdviceWise', status: 'unknown', extras: {} }]);
  });

  it('/extension/bytenant (broken sample) and /extension/user', async () => {
    replies['/extension/bytenant'] = '/extension/bytenant success';
    const list = await adapter().listExtensions!(ctx, '80');
    expect(list).toEqual([
      { id: '11', tenantId: '80', number: '221', name: 'Chris Latremoille', status: 'unknown', extras: { ex_cidnum: '15146339933', ex_cidname: 'Uniglobe Dorval', ex_callwaiting: '' } },
      { id: '12', tenantId: '80', number: '222', name: 'Francine Girard', status: 'unknown', extras: { ex_cidnum: '15146339933', ex_cidname: 'Uniglobe Dorval', ex_callwaiting: '' } },
    ]);
    replies['/extension/user'] = '/extension/user success';
    const one = await adapter().getExtension!(ctx, '80', '11');
    expect(one.extras).toMatchObject({ sip_username: '251-UniglobeDorval', sip_host: 'dynamic', sip_secret_set: true });
    // The SIP secret never leaves the adapter.
    expect(JSON.stringify(one)).not.toContain('$50jLkuPLypGxqBmyftPV51AM91.');
  });

  it('/extension/byid, scalar and caller-ID list samples', () => {
    const [row] = listOf(extensionRowSchema).parse(dataOf('/extension/byid success'));
    expect(toExtension(row!, '93')).toMatchObject({ id: '240', number: '251', name: 'Test', extras: { ex_cidnum: '', ex_cidname: 'Test' } });
    expect(scalarSchema.parse(dataOf('/extension/usersecret success'))).toBe('$aLRMruPLypGxqBmyftPV5FPJ3I.');
    expect(scalarSchema.parse(dataOf('/extension/getCidNumber success'))).toBe('15146339933');
    expect(scalarSchema.parse(dataOf('/extension/GetFMFCallerId success'))).toBe('15146339933');
    expect(listOf(cidNumberRowSchema).parse(dataOf('/extension/getCidNumberList success'))).toHaveLength(4);
    expect(listOf(fmfCallerIdRowSchema).parse(dataOf('/extension/GetFMFCallerIdList success')).map((r) => r.GetFMFCallerId)).toEqual(Array(4).fill('15146339933'));
  });

  it('/extension/updatebyid success and "Record Not Found."', async () => {
    replies['/extension/bytenant'] = '/extension/bytenant success';
    replies['/extension/user'] = '/extension/user success';
    replies['/extension/updatebyid'] = '/extension/updatebyid success';
    const updated = await adapter().updateExtension!(ctx, '80', '12', { number: '222', name: 'Francine Girard', fields: {} });
    expect(updated.id).toBe('12');
    replies['/extension/updatebyid'] = '/extension/updatebyid error';
    const e = await vendorError(adapter().updateExtension!(ctx, '80', '12', { number: '222', name: 'X', fields: {} }));
    expect(e).toMatchObject({ kind: 'not_found', vendorMessage: 'Record Not Found.' });
  });

  it('/did/bytenant and /did/byid (no di_id)', async () => {
    replies['/did/bytenant'] = '/did/bytenant success';
    const dids = await adapter().listDids!(ctx, '80');
    expect(dids.map((d) => [d.id, d.number, d.description])).toEqual([
      ['2', '15146001434', undefined],
      ['3', '14388197387', undefined],
      ['30', '15146339933', 'Uniglobe Dorval - Main'],
    ]);
    const [detail] = listOf(didDetailRowSchema).parse(dataOf('/did/byid success'));
    expect(toDid({ ...detail!, di_id: '7' }, detail!.di_te_id)).toEqual({
      id: '7',
      tenantId: '2',
      number: '12894701289',
      description: 'OnSwitch - Canada - Ontario - Newmarket',
      extras: { di_country: '', di_area: '', di_recording: 'yes', di_fax: 'no', di_didprefix: '', di_didnameprefix: '' },
    });
  });

  it('/did/updatebyid: success shape and not-found error', async () => {
    replies['/did/updatebyid'] = '/did/updatebyid success';
    expect(await client().call(ctx, '/did/updatebyid', { did_id: '2', did: { di_number: '1' } }, writeResultSchema, { write: true })).toEqual({ msg: 'Record Updated Successfully.' });
    replies['/did/updatebyid'] = '/did/updatebyid error';
    expect(await vendorError(client().call(ctx, '/did/updatebyid', { did_id: '2' }, writeResultSchema, { write: true }))).toMatchObject({ kind: 'not_found', vendorMessage: 'Record Not Found.' });
  });

  it('hunt lists: list, byid, update, delete and their errors', async () => {
    replies['/hunt/bytenant'] = '/hunt/bytenant success';
    replies['/hunt/byid'] = '/hunt/byid success';
    const groups = await adapter().listRingGroups(ctx, '80');
    expect(groups.map((g) => [g.id, g.number, g.name, g.strategy, g.ringTimeSec])).toEqual([
      ['3', '501', 'Franchise Opportunities', 'RINGALL', 60],
      ['4', '502', 'General Inquriies', 'RINGALL', 60],
    ]);
    expect(await adapter().getRingGroup(ctx, '80', '4')).toMatchObject({ id: '4', checkInUse: undefined });
    replies['/hunt/updatebyid'] = '/hunt/updatebyid success';
    await adapter().updateRingGroup(ctx, '80', '4', { number: '111', name: 'AAA', strategy: 'AA', ringTimeSec: 2 });
    replies['/hunt/updatebyid'] = '/hunt/updatebyid error';
    expect(await vendorError(adapter().updateRingGroup(ctx, '80', '4', { number: '111', name: 'AAA', strategy: 'AA' }))).toMatchObject({ kind: 'not_found' });
    replies['/hunt/deletebyid'] = '/hunt/deletebyid success';
    await adapter().deleteRingGroup(ctx, '80', '4');
    replies['/hunt/deletebyid'] = '/hunt/deletebyid error';
    expect(await vendorError(adapter().deleteRingGroup(ctx, '80', '4'))).toMatchObject({ kind: 'not_found', vendorMessage: 'Record Not Found.' });
    expect(listOf(huntRowSchema).parse(dataOf('/hunt/byid success'))[0]?.hu_checkinuse).toBe('');
  });

  it('phones: list, insert, delete, and "Please Enter Required Fields."', async () => {
    expect(listOf(phoneRowSchema).parse(dataOf('/phone/bytenant success'))[0]).toMatchObject({ ph_id: '1', ph_mac: 'asd' });
    expect(writeResultSchema.parse(dataOf('/phone/AddNewPhone success'))).toEqual({ msg: 'Record Inserted Successfully.', PhoneID: '4' });
    expect(writeResultSchema.parse(dataOf('/phone/deletebyid success'))).toBe('Record Deleted Successfully.');
    replies['/phone/AddNewPhone'] = '/phone/AddNewPhone error';
    const e = await vendorError(client().call(ctx, '/phone/AddNewPhone', { phone: { ph_name: 'x' } }, writeResultSchema, { write: true }));
    expect(e).toMatchObject({ kind: 'rejected', vendorMessage: 'Please Enter Required Fields.', operation: '/phone/AddNewPhone' });
    replies['/phone/deletebyid'] = '/phone/deletebyid error';
    expect(await vendorError(client().call(ctx, '/phone/deletebyid', { phone_id: '9' }, writeResultSchema, { write: true }))).toMatchObject({ kind: 'not_found' });
  });

  it('/user/updatebyid success and error', async () => {
    replies['/user/updatebyid'] = '/user/updatebyid success';
    expect(await client().call(ctx, '/user/updatebyid', { user_id: '134', password: 'x' }, writeResultSchema, { write: true })).toMatchObject({ msg: 'Record Updated Successfully.' });
    replies['/user/updatebyid'] = '/user/updatebyid error';
    expect(await vendorError(client().call(ctx, '/user/updatebyid', { user_id: '1', password: 'x' }, writeResultSchema, { write: true }))).toMatchObject({ kind: 'not_found' });
  });

  it('/voicemail/bytenant, /ivr/bytenant, /custom/bytenant', async () => {
    replies['/voicemail/bytenant'] = '/voicemail/bytenant success';
    expect(await adapter().listVoicemailBoxes(ctx, '80')).toEqual([
      { id: '55', tenantId: '80', name: 'General Delivery Voicemail', email: 'info@escapegames.ca', context: 'EscapeGamesCanada', extras: {} },
    ]);
    replies['/ivr/bytenant'] = '/ivr/bytenant success';
    expect(await adapter().listIvrs!(ctx, '80')).toEqual([
      { id: '1', tenantId: '80', name: 'Main Menu - FR', keymap: null, extras: {} },
      { id: '4', tenantId: '80', name: 'Main Menu - EN', keymap: null, extras: {} },
    ]);
    Object.assign(replies, {
      '/extension/bytenant': '/extension/bytenant success',
      '/hunt/bytenant': '/hunt/bytenant success',
      '/custom/bytenant': '/custom/bytenant success',
    });
    const options = await adapter().listDestinations!(ctx, '80');
    expect(options).toContainEqual({ type: 'other', target: '2', label: 'Vickie Kyriakakos Mobile (forward)' });
    expect(options).toContainEqual({ type: 'ring_group', target: '501', label: 'Franchise Opportunities (501)' });
    expect(options).toContainEqual({ type: 'voicemail', target: '55', label: 'General Delivery Voicemail' });
    expect(options).toContainEqual({ type: 'extension', target: '221', label: 'Chris Latremoille (221)' });
  });

  it('/condition/bytenant: caller-ID conditions are not operation times', async () => {
    const rows = listOf(conditionRowSchema).parse(dataOf('/condition/bytenant success'));
    expect(rows.map((r) => [r.co_id, r.co_type, r.co_param1, r.co_param2])).toEqual([
      ['2', 'CALLERID', '5146349955', '5149239933'],
      ['3', 'CALLERID', '5148273211', ''],
    ]);
    expect(rows.map((r) => conditionToOperationTimes(r, '80', 2026))).toEqual([undefined, undefined]);
    replies['/condition/bytenant'] = '/condition/bytenant success';
    expect(await adapter().listOperationTimes!(ctx, '80')).toEqual([]);
  });

  it('/destination/all (doubled brace in the sample)', () => {
    expect(listOf(destinationRowSchema).parse(dataOf('/destination/all success'))).toEqual([
      { de_id: '156', de_type_src: 'CONDITION', de_type_dst: 'DISA', de_ord: '1' },
      { de_id: '157', de_type_src: 'NOTCONDITION', de_type_dst: 'CONDITION', de_ord: '1' },
    ]);
  });

  it('"Unauthorized Access" (the generic error, e.g. /cdr/getCallHistory) is an auth error', async () => {
    replies['/cdr/getCallHistory'] = '/cdr/getCallHistory error';
    const e = await vendorError(adapter().listCdrs!(ctx, { tenantId: '80', from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' }));
    expect(e).toMatchObject({ kind: 'auth', vendor: 'mirta', vendorMessage: 'Unauthorized Access', operation: '/cdr/getCallHistory' });
    for (const key of ['/user/login error', '/user/get error', '/user/tenants error', '/destination/all error']) {
      replies['/user/tenants'] = key;
      expect(await vendorError(adapter().listTenants(ctx))).toMatchObject({ kind: 'auth', vendorMessage: 'Unauthorized Access' });
    }
  });
});
