import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { vendorLabels, type Vendor } from '@/lib/schemas/common';
import { describeVendorError } from '@/lib/vendor-error';
import { isVendorError } from '@/server/adapters/errors';
import type { PbxAdapter } from '@/server/adapters/types';
import type { Actor } from '@/server/auth/actor';
import { assertOperator, assertSignedIn, canSeeConnection, canSeeTenant } from '@/server/auth/scope';
import { getDb } from '@/server/db/client';
import { cdrSyncSettings, cdrSyncState } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { log } from '@/server/log';
import { audited } from './audit';
import { cdrToRow, insertCdrs } from './cdr-ingest';
import { allConnectionRows, loadConnection } from './connections';
import { cachedRead } from './read-cache';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEFAULT_FIRST_SYNC_DAYS = 7;
/**
 * Each run re-reads this much before the last synced instant: vendors write a CDR when the call ends, so a
 * long call that started before the previous run can appear afterwards. The primary key drops the repeats.
 */
const OVERLAP_MS = 2 * HOUR;
/** A tenant's sync lease: renewed with every page, so a crashed instance's lease runs out quickly. */
const LEASE_MS = 2 * 60_000;

/**
 * What each vendor's API allows (vendor-matrix §4): PBXware pages `cdr.download` with `next_page` (1,000 rows a
 * page); HoduPBX answers one local day per `callLog` request (the adapter reads up to 7 a page); MiRTA's
 * `getCallHistory` takes 7-day chunks. A run leaves at least `minGapMs` between requests to one connection and
 * stops after `maxPagesPerRun` pages — the next run resumes from the stored cursor — so a first sync of a
 * large platform never floods it.
 */
export const syncPolicy: Record<Vendor, { minGapMs: number; maxPagesPerRun: number }> = {
  pbxware: { minGapMs: 150, maxPagesPerRun: 300 },
  hodupbx: { minGapMs: 250, maxPagesPerRun: 100 },
  mirta: { minGapMs: 300, maxPagesPerRun: 60 },
  portsip: { minGapMs: 0, maxPagesPerRun: 0 },
};

export interface SyncRunOptions {
  now?: () => number;
  /** Tests: no pacing between requests. */
  pace?: boolean;
  /** Back-off after a vendor's rate limit, ms (tests shorten it). */
  rateLimitBackoffMs?: number;
}

export interface TenantSyncResult {
  connectionId: string;
  tenantId: string;
  status: 'done' | 'partial' | 'failed' | 'busy';
  inserted: number;
  pages: number;
  error?: string;
}

type StateRow = typeof cdrSyncState.$inferSelect;

const lastRequestAt = new Map<string, number>();
async function pace(connectionId: string, vendor: Vendor, on: boolean) {
  if (!on) return;
  const gap = syncPolicy[vendor].minGapMs;
  const wait = (lastRequestAt.get(connectionId) ?? 0) + gap - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  lastRequestAt.set(connectionId, Date.now());
}

const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Takes the tenant's lease (creating its state row), or returns undefined when another run holds it. */
async function acquire(connectionId: string, tenantId: string, now: number): Promise<StateRow | undefined> {
  const db = await getDb();
  await db.insert(cdrSyncState).values({ connectionId, tenantId }).onConflictDoNothing();
  const until = new Date(now + LEASE_MS);
  const [row] = await db
    .update(cdrSyncState)
    .set({ leaseUntil: until, status: 'running' })
    .where(
      and(
        eq(cdrSyncState.connectionId, connectionId),
        eq(cdrSyncState.tenantId, tenantId),
        sql`(${cdrSyncState.leaseUntil} IS NULL OR ${cdrSyncState.leaseUntil} < ${new Date(now)})`,
      ),
    )
    .returning();
  return row;
}

/**
 * Pulls one tenant's new CDRs into the database. Resumable: the window being read and the vendor's cursor are
 * stored after every page, so a run that fails (vendor down, budget spent, process killed) continues where it
 * stopped; already stored records are skipped by the primary key, so re-reading a page is harmless.
 */
export async function syncTenantCdrs(connectionId: string, tenantId: string, opts: SyncRunOptions = {}): Promise<TenantSyncResult> {
  const now = opts.now ?? Date.now;
  const { adapter, vendor } = await loadConnection(connectionId);
  const base = { connectionId, tenantId, inserted: 0, pages: 0 };
  if (!adapter.listCdrs) return { ...base, status: 'failed', error: `${vendorLabels[vendor]}'s API has no CDR endpoint` };
  const state = await acquire(connectionId, tenantId, now());
  if (!state) return { ...base, status: 'busy' };
  const db = await getDb();
  const where = and(eq(cdrSyncState.connectionId, connectionId), eq(cdrSyncState.tenantId, tenantId));

  let windowFrom = state.windowFrom?.getTime();
  let windowTo = state.windowTo?.getTime();
  let cursor = state.cursor ?? undefined;
  if (windowFrom === undefined || windowTo === undefined) {
    const days = await firstSyncDays(connectionId);
    windowFrom = state.syncedUntil ? state.syncedUntil.getTime() - OVERLAP_MS : now() - days * DAY;
    windowTo = now();
    cursor = undefined;
  }
  await db
    .update(cdrSyncState)
    .set({ windowFrom: new Date(windowFrom), windowTo: new Date(windowTo), cursor: cursor ?? null, runStartedAt: new Date(now()), runPages: 0, runRecords: 0, lastError: null })
    .where(where);

  let pages = 0;
  let inserted = 0;
  let rateLimited = 0;
  try {
    for (;;) {
      if (pages >= syncPolicy[vendor].maxPagesPerRun) {
        // Budget for this run spent: keep the cursor, the next run continues.
        await db.update(cdrSyncState).set({ status: 'idle', leaseUntil: null, lastRunAt: new Date(now()) }).where(where);
        return { ...base, status: 'partial', inserted, pages };
      }
      await pace(connectionId, vendor, opts.pace ?? true);
      let page: Awaited<ReturnType<NonNullable<PbxAdapter['listCdrs']>>>;
      try {
        page = await adapter.listCdrs({}, { tenantId, from: iso(windowFrom), to: iso(windowTo), cursor });
      } catch (err) {
        if (isVendorError(err) && err.kind === 'rate_limited' && rateLimited < 3) {
          rateLimited++;
          await new Promise((r) => setTimeout(r, (opts.rateLimitBackoffMs ?? 2_000) * rateLimited));
          continue;
        }
        throw err;
      }
      rateLimited = 0;
      const n = await insertCdrs(
        db,
        page.records.map((c) => cdrToRow(connectionId, { ...c, tenantId })),
      );
      pages++;
      inserted += n;
      cursor = page.nextCursor;
      await db
        .update(cdrSyncState)
        .set({
          cursor: cursor ?? null,
          runPages: pages,
          runRecords: inserted,
          recordsTotal: sql`${cdrSyncState.recordsTotal} + ${n}`,
          leaseUntil: new Date(now() + LEASE_MS),
        })
        .where(where);
      if (!cursor) break;
    }
    await db
      .update(cdrSyncState)
      .set({ syncedUntil: new Date(windowTo), windowFrom: null, windowTo: null, cursor: null, status: 'idle', lastError: null, lastRunAt: new Date(now()), leaseUntil: null })
      .where(where);
    return { ...base, status: 'done', inserted, pages };
  } catch (err) {
    const message = isVendorError(err) ? describeVendorError(err.toInfo()) : String((err as Error)?.message ?? err);
    if (!isVendorError(err)) log.error('cdr sync failed', { connectionId, tenantId, error: String((err as Error)?.stack ?? err) });
    await db.update(cdrSyncState).set({ status: 'failed', lastError: message, lastRunAt: new Date(now()), leaseUntil: null }).where(where);
    return { ...base, status: 'failed', inserted, pages, error: message };
  }
}

async function firstSyncDays(connectionId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select().from(cdrSyncSettings).where(eq(cdrSyncSettings.connectionId, connectionId));
  return row?.firstSyncDays ?? DEFAULT_FIRST_SYNC_DAYS;
}

/** Every tenant of a connection, one after another (the vendor's budget is per connection). */
export async function syncConnectionCdrs(connectionId: string, opts: SyncRunOptions = {}): Promise<TenantSyncResult[]> {
  const { adapter, row } = await loadConnection(connectionId);
  if (!adapter.listCdrs || !row.enabled) return [];
  const snap = await cachedRead(`tenants:${row.id}:${row.updatedAt.toISOString()}`, 60_000, () => adapter.listTenants({}));
  const out: TenantSyncResult[] = [];
  for (const t of snap.value) out.push(await syncTenantCdrs(connectionId, t.id, opts));
  return out;
}

const running = new Map<string, Promise<TenantSyncResult[]>>();

/** Starts (or joins) a sync of one connection in this process; never two at once for one connection. */
export function startConnectionSync(connectionId: string, opts: SyncRunOptions = {}): Promise<TenantSyncResult[]> {
  let p = running.get(connectionId);
  if (!p) {
    p = syncConnectionCdrs(connectionId, opts)
      .catch((err: unknown) => {
        log.warn('cdr sync of a connection failed', { connectionId, error: isVendorError(err) ? describeVendorError(err.toInfo()) : String(err) });
        return [];
      })
      .finally(() => running.delete(connectionId));
    running.set(connectionId, p);
  }
  return p;
}

/** The scheduler's pass: every enabled connection whose adapter reads CDRs, in parallel across connections. */
export async function syncAllCdrs(opts: SyncRunOptions = {}): Promise<TenantSyncResult[]> {
  const rows = (await allConnectionRows()).filter((r) => r.enabled);
  const results = await Promise.all(rows.map((r) => startConnectionSync(r.id, opts)));
  return results.flat();
}

// ------------------------------------------------------------------------------------------ for the UI

export interface SyncStatusRow {
  connectionId: string;
  tenantId: string;
  status: 'idle' | 'running' | 'failed';
  syncedUntil?: string;
  lastRunAt?: string;
  lastError?: string;
  recordsTotal: number;
  runPages: number;
  runRecords: number;
  /** 0..1 where the vendor's cursor is a date (HoduPBX, MiRTA); PBXware's page count has no known end. */
  progress?: number;
}

export interface ConnectionSyncSettings {
  connectionId: string;
  firstSyncDays: number;
}

/** Sync state of the tenants the caller may see; a lease past its end means the run died and will resume. */
export async function cdrSyncStatus(actor: Actor | null): Promise<{ tenants: SyncStatusRow[]; settings: ConnectionSyncSettings[]; runningConnections: string[] }> {
  assertSignedIn(actor);
  const db = await getDb();
  const rows = (await db.select().from(cdrSyncState)).filter((r) => canSeeTenant(actor, { connectionId: r.connectionId, tenantId: r.tenantId }));
  const now = Date.now();
  const tenants = rows.map((r): SyncStatusRow => {
    const live = r.status === 'running' && !!r.leaseUntil && r.leaseUntil.getTime() > now;
    let progress: number | undefined;
    if (live && r.windowFrom && r.windowTo) {
      const c = r.cursor && /^\d{4}-\d{2}-\d{2}$/.test(r.cursor) ? Date.parse(`${r.cursor}T00:00:00Z`) : undefined;
      const span = r.windowTo.getTime() - r.windowFrom.getTime();
      if (c !== undefined && span > 0) progress = Math.max(0, Math.min(1, (c - r.windowFrom.getTime()) / span));
    }
    return {
      connectionId: r.connectionId,
      tenantId: r.tenantId,
      status: live ? 'running' : r.status === 'running' ? 'failed' : r.status,
      syncedUntil: r.syncedUntil?.toISOString(),
      lastRunAt: r.lastRunAt?.toISOString(),
      lastError: r.lastError ?? (r.status === 'running' && !live ? 'The previous run stopped; the next run resumes it.' : undefined),
      recordsTotal: r.recordsTotal,
      runPages: r.runPages,
      runRecords: r.runRecords,
      progress,
    };
  });
  const settingsRows = actor.kind === 'operator' ? await db.select().from(cdrSyncSettings) : [];
  const conns = (await allConnectionRows()).filter((c) => canSeeConnection(actor, c.id));
  const settings = actor.kind === 'operator' ? conns.map((c) => ({ connectionId: c.id, firstSyncDays: settingsRows.find((s) => s.connectionId === c.id)?.firstSyncDays ?? DEFAULT_FIRST_SYNC_DAYS })) : [];
  return { tenants, settings, runningConnections: [...running.keys()].filter((id) => canSeeConnection(actor, id)) };
}

/** "Sync now" (operators): starts in the background and returns at once; the page polls the status. */
export async function requestCdrSync(actor: Actor | null, connectionId?: string): Promise<{ started: string[] }> {
  assertOperator(actor);
  const rows = (await allConnectionRows()).filter((r) => r.enabled && (!connectionId || r.id === connectionId));
  if (connectionId && rows.length === 0) throw new AppError('not_found', 'The connection was not found or is disabled.');
  const started: string[] = [];
  for (const r of rows) {
    const { adapter } = await loadConnection(r.id);
    if (!adapter.listCdrs) continue;
    void startConnectionSync(r.id);
    started.push(r.id);
  }
  return { started };
}

/**
 * The first-sync range of a connection (operators). Saving it re-reads that range on the next run: the stored
 * position is cleared (records already stored are kept, and not duplicated when read again).
 */
export async function setFirstSyncRange(actor: Actor | null, connectionId: string, daysRaw: unknown): Promise<ConnectionSyncSettings> {
  assertOperator(actor);
  const days = Number(daysRaw);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError('invalid_input', 'First sync range: must be a whole number of days between 1 and 366.', { firstSyncDays: 'must be a whole number of days between 1 and 366' });
  await loadConnection(connectionId);
  const db = await getDb();
  return audited(actor, { action: 'cdr.sync-range', targetType: 'connection', targetId: connectionId }, async () => {
    await db
      .insert(cdrSyncSettings)
      .values({ connectionId, firstSyncDays: days })
      .onConflictDoUpdate({ target: cdrSyncSettings.connectionId, set: { firstSyncDays: days, updatedAt: new Date() } });
    await db
      .update(cdrSyncState)
      .set({ syncedUntil: null, windowFrom: null, windowTo: null, cursor: null })
      .where(and(eq(cdrSyncState.connectionId, connectionId), sql`(${cdrSyncState.leaseUntil} IS NULL OR ${cdrSyncState.leaseUntil} < now())`));
    return { connectionId, firstSyncDays: days };
  });
}

/** Tests and the bench: forget sync positions of some connections. */
export async function clearSyncState(connectionIds: string[]) {
  const db = await getDb();
  await db.delete(cdrSyncState).where(inArray(cdrSyncState.connectionId, connectionIds));
}
