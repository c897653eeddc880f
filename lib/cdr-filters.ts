/**
 * The CDR explorer's filters, sort and range presets, as they travel in the page URL (so a view can be shared)
 * and to the API. Isomorphic and dependency-free on purpose: the CDR page parses its own URL with this, and
 * pulling zod into that bundle would cost more than the whole table.
 */
import type { Disposition } from './schemas/cdr';
import type { CallDirection } from './schemas/live';

// The domain lists, repeated as plain arrays because importing them would drag zod into the page; the
// `satisfies` checks keep them from drifting from lib/schemas.
export const cdrDispositions = ['answered', 'no_answer', 'busy', 'failed', 'unknown'] as const satisfies readonly Disposition[];
export const cdrDirections = ['inbound', 'outbound', 'internal', 'unknown'] as const satisfies readonly CallDirection[];
type Exhaustive<A extends readonly string[], U extends string> = [U] extends [A[number]] ? true : never;
const _allDispositions: Exhaustive<typeof cdrDispositions, Disposition> = true;
const _allDirections: Exhaustive<typeof cdrDirections, CallDirection> = true;
void _allDispositions;
void _allDirections;

export const rangePresets = ['1h', '24h', 'today', '7d', '30d', '90d', 'custom'] as const;
export type RangePreset = (typeof rangePresets)[number];
export const rangePresetLabels: Record<RangePreset, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  today: 'Today (UTC)',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  custom: 'Custom range',
};

export const cdrSortKeys = ['startedAt', 'durationSec', 'billableSec', 'cost', 'from', 'to'] as const;
export type CdrSortKey = (typeof cdrSortKeys)[number];

export interface CdrFilters {
  range: RangePreset;
  /** Only with range = custom: ISO instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  connectionId?: string;
  tenantId?: string;
  direction?: CallDirection;
  disposition?: Disposition;
  /** Digits or text found in the calling, called or forwarded-to number. */
  number?: string;
  minDurationSec?: number;
  sort: CdrSortKey;
  order: 'asc' | 'desc';
}

export const MAX_RANGE_DAYS = 400;

export const defaultCdrFilters: CdrFilters = { range: '7d', sort: 'startedAt', order: 'desc' };

/** URL keys, short so shared links stay readable. */
const KEYS = { range: 'range', from: 'from', to: 'to', connectionId: 'conn', tenantId: 'tenant', direction: 'dir', disposition: 'disp', number: 'q', minDurationSec: 'min', sort: 'sort', order: 'order' } as const;

export class CdrFilterError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const isInstant = (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(s) && !Number.isNaN(Date.parse(s));

/**
 * Reads filters from URL parameters. `strict` (the server) throws a CdrFilterError naming the field and what is
 * allowed; the page (not strict) drops what it cannot read so an edited link still opens.
 */
export function parseCdrFilters(params: URLSearchParams, strict = false): CdrFilters {
  const out: CdrFilters = { ...defaultCdrFilters };
  const bad = (field: string, msg: string) => {
    if (strict) throw new CdrFilterError(field, msg);
  };
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const oneOf = <T extends string>(raw: string | undefined, allowed: readonly T[], field: string): T | undefined => {
    if (raw === undefined) return undefined;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    bad(field, `must be one of ${allowed.join(', ')}`);
    return undefined;
  };
  const instant = (raw: string | undefined, field: string) => {
    if (raw === undefined) return undefined;
    if (isInstant(raw)) return raw;
    bad(field, 'must be a UTC instant such as 2026-01-31T00:00:00Z');
    return undefined;
  };
  out.range = oneOf(get(KEYS.range), rangePresets, 'range') ?? out.range;
  out.from = instant(get(KEYS.from), 'from');
  out.to = instant(get(KEYS.to), 'to');
  if (out.range === 'custom') {
    let problem: [string, string] | undefined;
    if (!out.from || !out.to) problem = ['from', 'a custom range needs both a start and an end'];
    else if (Date.parse(out.from) >= Date.parse(out.to)) problem = ['to', 'must be after the start of the range'];
    else if (Date.parse(out.to) - Date.parse(out.from) > MAX_RANGE_DAYS * 86_400_000) problem = ['to', `a range may span at most ${MAX_RANGE_DAYS} days`];
    if (problem) {
      bad(...problem);
      out.range = defaultCdrFilters.range;
    }
  }
  if (out.range !== 'custom') {
    delete out.from;
    delete out.to;
  }
  const conn = get(KEYS.connectionId);
  if (conn) out.connectionId = conn.slice(0, 100);
  const tenant = get(KEYS.tenantId);
  if (tenant && conn) out.tenantId = tenant.slice(0, 100);
  const direction = oneOf(get(KEYS.direction), cdrDirections, 'direction');
  if (direction) out.direction = direction;
  const disposition = oneOf(get(KEYS.disposition), cdrDispositions, 'disposition');
  if (disposition) out.disposition = disposition;
  const q = get(KEYS.number);
  if (q && q.length > 40) bad('number', 'must be at most 40 characters');
  else if (q) out.number = q;
  const min = get(KEYS.minDurationSec);
  if (min && !/^\d{1,6}$/.test(min)) bad('minimum duration', 'must be a whole number of seconds (0–999999)');
  else if (min && Number(min) > 0) out.minDurationSec = Number(min);
  out.sort = oneOf(get(KEYS.sort), cdrSortKeys, 'sort') ?? out.sort;
  out.order = oneOf(get(KEYS.order), ['asc', 'desc'] as const, 'order') ?? out.order;
  return out;
}

/** Filters → URL parameters, leaving defaults out so links stay short. */
export function cdrFiltersToParams(f: CdrFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.range !== defaultCdrFilters.range) p.set(KEYS.range, f.range);
  if (f.range === 'custom') {
    if (f.from) p.set(KEYS.from, f.from);
    if (f.to) p.set(KEYS.to, f.to);
  }
  if (f.connectionId) p.set(KEYS.connectionId, f.connectionId);
  if (f.connectionId && f.tenantId) p.set(KEYS.tenantId, f.tenantId);
  if (f.direction) p.set(KEYS.direction, f.direction);
  if (f.disposition) p.set(KEYS.disposition, f.disposition);
  if (f.number) p.set(KEYS.number, f.number);
  if (f.minDurationSec) p.set(KEYS.minDurationSec, String(f.minDurationSec));
  if (f.sort !== defaultCdrFilters.sort) p.set(KEYS.sort, f.sort);
  if (f.order !== defaultCdrFilters.order) p.set(KEYS.order, f.order);
  return p;
}

/** The instants a preset stands for, at `now`: [from, to). */
export function resolveRange(f: Pick<CdrFilters, 'range' | 'from' | 'to'>, now = Date.now()): { fromMs: number; toMs: number } {
  const h = 3_600_000;
  switch (f.range) {
    case '1h':
      return { fromMs: now - h, toMs: now + 1 };
    case '24h':
      return { fromMs: now - 24 * h, toMs: now + 1 };
    case 'today':
      return { fromMs: Math.floor(now / (24 * h)) * 24 * h, toMs: now + 1 };
    case '7d':
      return { fromMs: now - 7 * 24 * h, toMs: now + 1 };
    case '30d':
      return { fromMs: now - 30 * 24 * h, toMs: now + 1 };
    case '90d':
      return { fromMs: now - 90 * 24 * h, toMs: now + 1 };
    case 'custom':
      return { fromMs: Date.parse(f.from ?? '') || now - 7 * 24 * h, toMs: Date.parse(f.to ?? '') || now + 1 };
  }
}

/** A row's key in URLs and the drawer: connection, tenant and vendor ID. */
export interface CdrKey {
  connectionId: string;
  tenantId: string;
  id: string;
}
