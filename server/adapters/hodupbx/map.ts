import 'server-only';
import { createHash } from 'node:crypto';
import type { Balance, CallDirection, Cdr, Did, Extension, Ivr, LiveCall, Money, Tenant } from '@/lib/schemas';
import type { ActiveCallRow, BalanceRow, CallLogRow, TenantInfo } from './wire';

// ------------------------------------------------------------------------------------------- time

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneParts(ms: number, timeZone: string) {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    partsFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return p as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** How far `timeZone` is ahead of UTC at instant `ms`, in ms. */
function zoneOffset(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (ms % 1000));
}

/**
 * HoduPBX's naive local "YYYY-MM-DD HH:MM:SS" in `timeZone` → a UTC instant. Two passes settle DST edges; a
 * time skipped by a spring-forward lands after the gap.
 */
export function localToInstant(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return undefined;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (Number.isNaN(asUtc)) return undefined;
  let ms = asUtc - zoneOffset(asUtc, timeZone);
  ms = asUtc - zoneOffset(ms, timeZone);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`: the unit of the date path segments. */
export function localDate(instant: string | number, timeZone: string): string {
  const p = zoneParts(typeof instant === 'number' ? instant : Date.parse(instant), timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// ------------------------------------------------------------------------------------------- numbers, names

/** Exact decimal sum of decimal strings (charges are "0.00000"-style strings; never a float). */
export function addDecimals(...values: string[]): string {
  const scale = Math.max(0, ...values.map((v) => v.split('.')[1]?.length ?? 0));
  let sum = 0n;
  for (const v of values) {
    const neg = v.trim().startsWith('-');
    const [i = '0', f = ''] = v.trim().replace(/^[-+]/, '').split('.');
    const units = BigInt(i || '0') * 10n ** BigInt(scale) + BigInt((f + '0'.repeat(scale)).slice(0, scale) || '0');
    sum += neg ? -units : units;
  }
  const neg = sum < 0n;
  const digits = (neg ? -sum : sum).toString().padStart(scale + 1, '0');
  const out = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return neg ? `-${out}` : out;
}

const isDecimal = (v: string | undefined): v is string => v !== undefined && /^-?\d+(\.\d+)?$/.test(v.trim());

/** `"<name>-<number>"` (getExtension `ext_name`, getIVR `ivr_name`): split on the LAST dash, names may contain one. */
export function splitNameNumber(value: string): { name: string; number: string } {
  const i = value.lastIndexOf('-');
  if (i <= 0) return { name: value, number: value };
  return { name: value.slice(0, i), number: value.slice(i + 1) };
}

/**
 * HoduPBX gives no direction. Extensions are short (the documents' are 3-4 digits, registration names 7:
 * tenant + extension), public numbers are longer, so: both short → internal, short → long outbound, long →
 * short inbound. Charges override: an outgoing charge means outbound.
 */
const INTERNAL_MAX_DIGITS = 7;
export function inferDirection(caller: string, callee: string, outgoingCharge?: string): CallDirection {
  if (outgoingCharge && isDecimal(outgoingCharge) && /[1-9]/.test(outgoingCharge)) return 'outbound';
  const internal = (n: string) => /^\d+$/.test(n) && n.length <= INTERNAL_MAX_DIGITS;
  if (!caller || !callee) return 'unknown';
  if (internal(caller) && internal(callee)) return 'internal';
  if (internal(caller)) return 'outbound';
  if (internal(callee)) return 'inbound';
  return 'unknown';
}

const shortHash = (s: string) => createHash('sha1').update(s).digest('base64url').slice(0, 16);

/**
 * IDs for records HoduPBX does not identify: a hash of the fields that never change for that record, plus a
 * `~n` suffix for the n-th identical record in the same answer (two identical calls in the same second).
 */
export function deriveIds<T>(rows: T[], key: (row: T) => string, prefix: string): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const h = shortHash(key(r));
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return `${prefix}${h}${n > 1 ? `~${n}` : ''}`;
  });
}

// ------------------------------------------------------------------------------------------- domain

export function toTenant(row: BalanceRow, info: TenantInfo | undefined, connectionId: string): Tenant {
  const status = info?.['Tenant Status']?.toUpperCase();
  return {
    connectionId,
    id: row.tenant_id,
    name: row.tenant_name || info?.Tenant || `Tenant ${row.tenant_id}`,
    status: status === 'ACTIVE' ? 'active' : status ? 'suspended' : 'unknown',
    currency: row.currency_code || undefined,
    extras: status ? { tenantStatus: status } : {},
  };
}

export function toBalance(row: BalanceRow, info: TenantInfo | undefined, asOf: string): Balance {
  const money = (amount: string): Money => ({ amount: amount.trim(), currency: row.currency_code });
  const extras: Balance['extras'] = {};
  if (info) {
    for (const [k, v] of [
      ['invoiceStatus', info['Invoice Status']],
      ['invoiceAmount', info['Invoice Amount']],
      ['invoiceDueDate', info['Invoice DueDate']],
      ['tenantStatus', info['Tenant Status']],
    ] as const) {
      if (v) extras[k] = v;
    }
  }
  const credit = info?.['Credit Balance'];
  return {
    tenantId: row.tenant_id,
    balance: money(isDecimal(row.current_balance) ? row.current_balance : '0'),
    credit: isDecimal(credit) ? money(credit) : undefined,
    source: info ? 'tenant current_balance; credit from getTenantInfo "Credit Balance"' : 'tenant current_balance',
    asOf,
    extras,
  };
}

/** One call log row → CDR. Duration is end − start; HoduPBX reports no disposition. */
export function toCdr(row: CallLogRow, id: string, tenantId: string, timeZone: string, currency: string | undefined): Cdr | undefined {
  const startedAt = localToInstant(row.start_date, timeZone);
  if (!startedAt) return undefined;
  const endedAt = row.end_date ? localToInstant(row.end_date, timeZone) : undefined;
  const durationSec = endedAt ? Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000)) : 0;
  const charges = [row.incoming_call_charges, row.outgoing_call_charges].filter(isDecimal);
  const forwardedTo = row.forward && row.forward !== row.callee ? row.forward : undefined;
  return {
    id,
    tenantId,
    startedAt,
    endedAt,
    from: { number: row.caller },
    to: { number: row.callee },
    forwardedTo,
    direction: inferDirection(row.caller, row.callee, row.outgoing_call_charges),
    disposition: 'unknown',
    durationSec,
    cost: charges.length && currency ? { amount: addDecimals(...charges), currency } : undefined,
    recordingRef: row.callid || undefined,
    raw: Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as Cdr['raw'],
  };
}

export function toLiveCall(row: ActiveCallRow, id: string, tenantId: string, timeZone: string): LiveCall {
  return {
    id,
    tenantId,
    from: { number: row.caller_number },
    to: { number: row.callee_number },
    direction: inferDirection(row.caller_number, row.callee_number),
    startedAt: row.start_time ? localToInstant(row.start_time, timeZone) : undefined,
    extras: {},
  };
}

export function toExtension(row: { ext_id: string; ext_name: string }, tenantId: string): Extension {
  const { name, number } = splitNameNumber(row.ext_name);
  return { id: row.ext_id, tenantId, number, name, status: 'unknown', extras: { ext_name: row.ext_name } };
}

export function toIvr(row: { ivr_id: string; ivr_name: string }, tenantId: string): Ivr {
  const { name, number } = splitNameNumber(row.ivr_name);
  // The documents give no keymap read or write for HoduPBX: null tells the UI to say so.
  return { id: row.ivr_id, tenantId, name, extension: number, keymap: null, extras: {} };
}

export function toDid(row: { did_id: string; did_number: string }, tenantId: string | undefined): Did {
  return { id: row.did_id, tenantId, number: row.did_number, extras: {} };
}
