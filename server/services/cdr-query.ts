import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { CdrFilterError, parseCdrFilters, type CdrFilters } from '@/lib/cdr-filters';
import { missingCapabilityText } from '@/lib/capabilities';
import type { Cdr } from '@/lib/schemas/cdr';
import { vendorLabels, type Money } from '@/lib/schemas/common';
import type { Recording } from '@/server/adapters/types';
import type { Actor } from '@/server/auth/actor';
import { assertSignedIn, assertTenantRead, canSeeConnection, canSeeTenant } from '@/server/auth/scope';
import { getDb } from '@/server/db/client';
import { cdrs } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { cdrStore, resolveFilters, type CdrColumns, type ResolvedFilters } from './cdr-store';
import { allConnectionRows, loadConnection } from './connections';

/** One table row: what the list shows; the drawer loads the rest. */
export interface CdrListRow {
  connectionId: string;
  tenantId: string;
  id: string;
  startedAt: string;
  from: string;
  fromName?: string;
  to: string;
  toName?: string;
  forwardedTo?: string;
  direction: Cdr['direction'];
  disposition: Cdr['disposition'];
  durationSec: number;
  billableSec?: number;
  cost?: Money;
  hasRecording: boolean;
}

export interface CdrPageResult {
  rows: CdrListRow[];
  total: number;
  offset: number;
  /** The range the preset stood for when the page was read. */
  fromMs: number;
  toMs: number;
}

export const MAX_PAGE = 1_000;

/** URL parameters → filters, or an invalid_input error naming the field. */
export function filtersFromParams(params: URLSearchParams): CdrFilters {
  try {
    return parseCdrFilters(params, true);
  } catch (err) {
    if (err instanceof CdrFilterError) throw new AppError('invalid_input', err.message, { [err.field]: err.message.slice(err.field.length + 2) });
    throw err;
  }
}

/**
 * The tenant keys of the store the caller may see: a tenant user only their own tenant, an operator every
 * tenant of a connection that still exists. Applied inside every query, export and chart, never by the caller.
 */
export async function visibleTenantKeys(actor: Actor, cols: CdrColumns): Promise<Set<string>> {
  const conns = new Set((await connectionIds()).filter((id) => canSeeConnection(actor, id)));
  const out = new Set<string>();
  for (let t = 1; t < cols.tenants.values.length; t++) {
    const key = cols.tenants.values[t]!;
    const [connectionId, tenantId] = key.split('\u0000') as [string, string];
    if (conns.has(connectionId) && canSeeTenant(actor, { connectionId, tenantId })) out.add(key);
  }
  return out;
}

// Which connections exist, re-read at most once a second: a chart or scroll request should not pay a database
// round trip for it, and a deleted connection's records disappear within that second.
let connCache: { at: number; ids: Promise<string[]> } | undefined;
function connectionIds(): Promise<string[]> {
  if (!connCache || Date.now() - connCache.at > 1_000) connCache = { at: Date.now(), ids: allConnectionRows().then((rows) => rows.map((r) => r.id)) };
  return connCache.ids;
}

/** Filters, the caller's scope, and the matching rows, shared by the table, the charts and the export. */
export async function scopedMatches(actor: Actor | null, filters: CdrFilters, now = Date.now()) {
  assertSignedIn(actor);
  const cols = await cdrStore();
  const resolved: ResolvedFilters = resolveFilters(filters, now);
  const allowed = await visibleTenantKeys(actor, cols);
  const { match, total } = cols.matches(resolved, allowed);
  return { cols, resolved, match, total };
}

type DbRow = typeof cdrs.$inferSelect;

function toListRow(r: DbRow): CdrListRow {
  return {
    connectionId: r.connectionId,
    tenantId: r.tenantId,
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    from: r.fromNumber,
    fromName: r.fromName ?? undefined,
    to: r.toNumber,
    toName: r.toName ?? undefined,
    forwardedTo: r.forwardedTo ?? undefined,
    direction: r.direction as Cdr['direction'],
    disposition: r.disposition as Cdr['disposition'],
    durationSec: r.durationSec,
    billableSec: r.billableSec ?? undefined,
    cost: r.costAmount !== null && r.costCurrency ? { amount: trimDecimal(r.costAmount), currency: r.costCurrency } : undefined,
    hasRecording: !!r.recordingRef,
  };
}

/** "0.02000" → "0.02": numeric(18,5) pads; the vendor's own precision is what matters. */
function trimDecimal(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '.0').replace(/\.0$/, '.00') : s;
}

const listColumns = {
  connectionId: cdrs.connectionId,
  tenantId: cdrs.tenantId,
  id: cdrs.id,
  seq: cdrs.seq,
  startedAt: cdrs.startedAt,
  fromNumber: cdrs.fromNumber,
  fromName: cdrs.fromName,
  toNumber: cdrs.toNumber,
  toName: cdrs.toName,
  forwardedTo: cdrs.forwardedTo,
  direction: cdrs.direction,
  directionRaw: cdrs.directionRaw,
  disposition: cdrs.disposition,
  dispositionRaw: cdrs.dispositionRaw,
  durationSec: cdrs.durationSec,
  billableSec: cdrs.billableSec,
  costAmount: cdrs.costAmount,
  costCurrency: cdrs.costCurrency,
  recordingRef: cdrs.recordingRef,
  mos: cdrs.mos,
  trunk: cdrs.trunk,
  endedAt: cdrs.endedAt,
};
type ListDbRow = Omit<DbRow, 'raw'>;

/** Full rows for store indexes, in the given order (one indexed query by `seq`). */
export async function rowsBySeq(cols: CdrColumns, indexes: number[]): Promise<ListDbRow[]> {
  if (indexes.length === 0) return [];
  const seqs = indexes.map((i) => cols.seq[i]!);
  const db = await getDb();
  const rows = await db.select(listColumns).from(cdrs).where(inArray(cdrs.seq, seqs));
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
  return seqs.map((s) => bySeq.get(s)).filter((r): r is ListDbRow => !!r);
}

/** One page of the filtered, sorted result. */
export async function listCdrPage(actor: Actor | null, filters: CdrFilters, offsetRaw: unknown, limitRaw: unknown): Promise<CdrPageResult> {
  const offset = Number(offsetRaw ?? 0);
  const limit = Number(limitRaw ?? 100);
  if (!Number.isInteger(offset) || offset < 0) throw new AppError('invalid_input', 'offset: must be a whole number of rows, 0 or more.', { offset: 'must be 0 or more' });
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new AppError('invalid_input', `limit: must be between 1 and ${MAX_PAGE} rows.`, { limit: `must be between 1 and ${MAX_PAGE}` });
  const { cols, resolved, match, total } = await scopedMatches(actor, filters);
  const indexes = offset >= total ? [] : cols.page(match, filters.sort, filters.order, offset, limit);
  const rows = (await rowsBySeq(cols, indexes)).map((r) => toListRow(r as DbRow));
  return { rows, total, offset, fromMs: resolved.fromMs, toMs: resolved.toMs };
}

export interface CdrDetail {
  cdr: Cdr;
  connectionName: string;
  vendor: keyof typeof vendorLabels;
  /** Whether the vendor's API can play this call's recording, and why not. */
  recording: { available: true } | { available: false; reason: string };
}

async function loadRow(actor: Actor | null, ref: { connectionId: string; tenantId: string; id: string }): Promise<DbRow> {
  assertTenantRead(actor, ref);
  const db = await getDb();
  const [row] = await db
    .select()
    .from(cdrs)
    .where(and(eq(cdrs.connectionId, ref.connectionId), eq(cdrs.tenantId, ref.tenantId), eq(cdrs.id, ref.id)));
  if (!row) throw notFound('The call record');
  return row;
}

/** Every normalized field and the vendor's raw record of one CDR. */
export async function getCdrDetail(actor: Actor | null, ref: { connectionId: string; tenantId: string; id: string }): Promise<CdrDetail> {
  const r = await loadRow(actor, ref);
  const { adapter, vendor, row: conn } = await loadConnection(r.connectionId);
  const cdr: Cdr = {
    id: r.id,
    tenantId: r.tenantId,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString(),
    from: { number: r.fromNumber, name: r.fromName ?? undefined },
    to: { number: r.toNumber, name: r.toName ?? undefined },
    forwardedTo: r.forwardedTo ?? undefined,
    direction: r.direction as Cdr['direction'],
    directionRaw: r.directionRaw ?? undefined,
    disposition: r.disposition as Cdr['disposition'],
    dispositionRaw: r.dispositionRaw ?? undefined,
    durationSec: r.durationSec,
    billableSec: r.billableSec ?? undefined,
    cost: r.costAmount !== null && r.costCurrency ? { amount: trimDecimal(r.costAmount), currency: r.costCurrency } : undefined,
    recordingRef: r.recordingRef ? 'yes' : undefined,
    mos: r.mos ?? undefined,
    trunk: r.trunk ?? undefined,
    raw: r.raw as Cdr['raw'],
  };
  let recording: CdrDetail['recording'];
  if (!adapter.getRecording) recording = { available: false, reason: missingCapabilityText(vendorLabels[vendor], 'getRecording') };
  else if (!r.recordingRef) recording = { available: false, reason: `${vendorLabels[vendor]} gave no recording for this call.` };
  else recording = { available: true };
  return { cdr, connectionName: conn.name, vendor, recording };
}

/** The call's recording, streamed from the vendor through the server; the vendor's URL never leaves it. */
export async function getCdrRecording(actor: Actor | null, ref: { connectionId: string; tenantId: string; id: string }): Promise<Recording> {
  const r = await loadRow(actor, ref);
  const { adapter, vendor } = await loadConnection(r.connectionId);
  if (!adapter.getRecording) throw new AppError('not_found', missingCapabilityText(vendorLabels[vendor], 'getRecording'));
  if (!r.recordingRef) throw notFound('A recording of this call');
  return adapter.getRecording({}, r.tenantId, { id: r.id, recordingRef: r.recordingRef, startedAt: r.startedAt.toISOString() });
}
