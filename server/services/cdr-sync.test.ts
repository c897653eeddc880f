/**
 * CDR sync against the real emulators over HTTP and a real database (PGlite, and Postgres when
 * TEST_DATABASE_URL is set): repeated runs add nothing twice, and a run broken by a vendor fault resumes.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/auth/actor';
import { getDb, rowsOf } from '@/server/db/client';
import { cdrSyncState, cdrs } from '@/server/db/schema';
import { HODUPBX_DEMO_CREDENTIALS } from '@/server/emulators/hodupbx/fixtures';
import { startHodupbxEmulator } from '@/server/emulators/hodupbx';
import type { RunningEmulator } from '@/server/emulators/kit';
import { MIRTA_DEMO_CREDENTIALS, MIRTA_DEMO_TENANT_CODES } from '@/server/emulators/mirta/fixtures';
import { startMirtaEmulator } from '@/server/emulators/mirta';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import { databaseKinds, freshDatabase } from '@/server/testing/databases';
import { resetCdrStore } from './cdr-store';
import { cdrSyncStatus, setFirstSyncRange, syncConnectionCdrs, syncTenantCdrs } from './cdr-sync';
import { createConnection, loadConnection } from './connections';

const operator: Actor = { kind: 'operator', userId: 'op-1', email: 'op@operator.test', name: 'Op' };
const fast = { pace: false, rateLimitBackoffMs: 10 };

async function countRows(connectionId: string, tenantId?: string) {
  const db = await getDb();
  const where = tenantId ? and(eq(cdrs.connectionId, connectionId), eq(cdrs.tenantId, tenantId)) : eq(cdrs.connectionId, connectionId);
  const [r] = await db.select({ n: sql<number>`count(*)::int`, distinctIds: sql<number>`count(DISTINCT (tenant_id, id))::int` }).from(cdrs).where(where);
  return r!;
}

describe.each(databaseKinds)('CDR sync ($name)', (kind) => {
  let drop: () => Promise<void>;
  let pbx: RunningEmulator;
  let hodu: RunningEmulator;
  let mirta: RunningEmulator;
  let pbxId: string;
  let hoduId: string;
  let mirtaId: string;

  beforeAll(async () => {
    resetCdrStore();
    drop = (await freshDatabase(kind)).drop;
    // No call churn: the vendors' histories stay fixed, so counts can be compared exactly.
    [pbx, hodu, mirta] = await Promise.all([startPbxwareEmulator({ port: 0, callsPerMinute: 0 }), startHodupbxEmulator({ port: 0, callsPerMinute: 0 }), startMirtaEmulator({ port: 0, callsPerMinute: 0 })]);
    pbxId = (await createConnection(operator, { name: 'PBXware', config: { vendor: 'pbxware', baseUrl: pbx.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey } })).id;
    hoduId = (await createConnection(operator, { name: 'HoduPBX', config: { vendor: 'hodupbx', baseUrl: hodu.url, token: HODUPBX_DEMO_CREDENTIALS.adminToken, userType: 'ADMIN', timezone: 'UTC' } })).id;
    mirtaId = (
      await createConnection(operator, {
        name: 'MiRTA',
        config: { vendor: 'mirta', baseUrl: mirta.url, username: MIRTA_DEMO_CREDENTIALS.username, password: MIRTA_DEMO_CREDENTIALS.password, userEmail: MIRTA_DEMO_CREDENTIALS.email, tenantCodes: { ...MIRTA_DEMO_TENANT_CODES } },
      })
    ).id;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([pbx?.close(), hodu?.close(), mirta?.close()]);
    await drop?.();
  });

  it('syncing twice stores every vendor record once, for all three vendors', async () => {
    for (const id of [pbxId, hoduId, mirtaId]) {
      const first = await syncConnectionCdrs(id, fast);
      expect(first.length).toBeGreaterThan(0);
      expect(first.every((r) => r.status === 'done'), JSON.stringify(first)).toBe(true);
      const afterFirst = await countRows(id);
      expect(afterFirst.n).toBeGreaterThan(0);
      expect(afterFirst.n).toBe(first.reduce((s, r) => s + r.inserted, 0));

      const second = await syncConnectionCdrs(id, fast);
      expect(second.every((r) => r.status === 'done')).toBe(true);
      // The second run re-read the overlap window and found nothing new.
      expect(second.reduce((s, r) => s + r.inserted, 0)).toBe(0);
      const afterSecond = await countRows(id);
      expect(afterSecond.n).toBe(afterFirst.n);
      expect(afterSecond.distinctIds).toBe(afterSecond.n);
    }
    // What was stored is exactly what the vendor lists for the window (read straight from the adapter).
    const { adapter } = await loadConnection(pbxId);
    const db = await getDb();
    const [state] = await db.select().from(cdrSyncState).where(and(eq(cdrSyncState.connectionId, pbxId), eq(cdrSyncState.tenantId, '2')));
    const vendorIds = new Set<string>();
    const to = state!.syncedUntil!.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const from = new Date(state!.syncedUntil!.getTime() - 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    let cursor: string | undefined;
    do {
      const page = await adapter.listCdrs!({}, { tenantId: '2', from, to, cursor });
      for (const r of page.records) vendorIds.add(r.id);
      cursor = page.nextCursor;
    } while (cursor);
    const stored = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM cdrs WHERE connection_id = ${pbxId} AND tenant_id = '2'`));
    expect(new Set(stored.map((r) => r.id))).toEqual(vendorIds);

    const status = await cdrSyncStatus(operator);
    expect(status.tenants.filter((t) => t.connectionId === pbxId).every((t) => t.status === 'idle' && t.syncedUntil && t.lastRunAt)).toBe(true);
  });

  it('a sync interrupted by a vendor fault resumes at the failed page, without duplicates', async () => {
    // A 60-day first sync of PBXware tenant 2 is several pages of 1,000 (pages are requested with page=N).
    await setFirstSyncRange(operator, pbxId, 60);
    pbx.setFaults({ mode: 'http-500', match: 'page=2' });
    const broken = await syncTenantCdrs(pbxId, '2', fast);
    expect(broken.status).toBe('failed');
    expect(broken.pages).toBe(1);
    expect(broken.error).toMatch(/PBXware/);
    const db = await getDb();
    const [mid] = await db.select().from(cdrSyncState).where(and(eq(cdrSyncState.connectionId, pbxId), eq(cdrSyncState.tenantId, '2')));
    expect(mid).toMatchObject({ status: 'failed', cursor: '2' });
    expect(mid!.windowFrom).not.toBeNull();
    const status = await cdrSyncStatus(operator);
    expect(status.tenants.find((t) => t.connectionId === pbxId && t.tenantId === '2')).toMatchObject({ status: 'failed' });

    // Page 2 recovers; page 1 now fails, so a run that started over instead of resuming would fail.
    pbx.setFaults({ mode: 'http-500', match: 'page=1&' });
    const resumed = await syncTenantCdrs(pbxId, '2', fast);
    pbx.setFaults(null);
    expect(resumed.status, resumed.error).toBe('done');
    expect(resumed.pages).toBeGreaterThanOrEqual(1);
    const [done] = await db.select().from(cdrSyncState).where(and(eq(cdrSyncState.connectionId, pbxId), eq(cdrSyncState.tenantId, '2')));
    expect(done).toMatchObject({ status: 'idle', cursor: null, windowFrom: null });
    const counted = await countRows(pbxId, '2');
    expect(counted.distinctIds).toBe(counted.n);
    // 60 days of ~40 calls a weekday: more than one page of 1,000.
    expect(counted.n).toBeGreaterThan(1_000);

    // And everything the vendor has for those 60 days is there exactly once.
    const { adapter } = await loadConnection(pbxId);
    let cursor: string | undefined;
    const ids = new Set<string>();
    const from = done!.syncedUntil!.getTime() - 60 * 86_400_000;
    do {
      const page = await adapter.listCdrs!({}, { tenantId: '2', from: new Date(from).toISOString(), to: done!.syncedUntil!.toISOString(), cursor });
      for (const r of page.records) ids.add(r.id);
      cursor = page.nextCursor;
    } while (cursor);
    const stored = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM cdrs WHERE connection_id = ${pbxId} AND tenant_id = '2' AND started_at >= ${new Date(from)}`));
    for (const id of ids) expect(stored.some((s) => s.id === id)).toBe(true);
  });

  it('waits out a vendor rate limit instead of failing the run', async () => {
    await setFirstSyncRange(operator, mirtaId, 30);
    mirta.setBudget({ requests: 2, perSeconds: 1 });
    const r = await syncTenantCdrs(mirtaId, '80', { pace: false, rateLimitBackoffMs: 600 });
    mirta.setBudget(null);
    expect(r.status, r.error).toBe('done');
    const counted = await countRows(mirtaId, '80');
    expect(counted.distinctIds).toBe(counted.n);
  });

  it('refuses a first-sync range outside 1–366 days, naming the field', async () => {
    await expect(setFirstSyncRange(operator, pbxId, 0)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('First sync range') });
    const tenant: Actor = { kind: 'tenant', userId: 't', email: 't@x.test', name: 'T', connectionId: pbxId, tenantId: '2' };
    await expect(setFirstSyncRange(tenant, pbxId, 7)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
