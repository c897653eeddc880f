 
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OperationTimes } from '@/lib/schemas';
import type { RunningEmulator } from '@/server/emulators/kit';
import { PORTSIP_DEMO_CREDENTIALS, startPortsipEmulator, type WireHoliday, type WireTenant } from '@/server/emulators/portsip';
import { VendorError } from '../errors';
import { createPortsipClient } from './client';
import { createPortsipAdapter } from './index';

const [HARBOR, NORDLICHT] = PORTSIP_DEMO_CREDENTIALS;
const ctx = {};

interface StateTenant {
  key: string;
  balance: string;
  avatar_file_id: string;
  tenant: WireTenant;
  holidays: WireHoliday[];
  voicemail: unknown;
  password_policy: Record<string, unknown>;
}

let emu: RunningEmulator;
const control = async (method: string, path: string, body?: unknown) =>
  (await fetch(`${emu.url}/__emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) })).json() as Promise<any>;
const state = async (key: string) => ((await control('GET', 'state')).tenants as StateTenant[]).find((t) => t.key === key)!;
const adapterFor = (token: string = HARBOR.token, baseUrl = emu.url) => createPortsipAdapter({ baseUrl, token }, { deadlineMs: 2_000, retries: 1 });

async function vendorError(p: Promise<unknown>): Promise<VendorError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(VendorError);
  return e as VendorError;
}

beforeAll(async () => {
  emu = await startPortsipEmulator({ port: 0, seed: 11 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control('POST', 'reset');
});

describe('operation times round trip through the emulator', () => {
  it('changes only office_hours of the tenant object, and creates, edits and deletes holidays', async () => {
    const before = await state('nordlicht');
    const otherBefore = await state('harbor');
    const adapter = adapterFor(NORDLICHT.token);
    const [tenant] = await adapter.listTenants(ctx);
    const [current] = await adapter.listOperationTimes!(ctx, tenant!.id);
    expect(current!.weekly.monday).toEqual([{ from: '07:30', to: '17:00' }]);
    expect(current!.closed).toHaveLength(5);

    const [keep, rename, drop, ...rest] = current!.closed;
    const next: OperationTimes = {
      ...current!,
      weekly: { ...current!.weekly, monday: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '24:00' }], friday: [], saturday: [{ from: '09:00', to: '12:00' }] },
      closed: [keep!, { ...rename!, name: 'Maifeiertag' }, ...rest, { name: 'Sommerfest', from: '2026-07-17', to: '2026-07-17', timeFrom: '14:00', timeTo: '24:00', everyYear: false }],
    };
    const stored = await adapter.setOperationTimes!(ctx, tenant!.id, current!.target, next);
    expect(stored.weekly).toEqual(next.weekly);
    expect(stored.closed.map((c) => c.name).sort()).toEqual([keep!.name, 'Maifeiertag', ...rest.map((c) => c.name), 'Sommerfest'].sort());

    const after = await state('nordlicht');
    // Everything but office_hours is byte for byte what it was, including fields the adapter never reads.
    const { office_hours: ohAfter, ...restAfter } = after.tenant;
    const { office_hours: ohBefore, ...restBefore } = before.tenant;
    expect(restAfter).toEqual(restBefore);
    expect(after.avatar_file_id).toBe(before.avatar_file_id);
    expect(ohAfter.monday).toEqual({ enabled: true, ranges: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '23:59' }] });
    expect(ohAfter.friday).toEqual({ enabled: false, ranges: [] });
    expect(ohAfter.saturday).toEqual({ enabled: true, ranges: [{ from: '09:00', to: '12:00' }] });
    for (const d of ['tuesday', 'wednesday', 'thursday', 'sunday'] as const) expect(ohAfter[d]).toEqual(ohBefore[d]);

    const byId = new Map(after.holidays.map((h) => [h.id, h]));
    expect(byId.get(keep!.id!)).toEqual(before.holidays.find((h) => h.id === keep!.id));
    expect(byId.get(rename!.id!)).toEqual({ ...before.holidays.find((h) => h.id === rename!.id)!, name: 'Maifeiertag' });
    expect(byId.has(drop!.id!)).toBe(false);
    const created = after.holidays.find((h) => h.name === 'Sommerfest')!;
    expect(created).toMatchObject({ region: 'DEU', consecutive: false, every_year: false, year_start: 2026, month_start: 7, day_start: 17, hour_start: 14, minute_start: 0, hour_end: 23, minute_end: 59 });
    // The other tenant is untouched.
    expect(await state('harbor')).toEqual(otherBefore);
  });

  it('leaves a disabled day’s stored ranges alone when only another day changes, and writes nothing for no change', async () => {
    const raw = createPortsipClient({ baseUrl: emu.url, token: HARBOR.token });
    const t = (await state('harbor')).tenant;
    const body: Record<string, unknown> = { ...t, office_hours: { ...t.office_hours, sunday: { enabled: false, ranges: [{ from: '10:00', to: '12:00' }] } } };
    await raw.post(ctx, '/api/tenant', JSON.stringify(body));
    const before = await state('harbor');

    const adapter = adapterFor();
    const [tenant] = await adapter.listTenants(ctx);
    const [current] = await adapter.listOperationTimes!(ctx, tenant!.id);
    expect(current!.weekly.sunday).toEqual([]);
    const statsBefore = (await control('GET', 'stats')).byAction['/api/tenant'] as number;
    await adapter.setOperationTimes!(ctx, tenant!.id, current!.target, current!);
    // Only reads: one GET of the tenant in set, one in the read-back.
    expect((await control('GET', 'stats')).byAction['/api/tenant']).toBe(statsBefore + 2);
    expect(await state('harbor')).toEqual(before);

    await adapter.setOperationTimes!(ctx, tenant!.id, current!.target, { ...current!, weekly: { ...current!.weekly, monday: [{ from: '09:00', to: '17:00' }] } });
    const after = (await state('harbor')).tenant.office_hours;
    expect(after.sunday).toEqual({ enabled: false, ranges: [{ from: '10:00', to: '12:00' }] });
    expect(after.monday).toEqual({ enabled: true, ranges: [{ from: '09:00', to: '17:00' }] });
  });

  it('passes the vendor’s refusal of a bad schedule through as rejected, naming the field', async () => {
    const adapter = adapterFor();
    const [tenant] = await adapter.listTenants(ctx);
    const [current] = await adapter.listOperationTimes!(ctx, tenant!.id);
    const e = await vendorError(adapter.setOperationTimes!(ctx, tenant!.id, current!.target, { ...current!, weekly: { ...current!.weekly, monday: [{ from: '17:00', to: '09:00' }] } }));
    expect(e.kind).toBe('rejected');
    expect(e.vendorMessage).toMatch(/^office_hours\.monday/);
    expect(e.vendorCode).toBe('400');
  });

  it('refuses another tenant ID and another target', async () => {
    const adapter = adapterFor();
    const [tenant] = await adapter.listTenants(ctx);
    expect((await vendorError(adapter.listOperationTimes!(ctx, 'someone-else'))).kind).toBe('not_found');
    const [current] = await adapter.listOperationTimes!(ctx, tenant!.id);
    expect((await vendorError(adapter.setOperationTimes!(ctx, tenant!.id, { type: 'did', id: '1' }, current!))).kind).toBe('not_found');
  });
});

describe('counters, recharge and settings', () => {
  it('reads counters that follow a placed call', async () => {
    await control('POST', 'clock', { freeze: true });
    try {
      const adapter = adapterFor();
      const [tenant] = await adapter.listTenants(ctx);
      const a = await adapter.getTenantCounters!(ctx, tenant!.id);
      expect(a.calls24h).toHaveLength(24);
      expect(a.extensionsTotal).toBe(14);
      await control('POST', 'calls', { tenant: 'harbor', durationSec: 300 });
      const b = await adapter.getTenantCounters!(ctx, tenant!.id);
      expect(b.callsNow).toBe(a.callsNow! + 1);
      expect(b.calls24h!.at(-1)!.count).toBe(a.calls24h!.at(-1)!.count + 1);
    } finally {
      await control('POST', 'clock', { freeze: false });
    }
  });

  it('recharges the hidden balance exactly, in the tenant’s currency only', async () => {
    const adapter = adapterFor();
    const [tenant] = await adapter.listTenants(ctx);
    expect(tenant!.currency).toBe('USD');
    expect(adapter.listBalances).toBeUndefined();
    await adapter.rechargeBalance!(ctx, tenant!.id, { amount: '25.12345', currency: 'USD' });
    expect((await state('harbor')).balance).toBe('150.12345');
    const wrongCurrency = await vendorError(adapter.rechargeBalance!(ctx, tenant!.id, { amount: '5', currency: 'EUR' }));
    expect(wrongCurrency.kind).toBe('rejected');
    expect(wrongCurrency.message).toContain('Harbor Dental Group keeps its balance in USD');
    expect((await vendorError(adapter.rechargeBalance!(ctx, tenant!.id, { amount: '1.000001', currency: 'USD' }))).kind).toBe('rejected');
    expect((await state('harbor')).balance).toBe('150.12345');
  });

  it('shows the password policy and a write-only voicemail section, and saves both', async () => {
    const adapter = adapterFor();
    const [tenant] = await adapter.listTenants(ctx);
    const sections = await adapter.getTenantSettings!(ctx, tenant!.id);
    expect(sections.map((s) => [s.id, s.readable])).toEqual([
      ['password_policy', true],
      ['voicemail', false],
    ]);
    expect(sections[0]!.values.min_length).toBe(8);

    await adapter.updateTenantSettings!(ctx, tenant!.id, 'password_policy', { min_length: '12', contains_special_letters: true });
    expect((await state('harbor')).password_policy).toMatchObject({ min_length: 12, max_length: 32, contains_special_letters: true, contains_letters: true });
    const tooLong = await vendorError(adapter.updateTenantSettings!(ctx, tenant!.id, 'password_policy', { min_length: 40 }));
    expect(tooLong.kind).toBe('rejected');
    expect(tooLong.message).toMatch(/^min_length/);

    await adapter.updateTenantSettings!(ctx, tenant!.id, 'voicemail', { extension_number: '7000', retain_days: '60', min_seconds: '' });
    expect((await state('harbor')).voicemail).toEqual({ extension_number: '7000', retain_days: 60, min_seconds: 1 });
    expect((await vendorError(adapter.updateTenantSettings!(ctx, tenant!.id, 'voicemail', { extension_number: '12' }))).message).toBe('extension_number: must be 3 to 64 digits');
    expect((await vendorError(adapter.updateTenantSettings!(ctx, tenant!.id, 'voicemail', { extension_number: '700', retain_days: 'soon' }))).kind).toBe('rejected');
    expect((await vendorError(adapter.updateTenantSettings!(ctx, tenant!.id, 'ringtones', {}))).kind).toBe('not_found');
  });

  it('offers none of the capabilities the document lacks', () => {
    const adapter = adapterFor();
    for (const m of ['listExtensions', 'listCdrs', 'getRecording', 'listDids', 'listIvrs', 'listLiveCalls', 'listRegistrations', 'listBalances', 'clickToCall', 'listDestinations'] as const) {
      expect(adapter[m], m).toBeUndefined();
    }
  });

  it('accepts a base URL ending in /api', async () => {
    const [t] = await adapterFor(HARBOR.token, `${emu.url}/api/`).listTenants(ctx);
    expect(t!.name).toBe(HARBOR.tenantName);
  });
});

describe('errors', () => {
  const client = () => createPortsipClient({ baseUrl: emu.url, token: HARBOR.token }, { deadlineMs: 2_000, retries: 1 });

  it('maps the documented holiday text to not_found, in the vendor’s words', async () => {
    const e = await vendorError(client().post(ctx, '/api/holidays/NzAw/destroy'));
    expect(e).toMatchObject({ kind: 'not_found', vendorCode: '404', vendorMessage: 'Invalid rule ID supplied.', operation: 'POST /api/holidays/NzAw/destroy' });
  });

  it('maps statuses and fault modes to kinds', async () => {
    expect((await vendorError(adapterFor('nope').testConnection(ctx))).kind).toBe('auth');
    emu.setFaults({ mode: 'vendor-error' });
    expect(await vendorError(adapterFor().listTenants(ctx))).toMatchObject({ kind: 'rejected', vendorMessage: 'The PBX rejected the request' });
    emu.setFaults({ mode: 'http-500' });
    expect((await vendorError(adapterFor().listTenants(ctx))).kind).toBe('unreachable');
    emu.setFaults(null);
    emu.setBudget({ requests: 0, perSeconds: 60 });
    expect((await vendorError(adapterFor().listTenants(ctx))).kind).toBe('rate_limited');
    emu.setBudget(null);
  });

  it('never retries a write', async () => {
    const adapter = adapterFor();
    const [tenant] = await adapter.listTenants(ctx);
    const before = (await control('GET', 'stats')).byAction['/api/tenant/balance'] ?? 0;
    emu.setFaults({ mode: 'reset', match: '/api/tenant/balance' });
    expect((await vendorError(adapter.rechargeBalance!(ctx, tenant!.id, { amount: '1', currency: 'USD' }))).kind).toBe('unreachable');
    emu.setFaults(null);
    expect((await control('GET', 'stats')).byAction['/api/tenant/balance']).toBe(before + 1);
  });
});
