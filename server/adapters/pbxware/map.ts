/**
 * PBXware wire → domain, as small pure functions. Nothing here does I/O.
 */
import type {
  Balance,
  Cdr,
  ClosedPeriod,
  Destination,
  DestinationType,
  Did,
  Disposition,
  Extension,
  Ivr,
  KeymapEntry as DomainKeymapEntry,
  LiveCall,
  OperationTimes,
  Party,
  ScheduleTarget,
  SipRegistration,
  Tenant,
  TenantCounters,
  WeeklySchedule,
} from '@/lib/schemas';
import { emptyWeek, weekdays } from '@/lib/schemas';
import { keymapCodeForTypeName, readKeymap, type KeymapCode, type KeymapEntry, type KeymapKey } from './keymap';
import type { WireCdrPage, WireDid, WireExt, WireIvr, WireOtimes, WireTenantList } from './wire';

// ------------------------------------------------------------------------------------------------ tenants

/** ID 1 is the master tenant: the platform itself, not a customer ("cannot be used" for DIDs, IVRs, ring groups). */
export const MASTER_TENANT_ID = '1';

export function toTenant(id: string, t: WireTenantList[string], connectionId: string): Tenant {
  return {
    connectionId,
    id,
    name: t.name,
    code: t.tenantcode || undefined,
    // tenant.list has no status field.
    status: 'unknown',
    extras: { package_id: t.package_id, package: t.package, ext_length: Number(t.ext_length ?? 0), country_id: t.country_id, country_code: t.country_code },
  };
}

/** PBXware's `currency` is "Currency symbol/ISO code"; a symbol becomes its usual ISO code, unknown → XXX. */
export function currencyOf(value: string | undefined): string {
  const v = (value ?? '').trim();
  if (/^[A-Za-z]{3}$/.test(v)) return v.toUpperCase();
  return { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', R$: 'BRL', CHF: 'CHF' }[v] ?? 'XXX';
}

// ------------------------------------------------------------------------------------------------ money

/** Exact decimal sum of decimal strings (up to 5 places, as PBXware sends them). */
export function sumDecimals(values: readonly string[]): string {
  const SCALE = 100_000n;
  let total = 0n;
  for (const raw of values) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw.trim());
    if (!m) continue;
    const units = BigInt(m[2]!) * SCALE + BigInt((m[3] ?? '').slice(0, 5).padEnd(5, '0'));
    total += m[1] ? -units : units;
  }
  const neg = total < 0n;
  const abs = neg ? -total : total;
  return `${neg ? '-' : ''}${abs / SCALE}.${String(abs % SCALE).padStart(5, '0')}`;
}

/**
 * A tenant's balance from its extensions' call rating info (PBXware has no tenant balance): the exact sum of
 * `account_balance`, with the sum of `available_funds` as the credit still spendable.
 */
export function toBalance(
  tenantId: string,
  info: Record<string, { account_balance: string; available_funds: string; inclusive_minutes: string }>,
  currency: string,
  asOf: Date,
): Balance {
  const rows = Object.values(info);
  return {
    tenantId,
    balance: { amount: sumDecimals(rows.map((r) => r.account_balance)), currency },
    credit: { amount: sumDecimals(rows.map((r) => r.available_funds)), currency },
    source: 'sum of extension account_balance (ext.call_rating_info); credit = sum of available_funds',
    asOf: asOf.toISOString(),
    extras: { extensions: Object.fromEntries(Object.entries(info).sort(([a], [b]) => Number(a) - Number(b))) },
  };
}

// ------------------------------------------------------------------------------------------------ counters

export function toCounters(
  tenantId: string,
  online: { count: number },
  sip: { success: number; failed: number; lagged: number },
  calls: { now: number; lastHour?: number; today?: number; answered?: number },
  licensing: Record<string, { inuse: number; max: number }>,
): TenantCounters {
  const counters: TenantCounters = {
    tenantId,
    extensionsOnline: online.count,
    callsNow: calls.now,
    sipRegistrations: sip,
    extras: { licensing, ...(calls.lastHour !== undefined ? { callsLastHour: calls.lastHour } : {}) },
  };
  if (calls.today !== undefined) counters.callsToday = calls.today;
  if (calls.answered !== undefined) counters.answeredToday = calls.answered;
  if (licensing.ext) counters.extensionsTotal = licensing.ext.inuse;
  return counters;
}

// ------------------------------------------------------------------------------------------------ parties

/** "Test (1000)" → {number: "1000", name: "Test"}; "107" → {number: "107"} (quirk 89). */
export function parseParty(text: string): Party {
  const m = /^(.*\S)\s*\((\+?[\d*#]+)\)$/.exec(text.trim());
  if (m) return { number: m[2]!, name: m[1]! };
  return { number: text.trim() };
}

/** Named parties and short numbers are extensions; anything else is an outside number. */
export function isInternal(p: Party, extLength: number): boolean {
  if (p.name !== undefined) return true;
  return /^\d+$/.test(p.number) && p.number.length <= Math.max(extLength, 2);
}

export function directionOf(from: Party, to: Party, extLength: number): LiveCall['direction'] {
  const a = isInternal(from, extLength);
  const b = isInternal(to, extLength);
  if (a && b) return 'internal';
  if (a) return 'outbound';
  if (b) return 'inbound';
  return 'unknown';
}

// ------------------------------------------------------------------------------------------------ live

/**
 * The live call's start: `timestamp` has no documented meaning (quirk 97), so it is used only when it reads as
 * epoch seconds; otherwise the Asterisk uniqueid, whose integer part is the channel's creation time in epoch
 * seconds. Neither plausible → no start.
 */
export function liveCallStart(uniqueid: string, timestamp: string, nowMs: number): string | undefined {
  const plausible = (sec: number) => sec > 1e9 && sec * 1000 <= nowMs + 60_000;
  const ts = Number(timestamp);
  if (/^\d+$/.test(timestamp) && plausible(ts)) return new Date(ts * 1000).toISOString();
  const u = Number(uniqueid.split('.')[0]);
  if (/^\d+(\.\d+)?$/.test(uniqueid) && plausible(u)) return new Date(u * 1000).toISOString();
  return undefined;
}

export function toLiveCall(uniqueid: string, c: { from: string; to: string; timestamp: string }, tenantId: string, extLength: number, nowMs: number): LiveCall {
  const from = parseParty(c.from);
  const to = parseParty(c.to);
  const call: LiveCall = { id: uniqueid, tenantId, from, to, direction: directionOf(from, to, extLength), extras: { timestamp: c.timestamp } };
  const startedAt = liveCallStart(uniqueid, c.timestamp, nowMs);
  if (startedAt) call.startedAt = startedAt;
  return call;
}

const truthy = (s: string) => /^(true|yes|1|on)$/i.test(s.trim());

export function toRegistration(id: string, m: { name: string; ext: string; ip: string; status: string; ua: string; dnd: string; on_call: string }, tenantId: string): SipRegistration {
  const status = m.status.toLowerCase() === 'online' ? 'registered' : m.status.toLowerCase() === 'offline' ? 'unregistered' : 'unknown';
  return {
    tenantId,
    extension: m.ext,
    name: m.name || undefined,
    status,
    contactIp: m.ip || undefined,
    userAgent: m.ua || undefined,
    // "true"/"false" strings (quirk 97).
    dnd: truthy(m.dnd),
    onCall: truthy(m.on_call),
    extras: { id },
  };
}

// ------------------------------------------------------------------------------------------------ CDRs

const DISPOSITIONS: Record<string, Disposition> = { answered: 'answered', unanswered: 'no_answer', 'no answer': 'no_answer', busy: 'busy', failed: 'failed' };

/** A row by header name, never by position: billing columns exist only in billing mode (quirk 89). */
export function cdrRowRecord(header: readonly string[], row: readonly unknown[]): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  header.forEach((h, i) => {
    const v = row[i];
    out[h] = v === undefined ? null : (v as string | number | boolean | null);
  });
  return out;
}

function fnv(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** Header aliases: the field list and the header names differ (quirk 89). */
const pick = (r: Record<string, unknown>, ...names: string[]) => {
  for (const n of names) if (r[n] !== undefined && r[n] !== null) return String(r[n]);
  return undefined;
};

export function toCdr(raw: Record<string, string | number | boolean | null>, tenantId: string, currency: string, extLength: number): Cdr {
  const uniqueId = pick(raw, 'Unique ID', 'UniqueID') ?? '';
  const startSec = Number(pick(raw, 'Date/Time', 'Start Date') ?? NaN);
  const duration = Math.max(0, Math.round(Number(pick(raw, 'Total Duration', 'Duration') ?? 0)) || 0);
  const from = parseParty(pick(raw, 'From') ?? '');
  const to = parseParty(pick(raw, 'To') ?? '');
  const statusRaw = pick(raw, 'Status') ?? '';
  const startedAt = new Date((Number.isFinite(startSec) ? startSec : 0) * 1000);
  const cdr: Cdr = {
    // Unique IDs repeat across rows (both sample rows share one, quirk 89): the row's content disambiguates.
    id: `${uniqueId}~${fnv(`${startSec}|${from.number}|${to.number}|${duration}|${statusRaw}`)}`,
    tenantId,
    startedAt: startedAt.toISOString(),
    endedAt: new Date(startedAt.getTime() + duration * 1000).toISOString(),
    from,
    to,
    direction: directionOf(from, to, extLength),
    disposition: DISPOSITIONS[statusRaw.toLowerCase()] ?? 'unknown',
    dispositionRaw: statusRaw,
    durationSec: duration,
    raw,
  };
  const billable = pick(raw, 'Rating Duration', 'Billing duration');
  if (billable !== undefined && /^\d+$/.test(billable)) cdr.billableSec = Number(billable);
  const cost = pick(raw, 'Rating Cost', 'Cost of the call');
  if (cost !== undefined && /^-?\d+(\.\d+)?$/.test(cost)) cdr.cost = { amount: cost, currency };
  const path = pick(raw, 'Recording Path');
  if (path && truthy(pick(raw, 'Recording Available') ?? '')) cdr.recordingRef = path;
  // "A MOS value of 0 means there is no MOS data for the CDR."
  const mos = Number(pick(raw, 'MOS'));
  if (Number.isFinite(mos) && mos > 0) cdr.mos = mos;
  return cdr;
}

export function toCdrs(page: WireCdrPage, tenantId: string, currency: string, extLength: number): Cdr[] {
  return page.csv.map((row) => toCdr(cdrRowRecord(page.header, row), tenantId, currency, extLength));
}

// ------------------------------------------------------------------------------------------------ extensions

export function toExtension(id: string, e: Partial<WireExt> & { name: string; ext: string; status: string }, tenantId: string, extras: Record<string, unknown> = {}): Extension {
  const status = e.status === 'enabled' ? 'enabled' : e.status === 'disabled' ? 'disabled' : 'unknown';
  const base: Record<string, string> = {};
  for (const k of ['protocol', 'location', 'ua_id', 'ua_name', 'ua_fullname', 'macaddress', 'sn', 'linenum', 'user_location', 'department'] as const) {
    const v = e[k];
    if (v) base[k] = v;
  }
  return { id, tenantId, number: e.ext, name: e.name, email: e.email || undefined, status, extras: { ...base, ...(extras as Record<string, never>) } };
}

// ------------------------------------------------------------------------------------------------ destinations

/** DID `dest_type` codes 0–17 with their names (as did.list `type` shows them) and domain types. */
export const DID_DESTINATIONS: ReadonlyArray<{ code: number; name: string; type: DestinationType }> = [
  { code: 0, name: 'Extension', type: 'extension' },
  { code: 1, name: 'Forward DID to Extension (Multi User)', type: 'other' },
  { code: 2, name: 'Ring Group', type: 'ring_group' },
  { code: 3, name: 'IVR', type: 'ivr' },
  { code: 4, name: 'Queues', type: 'queue' },
  { code: 5, name: 'External Number', type: 'external' },
  { code: 6, name: 'IVR tree', type: 'ivr_tree' },
  { code: 7, name: 'Voicemail', type: 'voicemail' },
  { code: 8, name: 'Remote Access', type: 'remote_access' },
  { code: 9, name: 'Conferences', type: 'conference' },
  { code: 10, name: 'Trunk', type: 'other' },
  { code: 11, name: 'Fax to E-mail', type: 'fax' },
  { code: 12, name: 'Phone Callback', type: 'other' },
  { code: 13, name: 'Deny Access', type: 'deny' },
  { code: 14, name: 'CRM Routing', type: 'crm' },
  { code: 15, name: 'Agents', type: 'other' },
  { code: 16, name: 'ARI Application', type: 'ari' },
  { code: 17, name: 'Parking Lot', type: 'other' },
];
/** Phone Callback and Deny Access take no destination. */
export const DID_NO_DESTINATION = new Set([12, 13]);

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/s$/, '');

export function didDestination(typeName: string, target: string): Destination | undefined {
  if (!typeName && !target) return undefined;
  const hit = DID_DESTINATIONS.find((d) => norm(d.name) === norm(typeName) || String(d.code) === typeName);
  const type = hit?.type ?? 'other';
  // deny and other may have no target; domain needs a non-empty one except for directory, so keep the name.
  return { type, target: target || (type === 'deny' || type === 'other' ? (hit?.name ?? typeName) : target), label: typeName, vendorType: hit?.name ?? typeName };
}

/** The `dest_type` code for a domain destination; `vendorType` (name or code) resolves `other`. */
export function didDestTypeCode(d: Destination): number | undefined {
  if (d.vendorType) {
    const byVendor = DID_DESTINATIONS.find((x) => norm(x.name) === norm(d.vendorType!) || String(x.code) === d.vendorType);
    if (byVendor && (byVendor.type === d.type || d.type === 'other')) return byVendor.code;
  }
  if (d.type === 'other') return undefined;
  return DID_DESTINATIONS.find((x) => x.type === d.type)?.code;
}

export function toDid(id: string, d: WireDid, tenantId: string): Did {
  const destination = didDestination(d.type, d.ext);
  const did: Did = {
    id,
    tenantId: d.server || tenantId,
    number: d.number,
    description: d.name || undefined,
    extras: { trunk: d.trunk, status: d.status, e164: d.e164, e164_2: d.e164_2, sms_enabled: d.sms_enabled, prioritize_clirouting: d.prioritize_clirouting, ...(d.e911 ? { e911: d.e911 } : {}) },
  };
  if (d.number2) did.numberTo = d.number2;
  if (destination) did.destination = destination;
  return did;
}

// ------------------------------------------------------------------------------------------------ IVRs

const KEYMAP_DOMAIN: Record<KeymapCode, DestinationType> = {
  aa: 'ivr', qu: 'queue', rg: 'ring_group', cf: 'conference', ex: 'extension', vm: 'voicemail', cr: 'crm',
  aatree: 'ivr_tree', dy: 'directory', ra: 'remote_access', fx: 'fax', en: 'external', ari: 'ari',
};

export function keymapCodeFor(type: DestinationType): KeymapCode | undefined {
  return (Object.entries(KEYMAP_DOMAIN) as Array<[KeymapCode, DestinationType]>).find(([, t]) => t === type)?.[0];
}

/** Domain keymap → the adapter's write entries; the first problem found is returned instead. */
export function toWireKeymap(entries: readonly DomainKeymapEntry[]): KeymapEntry[] | { problem: string } {
  const out: KeymapEntry[] = [];
  for (const e of entries) {
    if (!/^[0-9*]$/.test(e.key)) return { problem: `PBXware IVR keys are 0-9 and *; "${e.key}" cannot be mapped` };
    const code = keymapCodeFor(e.destination.type);
    if (!code) return { problem: `PBXware IVR keys cannot send calls to "${e.destination.type}"` };
    out.push(code === 'dy' ? { key: e.key as KeymapKey, type: code } : { key: e.key as KeymapKey, type: code, destination: e.destination.target });
  }
  return out;
}

/**
 * The read shape (quirk 86) → domain entries. The documented shape carries no digit; such entries take the
 * digit we last wrote for the same type and destination (`remembered`), else the next free digit from 1,
 * and the IVR is flagged `keymapKeysInferred` so the UI can say the digit is a guess.
 */
export function toDomainKeymap(raw: unknown, remembered: readonly KeymapEntry[] = []): { keymap: DomainKeymapEntry[]; inferred: boolean } {
  const read = readKeymap(raw);
  const used = new Set(read.map((r) => r.key).filter(Boolean));
  let inferred = false;
  const keymap = read.map((r) => {
    let key = r.key;
    if (!key) {
      key = remembered.find((m) => m.type === r.type && (m.destination ?? '') === r.destination && !used.has(m.key))?.key;
      if (!key) {
        inferred = true;
        key = (['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'] as const).find((k) => !used.has(k)) ?? '*';
      }
      used.add(key);
    }
    const code = r.type ?? keymapCodeForTypeName(r.typeName);
    const type: DestinationType = code ? KEYMAP_DOMAIN[code] : 'other';
    return { key, destination: { type, target: r.destination, vendorType: r.typeName } } as DomainKeymapEntry;
  });
  return { keymap, inferred };
}

export function toIvr(id: string, i: WireIvr, tenantId: string, remembered?: readonly KeymapEntry[]): Ivr {
  const { keymap, inferred } = toDomainKeymap(i.keymap, remembered);
  return {
    id,
    tenantId,
    name: i.name,
    extension: i.ext || undefined,
    operator: i.operator || undefined,
    enabled: i.status === 'enabled',
    keymap,
    extras: { type: i.type, ...(inferred ? { keymapKeysInferred: true } : {}) },
  };
}

// ------------------------------------------------------------------------------------------------ operation times

/** PBXware otimes object per domain target type. */
export const OTIMES_KIND: Partial<Record<ScheduleTarget['type'], string>> = {
  tenant: 'servers',
  did: 'did',
  ivr: 'ivr',
  ring_group: 'dial_group',
  erg: 'erg',
  queue: 'queues',
  route: 'routes',
};

/** Days are "1,2,3,4,5"; the numbering is undocumented (ASSUMPTION, quirk 90: 1 = Monday … 7 = Sunday). */
export function daysToWeekdays(days: string): Array<(typeof weekdays)[number]> {
  return days
    .split(',')
    .map((d) => Number(d.trim()))
    .filter((n) => n >= 1 && n <= 7)
    .map((n) => weekdays[n - 1]!);
}

const hhmm = (t: string) => (/^\d{1,2}:\d{2}/.test(t) ? t.trim().slice(0, 5).padStart(5, '0') : t);

export function toOperationTimes(o: WireOtimes, tenantId: string, target: ScheduleTarget): OperationTimes {
  const weekly: WeeklySchedule = emptyWeek();
  for (const row of o.open_days) {
    for (const day of daysToWeekdays(row.days)) weekly[day].push({ from: hhmm(row.time_from), to: hhmm(row.time_to) });
  }
  for (const day of weekdays) weekly[day].sort((a, b) => a.from.localeCompare(b.from));
  const closed: ClosedPeriod[] = o.closed_dates.map((c) => {
    const p: ClosedPeriod = { name: c.description || 'Closed', from: c.date_from, to: c.date_to, everyYear: false };
    if (c.time_from && c.time_to) {
      p.timeFrom = hhmm(c.time_from);
      p.timeTo = hhmm(c.time_to);
    }
    if (c.destination) p.destination = { type: 'extension', target: c.destination };
    return p;
  });
  const status = o.status.toLowerCase();
  const out: OperationTimes = {
    tenantId,
    target,
    status: status === 'on' || status === 'off' || status === 'inherit' ? status : 'on',
    weekly,
    closed,
    writable: true,
    extras: { custom_destinations: o.custom_destinations, open_days: o.open_days, ...(o.pin ? { pin: o.pin } : {}) },
  };
  if (o.default_dest_ext) out.closedDestination = { type: truthy(o.default_dest_is_vm) ? 'voicemail' : 'extension', target: o.default_dest_ext };
  if (o.greeting) out.greeting = o.greeting;
  return out;
}
