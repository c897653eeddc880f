 
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../kit';
import { PORTSIP_DEMO_CREDENTIALS, startPortsipEmulator, type WireHoliday, type WireTenant } from './index';

const [HARBOR, NORDLICHT] = PORTSIP_DEMO_CREDENTIALS;

let emu: RunningEmulator;

async function call(method: string, path: string, opts: { token?: string | null; body?: unknown; raw?: string } = {}) {
  const token = opts.token === undefined ? HARBOR.token : opts.token;
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.body !== undefined || opts.raw ? { 'content-type': 'application/json' } : {}) },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json: json as any, headers: res.headers };
}

const control = async (method: string, path: string, body?: unknown) => (await fetch(`${emu.url}/__emulator/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) })).json() as Promise<any>;
const state = () => control('GET', 'state') as Promise<{ tenants: { key: string; balance: string; tenant: WireTenant; holidays: WireHoliday[]; voicemail: unknown; avatar_file_id: string }[] }>;

/** The tenant's writable subset, as a client would POST it back. */
function writable(t: WireTenant): Record<string, unknown> {
  const { id: _id, enable_billing: _b, max_extensions: _m, avatar_file_name: _n, avatar_file_size: _s, avatar_file_url: _u, ...rest } = t;
  return Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('enable_feature_') && !k.startsWith('max_') && !['disk_quota', 'used_disk_quota', 'im_disk_quota'].includes(k)));
}

const holidayBody = { name: 'Company picnic', region: 'USA', consecutive: false, every_year: false, year_start: 2026, year_end: 2026, month_start: 8, month_end: 8, day_start: 14, day_end: 14, hour_start: 12, hour_end: 23, minute_start: 0, minute_end: 59 };

beforeAll(async () => {
  const t0 = Date.now();
  emu = await startPortsipEmulator({ port: 0, seed: 7 });
  expect(Date.now() - t0).toBeLessThan(1000);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control('POST', 'reset');
});

describe('auth and tenant scoping', () => {
  it('answers 401 without or with an unknown bearer token', async () => {
    for (const token of [null, 'nope']) {
      const r = await call('GET', '/api/tenant', { token });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: 'unauthorized', message: 'Invalid or missing bearer token' });
    }
  });

  it('gives each token its own tenant and never another tenant’s holidays', async () => {
    const a = (await call('GET', '/api/tenant')).json as WireTenant;
    const b = (await call('GET', '/api/tenant', { token: NORDLICHT.token })).json as WireTenant;
    expect(a.name).toBe(HARBOR.tenantName);
    expect(b.name).toBe(NORDLICHT.tenantName);
    expect(a.id).not.toBe(b.id);
    const hA = (await call('GET', '/api/holidays')).json.items as WireHoliday[];
    const r = await call('GET', `/api/holidays/${hA[0]!.id}`, { token: NORDLICHT.token });
    expect(r.status).toBe(404);
    expect((await call('POST', `/api/holidays/${hA[0]!.id}/destroy`, { token: NORDLICHT.token })).status).toBe(404);
  });

  it('issues and revokes extra tokens through the control plane only', async () => {
    const tok = await control('POST', 'token', { tenant: 'kestrel' });
    expect(tok.token_type).toBe('Bearer');
    expect((await call('GET', '/api/tenant', { token: tok.access_token })).json.name).toBe('Kestrel Legal LLP');
    expect(await control('DELETE', 'token', { token: tok.access_token })).toEqual({ revoked: true });
    expect((await call('GET', '/api/tenant', { token: tok.access_token })).status).toBe(401);
  });
});

describe('tenant object', () => {
  it('has every documented field with its JSON type; IDs are base64 snowflakes', async () => {
    const t = (await call('GET', '/api/tenant')).json as WireTenant;
    expect(Object.keys(t)).toHaveLength(50);
    expect(Buffer.from(t.id, 'base64').toString()).toMatch(/^\d{18,19}$/);
    expect(typeof t.max_extensions).toBe('number');
    expect(typeof t.enable_billing).toBe('boolean');
    expect(Object.keys(t.office_hours)).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
    expect(t.avatar_file_url).toMatch(/^\/api\/blobs\//);
  });

  it('sets the writable subset with 200 and an empty body, ignoring read-only fields', async () => {
    const before = (await call('GET', '/api/tenant')).json as WireTenant;
    const body = { ...before, name: 'Harbor Dental Group East', max_extensions: 9999, enable_billing: false };
    const r = await call('POST', '/api/tenant', { body });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    const after = (await call('GET', '/api/tenant')).json as WireTenant;
    expect(after).toEqual({ ...before, name: 'Harbor Dental Group East' });
  });

  it('rejects a partial object and bad office hours with 400 naming the field', async () => {
    const t = (await call('GET', '/api/tenant')).json as WireTenant;
    const partial = await call('POST', '/api/tenant', { body: { office_hours: t.office_hours } });
    expect(partial.status).toBe(400);
    expect(partial.json).toEqual({ error: 'bad_request', message: 'name: required' });
    const reversed = { ...writable(t), office_hours: { ...t.office_hours, monday: { enabled: true, ranges: [{ from: '17:00', to: '09:00' }] } } };
    const r = await call('POST', '/api/tenant', { body: reversed });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/^office_hours\.monday\.ranges\.0: /);
    const missingDay = { ...writable(t), office_hours: { monday: t.office_hours.monday } };
    expect((await call('POST', '/api/tenant', { body: missingDay })).json.message).toBe('office_hours.tuesday: required');
    expect((await call('POST', '/api/tenant', { raw: '{"name":' })).status).toBe(400);
  });

  it('keeps the avatar when avatar_file_id is absent and replaces it when given', async () => {
    const t = (await call('GET', '/api/tenant')).json as WireTenant;
    await call('POST', '/api/tenant', { body: writable(t) });
    expect(((await call('GET', '/api/tenant')).json as WireTenant).avatar_file_url).toBe(t.avatar_file_url);
    await call('POST', '/api/tenant', { body: { ...writable(t), avatar_file_id: 'NzAwNTUxOTA5NzczMTQ4MTYw' } });
    expect(((await call('GET', '/api/tenant')).json as WireTenant).avatar_file_url).toBe('/api/blobs/NzAwNTUxOTA5NzczMTQ4MTYw');
  });
});

describe('status counters', () => {
  it('has the documented shape with 24 hourly buckets', async () => {
    const s = (await call('GET', '/api/tenant/status')).json;
    expect(Object.keys(s)).toEqual(['version', 'licensed_users', 'current_users', 'online_users', 'current_calls', 'current_queues', 'current_conference_rooms', 'current_ring_groups', 'current_ivrs', 'current_trunks', 'calls_in_24_hours']);
    expect(s.calls_in_24_hours).toHaveLength(24);
    for (const b of s.calls_in_24_hours) expect(b.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:00:00Z$/);
    expect(Date.parse(s.calls_in_24_hours[1].time) - Date.parse(s.calls_in_24_hours[0].time)).toBe(3_600_000);
    expect(s.online_users).toBeLessThanOrEqual(s.current_users);
    expect(s.calls_in_24_hours.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBeGreaterThan(0);
  });

  it('moves with simulated traffic: a placed call, churn over time, the clock', async () => {
    await control('POST', 'clock', { freeze: true });
    await control('POST', 'churn', { callsPerMinute: 0 });
    const before = (await call('GET', '/api/tenant/status')).json;
    const otherBefore = (await call('GET', '/api/tenant/status', { token: NORDLICHT.token })).json;
    await control('POST', 'calls', { tenant: 'harbor', durationSec: 600 });
    const during = (await call('GET', '/api/tenant/status')).json;
    expect(during.current_calls).toBe(before.current_calls + 1);
    expect(during.online_users).toBeGreaterThanOrEqual(1);
    const last = (s: any) => s.calls_in_24_hours.at(-1).count;
    expect(last(during)).toBe(last(before) + 1);
    // Another tenant does not see the call.
    const other = (await call('GET', '/api/tenant/status', { token: NORDLICHT.token })).json;
    expect(other.current_calls).toBe(otherBefore.current_calls);
    await control('POST', 'clock', { advanceMs: 60 * 60_000 });
    expect((await call('GET', '/api/tenant/status')).json.current_calls).toBe(0);

    await control('POST', 'churn', { callsPerMinute: 60 });
    const t0 = (await call('GET', '/api/tenant/status')).json;
    await control('POST', 'clock', { advanceMs: 5 * 60_000 });
    const t1 = (await call('GET', '/api/tenant/status')).json;
    const total = (s: any) => s.calls_in_24_hours.slice(-2).reduce((n: number, b: { count: number }) => n + b.count, 0);
    expect(total(t1)).toBeGreaterThan(total(t0));
    await control('POST', 'clock', { freeze: false });
  });
});

describe('settings endpoints', () => {
  it('round-trips the password policy and rejects min > max', async () => {
    const p = (await call('GET', '/api/tenant/password_policy')).json;
    expect(Object.keys(p)).toHaveLength(8);
    expect((await call('POST', '/api/tenant/password_policy', { body: { ...p, min_length: 12 } })).status).toBe(200);
    expect((await call('GET', '/api/tenant/password_policy')).json.min_length).toBe(12);
    const bad = await call('POST', '/api/tenant/password_policy', { body: { ...p, min_length: 40, max_length: 32 } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^min_length: /);
  });

  it('adds a recharge to the hidden balance, five decimals at most, visible only in state', async () => {
    const r = await call('POST', '/api/tenant/balance', { raw: '{"balance": 12.34567}' });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect((await state()).tenants.find((t) => t.key === 'harbor')!.balance).toBe('137.34567');
    expect((await call('POST', '/api/tenant/balance', { raw: '{"balance": 1.123456}' })).status).toBe(400);
    expect((await call('POST', '/api/tenant/balance', { body: { balance: -5 } })).status).toBe(400);
    expect((await call('GET', '/api/tenant/balance')).status).toBe(405);
  });

  it('round-trips custom headers', async () => {
    const body = { add: [{ name: 'X-Site', value: 'NYC', scope: 'TRUNK' }], relay: [{ name: 'X-Carrier', scope: 'TRUNK' }] };
    expect((await call('POST', '/api/tenant/custom_headers', { body })).status).toBe(200);
    expect((await call('GET', '/api/tenant/custom_headers')).json).toEqual(body);
  });

  it('sets the voicemail server (write-only) and checks the extension pattern', async () => {
    expect((await call('POST', '/api/voicemail', { body: { extension_number: '8000', retain_days: 14, min_seconds: 3 } })).status).toBe(200);
    expect((await state()).tenants[0]!.voicemail).toEqual({ extension_number: '8000', retain_days: 14, min_seconds: 3 });
    expect((await call('POST', '/api/voicemail', { body: { extension_number: '12' } })).json.message).toBe('extension_number: must match [0-9]{3,64}');
    expect((await call('GET', '/api/voicemail')).status).toBe(405);
  });
});

describe('holidays', () => {
  const list = async (q = '', token?: string) => (await call('GET', `/api/holidays${q}`, { token })).json as { count: number; items: WireHoliday[] };

  it('lists in ascending ID order with count as the total and skip/top paging', async () => {
    const all = await list();
    expect(all.count).toBe(4);
    const page = await list('?skip=1&top=2');
    expect(page.count).toBe(4);
    expect(page.items.map((h) => h.id)).toEqual(all.items.slice(1, 3).map((h) => h.id));
    expect((await call('GET', '/api/holidays?top=0')).status).toBe(400);
    expect((await call('GET', '/api/holidays?top=101')).status).toBe(400);
    expect((await call('GET', '/api/holidays?skip=-1')).status).toBe(400);
  });

  it('searches, filters and orders', async () => {
    expect((await list('?search=christ')).items.map((h) => h.name)).toEqual(['Christmas']);
    expect((await list('?orderby=month_start%20desc')).items.map((h) => h.month_start)).toEqual([12, 11, 7, 1]);
    expect((await list('?orderby=name')).items[0]!.name).toBe('Christmas');
    const f = await list(`?filter=${encodeURIComponent("every_year eq true and month_start ge 6")}`);
    expect(f.items.map((h) => h.name)).toEqual(['Independence Day', 'Christmas']);
    expect((await list(`?filter=${encodeURIComponent("name eq 'Christmas'")}`)).count).toBe(1);
    expect((await call('GET', '/api/holidays?filter=bogus')).status).toBe(400);
    expect((await call('GET', '/api/holidays?orderby=colour')).status).toBe(400);
  });

  it('creates (201 {id}), reads, updates (200 empty) and destroys (204)', async () => {
    const created = await call('POST', '/api/holidays', { body: holidayBody });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json)).toEqual(['id']);
    const id = created.json.id as string;
    expect((await call('GET', `/api/holidays/${id}`)).json).toEqual({ id, ...holidayBody });
    const upd = await call('POST', `/api/holidays/${id}`, { body: { ...holidayBody, name: 'Picnic' } });
    expect(upd.status).toBe(200);
    expect(upd.text).toBe('');
    expect((await call('GET', `/api/holidays/${id}`)).json.name).toBe('Picnic');
    expect((await list()).items.at(-1)!.id).toBe(id);
    const del = await call('POST', `/api/holidays/${id}/destroy`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    const again = await call('POST', `/api/holidays/${id}/destroy`);
    expect(again.status).toBe(404);
    expect(again.text).toBe('Invalid rule ID supplied.');
  });

  it('validates holiday bodies', async () => {
    const r = await call('POST', '/api/holidays', { body: { ...holidayBody, month_start: 13 } });
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/^month_start: /);
    expect((await call('POST', '/api/holidays', { body: { ...holidayBody, hour_end: '23' } })).status).toBe(400);
  });
});

describe('control plane', () => {
  it('injects the vendor error and the rate limit', async () => {
    emu.setFaults({ mode: 'vendor-error', remaining: 1 });
    const r = await call('GET', '/api/tenant');
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('bad_request');
    expect((await call('GET', '/api/tenant')).status).toBe(200);
    emu.setBudget({ requests: 1, perSeconds: 60 });
    await call('GET', '/api/tenant');
    const limited = await call('GET', '/api/tenant');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    emu.setBudget(null);
  });

  it('is deterministic from the seed and resets to it', async () => {
    const before = (await state()).tenants.map((t) => t.holidays.map((h) => h.id));
    await call('POST', '/api/holidays', { body: holidayBody });
    await control('POST', 'reset');
    expect((await state()).tenants.map((t) => t.holidays.map((h) => h.id))).toEqual(before);
    const other = await startPortsipEmulator({ port: 0, seed: 7 });
    try {
      const s = (await (await fetch(`${other.url}/__emulator/state`)).json()) as Awaited<ReturnType<typeof state>>;
      expect(s.tenants.map((t) => t.holidays.map((h) => h.id))).toEqual(before);
    } finally {
      await other.close();
    }
  });

  it('serves nothing outside the documented /api routes', async () => {
    for (const p of ['/api/extensions', '/api/cdrs', '/api/tenants', '/api/account/token']) expect((await call('GET', p)).status).toBe(404);
    expect((await call('GET', '/api/tenant/status', { token: null })).status).toBe(401);
  });
});
