/**
 * PBXware's date and time encodings, as pure functions shared by the adapter and the emulator.
 *
 * CDR (and billing-history, SMS, archiving) filters are `mmm-dd-YYYY` (`Feb-01-2009`) plus `hh:mm:ss`, read in the
 * `timezone` argument's zone; CDR rows carry Unix seconds as a string. The adapter always sends both times,
 * because the default end time differs by endpoint (quirk 79).
 */

export const PBX_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}
export interface WallTime {
  hour: number;
  minute: number;
  second: number;
}
export type ZonedParts = CalendarDate & WallTime;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `{2009, 2, 1}` → `Feb-01-2009`. */
export function formatPbxDate(d: CalendarDate): string {
  return `${PBX_MONTHS[d.month - 1]}-${pad(d.day)}-${pad(d.year, 4)}`;
}

/** `Feb-01-2009` (month name case-insensitive) → `{2009, 2, 1}`; undefined if malformed or not a real day. */
export function parsePbxDate(text: string): CalendarDate | undefined {
  const m = /^([A-Za-z]{3})-(\d{2})-(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const month = PBX_MONTHS.findIndex((name) => name.toLowerCase() === m[1]!.toLowerCase()) + 1;
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (month === 0 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function formatPbxTime(t: WallTime): string {
  return `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

export function parsePbxTime(text: string): WallTime | undefined {
  const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const t = { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3]) };
  return t.hour < 24 && t.minute < 60 && t.second < 60 ? t : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in an IANA zone. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

function offsetAt(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

/** The instant a wall-clock reading denotes in a zone (the earlier one in a DST fold; gaps move forward). */
export function zonedToEpochMs(p: ZonedParts, timeZone: string): number {
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return Math.min(first, second);
}

export interface CdrRangeArgs {
  start: string;
  starttime: string;
  end: string;
  endtime: string;
  timezone: string;
}

/**
 * `cdr.download` filter arguments for the instants [from, to] read in `timeZone` (default UTC). Second
 * precision: `from` rounds down and `to` rounds down, and PBXware's end time is inclusive.
 */
export function cdrRangeArgs(fromMs: number, toMs: number, timeZone = 'UTC'): CdrRangeArgs {
  const a = zonedParts(fromMs, timeZone);
  const b = zonedParts(toMs, timeZone);
  return { start: formatPbxDate(a), starttime: formatPbxTime(a), end: formatPbxDate(b), endtime: formatPbxTime(b), timezone: timeZone };
}

/** The inverse of `cdrRangeArgs`: epoch ms bounds, both inclusive (end is the start of its last second). */
export function cdrRangeBounds(
  args: { start: string; end: string; starttime?: string; endtime?: string },
  timeZone = 'UTC',
): { fromMs: number; toMs: number } | undefined {
  const s = parsePbxDate(args.start);
  const e = parsePbxDate(args.end);
  const st = parsePbxTime(args.starttime ?? '00:00:00');
  const et = parsePbxTime(args.endtime ?? '23:59:59');
  if (!s || !e || !st || !et) return undefined;
  return { fromMs: zonedToEpochMs({ ...s, ...st }, timeZone), toMs: zonedToEpochMs({ ...e, ...et }, timeZone) };
}
