import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cdrSchema, ivrSchema, liveCallSchema, operationTimesSchema, sipRegistrationSchema, tenantCountersSchema, balanceSchema, extensionSchema, emptyWeek } from '@/lib/schemas';
import { createPbxwareClient } from './client';
import * as doc from './doc-examples';
import { decodeKeymapParams, encodeKeymap } from './keymap';
import { cdrRowRecord, OTIMES_KIND, toBalance, toCdr, toCdrs, toCounters, toExtension, toIvr, toLiveCall, toOperationTimes, toRegistration } from './map';
import { toOtimesSetArgs } from './write-args';
import {
  wireBillamountSchema,
  wireCallsOverviewSchema,
  wireCdrPageSchema,
  wireExtConfigSchema,
  wireExtListSchema,
  wireExtOnlineSchema,
  wireIvrListSchema,
  wireLiveCallsSchema,
  wireMonitorSchema,
  wireOtimesSchema,
  wireRatingInfoSchema,
  wireSipRegistrationsSchema,
  wireWriteSchema,
} from './wire';

/**
 * The document's samples carry typing slips a real PBXware does not send (vendor-matrix §5.0: "faithful means
 * the wire shape, not the syntax errors"): trailing commas, a missing comma, a string broken over two lines,
 * missing closing braces. `docJson` repairs exactly those and nothing else, then parses.
 */
function docJson(text: string): unknown {
  const lines = text.split('\n');
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // A line with an odd number of quotes continues a string on the next line.
    while ((line.match(/"/g)?.length ?? 0) % 2 === 1 && i + 1 < lines.length) line = `${line.trimEnd()} ${lines[++i]!.trim()}`;
    joined.push(line);
  }
  let s = joined.join('\n');
  s = s.replace(/("|\d|true|false|null|\}|\])(\s*\n\s*")/g, '$1,$2'); // missing comma before a key
  s = s.replace(/,(\s*[}\]])/g, '$1'); // trailing commas
  const stack: string[] = [];
  let inString = false;
  for (const ch of s) {
    if (ch === '"') inString = !inString;
    else if (!inString && (ch === '{' || ch === '[')) stack.push(ch === '{' ? '}' : ']');
    else if (!inString && (ch === '}' || ch === ']')) stack.pop();
  }
  return JSON.parse(s + stack.reverse().join(''));
}

describe('request shape', () => {
  it('sends a list action as GET /?apikey=…&action=pbxware.<object>.<method>, like 004:L102', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await createPbxwareClient({ baseUrl: url, apiKey: 'my.secret.apikey' }).read({}, 'did.list', {}, wireOtimesSchema);
    server.close();
    const [requestLine] = doc.GENERIC_REQUEST.split('\n');
    const [method, target] = requestLine!.split(' ');
    expect(seen[0]!.startsWith(`${method} ${target}`)).toBe(true);
  });
});

describe('CDRs', () => {
  it('reads cdr.download by header name into domain CDRs', () => {
    const page = wireCdrPageSchema.parse(docJson(doc.CDR_DOWNLOAD_RESPONSE));
    expect(page.next_page).toBe(false);
    const [a, b] = toCdrs(page, '2', 'USD', 4);
    expect(a).toMatchObject({
      tenantId: '2',
      startedAt: '2009-07-01T15:37:58.000Z',
      endedAt: '2009-07-01T15:38:04.000Z',
      from: { number: '1000', name: 'Test' },
      to: { number: '1002', name: 'Test' },
      direction: 'internal',
      disposition: 'answered',
      dispositionRaw: 'Answered',
      durationSec: 6,
      billableSec: 6,
      cost: { amount: '1.00000', currency: 'USD' },
      recordingRef: 'path/to/archived/recording/file.mp3',
      mos: 4.4,
    });
    expect(a!.raw['Location Type']).toBe('Remote');
    expect(b).toMatchObject({ from: { number: '107' }, to: { number: '1000', name: 'Test' }, startedAt: '2009-07-01T09:03:40.000Z' });
    // Both rows share Unique ID 1368458822.12 (quirk 89); our IDs must not.
    expect(a!.id).not.toBe(b!.id);
    for (const c of [a, b]) cdrSchema.parse(c);
  });

  it('reads the same rows without the billing-mode columns', () => {
    const page = wireCdrPageSchema.parse(docJson(doc.CDR_DOWNLOAD_RESPONSE));
    const drop = new Set([4, 5]);
    const plain = { ...page, header: page.header.filter((_, i) => !drop.has(i)), csv: page.csv.map((r) => r.filter((_, i) => !drop.has(i))) };
    const [a] = toCdrs(plain, '2', 'USD', 4);
    expect(a).toMatchObject({ durationSec: 6, disposition: 'answered', mos: 4.4, recordingRef: 'path/to/archived/recording/file.mp3' });
    expect(a!.billableSec).toBeUndefined();
    expect(a!.cost).toBeUndefined();
  });

  it('reads the orphan row tail (004:L6129-6141) against the header it belongs to', () => {
    const header = (wireCdrPageSchema.parse(docJson(doc.CDR_DOWNLOAD_RESPONSE))).header;
    const cells = JSON.parse(`[${doc.CDR_DOWNLOAD_FRAGMENT.replace(/[\]}\s]+$/, '')}]`) as unknown[];
    const tail = header.slice(header.length - cells.length);
    const cdr = toCdr({ 'Date/Time': '1246462678', 'Total Duration': '1', From: '100', To: '101', ...cdrRowRecord(tail, cells) }, '2', 'EUR', 3);
    expect(cdr).toMatchObject({ billableSec: 1, cost: { amount: '1.00000', currency: 'EUR' }, disposition: 'answered', mos: 4.4 });
    expect(cdr.id.startsWith('1368458765.9~')).toBe(true);
  });

  it('reads cdr.billamount as a number', () => {
    expect(wireBillamountSchema.parse(docJson(doc.CDR_BILLAMOUNT_RESPONSE)).billamount).toBe(8);
  });
});

describe('live state and counters', () => {
  it('reads monitor.live_calls: parties, direction, and a start from the uniqueid', () => {
    const calls = wireLiveCallsSchema.parse(docJson(doc.MONITOR_LIVE_CALLS_RESPONSE));
    const [id, raw] = Object.entries(calls)[0]!;
    const call = toLiveCall(id, raw, '2', 3, Date.parse('2026-01-01T00:00:00Z'));
    expect(call).toEqual({
      id: '1675644925.2',
      tenantId: '2',
      from: { number: '203', name: 'User1' },
      to: { number: '210', name: 'User2' },
      direction: 'internal',
      // "12334" is no epoch; the Asterisk uniqueid's integer part is.
      startedAt: '2023-02-06T00:55:25.000Z',
      extras: { timestamp: '12334' },
    });
    liveCallSchema.parse(call);
  });

  it('reads monitor.list string booleans', () => {
    const list = wireMonitorSchema.parse(docJson(doc.MONITOR_LIST_RESPONSE));
    const reg = toRegistration('123', list['123']!, '2');
    expect(reg).toEqual({ tenantId: '2', extension: '530', name: 'User 530', status: 'registered', contactIp: '192.168.1.2', userAgent: 'Yealink T41', dnd: false, onCall: true, extras: { id: '123' } });
    sipRegistrationSchema.parse(reg);
  });

  it('reads the dashboard counters, "answared calls" and the "SIP Registrations" wrapper included', () => {
    const calls = wireCallsOverviewSchema.parse(docJson(doc.DASHBOARD_CALLS_RESPONSE));
    const online = wireExtOnlineSchema.parse(docJson(doc.DASHBOARD_EXT_ONLINE_RESPONSE));
    const sip = wireSipRegistrationsSchema.parse(docJson(doc.DASHBOARD_SIP_REGISTRATIONS_RESPONSE));
    expect(sip).toEqual({ success: 4, failed: 0, lagged: 0 });
    const counters = toCounters('7', online, sip, calls, { ext: { inuse: 14, max: 100 } });
    expect(counters).toMatchObject({ tenantId: '7', extensionsOnline: 1, callsNow: 0, callsToday: 6, answeredToday: 6, extensionsTotal: 14, sipRegistrations: { success: 4, failed: 0, lagged: 0 }, extras: { callsLastHour: 6 } });
    tenantCountersSchema.parse(counters);
    expect(Object.values(docJson(doc.DASHBOARD_SERVICES_RESPONSE) as object).every((v) => v === 'running')).toBe(true);
  });
});

describe('extensions', () => {
  it('reads ext.list (with the missing comma of L852) into extensions', () => {
    const list = wireExtListSchema.parse(docJson(doc.EXT_LIST_RESPONSE));
    const a = toExtension('1', list['1']!, '2');
    const b = toExtension('53', list['53']!, '2');
    expect(a).toMatchObject({ id: '1', number: '530', name: 'User 530', email: 'name@provider.com', status: 'enabled', extras: { protocol: 'sip', department: '4,6', ua_fullname: 'Generic SIP' } });
    expect(b).toMatchObject({ id: '53', number: '100', extras: { protocol: 'iax', macaddress: '123456789abc', sn: '123ab789cdef', department: '1' } });
    for (const x of [a, b]) extensionSchema.parse(x);
  });

  it('reads ext.configuration, duplicate keys and the orphan fragment included', () => {
    const cfg = wireExtConfigSchema.parse(docJson(doc.EXT_CONFIGURATION_RESPONSE));
    expect(cfg['1']).toMatchObject({ name: 'User 530', pin: '1234', ext: '530', user_language: 'en', options: { allow: ['ulaw', 'alaw'], context: 't-344' } });
    expect(toExtension('1', cfg['1']!, '2')).toMatchObject({ number: '530', status: 'enabled' });
    const fragment = wireExtConfigSchema.parse(JSON.parse(`{"1":{"name":"User 530","ext":"530","status":"enabled","options":{${doc.EXT_CONFIGURATION_FRAGMENT}`));
    expect(fragment['1']).toMatchObject({ options: { vmailsend: '1', uad_sipheaders: 'x-TN-Mobility,P-Early-Media' }, ua_autoprov: '' });
  });

  it('reads the write answers, string and number IDs alike', () => {
    expect(wireWriteSchema.parse(docJson(doc.EXT_ADD_RESPONSE))).toEqual({ success: 'Extension ID: 10', id: '10', ext: '100' });
    expect(wireWriteSchema.parse(docJson(doc.EXT_EDIT_RESPONSE)).id).toBe('10');
    expect(wireWriteSchema.parse(docJson(doc.EXT_DELETE_RESPONSE))).toEqual({ success: 'Deleted Extension ID 10 successfully.' });
    expect(wireWriteSchema.parse(docJson(doc.IVR_ADD_RESPONSE))).toEqual({ success: 'IVR ID: 100.', id: '100' });
    expect(wireWriteSchema.parse(docJson(doc.IVR_EDIT_RESPONSE)).id).toBe('100');
    expect(wireWriteSchema.parse(docJson(doc.IVR_DELETE_RESPONSE)).success).toBe('Deleted IVR ID 10 successfully.');
    expect(wireWriteSchema.parse(docJson(doc.OTIMES_SET_RESPONSE)).success).toBe('Edited Operation Times successfully.');
    expect(wireWriteSchema.parse(docJson(doc.EXT_BALANCE_RESPONSE)).success).toBe("Updated balance for Extension ID '34923' successfully.");
  });

  it('derives a tenant balance from ext.billing_info / call_rating_info', () => {
    const info = wireRatingInfoSchema.parse(docJson(doc.EXT_BILLING_INFO_RESPONSE));
    const bal = toBalance('2', info, 'USD', new Date('2026-11-23T12:00:00Z'));
    expect(bal).toMatchObject({ tenantId: '2', balance: { amount: '100.00000', currency: 'USD' }, credit: { amount: '15.00000', currency: 'USD' } });
    expect(bal.extras.extensions).toEqual({ '1': { account_balance: '100.00000', available_funds: '15.00000', inclusive_minutes: 'No Inclusives spent.' } });
    balanceSchema.parse(bal);
  });
});

describe('IVRs', () => {
  it('reads the documented keymap shape (no digit) and marks the digit as inferred', () => {
    const list = wireIvrListSchema.parse(docJson(doc.IVR_LIST_RESPONSE));
    const ivr = toIvr('280', list['280']!, '2');
    expect(ivr).toMatchObject({ id: '280', name: 'TestIVR', extension: '103', enabled: true, operator: undefined, extras: { type: '0', keymapKeysInferred: true } });
    expect(ivr.keymap).toEqual([{ key: '1', destination: { type: 'extension', target: '100', vendorType: 'Extension' } }]);
    ivrSchema.parse(ivr);
    const known = toIvr('280', list['280']!, '2', [{ key: '5', type: 'ex', destination: '100' }]);
    expect(known.keymap?.[0]?.key).toBe('5');
    expect(known.extras.keymapKeysInferred).toBeUndefined();
  });

  it('writes keymap[key][field] exactly as the document’s example', () => {
    const pairs = [...new URLSearchParams(doc.IVR_KEYMAP_EXAMPLE)];
    expect(decodeKeymapParams(pairs).entries).toEqual([{ key: '*', type: 'aa', destination: '103' }]);
    expect(encodeKeymap([{ key: '*', type: 'aa', destination: '103' }]).map(([k, v]) => `${k}=${v}`).join('&')).toBe(doc.IVR_KEYMAP_EXAMPLE);
  });
});

describe('operation times', () => {
  const unwrap = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('').replace(/\[ \]/g, '[]');

  it('knows every documented otimes action', () => {
    const actions = [doc.OTIMES_ACTION_DID, doc.OTIMES_ACTION_IVR, doc.OTIMES_ACTION_DIAL_GROUP, doc.OTIMES_ACTION_SERVERS, doc.OTIMES_ACTION_ROUTES, doc.OTIMES_ACTION_QUEUES, doc.OTIMES_ACTION_ERG].map((a) => a.replace('action=pbxware.otimes.', ''));
    expect(new Set(Object.values(OTIMES_KIND))).toEqual(new Set(actions));
    const list = new URL(unwrap(doc.OTIMES_LIST_REQUEST));
    expect(list.searchParams.get('action')).toBe(`pbxware.otimes.${OTIMES_KIND.erg}.list`);
  });

  it('reads otimes.*.list into a weekly schedule, closed periods and the closed destination', () => {
    const list = wireOtimesSchema.parse(docJson(doc.OTIMES_LIST_RESPONSE));
    const ot = toOperationTimes(list['12451']!, '3', { type: 'erg', id: '12451' });
    const range = [{ from: '01:01', to: '21:56' }];
    expect(ot.weekly).toEqual({ ...emptyWeek(), monday: range, tuesday: range, saturday: range });
    expect(ot).toMatchObject({
      status: 'on',
      greeting: 'greeting-Mar-27-2013-15-15-44',
      closedDestination: { type: 'voicemail', target: '103' },
      closed: [{ name: 'Closed #1', from: '2022-05-05', to: '2022-05-06', timeFrom: '00:00', timeTo: '06:00', destination: { type: 'extension', target: '100' } }],
      extras: { custom_destinations: [{ destination: '104', is_open_range: 'yes', days: '1,2,3,4,5', time_from: '08:00', time_to: '17:00' }] },
    });
    operationTimesSchema.parse(ot);
    expect(doc.OTIMES_LIST_FRAGMENT.replace(/[\s}]/g, '')).toBe('');
  });

  it('writes the same parallel arrays as the document’s set example', () => {
    const example = new URL(unwrap(doc.OTIMES_SET_REQUEST)).searchParams;
    expect(example.get('action')).toBe('pbxware.otimes.erg.set');
    const weekly = { ...emptyWeek(), monday: [{ from: '08:00', to: '16:30' }], tuesday: [{ from: '08:00', to: '16:30' }], saturday: [{ from: '08:00', to: '16:30' }], wednesday: [{ from: '08:30', to: '17:00' }], thursday: [{ from: '08:30', to: '17:00' }] };
    const ours = new URLSearchParams(
      toOtimesSetArgs({ tenantId: '3', target: { type: 'erg', id: '174' }, status: 'on', weekly, closed: [], greeting: example.get('greeting')!, closedDestination: { type: 'extension', target: '123' }, writable: true, extras: {} }),
    );
    for (const name of ['open_days[]', 'open_days_time_from[]', 'open_days_time_to[]']) expect(ours.getAll(name)).toEqual(example.getAll(name));
    for (const name of ['status', 'default_dest_ext', 'greeting']) expect(ours.get(name)).toBe(example.get(name));
  });
});
