/**
 * GET /api/holidays query handling: `filter`, `search`, `orderby`, `skip`, `top` (002:L477-485). The document
 * names the parameters and their defaults (skip 0, top 100, ascending order) but not their syntax.
 */
import type { WireHoliday } from './types';

export class QueryError extends Error {}

type Value = string | number | boolean;
const FIELDS = ['id', 'name', 'region', 'consecutive', 'every_year', 'year_start', 'year_end', 'month_start', 'month_end', 'day_start', 'day_end', 'hour_start', 'hour_end', 'minute_start', 'minute_end'] as const;
type Field = (typeof FIELDS)[number];
const isField = (f: string): f is Field => (FIELDS as readonly string[]).includes(f);

const OPS = {
  eq: (a: Value, b: Value) => a === b,
  ne: (a: Value, b: Value) => a !== b,
  gt: (a: Value, b: Value) => a > b,
  ge: (a: Value, b: Value) => a >= b,
  lt: (a: Value, b: Value) => a < b,
  le: (a: Value, b: Value) => a <= b,
} as const;

function parseValue(raw: string): Value {
  if (/^'.*'$/.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^-?\d+$/.test(raw)) return Number(raw);
  throw new QueryError(`filter: cannot read value ${raw}`);
}

/**
 * EMULATOR CONVENTION: `filter` is an OData-style subset — clauses `<field> <eq|ne|gt|ge|lt|le> <value>` joined
 * by ` and `, values as 'quoted strings', integers or true/false (e.g. `every_year eq true and month_start ge 6`).
 */
function compileFilter(filter: string): (h: WireHoliday) => boolean {
  const clauses = filter.split(/\s+and\s+/i).map((c) => {
    const m = /^\s*(\w+)\s+(eq|ne|gt|ge|lt|le)\s+(.+?)\s*$/i.exec(c);
    if (!m) throw new QueryError(`filter: cannot read "${c.trim()}"`);
    const [, field = '', op = '', raw = ''] = m;
    if (!isField(field)) throw new QueryError(`filter: unknown field ${field}`);
    const value = parseValue(raw);
    const test = OPS[op.toLowerCase() as keyof typeof OPS];
    return (h: WireHoliday) => test(h[field], value);
  });
  return (h) => clauses.every((c) => c(h));
}

/** EMULATOR CONVENTION: `orderby` is `<field> [asc|desc]`, comma-separated for ties. */
function compileOrder(orderby: string): (a: WireHoliday, b: WireHoliday) => number {
  const keys = orderby.split(',').map((part) => {
    const [field = '', dir = 'asc', extra] = part.trim().split(/\s+/);
    if (!isField(field) || extra !== undefined || !/^(asc|desc)$/i.test(dir)) throw new QueryError(`orderby: cannot sort by "${part.trim()}"`);
    return { field, sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { field, sign } of keys) {
      const x = a[field];
      const y = b[field];
      if (x !== y) return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

function intParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new QueryError(`${name}: must be an integer from ${min} to ${max}`);
  return Number(raw);
}

/** `count` is the total after filter/search and before paging (the sample's `"count": 100` beside one item). */
export function queryHolidays(all: WireHoliday[], params: URLSearchParams): { count: number; items: WireHoliday[] } {
  const skip = intParam(params, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
  // EMULATOR CONVENTION: top is capped at 100, as the default page size suggests.
  const top = intParam(params, 'top', 100, 1, 100);
  let rows = [...all];
  const filter = params.get('filter');
  if (filter) rows = rows.filter(compileFilter(filter));
  // EMULATOR CONVENTION: `search` is a case-insensitive substring match on name and region.
  const search = params.get('search')?.trim().toLowerCase();
  if (search) rows = rows.filter((h) => h.name.toLowerCase().includes(search) || h.region.toLowerCase().includes(search));
  // EMULATOR CONVENTION: the default ascending order is by ID, i.e. creation order (snowflakes grow).
  const orderby = params.get('orderby');
  rows.sort(orderby ? compileOrder(orderby) : (a, b) => compareSnowflakes(a.id, b.id));
  return { count: rows.length, items: rows.slice(skip, skip + top) };
}

function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(Buffer.from(a, 'base64').toString('utf8'));
  const y = BigInt(Buffer.from(b, 'base64').toString('utf8'));
  return x < y ? -1 : x > y ? 1 : 0;
}
