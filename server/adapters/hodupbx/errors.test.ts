/**
 * One test per documented HoduPBX status-code family: a real documented failure from the emulator becomes a
 * VendorError with the right kind, the vendor's code and the documented meaning as its message.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HODUPBX_DEMO_CREDENTIALS as C, startHodupbxEmulator } from '@/server/emulators/hodupbx';
import type { RunningEmulator } from '@/server/emulators/kit';
import { VendorError } from '../errors';
import { createHoduClient } from './client';
import { createHodupbxAdapter } from './index';

const ctx = {};
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startHodupbxEmulator({ port: 0, callsPerMinute: 0 });
});
afterAll(async () => emu?.close());
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
});

const tenant = (id = '1000') => createHodupbxAdapter({ baseUrl: emu.url, token: C.tenantTokens[id]!, userType: 'TENANT' });
const admin = () => createHodupbxAdapter({ baseUrl: emu.url, token: C.adminToken, userType: 'ADMIN' });
const client = (token: string, userType: 'ADMIN' | 'TENANT' = 'TENANT') => createHoduClient({ baseUrl: emu.url, token, userType });
const control = (path: string, body: unknown) => fetch(`${emu.url}/__emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });

async function vendorError(p: Promise<unknown>): Promise<VendorError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(VendorError);
  return e as VendorError;
}
const expectError = async (p: Promise<unknown>, kind: VendorError['kind'], code: string, message: string) => {
  const e = await vendorError(p);
  expect({ kind: e.kind, code: e.vendorCode, message: e.message }).toEqual({ kind, code, message });
  return e;
};

describe('HoduPBX error families → VendorError', () => {
  it('F1 callLog: 412 Invalid Start Date, 414 Invalid User Type, 501 Authentication Failed, 408 No Tenant Found', async () => {
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/2026-02-30/2026-03-01/TENANT/callLog' }), 'rejected', '412', 'Invalid Start Date');
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/2026-02-01/2026-03-01/MANAGER/callLog' }), 'auth', '414', 'Invalid User Type');
    await expectError(createHodupbxAdapter({ baseUrl: emu.url, token: C.adminToken, userType: 'TENANT' }).testConnection(ctx), 'auth', '501', 'Authentication Failed');
    const now = new Date();
    await expectError(admin().listCdrs!(ctx, { tenantId: '4242', from: new Date(now.getTime() - 3_600_000).toISOString(), to: now.toISOString() }), 'not_found', '408', 'No Tenant Found');
  });

  it('F1 activeCalls: 406 Tenant Not Active', async () => {
    await tenant().listTenants(ctx);
    await control('tenant', { tenant_id: '1000', active: false });
    await expectError(tenant().listLiveCalls!(ctx, '1000'), 'rejected', '406', 'Tenant Not Active');
  });

  it('F1 balance: 405 No Token', async () => {
    await expectError(createHodupbxAdapter({ baseUrl: emu.url, token: ' ', userType: 'ADMIN' }).listBalances!(ctx), 'auth', '405', 'No Token');
  });

  it('F1 recordingPath: 406 means No Recording Found here', async () => {
    await expectError(tenant().getRecording!(ctx, '1000', { id: 'x', recordingRef: '999999', startedAt: new Date().toISOString() }), 'not_found', '406', 'No Recording Found');
  });

  it('F2 click2call: 406 Not Acceptable names the parameter; 500 Failed to Dial', async () => {
    const e = await expectError(tenant().clickToCall!(ctx, { tenantId: '1000', extension: '101', webPassword: 'wrong', number: '14155550100' }), 'rejected', '406', 'Not Acceptable');
    expect(e.vendorMessage).toContain('extension_password');
    await expectError(tenant().clickToCall!(ctx, { tenantId: '1000', extension: '106', webPassword: 'web106', number: '14155550100' }), 'rejected', '500', 'Failed to Dial');
  });

  it('F2 crm: 406 Not Acceptable', async () => {
    const e = await expectError(
      client(C.tenantTokens['1000']!).call(ctx, { path: 'info/crmSubscribe', body: { extension_number: '101', extension_password: md5('nope') }, write: true }),
      'rejected',
      '406',
      'Not Acceptable',
    );
    expect(e.vendorMessage).toContain('extension_password');
  });

  it('F3 admin lookups: 603 Not Matched for a tenant token', async () => {
    await expectError(client(C.tenantTokens['1000']!, 'ADMIN').call(ctx, { path: 'info/getDID' }), 'auth', '603', 'Not Matched');
  });

  it('F4 assignDid: 610 Access Denied, 607 DID Limit, 609 Invalid DID ID', async () => {
    await expectError(admin().assignDid!(ctx, '1002', '204'), 'rejected', '610', 'Access Denied');
    await expectError(admin().assignDid!(ctx, '1001', '999'), 'not_found', '609', 'Invalid DID ID');
    await admin().assignDid!(ctx, '1001', '203');
    await expectError(client(C.adminToken, 'ADMIN').call(ctx, { path: 'assign/assignDid', body: { tenant_id: '1001', did_id: ['201'], sell_rate_plan_id: '4' }, write: true }), 'rejected', '607', 'DID Limit');
  });

  it('F5 createTenant: 605 Already Exists, 608 Currency Not Match', async () => {
    const body = {
      tenant_name: 'Northwind Dental',
      tenant_username: 'northwind',
      tenant_password: 'pw-123456',
      tenant_email: 'ops@example.test',
      tenant_currency: '60',
      tenant_country: '226',
      tenant_tax: '0',
      tenant_billplan_id: '1',
      tenant_serv_id_ext: '1',
      tenant_serv_id_ext_count: '5',
      tenant_serv_id_ext_rate: '0.0000',
    };
    const admin = client(C.adminToken, 'ADMIN');
    await expectError(admin.call(ctx, { path: 'add/createTenant', body, write: true }), 'rejected', '605', 'Already Exists');
    await expectError(admin.call(ctx, { path: 'add/createTenant', body: { ...body, tenant_name: 'New', tenant_username: 'new', tenant_currency: '61' }, write: true }), 'rejected', '608', 'Currency Not Match');
  });

  it('F6 createExtension / updateExtension: 606 Limit Reached, 608 Already Exists, 601 Data Not Found', async () => {
    const input = (n: string) => ({ number: n, name: n, fields: { plan_id: '3', shift_id: '1', ext_sip_password: 'sip-pass-1', ext_web_password: 'web-pass-1' } });
    await expectError(tenant('1002').createExtension!(ctx, '1002', input('301')), 'rejected', '608', 'Already Exists');
    await tenant('1002').createExtension!(ctx, '1002', input('303'));
    await tenant('1002').createExtension!(ctx, '1002', input('304'));
    await expectError(tenant('1002').createExtension!(ctx, '1002', input('305')), 'rejected', '606', 'Limit Reached');
    await expectError(tenant('1002').updateExtension!(ctx, '1002', '9999', input('301')), 'not_found', '601', 'Data Not Found');
  });

  it('F7 extension feature: 609 Access Denied, 601 Feature Limit', async () => {
    const input = { number: '201', name: 'x', fields: { feature_holiday: 'VM' } };
    await expectError(tenant('1001').updateExtension!(ctx, '1001', '646', input), 'rejected', '609', 'Access Denied');
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'extension', body: { ext_number: '101', holiday: '102', busy_forward: 'VM' }, write: true }), 'rejected', '601', 'Feature Limit');
  });

  it('F8 speeddial: 608 Access Denied (no outbound), 605 Not Numeric', async () => {
    await expectError(tenant('1002').updateExtension!(ctx, '1002', '650', { number: '301', name: 'x', fields: { speeddial_2: '14155550100' } }), 'rejected', '608', 'Access Denied');
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'speeddial', body: { ext_number: '101', two: 'abc' }, write: true }), 'rejected', '605', 'Not Numeric');
  });

  it('F9 mapDid: 606 DID Not Found, 605 Invalid DID', async () => {
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/TENANT/mapDid', body: { did_id: '120', default_destination: 'IVR', default_extension: '1' }, write: true }), 'not_found', '606', 'DID Not Found');
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/TENANT/mapDid', body: { did_id: 'x' }, write: true }), 'rejected', '605', 'Invalid DID');
  });

  it('F13 tenant lookups: 604 Invalid User Type for an ADMIN token, 606 Tenant is Inactive OR deleted', async () => {
    await expectError(client(C.adminToken, 'ADMIN').call(ctx, { path: 'info/ADMIN/getShift' }), 'auth', '604', 'Invalid User Type');
    await control('tenant', { tenant_id: '1000', active: false });
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/TENANT/getShift' }), 'rejected', '606', 'Tenant is Inactive OR deleted');
  });

  it('F14 tenant lists: 603 Authentication Failed; 601 Data Not Found is an empty list', async () => {
    await expectError(client('NotAValidToken00').call(ctx, { path: 'info/TENANT/getExtension' }), 'auth', '603', 'Authentication Failed');
    expect(await tenant('1002').listIvrs!(ctx, '1002')).toEqual([]);
  });

  it('F15 getPayment: 605 Invalid Start Date', async () => {
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/01-01-2026/2026-02-01/TENANT/getPayment' }), 'rejected', '605', 'Invalid Start Date');
  });

  it('F16 getInvoice: 606 Invalid Due Date, 605 Invalid Input', async () => {
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/TENANT/getInvoice', body: { invoice_duedate: '2026/01/01' } }), 'rejected', '606', 'Invalid Due Date');
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/TENANT/getInvoice', body: { invoice_status: 'LATE' } }), 'rejected', '605', 'Invalid Input');
  });

  it('424 Method Failed is an endpoint this server does not have', async () => {
    await expectError(client(C.tenantTokens['1000']!).call(ctx, { path: 'info/TENANT/getNothing' }), 'unsupported', '424', 'Method Failed');
  });

  it('a spent request budget is rate limited', async () => {
    emu.setBudget({ requests: 0, perSeconds: 60 });
    const e = await vendorError(tenant().listTenants(ctx));
    expect(e.kind).toBe('rate_limited');
    emu.setBudget(null);
  });
});
