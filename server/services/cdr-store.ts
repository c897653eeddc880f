import 'server-only';
import { sql } from 'drizzle-orm';
import { cdrDirections, cdrDispositions, resolveRange, type CdrFilters, type CdrSortKey } from '@/lib/cdr-filters';
import { getDb, rowsOf } from '@/server/db/client';

/**
 * An in-process column store over the `cdrs` table: typed arrays of the fields the explorer filters, sorts and
 * charts by, loaded once and then only `seq > last loaded` (CDRs are append-only: sync inserts with ON CONFLICT
 * DO NOTHING and never updates).
 *
 * Why not SQL or a rollup table: chart series and filtered counts over 1M rows must take ≤ 50 ms on PGlite
 * (WASM, single-threaded) as well as on Postgres, and a full GROUP BY over 1M rows takes ~0.6 s there. An
 * hourly rollup would serve the time series, but not "top sources" (nearly every external number is unique),
 * not the number search or the minimum duration — those would fall back to full scans. A typed-array scan is
 * ~8 ms per aggregate for 1M rows whatever the filter, and the same store answers the table's count and
 * order, so the table, charts and export agree by construction. Cost: ~50 bytes a row plus the distinct
 * numbers (~130 MB for 1M rows with ~1M distinct external numbers); each instance keeps its own copy and
 * catches up by `seq`, so several instances on one Postgres stay correct. The full rows (raw record, names)
 * stay in the database and are fetched by `seq` for the rows actually shown or exported.
 *
 * Number searches of 3+ digits do not scan: a digit-trigram index over the number dictionary finds the
 * matching numbers, and per-number row lists find their rows (a search matching 0.7% of 1M rows: ~2 ms
 * instead of ~20 ms). Both are built on the first such search and extended as rows arrive: ~55 MB per
 * million rows with ~850k distinct numbers (~30 MB index, ~25 MB row lists).
 */

const DIR_CODE = new Map<string, number>(cdrDirections.map((d, i) => [d, i]));
const DISP_CODE = new Map<string, number>(cdrDispositions.map((d, i) => [d, i]));
const LOAD_BATCH = 50_000;
/** Row indexes and integer keys share one float64 for native sorting: 22 bits of index. */
const INDEX_BITS = 22;
const INDEX_SPACE = 2 ** INDEX_BITS;

/** Entries per search chunk: the dictionary only grows, so only the last chunk is ever rebuilt. */
const SEARCH_CHUNK = 65_536;

class Dict {
  readonly values: string[] = [''];
  private ids = new Map<string, number>([['', 0]]);
  private chunks = new Map<string, { size: number; text: string; starts: Uint32Array }>();
  id(v: string | null | undefined): number {
    if (!v) return 0;
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(v, id);
    }
    return id;
  }

  // Digit trigrams → ids of the entries whose digits contain them (ascending, each id once per trigram). Built
  // on the first number search with exact sizes, then extended as the dictionary grows (it only grows).
  private tri: Uint32Array[] = [];
  private triLen = new Uint32Array(1000);
  private triUpTo = 1;

  /** Calls `emit(trigram)` for each distinct run of three digits in `v`, punctuation skipped (as in search). */
  private static trigrams(v: string, emit: (t: number) => void) {
    let t = 0;
    let digits = 0;
    for (let k = 0; k < v.length; k++) {
      const d = v.charCodeAt(k) - 48;
      if (d < 0 || d > 9) continue;
      t = (t * 10 + d) % 1000;
      if (++digits >= 3) emit(t);
    }
  }

  private indexTrigrams() {
    const from = this.triUpTo;
    const to = this.values.length;
    if (from >= to) return;
    const last = new Int32Array(1000).fill(-1);
    if (from === 1) {
      // First build: count, then fill arrays of the exact size (the index is ~9 ids per entry).
      const counts = new Uint32Array(1000);
      for (let i = 1; i < to; i++)
        Dict.trigrams(this.values[i]!, (t) => {
          if (last[t] !== i) {
            last[t] = i;
            counts[t]!++;
          }
        });
      this.tri = Array.from(counts, (c) => new Uint32Array(c));
      last.fill(-1);
    }
    const { tri, triLen } = this;
    for (let i = from; i < to; i++)
      Dict.trigrams(this.values[i]!, (t) => {
        if (last[t] === i) return;
        last[t] = i;
        let a = tri[t]!;
        if (triLen[t] === a.length) tri[t] = a = grow(a, Math.max(16, Math.ceil(a.length * 1.5)));
        a[triLen[t]!++] = i;
      });
    this.triUpTo = to;
  }

  /**
   * Ids (ascending) of entries whose digits contain `needle` (digits only, at least 3): the shortest posting
   * list of the needle's trigrams, each candidate checked against the needle. The same answer as
   * `search(needle, 'digits', …)` without reading every entry.
   */
  digitSearch(needle: string): Uint32Array {
    this.indexTrigrams();
    let best: Uint32Array | undefined;
    for (let k = 0; k + 3 <= needle.length; k++) {
      const t = Number(needle.slice(k, k + 3));
      const list = this.tri[t]?.subarray(0, this.triLen[t]) ?? new Uint32Array(0);
      if (!best || list.length < best.length) best = list;
    }
    if (!best || needle.length === 3) return best ?? new Uint32Array(0);
    const out: number[] = [];
    for (const id of best) if (this.values[id]!.replace(/\D/g, '').includes(needle)) out.push(id);
    return Uint32Array.from(out);
  }

  /**
   * Ids of entries containing `needle` (after `norm`). Entries are joined into one string per chunk and
   * searched with the native indexOf — a million-entry scan in a few milliseconds instead of a per-string loop.
   */
  search(needle: string, kind: 'digits' | 'lower', into: Uint8Array) {
    const norm = kind === 'digits' ? (v: string) => v.replace(/\D/g, '') : (v: string) => v.toLowerCase();
    for (let c = 0; c * SEARCH_CHUNK < this.values.length; c++) {
      const first = c * SEARCH_CHUNK;
      const last = Math.min(this.values.length, first + SEARCH_CHUNK);
      const key = `${kind}:${c}`;
      let chunk = this.chunks.get(key);
      if (!chunk || chunk.size !== last - first) {
        const starts = new Uint32Array(last - first);
        const parts: string[] = [];
        let pos = 0;
        for (let i = first; i < last; i++) {
          const t = i === 0 ? '' : norm(this.values[i]!);
          starts[i - first] = pos;
          parts.push(t);
          pos += t.length + 1;
        }
        chunk = { size: last - first, text: parts.join('\n'), starts };
        this.chunks.set(key, chunk);
      }
      const { text, starts } = chunk;
      for (let at = text.indexOf(needle); at !== -1; ) {
        // The entry holding this position: binary search over the entry starts.
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (starts[mid]! <= at) lo = mid;
          else hi = mid - 1;
        }
        into[first + lo] = 1;
        const next = lo + 1 < starts.length ? starts[lo + 1]! : text.length;
        at = text.indexOf(needle, next);
      }
    }
  }
}

function grow<T extends Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

/** Decimal string → integer units of 10⁻⁵ (numeric(18,5)), exactly. */
export function toMicroUnits(amount: string): number {
  const neg = amount.startsWith('-');
  const [i = '0', f = ''] = amount.replace(/^-/, '').split('.');
  const v = Number(i) * 100_000 + Number((f + '00000').slice(0, 5));
  return neg ? -v : v;
}

/** Integer units of 10⁻⁵ → decimal string with 5 places, exactly (sums stay below 2⁵³). */
export function fromMicroUnits(units: number): string {
  const neg = units < 0;
  const a = BigInt(Math.abs(Math.round(units)));
  const s = `${a / 100_000n}.${(a % 100_000n).toString().padStart(5, '0')}`;
  return neg ? `-${s}` : s;
}

export class CdrColumns {
  n = 0;
  private cap = 0;
  seq = new Float64Array(0);
  start = new Float64Array(0);
  /** Quarter-hour index (start / 15 min): charts bucket through small per-quarter tables, exact for every zone. */
  q15 = new Int32Array(0);
  dur = new Uint32Array(0);
  /** −1 where the vendor gave no billable seconds. */
  bill = new Int32Array(0);
  /** 10⁻⁵ units; NaN where the vendor gave no cost. */
  cost = new Float64Array(0);
  /** Currency dictionary id, 0 = none. */
  cur = new Uint8Array(0);
  tenant = new Uint16Array(0);
  dir = new Uint8Array(0);
  disp = new Uint8Array(0);
  from = new Uint32Array(0);
  to = new Uint32Array(0);
  fwd = new Uint32Array(0);
  rec = new Uint8Array(0);

  readonly numbers = new Dict();
  readonly currencies = new Dict();
  /** "connectionId\u0000tenantId" */
  readonly tenants = new Dict();
  lastSeq = 0;
  /** Bumped on every append; caches below are keyed by it. */
  version = 0;

  private reserve(extra: number) {
    if (this.n + extra <= this.cap) return;
    const cap = Math.max(1024, this.cap * 2, this.n + extra);
    this.seq = grow(this.seq, cap);
    this.start = grow(this.start, cap);
    this.q15 = grow(this.q15, cap);
    this.dur = grow(this.dur, cap);
    this.bill = grow(this.bill, cap);
    this.cost = grow(this.cost, cap);
    this.cur = grow(this.cur, cap);
    this.tenant = grow(this.tenant, cap);
    this.dir = grow(this.dir, cap);
    this.disp = grow(this.disp, cap);
    this.from = grow(this.from, cap);
    this.to = grow(this.to, cap);
    this.fwd = grow(this.fwd, cap);
    this.rec = grow(this.rec, cap);
    this.cap = cap;
  }

  append(rows: LoadedRow[]) {
    this.reserve(rows.length);
    for (const r of rows) {
      const i = this.n++;
      this.seq[i] = Number(r.seq);
      this.start[i] = Number(r.t);
      this.q15[i] = Math.floor(Number(r.t) / 900_000);
      this.dur[i] = Number(r.duration_sec);
      this.bill[i] = r.billable_sec === null ? -1 : Number(r.billable_sec);
      this.cost[i] = r.cost === null ? NaN : toMicroUnits(r.cost);
      this.cur[i] = this.currencies.id(r.cost_currency);
      this.tenant[i] = this.tenants.id(`${r.connection_id}\u0000${r.tenant_id}`);
      this.dir[i] = DIR_CODE.get(r.direction) ?? DIR_CODE.get('unknown')!;
      this.disp[i] = DISP_CODE.get(r.disposition) ?? DISP_CODE.get('unknown')!;
      this.from[i] = this.numbers.id(r.from_number);
      this.to[i] = this.numbers.id(r.to_number);
      this.fwd[i] = this.numbers.id(r.forwarded_to);
      this.rec[i] = r.rec ? 1 : 0;
      if (Number(r.seq) > this.lastSeq) this.lastSeq = Number(r.seq);
    }
    if (rows.length) {
      this.version++;
      this.matchCache.clear();
    }
  }

  // ------------------------------------------------------------------------------------------ filtering

  private matchCache = new Map<string, { match: Uint8Array; total: number }>();
  private numberCache = new Map<string, { size: number; hits: Uint8Array }>();

  // Rows by number id, as linked lists per column (head by id, next by row; −1 ends), so a number search with
  // few hits visits only the rows holding a hit number instead of scanning every row. Kept up to date lazily:
  // rows only append, so catching up links just the new ones. ~12 bytes a row plus 12 bytes a distinct number.
  private chainUpTo = 0;
  private heads = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];
  private nexts = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

  private linkNumbers() {
    const n = this.n;
    const ids = this.numbers.values.length;
    const cols = [this.from, this.to, this.fwd];
    for (let c = 0; c < 3; c++) {
      if (this.heads[c]!.length < ids) {
        const h = new Int32Array(Math.max(1024, ids * 1.25) | 0).fill(-1);
        h.set(this.heads[c]!);
        this.heads[c] = h;
      }
      if (this.nexts[c]!.length < n) this.nexts[c] = grow(this.nexts[c]!, this.cap);
      const head = this.heads[c]!;
      const next = this.nexts[c]!;
      const col = cols[c]!;
      for (let i = this.chainUpTo; i < n; i++) {
        const id = col[i]!;
        if (id === 0) continue;
        next[i] = head[id]!;
        head[id] = i;
      }
    }
    this.chainUpTo = n;
  }

  /**
   * Digit searches of 3 or more digits: the number ids that match, found through the dictionary's trigram
   * index. Null when the search needs the full scan (text, or fewer than 3 digits — those match a large share
   * of all rows anyway).
   */
  private sparseNumberIds(q: string): Uint32Array | null {
    const key = q.toLowerCase();
    const digits = key.replace(/[^\d]/g, '');
    if (digits.length < 3 || !/^[\d\s+().-]+$/.test(key)) return null;
    return this.numbers.digitSearch(digits);
  }

  /** Matched rows of a sparse (index-driven) match, for ordering them without walking the full sort order. */
  private sparseRows = new WeakMap<Uint8Array, Uint32Array>();

  /** Dictionary ids whose number contains the search text (digits compared without punctuation). */
  private numberHits(q: string): Uint8Array {
    const key = q.toLowerCase();
    const hit = this.numberCache.get(key);
    const values = this.numbers.values;
    if (hit && hit.size === values.length) return hit.hits;
    const hits = new Uint8Array(values.length);
    const digits = key.replace(/[^\d]/g, '');
    if (digits.length >= 1 && /^[\d\s+().-]+$/.test(key)) this.numbers.search(digits, 'digits', hits);
    else this.numbers.search(key, 'lower', hits);
    if (this.numberCache.size > 20) this.numberCache.clear();
    this.numberCache.set(key, { size: values.length, hits });
    return hits;
  }

  /**
   * Which rows pass the filters and the caller's scope (`allowed`: tenant keys the caller may see, or null for
   * all). Cached per filter set and data version, so scrolling through a result re-uses one scan.
   */
  matches(f: ResolvedFilters, allowed: Set<string> | null): { match: Uint8Array; total: number } {
    const key = JSON.stringify([f, allowed ? [...allowed].sort() : null, this.version]);
    const hit = this.matchCache.get(key);
    if (hit) return hit;
    const nT = this.tenants.values.length;
    const tenantOk = new Uint8Array(nT);
    for (let t = 1; t < nT; t++) {
      const k = this.tenants.values[t]!;
      const [c, tid] = k.split('\u0000') as [string, string];
      if (allowed && !allowed.has(k)) continue;
      if (f.connectionId && c !== f.connectionId) continue;
      if (f.tenantId && tid !== f.tenantId) continue;
      tenantOk[t] = 1;
    }
    const dir = f.direction ? DIR_CODE.get(f.direction)! : -1;
    const disp = f.disposition ? DISP_CODE.get(f.disposition)! : -1;
    const minDur = f.minDurationSec ?? 0;
    const sparse = f.number ? this.sparseNumberIds(f.number) : null;
    const hits = f.number && !sparse ? this.numberHits(f.number) : null;
    const { fromMs, toMs } = f;
    const match = new Uint8Array(this.n);
    const { start, tenant, dir: dirs, disp: disps, dur, from, to, fwd } = this;
    const n = this.n;
    let total = 0;
    let everyTenant = true;
    for (let t = 1; t < nT; t++) if (tenantOk[t] === 0) everyTenant = false;
    if (sparse) {
      // Only rows holding a matching number in any of the three columns; the same test as the scan below.
      this.linkNumbers();
      const rows: number[] = [];
      for (let c = 0; c < 3; c++) {
        const head = this.heads[c]!;
        const next = this.nexts[c]!;
        for (const id of sparse)
          for (let i = head[id]!; i >= 0; i = next[i]!) {
            if (match[i] !== 0) continue;
            const t = start[i]!;
            if (t < fromMs || t >= toMs) continue;
            if (tenantOk[tenant[i]!] === 0) continue;
            if (dir >= 0 && dirs[i] !== dir) continue;
            if (disp >= 0 && disps[i] !== disp) continue;
            if (dur[i]! < minDur) continue;
            match[i] = 1;
            rows.push(i);
          }
      }
      total = rows.length;
      this.sparseRows.set(match, Uint32Array.from(rows));
    } else if (dir < 0 && disp < 0 && minDur === 0 && !hits) {
      // The common chart case (range and scope only): a tight loop over two columns.
      if (everyTenant) {
        for (let i = 0; i < n; i++) {
          const t = start[i]!;
          if (t >= fromMs && t < toMs) {
            match[i] = 1;
            total++;
          }
        }
      } else {
        for (let i = 0; i < n; i++) {
          const t = start[i]!;
          if (t >= fromMs && t < toMs && tenantOk[tenant[i]!] === 1) {
            match[i] = 1;
            total++;
          }
        }
      }
    } else {
      for (let i = 0; i < n; i++) {
        const t = start[i]!;
        if (t < fromMs || t >= toMs) continue;
        if (tenantOk[tenant[i]!] === 0) continue;
        if (dir >= 0 && dirs[i] !== dir) continue;
        if (disp >= 0 && disps[i] !== disp) continue;
        if (dur[i]! < minDur) continue;
        if (hits && hits[from[i]!] === 0 && hits[to[i]!] === 0 && hits[fwd[i]!] === 0) continue;
        match[i] = 1;
        total++;
      }
    }
    const out = { match, total };
    if (this.matchCache.size >= 8) this.matchCache.delete(this.matchCache.keys().next().value!);
    this.matchCache.set(key, out);
    return out;
  }

  /** Benchmarks: forget scan results so each measured request pays for its own scan. */
  clearCaches() {
    this.matchCache.clear();
    this.numberCache.clear();
  }

  // ------------------------------------------------------------------------------------------ ordering

  private orderCache = new Map<CdrSortKey, { n: number; perm: Uint32Array }>();

  /** Row indexes in ascending order of the key (ties by insertion), kept until new rows arrive. */
  order(key: CdrSortKey): Uint32Array {
    const hit = this.orderCache.get(key);
    if (hit && hit.n === this.n) return hit.perm;
    const perm = this.buildOrder(key);
    this.orderCache.set(key, { n: this.n, perm });
    return perm;
  }

  private buildOrder(key: CdrSortKey): Uint32Array {
    const n = this.n;
    const perm = new Uint32Array(n);
    const intKey = this.integerKey(key);
    if (n < INDEX_SPACE) {
      // key·2²² + index in one float64 (< 2⁵³) sorts natively, an order of magnitude faster than a comparator.
      const packed = new Float64Array(n);
      for (let i = 0; i < n; i++) packed[i] = intKey(i) * INDEX_SPACE + i;
      packed.sort();
      for (let i = 0; i < n; i++) perm[i] = packed[i]! % INDEX_SPACE;
      return perm;
    }
    for (let i = 0; i < n; i++) perm[i] = i;
    return perm.sort((a, b) => intKey(a) - intKey(b) || a - b);
  }

  /** A non-negative integer < 2³¹ per row that orders like the sort key. */
  private integerKey(key: CdrSortKey): (i: number) => number {
    switch (key) {
      case 'startedAt':
        return (i) => Math.floor(this.start[i]! / 1000);
      case 'durationSec':
        return (i) => Math.min(this.dur[i]!, 2 ** 30);
      case 'billableSec':
        return (i) => this.bill[i]! + 1;
      case 'cost': {
        // Missing cost sorts first; amounts are offset so refunds (negative) still order.
        return (i) => {
          const c = this.cost[i]!;
          return Number.isNaN(c) ? 0 : Math.max(1, Math.min(2 ** 31 - 1, Math.round(c / 10) + 2 ** 30));
        };
      }
      case 'from':
      case 'to': {
        const col = key === 'from' ? this.from : this.to;
        const rank = this.numberRanks();
        return (i) => rank[col[i]!]!;
      }
    }
  }

  private rankCache: { size: number; rank: Uint32Array } | undefined;
  private numberRanks(): Uint32Array {
    const values = this.numbers.values;
    if (this.rankCache?.size === values.length) return this.rankCache.rank;
    const ids = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0));
    const rank = new Uint32Array(values.length);
    ids.forEach((id, r) => (rank[id] = r));
    this.rankCache = { size: values.length, rank };
    return rank;
  }

  private sortedSparse = new WeakMap<Uint8Array, Map<CdrSortKey, Uint32Array>>();

  /** A sparse match's rows in the order of `perm` (key, then row index), sorted directly: L·log L, not n. */
  private sortRows(match: Uint8Array, rows: Uint32Array, key: CdrSortKey): Uint32Array {
    let byKey = this.sortedSparse.get(match);
    const hit = byKey?.get(key);
    if (hit) return hit;
    const intKey = this.integerKey(key);
    let sorted: Uint32Array;
    if (this.n < INDEX_SPACE) {
      const packed = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) packed[k] = intKey(rows[k]!) * INDEX_SPACE + rows[k]!;
      packed.sort();
      sorted = new Uint32Array(rows.length);
      for (let k = 0; k < rows.length; k++) sorted[k] = packed[k]! % INDEX_SPACE;
    } else sorted = Uint32Array.from(rows).sort((a, b) => intKey(a) - intKey(b) || a - b);
    if (!byKey) this.sortedSparse.set(match, (byKey = new Map()));
    byKey.set(key, sorted);
    return sorted;
  }

  /** Row indexes (in sort order) from offset, collected into an array; fast path for the table. */
  page(match: Uint8Array, key: CdrSortKey, dir: 'asc' | 'desc', offset: number, limit: number): number[] {
    const rows = this.sparseRows.get(match);
    // A sparse match: sorting its L rows beats walking the full order when the walk would pass more than
    // L·log L entries to collect offset + limit matches.
    if (rows && rows.length * Math.log2(rows.length + 2) < Math.min(this.n, ((offset + limit) * this.n) / Math.max(1, rows.length))) {
      const sorted = this.sortRows(match, rows, key);
      const L = sorted.length;
      const out: number[] = [];
      for (let k = offset; k < Math.min(L, offset + limit); k++) out.push(sorted[dir === 'asc' ? k : L - 1 - k]!);
      return out;
    }
    const perm = this.order(key);
    const n = perm.length;
    const out: number[] = [];
    let seen = 0;
    if (dir === 'asc') {
      for (let k = 0; k < n && out.length < limit; k++) {
        const i = perm[k]!;
        if (match[i] !== 0 && seen++ >= offset) out.push(i);
      }
    } else {
      for (let k = n - 1; k >= 0 && out.length < limit; k--) {
        const i = perm[k]!;
        if (match[i] !== 0 && seen++ >= offset) out.push(i);
      }
    }
    return out;
  }

  tenantKey(i: number): { connectionId: string; tenantId: string } {
    const [connectionId, tenantId] = this.tenants.values[this.tenant[i]!]!.split('\u0000') as [string, string];
    return { connectionId, tenantId };
  }
}

export interface LoadedRow {
  seq: string | number;
  connection_id: string;
  tenant_id: string;
  t: string | number;
  direction: string;
  disposition: string;
  duration_sec: number;
  billable_sec: number | null;
  cost: string | null;
  cost_currency: string | null;
  from_number: string;
  to_number: string;
  forwarded_to: string | null;
  rec: boolean;
}

/** Filters with the range preset resolved to instants. */
export type ResolvedFilters = Omit<CdrFilters, 'range' | 'from' | 'to' | 'sort' | 'order'> & { fromMs: number; toMs: number };

export function resolveFilters(f: CdrFilters, now = Date.now()): ResolvedFilters {
  const { fromMs, toMs } = resolveRange(f, now);
  // Whole seconds, so a repeated request within the same second hits the scan cache.
  return {
    fromMs: Math.floor(fromMs / 1000) * 1000,
    toMs: Math.ceil(toMs / 1000) * 1000,
    connectionId: f.connectionId,
    tenantId: f.connectionId ? f.tenantId : undefined,
    direction: f.direction,
    disposition: f.disposition,
    number: f.number,
    minDurationSec: f.minDurationSec,
  };
}

// ---------------------------------------------------------------------------------------------- the store

const g = globalThis as unknown as { __cdrStore?: { cols: CdrColumns; refreshing?: Promise<void>; checkedAt: number } };

/** Drops the store (tests that swap databases). */
export function resetCdrStore() {
  g.__cdrStore = undefined;
}

/**
 * The store, caught up with the database. `maxStalenessMs` lets hot paths (scrolling) skip the one-row
 * `max(seq)` probe when it ran a moment ago; syncs in this process call `noteCdrsInserted` anyway.
 */
export async function cdrStore(maxStalenessMs = 1_000): Promise<CdrColumns> {
  g.__cdrStore ??= { cols: new CdrColumns(), checkedAt: 0 };
  const s = g.__cdrStore;
  if (Date.now() - s.checkedAt < maxStalenessMs && !s.refreshing) return s.cols;
  s.refreshing ??= refresh(s.cols)
    .then(() => {
      s.checkedAt = Date.now();
    })
    .finally(() => {
      s.refreshing = undefined;
    });
  await s.refreshing;
  return s.cols;
}

/** After an insert in this process: the next read must look for new rows. */
export function noteCdrsInserted() {
  if (g.__cdrStore) g.__cdrStore.checkedAt = 0;
}

async function refresh(cols: CdrColumns) {
  const db = await getDb();
  const [top] = rowsOf<{ m: string | number | null }>(await db.execute(sql`SELECT max(seq) AS m FROM cdrs`));
  const max = Number(top?.m ?? 0);
  while (cols.lastSeq < max) {
    const rows = rowsOf<LoadedRow>(
      await db.execute(sql`
        SELECT seq, connection_id, tenant_id, (extract(epoch FROM started_at) * 1000)::float8 AS t, direction, disposition,
               duration_sec, billable_sec, cost_amount::text AS cost, cost_currency, from_number, to_number, forwarded_to,
               recording_ref IS NOT NULL AS rec
        FROM cdrs WHERE seq > ${cols.lastSeq} AND seq <= ${max} ORDER BY seq LIMIT ${LOAD_BATCH}`),
    );
    if (rows.length === 0) break;
    cols.append(rows);
  }
}
