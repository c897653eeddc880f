import 'server-only';
import type { ClosedPeriod, Extras, FieldSpec, OperationTimes, SettingsSection, Tenant, TenantCounters, TimeRange, WeeklySchedule } from '@/lib/schemas';
import { portsipWeekdays, type WireHoliday, type WireHolidayInput, type WireOfficeHours, type WirePasswordPolicy, type WireTenant, type WireTenantStatus } from './wire';

/** Small pure reshapers between PortSIP payloads and the domain model. */

const SECRET_KEY = /password|token|secret|_key$|_cert$/i;

function isIanaZone(tz: string | undefined): tz is string {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The tenant behind the token. Scalars beyond the neutral model (domain, limits, retention…) go to extras; secrets never do. */
export function toTenant(w: WireTenant, connectionId: string): Tenant {
  const extras: Extras = {};
  for (const [k, v] of Object.entries(w)) {
    if (['id', 'name', 'currency', 'timezone'].includes(k) || (typeof v === 'string' && SECRET_KEY.test(k))) continue;
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) extras[k] = v;
  }
  if (w.timezone && !isIanaZone(w.timezone)) extras.timezone = w.timezone;
  return {
    connectionId,
    id: w.id,
    name: w.name,
    code: w.domain || undefined,
    // The document has no tenant status field; a token that reads its tenant proves nothing more.
    status: 'unknown',
    currency: w.currency && /^[A-Z]{3}$/.test(w.currency) ? w.currency : undefined,
    timezone: isIanaZone(w.timezone) ? w.timezone : undefined,
    extras,
  };
}

export function toCounters(s: WireTenantStatus, tenantId: string): TenantCounters {
  const extras: Extras = {};
  for (const k of ['version', 'licensed_users', 'current_queues', 'current_conference_rooms', 'current_ring_groups', 'current_ivrs', 'current_trunks'] as const) {
    const v = s[k];
    if (v !== undefined) extras[k] = v;
  }
  return {
    tenantId,
    // PortSIP "users" are the extension users of the tenant.
    extensionsTotal: s.current_users,
    extensionsOnline: s.online_users,
    callsNow: s.current_calls,
    calls24h: [...s.calls_in_24_hours]
      .map((b) => ({ time: new Date(b.time).toISOString(), count: b.count }))
      .sort((a, b) => a.time.localeCompare(b.time)),
    extras,
  };
}

// PortSIP times are HH:MM within one day; the domain writes the end of the day as 24:00.
const endFromWire = (t: string) => (t === '23:59' ? '24:00' : t);
const endToWire = (t: string) => (t === '24:00' ? '23:59' : t);

/** Open ranges per weekday; a disabled day is closed whatever ranges it keeps. */
export function toWeekly(hours: WireOfficeHours | undefined): WeeklySchedule {
  const out = {} as WeeklySchedule;
  for (const d of portsipWeekdays) {
    const day = hours?.[d];
    out[d] = day?.enabled ? day.ranges.map((r) => ({ from: r.from, to: endFromWire(r.to) })) : [];
  }
  return out;
}

const sameRanges = (a: TimeRange[], b: TimeRange[]) => a.length === b.length && a.every((r, i) => r.from === b[i]!.from && r.to === b[i]!.to);

/**
 * The office_hours to send: days whose domain view is unchanged keep their wire value byte for byte (a
 * disabled day's stored ranges, unknown keys); changed days become `{enabled, ranges}`.
 */
export function toWireOfficeHours(weekly: WeeklySchedule, current: WireOfficeHours | undefined): WireOfficeHours {
  const before = toWeekly(current);
  const out: WireOfficeHours = { ...(current ?? {}) };
  for (const d of portsipWeekdays) {
    const cur = current?.[d];
    if (cur && sameRanges(before[d], weekly[d])) continue;
    const ranges = weekly[d].map((r) => ({ from: r.from, to: endToWire(r.to) }));
    out[d] = { ...(cur ?? {}), enabled: ranges.length > 0, ranges };
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const hm = (h: number, m: number) => `${pad(h)}:${pad(m)}`;

/**
 * A holiday as a closed period. Whole days when it runs 00:00–23:59; otherwise the hours are the daily
 * window. (A `consecutive` holiday with hours really runs from the first day's start to the last day's end;
 * the domain cannot say that, and the flag is kept on write — see `toWireHoliday`.) An every-year holiday
 * that wraps the new year ends in the following year so that `to` never precedes `from`.
 */
export function toClosedPeriod(h: WireHoliday): ClosedPeriod {
  const from = ymd(h.year_start, h.month_start, h.day_start);
  let to = ymd(h.year_end, h.month_end, h.day_end);
  if (h.every_year && to < from) to = ymd(h.year_start + 1, h.month_end, h.day_end);
  const start = hm(h.hour_start, h.minute_start);
  const end = hm(h.hour_end, h.minute_end);
  const whole = start === '00:00' && end === '23:59';
  return { id: h.id, name: h.name, from, to, everyYear: h.every_year, ...(whole ? {} : { timeFrom: start, timeTo: endFromWire(end) }) };
}

/** The PortSIP body for a closed period; `prev` (the stored holiday) keeps region and `consecutive`. */
export function toWireHoliday(c: ClosedPeriod, prev: WireHoliday | undefined, defaultRegion: string): WireHolidayInput {
  const [ys = 0, ms = 0, ds = 0] = c.from.split('-').map(Number);
  const [ye = 0, me = 0, de = 0] = c.to.split('-').map(Number);
  const whole = c.timeFrom === undefined || c.timeTo === undefined;
  const [hs = 0, mins = 0] = whole ? [0, 0] : c.timeFrom!.split(':').map(Number);
  const [he = 23, mine = 59] = whole ? [23, 59] : endToWire(c.timeTo!).split(':').map(Number);
  return {
    name: c.name,
    region: prev?.region ?? defaultRegion,
    // Whole days across a span are one consecutive block; a daily window is not.
    consecutive: prev?.consecutive ?? (whole && c.from !== c.to),
    every_year: c.everyYear,
    year_start: ys,
    year_end: ye,
    month_start: ms,
    month_end: me,
    day_start: ds,
    day_end: de,
    hour_start: hs,
    hour_end: he,
    minute_start: mins,
    minute_end: mine,
  };
}

/** Whether two closed periods say the same thing (ignoring fields PortSIP has no place for, like destination). */
export function sameClosedPeriod(a: ClosedPeriod, b: ClosedPeriod): boolean {
  const key = (c: ClosedPeriod) => JSON.stringify([c.name, c.from, c.to, c.timeFrom ?? null, c.timeTo ?? null, c.everyYear]);
  return key(a) === key(b);
}

export function toOperationTimes(tenant: WireTenant, holidays: WireHoliday[]): OperationTimes {
  return {
    tenantId: tenant.id,
    target: { type: 'tenant', id: tenant.id, label: 'Office hours' },
    status: 'on',
    timezone: isIanaZone(tenant.timezone) ? tenant.timezone : undefined,
    weekly: toWeekly(tenant.office_hours),
    closed: holidays.map(toClosedPeriod),
    writable: true,
    extras: {},
  };
}

// ------------------------------------------------------------------------------------------- settings

export const PASSWORD_POLICY_SECTION = 'password_policy';
export const VOICEMAIL_SECTION = 'voicemail';

const passwordPolicyFields: FieldSpec[] = [
  { name: 'min_length', label: 'Minimum length', kind: 'number', required: true, help: 'Must be less than or equal to the maximum length.' },
  { name: 'max_length', label: 'Maximum length', kind: 'number', required: true },
  { name: 'contains_letters', label: 'Require a letter (a–z)', kind: 'boolean', required: false },
  { name: 'contains_numbers', label: 'Require a digit (0–9)', kind: 'boolean', required: false },
  { name: 'contains_special_letters', label: 'Require an upper-case letter or special character', kind: 'boolean', required: false },
  { name: 'disable_sequential_characters', label: 'Forbid sequential characters', kind: 'boolean', required: false },
  { name: 'disable_repeating_characters', label: 'Forbid repeating characters', kind: 'boolean', required: false },
  { name: 'disable_account_information', label: 'Forbid passwords similar to the account information', kind: 'boolean', required: false },
];

const voicemailFields: FieldSpec[] = [
  { name: 'extension_number', label: 'Voicemail server extension', kind: 'text', required: true, pattern: '^[0-9]{3,64}$', patternMessage: 'must be 3 to 64 digits' },
  { name: 'retain_days', label: 'Keep voicemails for (days)', kind: 'number', required: false, help: 'PortSIP default: 30.' },
  { name: 'min_seconds', label: 'Shortest voicemail kept (seconds)', kind: 'number', required: false, help: 'Shorter calls are not saved. PortSIP default: 1.' },
];

export function passwordPolicySection(p: WirePasswordPolicy): SettingsSection {
  const values: Record<string, string | number | boolean> = {};
  for (const f of passwordPolicyFields) {
    const v = p[f.name];
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') values[f.name] = v;
  }
  return { id: PASSWORD_POLICY_SECTION, title: 'Password policy', fields: passwordPolicyFields, values, readable: true };
}

/** PortSIP can set the voicemail server but not read it back, so the form starts empty. */
export function voicemailSection(): SettingsSection {
  return { id: VOICEMAIL_SECTION, title: 'Voicemail server', fields: voicemailFields, values: {}, readable: false };
}

/**
 * Checks a recharge amount against "precision is five digits" and returns it as a JSON number literal, so
 * the decimal string reaches the wire without passing through a float.
 */
export function rechargeLiteral(amount: string): string | { problem: string } {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(amount);
  if (!m) return { problem: 'must be a positive decimal amount such as 25.00' };
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 5) return { problem: 'PortSIP accepts at most five decimal places' };
  if (/^0*$/.test(whole + frac)) return { problem: 'must be greater than zero' };
  // Beyond 2^53 a JSON number would be read inexactly by the PBX; no real recharge is that large.
  if (whole.length > 12) return { problem: 'is too large' };
  return frac ? `${whole}.${frac}` : whole;
}
