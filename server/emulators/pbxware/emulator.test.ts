 
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../kit';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from './index';

let emu: RunningEmulator;
const key = PBXWARE_DEMO_CREDENTIALS.apiKey;

beforeAll(async () => {
  const t0 = Date.now();
  emu = await startPbxwareEmulator({ port: 0, seed: 7 });
  expect(Date.now() - t0).toBeLessThan(1000);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await fetch(`${emu.url}/__emulator/reset`, { method: 'POST' });
});

async function get(query: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.url}/?apikey=${key}&${query}`);
  return { status: res.status, body: await res.json() };
}
async function post(query: string, form: string | URLSearchParams): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.url}/?${query}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: String(form) });
  return { status: res.status, body: await res.json() };
}
const control = (path: string, body: unknown) => fetch(`${emu.url}/__emulator/${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());

describe('protocol', () => {
  it('answers a bad key, an unknown action and a missing argument with {"error"} and HTTP 200', async () => {
    const bad = await fetch(`${emu.url}/?apikey=nope&action=pbxware.ext.list`);
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ error: 'Invalid API key.' });
    expect((await get('action=pbxware.bogus.list')).body).toEqual({ error: 'Invalid action.' });
    expect((await get('action=pbxware.ext.explode')).body).toEqual({ error: 'Invalid action.' });
    expect((await get('action=pbxware.tenant.configuration')).body).toEqual({ error: 'Missing required argument: id' });
    expect((await get('action=pbxware.ext.list&apiformat=php')).body.error).toBeDefined();
  });

  it('takes the key and arguments from a POST form, the form overriding the query', async () => {
    const r = await post('action=pbxware.did.list&server=1', new URLSearchParams({ apikey: key, server: '2' }));
    expect(Object.values(r.body).every((d: any) => d.server === '2')).toBe(true);
    expect(Object.keys(r.body).length).toBeGreaterThan(0);
  });

  it('serves /index.php too, and 404s other paths', async () => {
    expect((await (await fetch(`${emu.url}/index.php?apikey=${key}&action=pbxware.tenant.list`)).json())['1']).toBeDefined();
    expect((await fetch(`${emu.url}/api/v1?apikey=${key}`)).status).toBe(404);
  });

  it('lists tenants keyed by ID with string values and the numeric ext_length', async () => {
    const { body } = await get('action=pbxware.tenant.list');
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['1', '2', '7', '9']));
    expect(body['2']).toMatchObject({ name: expect.any(String), tenantcode: '344', package_id: '1', ext_length: 3, country_code: '1' });
    const cfg = await get('action=pbxware.tenant.configuration&id=7');
    expect(cfg.body).toMatchObject({ server_name: body['7'].name, currency: 'EUR' });
  });
});

describe('extensions', () => {
  it('never shows one tenant’s extensions under another', async () => {
    const a = (await get('action=pbxware.ext.list&server=2')).body;
    const b = (await get('action=pbxware.ext.list&server=7')).body;
    expect(Object.keys(a).some((id) => id in b)).toBe(false);
    expect(Object.values(a).every((e: any) => typeof e.ext === 'string' && typeof e.ua_id === 'string')).toBe(true);
  });

  it('adds, reads, edits and deletes with the documented shapes', async () => {
    const base = { apikey: key, server: '7', name: 'Pat Doe', email: 'pat@contoso-dental.example', location: '1', ua: '61', status: '1', pin: '4321', incominglimit: '2', outgoinglimit: '2', voicemail: '1', prot: 'sip', secret: 'Secr3t!!x' };
    const missing = await post('action=pbxware.ext.add', new URLSearchParams({ ...base, secret: '' }));
    expect(missing.body).toEqual({ error: 'Missing required argument: secret' });
    const added = (await post('action=pbxware.ext.add', new URLSearchParams({ ...base, ext: '250' }))).body;
    expect(added).toEqual({ success: `Extension ID: ${added.id}`, id: expect.any(String), ext: 250 });
    const dup = await post('action=pbxware.ext.add', new URLSearchParams({ ...base, ext: '250' }));
    expect(dup.body.error).toMatch(/exists/);
    const both = await get(`action=pbxware.ext.configuration&server=7&id=${added.id}&ext=250`);
    expect(both.body).toEqual({ error: 'You cannot supply id and ext at the same time!' });
    const cfg = (await get(`action=pbxware.ext.configuration&server=7&ext=250`)).body[added.id];
    expect(cfg).toMatchObject({ name: 'Pat Doe', pin: '4321', ext: '250', location: 'local', options: { secret: 'Secr3t!!x', allow: ['ulaw', 'alaw'] } });
    const edited = (await post('action=pbxware.ext.edit', new URLSearchParams({ apikey: key, server: '7', id: added.id, name: 'Pat Q Doe', status: '0' }))).body;
    expect(edited).toEqual({ success: `Extension ID: ${added.id}`, id: added.id, ext: 250 });
    expect((await get('action=pbxware.ext.list&server=7')).body[added.id]).toMatchObject({ name: 'Pat Q Doe', status: 'disabled' });
    expect((await get(`action=pbxware.ext.delete&server=7&id=${added.id}`)).body).toEqual({ success: `Deleted Extension ID ${added.id} successfully.` });
    expect((await get('action=pbxware.ext.list&server=7')).body[added.id]).toBeUndefined();
  });

  it('keeps balances exact through credit and debit', async () => {
    const info = (await get('action=pbxware.ext.call_rating_info&server=2')).body;
    const [id, row] = Object.entries(info)[0] as [string, any];
    expect(row.account_balance).toMatch(/^\d+\.\d{5}$/);
    const r = await get(`action=pbxware.ext.balance&server=2&id=${id}&mode=credit&amount=0.1&notes=t&refno=1`);
    expect(r.body).toEqual({ success: `Updated balance for Extension ID '${id}' successfully.` });
    await get(`action=pbxware.ext.balance&server=2&id=${id}&mode=credit&amount=0.2&notes=t&refno=2`);
    const after = (await get(`action=pbxware.ext.billing_info&server=2&id=${id}`)).body[id];
    const cents = (s: string) => Math.round(Number(s) * 100_000);
    expect(cents(after.account_balance) - cents(row.account_balance)).toBe(30_000);
  });
});

describe('DIDs and IVRs', () => {
  it('refuses the master tenant for DIDs and IVRs', async () => {
    expect((await get('action=pbxware.did.list&server=1')).body).toEqual({ error: 'Invalid server ID.' });
    expect((await get('action=pbxware.ivr.list')).body).toEqual({ error: 'Missing required argument: server' });
  });

  it('adds, edits and deletes a DID with a %2B external destination', async () => {
    const add = await post('action=pbxware.did.add', `apikey=${key}&server=2&trunk=6099&did=12125550199&dest_type=5&destination=%2B4930123456&disabled=0&name=Promo`);
    expect(add.body).toEqual({ success: `DID ID: ${add.body.id}.`, id: expect.any(Number) });
    const list = (await get('action=pbxware.did.list&server=2')).body;
    expect(list[add.body.id]).toMatchObject({ number: '12125550199', type: 'External Number', ext: '+4930123456', status: 'enabled', trunk: '6099', server: '2' });
    const edit = await get(`action=pbxware.did.edit&server=2&id=${add.body.id}&dest_type=0`);
    expect(edit.body).toEqual({ error: 'Missing required argument: destination' });
    await get(`action=pbxware.did.edit&server=2&id=${add.body.id}&dest_type=13`);
    expect((await get('action=pbxware.did.list&server=2')).body[add.body.id].type).toBe('Deny Access');
    expect((await get(`action=pbxware.did.delete&server=2&id=${add.body.id}`)).body).toEqual({ success: `Deleted DID ID ${add.body.id} successfully.` });
  });

  it('writes keymaps as keymap[key][field] and reads the documented single shape', async () => {
    const bad = await post('action=pbxware.ivr.add', `apikey=${key}&server=2&name=Has Space&ext=160&greeting=greeting-x&keymap[1][type]=ex&keymap[1][destination]=100`);
    expect(bad.body.error).toMatch(/spaces/);
    const noMap = await post('action=pbxware.ivr.add', `apikey=${key}&server=2&name=Menu&ext=160&greeting=greeting-x`);
    expect(noMap.body.error).toMatch(/keymap/i);
    const badRa = await post('action=pbxware.ivr.add', `apikey=${key}&server=2&name=Menu&ext=160&greeting=greeting-x&keymap[1][type]=ra&keymap[1][destination]=nowhere`);
    expect(badRa.body.error).toMatch(/Remote Access/);
    const add = await post('action=pbxware.ivr.add', `apikey=${key}&server=2&name=Menu&ext=160&greeting=greeting-x&keymap%5B*%5D%5Btype%5D=aa&keymap%5B*%5D%5Bdestination%5D=103`);
    expect(add.body).toEqual({ success: `IVR ID: ${add.body.id}.`, id: expect.any(Number) });
    const one = (await get('action=pbxware.ivr.list&server=2')).body[add.body.id];
    expect(one).toEqual({ name: 'Menu', type: '0', ext: '160', keymap: { type: 'IVR', value: '103' }, status: 'enabled', operator: '' });
    await post('action=pbxware.ivr.edit', `apikey=${key}&server=2&id=${add.body.id}&keymap[0][type]=ex&keymap[0][destination]=100&keymap[9][type]=dy`);
    const two = (await get('action=pbxware.ivr.list&server=2')).body[add.body.id];
    expect(two.keymap).toEqual({ '0': { type: 'Extension', value: '100' }, '9': { type: 'Directory', value: '' } });
    expect((await get(`action=pbxware.ivr.delete&server=1&id=${add.body.id}`)).body.error).toBeDefined();
    expect((await get(`action=pbxware.ivr.delete&server=2&id=${add.body.id}`)).body).toEqual({ success: `Deleted IVR ID ${add.body.id} successfully.` });
  });
});

describe('operation times', () => {
  it('sets a whole state from parallel [] arrays and lists it back', async () => {
    const ivrId = Object.keys((await get('action=pbxware.ivr.list&server=9')).body)[0]!;
    const q = `apikey=${key}&action=pbxware.otimes.ivr.set&id=${ivrId}&server=9&status=On&default_dest_ext=2001&greeting=greeting-x` +
      '&open_days_desc[ ]=TheOpen1&open_days[ ]=1,2,6&open_days_time_from[ ]=08:00&open_days_time_to[ ]=16:30' +
      '&open_days_desc[]=TheOpen2&open_days[]=3,4&open_days_time_from[]=08:30&open_days_time_to[]=17:00' +
      '&closed_dates_desc[]=Xmas&closed_dates_dest[]=2001&closed_dates_date_from[]=2026-12-25&closed_dates_date_to[]=2026-12-26&closed_dates_time_from[]=00:00&closed_dates_time_to[]=23:59';
    expect(await (await fetch(`${emu.url}/?${q}`)).json()).toEqual({ success: 'Edited Operation Times successfully.' });
    const listed = (await get(`action=pbxware.otimes.ivr.list&id=${ivrId}&server=9`)).body[ivrId];
    expect(listed).toMatchObject({ status: 'on', default_dest_ext: '2001', custom_destinations: [] });
    expect(listed.open_days).toEqual([
      { description: 'TheOpen1', days: '1,2,6', time_from: '08:00', time_to: '16:30' },
      { description: 'TheOpen2', days: '3,4', time_from: '08:30', time_to: '17:00' },
    ]);
    expect(listed.closed_dates[0]).toMatchObject({ date_from: '2026-12-25', destination: '2001' });
    const mismatch = await get(`action=pbxware.otimes.servers.set&id=9&server=9&open_days[]=1&open_days_desc[]=a&open_days_desc[]=b&open_days_time_from[]=08:00&open_days_time_to[]=09:00`);
    expect(mismatch.body).toEqual({ error: 'Lists must match in size.' });
    const badDate = await get(`action=pbxware.otimes.servers.set&id=9&server=9&closed_dates_desc[]=a&closed_dates_dest[]=1&closed_dates_date_from[]=Dec-25-2026&closed_dates_date_to[]=2026-12-26&closed_dates_time_from[]=00:00&closed_dates_time_to[]=01:00`);
    expect(badDate.body.error).toMatch(/yyyy-mm-dd/);
  });

  it('serves every documented destination type', async () => {
    for (const kind of ['did', 'ivr', 'dial_group', 'servers', 'routes', 'queues', 'erg']) {
      const { body } = await get(`action=pbxware.otimes.${kind}.list&server=2`);
      expect(body.error).toBeUndefined();
      expect(Object.values(body).length).toBeGreaterThan(0);
    }
    const queue = (await get('action=pbxware.otimes.queues.list&server=2&number=190')).body;
    expect(Object.keys(queue)).toEqual(['190']);
  });
});

describe('live state and counters', () => {
  it('has the documented dashboard and monitor shapes', async () => {
    expect((await get('action=pbxware.dashboard.ext_online&server=2')).body).toEqual({ type: 'Extensions Online', count: expect.any(Number) });
    expect((await get('action=pbxware.dashboard.sip_registrations')).body).toEqual({ 'SIP Registrations': { success: expect.any(Number), failed: expect.any(Number), lagged: expect.any(Number) } });
    expect(Object.keys((await get('action=pbxware.dashboard.calls')).body)).toEqual(['now', 'last hour', 'today', 'answared calls']);
    expect((await get('action=pbxware.dashboard.licensing&server=2')).body.ext).toEqual({ inuse: 10, max: 25 });
    const mon = Object.values((await get('action=pbxware.monitor.list&server=9')).body) as any[];
    expect(mon.length).toBe(12);
    for (const m of mon) {
      expect(['online', 'offline']).toContain(m.status);
      expect(['true', 'false']).toContain(m.dnd);
      expect(['true', 'false']).toContain(m.on_call);
    }
  });

  it('starts and ends live calls over time, deterministically for a seed', async () => {
    await control('rate', { callsPerMinute: 60 });
    const first = (await get('action=pbxware.monitor.live_calls')).body;
    await control('clock', { advanceMs: 15 * 60_000 });
    const later = (await get('action=pbxware.monitor.live_calls')).body;
    expect(Object.keys(later).length).toBeGreaterThan(0);
    expect(Object.keys(later)).not.toEqual(Object.keys(first));
    const call = Object.values(later)[0] as any;
    expect(call).toEqual({ from: expect.any(String), to: expect.any(String), timestamp: expect.stringMatching(/^\d+$/) });
    const injected = await control('calls', { tenantId: '7', from: '200', to: '+4930555010', durationSec: 120 });
    const mine = (await get('action=pbxware.monitor.live_calls&server=7')).body[injected.call.id];
    expect(mine.from).toMatch(/\(200\)$/);
    expect(mine.to).toBe('+4930555010');
    const mon = Object.values((await get('action=pbxware.monitor.list&server=7')).body) as any[];
    expect(mon.find((m) => m.ext === '200').on_call).toBe('true');
  });
});

describe('live calls → history', () => {
  it('is deterministic for a seed and a frozen clock', async () => {
    const other = await startPbxwareEmulator({ port: 0, seed: 7 });
    try {
      const at = Date.UTC(2026, 10, 20, 10, 0, 0);
      const snapshot = async (url: string) => {
        await fetch(`${url}/__emulator/clock`, { method: 'POST', body: JSON.stringify({ at, freeze: true }) });
        await fetch(`${url}/__emulator/reset`, { method: 'POST' });
        return (await fetch(`${url}/?apikey=${key}&action=pbxware.monitor.live_calls`)).json();
      };
      const a = await snapshot(emu.url);
      expect(Object.keys(a).length).toBeGreaterThan(0);
      expect(await snapshot(other.url)).toEqual(a);
    } finally {
      await other.close();
      await control('clock', { at: Date.now(), freeze: false });
    }
  });

  it('appends an ended live call to the CDRs', async () => {
    const { call } = await control('calls', { tenantId: '7', from: '201', to: '+4930555019', durationSec: 5 });
    await control('clock', { advanceMs: 10_000 });
    const d = new Date(emu.clock.now());
    const day = `${d.toUTCString().slice(8, 11)}-${String(d.getUTCDate()).padStart(2, '0')}-${d.getUTCFullYear()}`;
    const rows = (await get(`action=pbxware.cdr.download&start=${day}&end=${day}&server=7&ext=201&limit=1000`)).body.csv as any[][];
    const row = rows.find((r) => r[7] === call.id);
    expect(row).toBeDefined();
    expect(row!.slice(0, 2)).toEqual([expect.stringMatching(/\(201\)$/), '+4930555019']);
    expect(row![6]).toBe('Answered');
  });
});

describe('cdr.download', () => {
  const range = 'start=Jan-01-2000&end=dec-31-2099';

  it('pages with next_page, caps limit at 1000 and requires mmm-dd-YYYY', async () => {
    const p1 = (await get(`action=pbxware.cdr.download&${range}&server=2&limit=1000`)).body;
    expect(p1).toMatchObject({ success: 'Success.', next_page: true, limit: 1000, records: 1000 });
    expect(p1.header).toEqual(['From', 'To', 'Date/Time', 'Total Duration', 'Rating Duration', 'Rating Cost', 'Status', 'Unique ID', 'Recording Path', 'Recording Available', 'Location Type', 'MOS']);
    const row = p1.csv[0];
    expect(row.slice(0, 11).every((v: unknown) => typeof v === 'string')).toBe(true);
    expect(typeof row[11]).toBe('number');
    let total = 0;
    let page = 1;
    for (;;) {
      const r = (await get(`action=pbxware.cdr.download&${range}&server=2&limit=1000&page=${page++}`)).body;
      total += r.records;
      if (!r.next_page) break;
    }
    // ~40 calls per weekday over 90 days.
    expect(total).toBeGreaterThan(2000);
    expect(total).toBeLessThan(5000);
    expect((await get(`action=pbxware.cdr.download&${range}&limit=1001`)).body).toEqual({ error: 'Limit cannot be greater than 1000.' });
    expect((await get('action=pbxware.cdr.download&start=2026-01-01&end=Jan-02-2026')).body.error).toMatch(/mmm-dd-YYYY/);
    expect((await get('action=pbxware.cdr.download&end=Jan-02-2026')).body).toEqual({ error: 'Missing required argument: start' });
    expect((await get(`action=pbxware.cdr.download&${range}&trunk=6099&ext=100`)).body.error).toBeDefined();
  });

  it('filters by status, cdrtype, ext and time window, and has all four statuses', async () => {
    const all = (await get(`action=pbxware.cdr.download&${range}&limit=1000`)).body.csv.map((r: any[]) => r[6]);
    expect(new Set(all)).toEqual(new Set(['Answered', 'Unanswered', 'Busy', 'Failed']));
    const busy = (await get(`action=pbxware.cdr.download&${range}&limit=200&status=2`)).body.csv;
    expect(busy.every((r: any[]) => r[6] === 'Busy')).toBe(true);
    const outgoing = (await get(`action=pbxware.cdr.download&${range}&limit=200&cdrtype=2&server=2`)).body.csv;
    expect(outgoing.every((r: any[]) => /\(\d+\)$/.test(r[0]) && !/\(\d+\)$/.test(r[1]))).toBe(true);
    const ext = (await get(`action=pbxware.cdr.download&${range}&limit=200&server=2&ext=100,101`)).body.csv;
    expect(ext.length).toBeGreaterThan(0);
    expect(ext.every((r: any[]) => /\((100|101)\)$/.test(r[0]))).toBe(true);
    const d = new Date(emu.clock.now() - 2 * 86_400_000);
    const day = `${d.toUTCString().slice(8, 11)}-${String(d.getUTCDate()).padStart(2, '0')}-${d.getUTCFullYear()}`;
    const win = (await get(`action=pbxware.cdr.download&start=${day}&end=${day}&starttime=09:00:00&endtime=09:59:59&limit=1000`)).body.csv;
    for (const r of win) expect(new Date(Number(r[2]) * 1000).getUTCHours()).toBe(9);
  });

  it('drops the billing columns outside billing mode', async () => {
    await control('billing-mode', { enabled: false });
    const r = (await get(`action=pbxware.cdr.download&${range}&limit=2`)).body;
    expect(r.header).not.toContain('Rating Cost');
    expect(r.csv[0]).toHaveLength(10);
  });
});

describe('faults and budget', () => {
  it('produces each fault mode', async () => {
    const q = `${emu.url}/?apikey=${key}&action=pbxware.tenant.list`;
    emu.setFaults({ mode: 'vendor-error' });
    expect((await (await fetch(q)).json()).error).toEqual(expect.any(String));
    emu.setFaults({ mode: 'malformed-json' });
    await expect((await fetch(q)).json()).rejects.toThrow();
    emu.setFaults({ mode: 'html-error' });
    expect((await fetch(q)).status).toBe(502);
    emu.setFaults({ mode: 'reset' });
    await expect(fetch(q)).rejects.toThrow();
    emu.setFaults({ mode: 'hang' });
    await expect(fetch(q, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    emu.setFaults({ latencyMs: 150 });
    const t0 = Date.now();
    await fetch(q);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    emu.setFaults(null);
  });

  it('answers over budget with 429 and an error body', async () => {
    emu.setBudget({ requests: 3, perSeconds: 12 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${emu.url}/?apikey=${key}&action=pbxware.tenant.list`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    emu.setBudget(null);
  });
});
