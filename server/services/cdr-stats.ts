import 'server-only';
import { cdrDispositions, type CdrFilters } from '@/lib/cdr-filters';
import type { Disposition } from '@/lib/schemas/cdr';
import { timezoneSchema } from '@/lib/schemas/common';
import type { Actor } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { scopedMatches } from './cdr-query';
import { fromMicroUnits, type CdrColumns } from './cdr-store';

/**
 * Chart series over the column store (see cdr-store.ts for why not SQL): one pass over the matching rows per
 * series, bucketed in the viewer's time zone. They take the table's filters and the caller's scope, so a chart
 * always describes exactly the rows the table lists, across every vendor at once or one tenant.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Bucket = 'hour' | 'day';

export interface VolumePoint extends Record<Disposition, number> {
  t: string;
}
export interface QualityPoint {
  t: string;
  calls: number;
  /** Answer-seizure ratio, percent; null without calls. */
  asr: number | null;
  /** Average talk time of answered calls, seconds; null without answered calls. */
  acd: number | null;
}
export interface CostSeries {
  currencies: string[];
  /** Per bucket: currency → exact decimal string. */
  points: { t: string; amounts: Record<string, string> }[];
  totals: Record<string, string>;
}
export interface TopParty {
  number: string;
  calls: number;
}
export interface CdrStats {
  total: number;
  bucket: Bucket;
  timeZone: string;
  volume: VolumePoint[];
  quality: QualityPoint[];
  cost: CostSeries;
  topSources: TopParty[];
  topDestinations: TopParty[];
  /** [weekday 0 = Monday][hour 0..23] call counts. */
  heatmap: number[][];
}

// --------------------------------------------------------------------------------------- time zones

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function offsetMinutes(tz: string, at: number): number {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    fmtCache.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((local - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * The zone's UTC offset for every UTC hour in [h0, h1): probed once a day, and hour by hour only on days
 * where it changes (DST), so a 90-day range costs ~100 Intl calls, not 2,000.
 */
function hourlyOffsets(tz: string, h0: number, h1: number): Int16Array {
  const out = new Int16Array(Math.max(0, h1 - h0));
  for (let h = h0; h < h1; ) {
    const day = Math.floor(h / 24);
    const hours = dayOffsets(tz, day);
    const end = Math.min(h1, (day + 1) * 24);
    for (; h < end; h++) out[h - h0] = hours[h - day * 24]!;
  }
  return out;
}

// Offsets of a zone for each hour of a UTC day, remembered: every chart request covers mostly the same days.
const dayCache = new Map<string, Int16Array>();
function dayOffsets(tz: string, day: number): Int16Array {
  const key = `${tz}|${day}`;
  let hours = dayCache.get(key);
  if (!hours) {
    hours = new Int16Array(24);
    const a = offsetMinutes(tz, day * DAY);
    const b = offsetMinutes(tz, (day + 1) * DAY);
    if (a === b) hours.fill(a);
    else for (let h = 0; h < 24; h++) hours[h] = offsetMinutes(tz, day * DAY + h * HOUR);
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(key, hours);
  }
  return hours;
}

const QUARTER = 900_000;

/**
 * Bucketing tables for a range: for every quarter hour in it, the chart bucket and the weekday × hour cell in
 * the viewer's zone. Rows carry their quarter-hour index (cdr-store `q15`), so a row's bucket is one table
 * lookup — no time-zone arithmetic per row — and exact for zones with half- and quarter-hour offsets.
 */
interface Frame {
  q0: number;
  bucketOf: Int32Array;
  cellOf: Uint8Array;
  buckets: number;
  label(b: number): string;
}

function frame(fromMs: number, toMs: number, tz: string, bucket: Bucket): Frame {
  const h0 = Math.floor(fromMs / HOUR);
  const h1 = Math.ceil(toMs / HOUR) + 1;
  const offs = hourlyOffsets(tz, h0, h1);
  const size = bucket === 'hour' ? HOUR : DAY;
  const q0 = h0 * 4;
  const quarters = (h1 - h0) * 4;
  const b0 = Math.floor((fromMs + offs[0]! * 60_000) / size);
  const bucketOf = new Int32Array(quarters);
  const cellOf = new Uint8Array(quarters);
  let maxB = 0;
  for (let q = 0; q < quarters; q++) {
    const local = (q0 + q) * QUARTER + offs[q >> 2]! * 60_000;
    const b = Math.floor(local / size) - b0;
    bucketOf[q] = b;
    if ((q0 + q) * QUARTER < toMs) maxB = Math.max(maxB, b);
    const hourIdx = Math.floor(local / HOUR);
    // 1970-01-01 was a Thursday: day 0 → weekday 3 when Monday is 0.
    cellOf[q] = ((Math.floor(hourIdx / 24) + 3) % 7) * 24 + (((hourIdx % 24) + 24) % 24);
  }
  const buckets = Math.max(1, maxB + 1);
  return {
    q0,
    bucketOf,
    cellOf,
    buckets,
    label: (b) => {
      const s = new Date((b0 + b) * size).toISOString();
      return bucket === 'hour' ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : s.slice(0, 10);
    },
  };
}

// --------------------------------------------------------------------------------------- series

/** Calls per bucket, stacked by disposition. */
export function volumeSeries(cols: CdrColumns, match: Uint8Array, fr: Frame): VolumePoint[] {
  const D = cdrDispositions.length;
  const counts = new Uint32Array(fr.buckets * D);
  const { q15, disp } = cols;
  const { q0, bucketOf } = fr;
  for (let i = 0; i < cols.n; i++) {
    if (match[i] === 0) continue;
    counts[bucketOf[q15[i]! - q0]! * D + disp[i]!]!++;
  }
  return Array.from({ length: fr.buckets }, (_, b) => {
    const p = { t: fr.label(b) } as VolumePoint;
    cdrDispositions.forEach((d, k) => (p[d] = counts[b * D + k]!));
    return p;
  });
}

const ANSWERED = cdrDispositions.indexOf('answered');

/** Answer-seizure ratio and average call duration per bucket. */
export function qualitySeries(cols: CdrColumns, match: Uint8Array, fr: Frame): QualityPoint[] {
  const calls = new Uint32Array(fr.buckets);
  const answered = new Uint32Array(fr.buckets);
  const talk = new Float64Array(fr.buckets);
  const { q15, disp, bill, dur } = cols;
  const { q0, bucketOf } = fr;
  for (let i = 0; i < cols.n; i++) {
    if (match[i] === 0) continue;
    const b = bucketOf[q15[i]! - q0]!;
    calls[b]!++;
    if (disp[i] === ANSWERED) {
      answered[b]!++;
      const billed = bill[i]!;
      talk[b]! += billed >= 0 ? billed : dur[i]!;
    }
  }
  return Array.from({ length: fr.buckets }, (_, b) => ({
    t: fr.label(b),
    calls: calls[b]!,
    asr: calls[b] ? Math.round((answered[b]! / calls[b]!) * 1000) / 10 : null,
    acd: answered[b] ? Math.round(talk[b]! / answered[b]!) : null,
  }));
}

/** Cost per bucket, one series per currency, summed exactly in 10⁻⁵ units. */
export function costSeries(cols: CdrColumns, match: Uint8Array, fr: Frame): CostSeries {
  const C = cols.currencies.values.length;
  const sums = new Float64Array(fr.buckets * C);
  const seen = new Uint8Array(C);
  const { q15, cost, cur } = cols;
  const { q0, bucketOf } = fr;
  for (let i = 0; i < cols.n; i++) {
    if (match[i] === 0) continue;
    const c = cur[i]!;
    if (c === 0) continue;
    const v = cost[i]!;
    if (v !== v) continue;
    sums[bucketOf[q15[i]! - q0]! * C + c]! += v;
    seen[c] = 1;
  }
  const ids = [...seen.keys()].filter((c) => seen[c]);
  const currencies = ids.map((c) => cols.currencies.values[c]!);
  const totals: Record<string, string> = {};
  for (const c of ids) {
    let s = 0;
    for (let b = 0; b < fr.buckets; b++) s += sums[b * C + c]!;
    totals[cols.currencies.values[c]!] = fromMicroUnits(s);
  }
  return {
    currencies,
    totals,
    points: Array.from({ length: fr.buckets }, (_, b) => ({ t: fr.label(b), amounts: Object.fromEntries(ids.map((c) => [cols.currencies.values[c]!, fromMicroUnits(sums[b * C + c]!)])) })),
  };
}

/** The `limit` numbers with the most calls as caller (`from`) or callee (`to`). */
export function topParties(cols: CdrColumns, match: Uint8Array, side: 'from' | 'to', limit = 10): TopParty[] {
  const col = side === 'from' ? cols.from : cols.to;
  const counts = new Uint32Array(cols.numbers.values.length);
  for (let i = 0; i < cols.n; i++) if (match[i] !== 0) counts[col[i]!]!++;
  // Keep a small sorted list: a full sort of a million counters would cost more than the scan.
  const best: { id: number; calls: number }[] = [];
  let floor = 0;
  for (let id = 1; id < counts.length; id++) {
    const c = counts[id]!;
    if (c === 0 || (best.length === limit && c <= floor)) continue;
    let k = best.length;
    while (k > 0 && best[k - 1]!.calls < c) k--;
    best.splice(k, 0, { id, calls: c });
    if (best.length > limit) best.pop();
    floor = best[best.length - 1]!.calls;
  }
  return best.map((b) => ({ number: cols.numbers.values[b.id]!, calls: b.calls }));
}

/** Calls by local weekday (Monday first) × hour. */
export function weekdayHourHeatmap(cols: CdrColumns, match: Uint8Array, fr: Frame): number[][] {
  const cells = new Uint32Array(7 * 24);
  const { q15 } = cols;
  const { q0, cellOf } = fr;
  for (let i = 0; i < cols.n; i++) if (match[i] !== 0) cells[cellOf[q15[i]! - q0]!]!++;
  return Array.from({ length: 7 }, (_, d) => Array.from(cells.subarray(d * 24, d * 24 + 24)));
}

export function statsFrame(fromMs: number, toMs: number, timeZone: string, bucket: Bucket): Frame {
  return frame(fromMs, toMs, timeZone, bucket);
}

/** All chart series for the filters, in the viewer's zone; hourly up to three days, else daily. */
export async function cdrStats(actor: Actor | null, filters: CdrFilters, opts: { timeZone?: string; bucket?: string } = {}): Promise<CdrStats> {
  const timeZone = opts.timeZone || 'UTC';
  if (!timezoneSchema.safeParse(timeZone).success) throw new AppError('invalid_input', 'time zone: must be an IANA time zone such as Europe/Berlin.', { tz: 'must be an IANA time zone' });
  if (opts.bucket && opts.bucket !== 'hour' && opts.bucket !== 'day') throw new AppError('invalid_input', 'bucket: must be hour or day.', { bucket: 'must be hour or day' });
  const { cols, resolved, match, total } = await scopedMatches(actor, filters);
  const span = resolved.toMs - resolved.fromMs;
  const bucket: Bucket = (opts.bucket as Bucket | undefined) ?? (span <= 3 * DAY ? 'hour' : 'day');
  if (bucket === 'hour' && span > 93 * DAY) throw new AppError('invalid_input', 'bucket: hourly charts cover at most 93 days; choose days.', { bucket: 'hourly up to 93 days' });
  const fr = frame(resolved.fromMs, resolved.toMs, timeZone, bucket);
  return {
    total,
    bucket,
    timeZone,
    volume: volumeSeries(cols, match, fr),
    quality: qualitySeries(cols, match, fr),
    cost: costSeries(cols, match, fr),
    topSources: topParties(cols, match, 'from'),
    topDestinations: topParties(cols, match, 'to'),
    heatmap: weekdayHourHeatmap(cols, match, fr),
  };
}
