import 'server-only';
import {
  emptyWeek,
  weekdays,
  type Cdr,
  type ClosedPeriod,
  type DestinationOption,
  type Did,
  type Disposition,
  type Extension,
  type Extras,
  type Ivr,
  type OperationTimes,
  type Tenant,
  type TimeRange,
  type Weekday,
} from '@/lib/schemas';
import type { CdrRow, ConditionRow, CustomRow, DidDetailRow, DidRow, ExtensionRow, HuntRow, IvrRow, SipPeerRow, VoicemailRow } from './wire';

/** Small pure reshapes from MiRTA wire rows to the domain. Empty strings are the vendor's null. */

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Extra columns a row carried beyond the ones mapped, kept so users still see them. */
function rest(row: Record<string, unknown>, mapped: readonly string[]): Extras {
  const out: Extras = {};
  for (const [k, v] of Object.entries(row)) if (!mapped.includes(k) && typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

export function toTenant(row: { te_id: string; te_name: string }, code: string | undefined, connectionId: string): Tenant {
  return { connectionId, id: row.te_id, name: row.te_name || `Tenant ${row.te_id}`, code, status: 'unknown', extras: {} };
}

// ------------------------------------------------------------------------------------------- extensions

const EXTENSION_MAPPED = ['ex_id', 'ex_name', 'ex_number'] as const;

/**
 * Caller ID and call waiting go to `extras` under their wire names, which are also the vendor field names
 * of the update form. The SIP peer contributes its user name and host, never its secret (quirk 66).
 */
export function toExtension(row: ExtensionRow, tenantId: string, peer?: SipPeerRow): Extension {
  const extras: Extras = {
    ex_cidnum: row.ex_cidnum,
    ex_cidname: row.ex_cidname,
    ex_callwaiting: row.ex_callwaiting,
    ...rest(row, [...EXTENSION_MAPPED, 'ex_cidnum', 'ex_cidname', 'ex_callwaiting']),
  };
  if (peer) {
    extras.sip_username = peer.name;
    extras.sip_host = peer.host;
    extras.sip_secret_set = peer.secret !== '';
  }
  return { id: row.ex_id, tenantId, number: row.ex_number, name: row.ex_name || row.ex_number, status: 'unknown', extras };
}

// ------------------------------------------------------------------------------------------- DIDs

export function toDid(row: DidRow | (DidDetailRow & { di_id: string }), tenantId: string): Did {
  const extras: Extras = { di_country: row.di_country, di_area: row.di_area };
  // Only `/did/byid` has these columns.
  for (const k of ['di_recording', 'di_fax', 'di_didprefix', 'di_didnameprefix'] as const) {
    const v = (row as Partial<DidDetailRow>)[k];
    if (typeof v === 'string') extras[k] = v;
  }
  Object.assign(extras, rest(row, ['di_id', 'di_te_id', 'di_number', 'di_comment', ...Object.keys(extras)]));
  // No destination: the API neither returns nor sets where a DID routes.
  return { id: row.di_id, tenantId, number: row.di_number, description: opt(row.di_comment), extras };
}

// ------------------------------------------------------------------------------------------- IVRs, hunt lists, voicemail

export function toIvr(row: IvrRow, tenantId: string): Ivr {
  return { id: row.iv_id, tenantId, name: row.iv_name, keymap: null, extras: rest(row, ['iv_id', 'iv_name']) };
}

/** A MiRTA hunt list as a ring group. `PbxAdapter` has no ring-group type yet, so this one is local. */
export interface MirtaRingGroup {
  id: string;
  tenantId: string;
  number: string;
  name: string;
  /** `hu_type` as sent: "RINGALL" in the samples, "AA" in the update example; the full set is undocumented. */
  strategy: string;
  /** `hu_ringtime`, read as seconds [ASSUMPTION]. */
  ringTimeSec?: number;
  /** `hu_checkinuse` ("yes"/"no"/""), only from `/hunt/byid`. */
  checkInUse?: boolean;
  extras: Extras;
}
export interface MirtaRingGroupInput {
  number: string;
  name: string;
  strategy: string;
  ringTimeSec?: number;
}

export function toRingGroup(row: HuntRow, tenantId: string): MirtaRingGroup {
  const ring = /^\d+$/.test(row.hu_ringtime) ? Number(row.hu_ringtime) : undefined;
  return {
    id: row.hu_id,
    tenantId,
    number: row.hu_number,
    name: row.hu_name,
    strategy: row.hu_type,
    ringTimeSec: ring,
    checkInUse: row.hu_checkinuse === '' ? undefined : /^(yes|1|true)$/i.test(row.hu_checkinuse),
    extras: rest(row, ['hu_id', 'hu_number', 'hu_name', 'hu_type', 'hu_ringtime', 'hu_checkinuse']),
  };
}

export function toWireHunt(input: MirtaRingGroupInput, current: HuntRow): Record<string, string> {
  return {
    hu_number: input.number,
    hu_name: input.name,
    hu_type: input.strategy || current.hu_type,
    hu_ringtime: input.ringTimeSec === undefined ? current.hu_ringtime : String(input.ringTimeSec),
  };
}

/** A voicemail box (Asterisk voicemail-user row). Also local: `PbxAdapter` has no voicemail-box type yet. */
export interface MirtaVoicemailBox {
  id: string;
  tenantId: string;
  name: string;
  email?: string;
  /** Asterisk voicemail context (the tenant code in MiRTA). */
  context?: string;
  extras: Extras;
}

export function toVoicemailBox(row: VoicemailRow, tenantId: string): MirtaVoicemailBox {
  return {
    id: row.uniqueid,
    tenantId,
    name: row.fullname || `Voicemail ${row.uniqueid}`,
    email: opt(row.email),
    context: opt(row.context),
    extras: rest(row, ['uniqueid', 'context', 'fullname', 'email']),
  };
}

/** Destination-picker choices from the tenant's real objects. IVRs and voicemail have IDs, not numbers. */
export function toDestinationOptions(x: {
  extensions: ExtensionRow[];
  hunts: HuntRow[];
  ivrs: IvrRow[];
  voicemails: VoicemailRow[];
  customs: CustomRow[];
}): DestinationOption[] {
  return [
    ...x.extensions.map((e) => ({ type: 'extension' as const, target: e.ex_number, label: `${e.ex_name} (${e.ex_number})` })),
    ...x.hunts.map((h) => ({ type: 'ring_group' as const, target: h.hu_number, label: `${h.hu_name} (${h.hu_number})` })),
    ...x.ivrs.map((i) => ({ type: 'ivr' as const, target: i.iv_id, label: i.iv_name })),
    ...x.voicemails.map((v) => ({ type: 'voicemail' as const, target: v.uniqueid, label: v.fullname || v.uniqueid })),
    // Custom destinations (FORWARD …) hide their target number; only the name and type are readable.
    ...x.customs.map((c) => ({ type: 'other' as const, target: c.cu_id, label: c.ct_name ? `${c.cu_name} (${c.ct_name.toLowerCase()})` : c.cu_name })),
  ].filter((o) => o.target !== '');
}

// ------------------------------------------------------------------------------------------- conditions → operation times

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const hhmm = (m: number) => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** `*`, `mon`, `mon-fri`, `fri-mon` (wraps), `mon&wed` → weekday indexes 0 = Monday; undefined if unreadable. */
export function parseWeekdays(spec: string): number[] | undefined {
  const s = spec.trim().toLowerCase();
  if (s === '' || s === '*') return [0, 1, 2, 3, 4, 5, 6];
  const out = new Set<number>();
  for (const part of s.split('&')) {
    const [a, b] = part.split('-').map((x) => DAY_NAMES.indexOf(x.trim().slice(0, 3) as (typeof DAY_NAMES)[number]));
    if (a === undefined || a < 0 || (b !== undefined && b < 0)) return undefined;
    for (let d = a; ; d = (d + 1) % 7) {
      out.add(d);
      if (b === undefined || d === b) break;
    }
  }
  return [...out].sort();
}

/** `*` or `HH:MM-HH:MM` → minutes since midnight; `to` may be ≤ `from` for ranges past midnight. */
export function parseTimes(spec: string): { from: number; to: number } | undefined {
  const s = spec.trim();
  if (s === '' || s === '*') return { from: 0, to: 1440 };
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) return undefined;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  if (from > 1440 || to > 1440 || from === to) return undefined;
  return { from, to: to === 0 ? 1440 : to };
}

function mergeRanges(ranges: { from: number; to: number }[]): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out.map((r) => ({ from: hhmm(r.from), to: hhmm(r.to) }));
}

/** A dated rule (`24-26` of `dec`) → a yearly closed period in `year`; undefined if not expressible. */
function parseDated(times: string, mdays: string, months: string, year: number, name: string): ClosedPeriod | undefined {
  const mm = months.trim().toLowerCase();
  const dd = mdays.trim();
  if (mm === '' || mm === '*') return undefined; // "the 1st of every month" is not a closed period
  const [m1, m2] = mm.split('-').map((x) => MONTH_NAMES.indexOf(x.slice(0, 3) as (typeof MONTH_NAMES)[number]) + 1);
  const monthTo = m2 ?? m1;
  if (!m1 || !monthTo || monthTo < m1) return undefined;
  const last = new Date(Date.UTC(year, monthTo, 0)).getUTCDate();
  let d1 = 1;
  let d2 = last;
  if (dd !== '' && dd !== '*') {
    const m = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(dd);
    if (!m) return undefined;
    d1 = Number(m[1]);
    d2 = m[2] ? Number(m[2]) : d1;
  }
  const t = parseTimes(times);
  if (!t || t.to <= t.from) return undefined;
  const day = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const whole = t.from === 0 && t.to === 1440;
  return { name, from: day(m1, d1), to: day(monthTo, Math.min(d2, last)), everyYear: true, ...(whole ? {} : { timeFrom: hhmm(t.from), timeTo: hhmm(t.to) }) };
}

const isTimeCondition = (row: ConditionRow) => /time|date|calendar/i.test(row.co_type);

/**
 * A time condition as read-only operation times. The doc samples only CALLERID conditions; for TIME ones we
 * read the twelve params as up to three Asterisk GotoIfTime rules (times, weekdays, days of month, months), the
 * convention the emulator documents. Weekly rules become opening hours; dated rules become yearly closed
 * periods. Anything unreadable is kept verbatim in `extras.unparsed` rather than guessed.
 * Returns undefined for conditions that do not express time (CALLERID).
 */
export function conditionToOperationTimes(row: ConditionRow, tenantId: string, year: number): OperationTimes | undefined {
  if (!isTimeCondition(row)) return undefined;
  const p = [row.co_param1, row.co_param2, row.co_param3, row.co_param4, row.co_param5, row.co_param6, row.co_param7, row.co_param8, row.co_param9, row.co_param10, row.co_param11, row.co_param12];
  const perDay: { from: number; to: number }[][] = weekdays.map(() => []);
  const closed: ClosedPeriod[] = [];
  const unparsed: string[] = [];
  for (let g = 0; g < 3; g++) {
    const [times = '', days = '', mdays = '', months = ''] = p.slice(g * 4, g * 4 + 4);
    if ([times, days, mdays, months].every((x) => x.trim() === '')) continue;
    const rule = [times, days, mdays, months].join('|');
    const dated = (mdays.trim() !== '' && mdays.trim() !== '*') || (months.trim() !== '' && months.trim() !== '*');
    if (dated) {
      const c = parseDated(times, mdays, months, year, row.co_name || `Condition ${row.co_id}`);
      if (c) closed.push(c);
      else unparsed.push(rule);
      continue;
    }
    const t = parseTimes(times);
    const d = parseWeekdays(days);
    if (!t || !d) {
      unparsed.push(rule);
      continue;
    }
    for (const day of d) {
      if (t.to > t.from) perDay[day]!.push(t);
      else {
        // Past midnight: the evening on this day, the early hours on the next.
        perDay[day]!.push({ from: t.from, to: 1440 });
        if (t.to > 0) perDay[(day + 1) % 7]!.push({ from: 0, to: t.to });
      }
    }
  }
  const weekly = emptyWeek();
  weekdays.forEach((w: Weekday, i) => (weekly[w] = mergeRanges(perDay[i]!)));
  const extras: Extras = { co_type: row.co_type };
  p.forEach((v, i) => v !== '' && (extras[`co_param${i + 1}`] = v));
  if (unparsed.length) extras.unparsed = unparsed;
  return {
    tenantId,
    target: { type: 'condition', id: row.co_id, label: row.co_name || undefined },
    status: 'on',
    timezone: opt(row.co_timezone),
    weekly,
    closed,
    writable: false,
    extras,
  };
}

// ------------------------------------------------------------------------------------------- CDRs

/** Naive "YYYY-MM-DD HH:MM:SS" wall time in `timeZone` → epoch ms. Strings with an offset are taken as is. */
export function wallTimeToEpochMs(text: string, timeZone: string): number | undefined {
  const s = text.trim();
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (!m) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (timeZone === 'UTC') return asUtc;
  // The zone's offset at that wall time, found by formatting the guess back in the zone (one correction).
  const offset = (ms: number) => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const parts = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - ms;
  };
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

const DISPOSITIONS: Record<string, Disposition> = {
  ANSWERED: 'answered',
  'NO ANSWER': 'no_answer',
  NOANSWER: 'no_answer',
  BUSY: 'busy',
  FAILED: 'failed',
  CONGESTION: 'failed',
};

/** Extension numbers are short; anything longer is a PSTN number. Used only to guess direction. */
const isInternal = (n: string) => /^\d{2,6}$/.test(n);
const int = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : 0);

/** `"Name" <221>` (Asterisk clid) → name. */
function clidName(clid: string): string | undefined {
  const m = /^"?([^"<]*)"?\s*<[^>]*>$/.exec(clid.trim());
  return m?.[1]?.trim() || undefined;
}

/**
 * A call-history row. The response shape is provisional (the doc has none): every column is kept in `raw`.
 * Without a vendor call ID the ID is derived from time and parties; `cost` needs a configured currency.
 */
export function toCdr(row: CdrRow, tenantId: string, opts: { timeZone: string; currency?: string }): Cdr | undefined {
  const started = wallTimeToEpochMs(row.calldate, opts.timeZone);
  if (started === undefined) return undefined;
  const durationSec = int(row.duration);
  const billableSec = row.billsec === '' ? undefined : int(row.billsec);
  const from = row.src;
  const to = row.dst || row.firstdst;
  const direction = isInternal(from) && isInternal(to) ? 'internal' : isInternal(from) ? 'outbound' : isInternal(to) ? 'inbound' : 'unknown';
  const dispositionRaw = row.disposition.trim().toUpperCase();
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) if (typeof v === 'string') raw[k] = v;
  const cost = opts.currency && /^-?\d+(\.\d+)?$/.test(row.cost.trim()) ? { amount: row.cost.trim(), currency: opts.currency } : undefined;
  return {
    id: row.uniqueid || `${started}:${from}:${to}`,
    tenantId,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + durationSec * 1000).toISOString(),
    from: { number: from, name: row.clid ? clidName(row.clid) : undefined },
    to: { number: to },
    direction,
    disposition: DISPOSITIONS[dispositionRaw] ?? 'unknown',
    dispositionRaw: row.disposition || undefined,
    durationSec,
    billableSec,
    cost,
    raw,
  };
}
