/**
 * The CDR explorer's reads on the same synced data (PBXware + MiRTA emulators, real database): the table's
 * filters, sort and pages, the CSV export and the chart series agree with each other and with SQL, and a
 * tenant user's view — export included — holds only their tenant.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCdrFilters, type CdrFilters } from '@/lib/cdr-filters';
import type { Actor } from '@/server/auth/actor';
import { getDb, rowsOf } from '@/server/db/client';
import type { RunningEmulator } from '@/server/emulators/kit';
import { MIRTA_DEMO_CREDENTIALS, MIRTA_DEMO_TENANT_CODES } from '@/server/emulators/mirta/fixtures';
import { startMirtaEmulator } from '@/server/emulators/mirta';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import { AppError } from '@/server/errors';
import { databaseKinds, freshDatabase } from '@/server/testing/databases';
import { exportCdrsCsv } from './cdr-export';
import { filtersFromParams, getCdrDetail, listCdrPage, type CdrListRow } from './cdr-query';
import { cdrStats } from './cdr-stats';
import { fromMicroUnits, noteCdrsInserted, resetCdrStore, toMicroUnits } from './cdr-store';
import { setFirstSyncRange, syncConnectionCdrs } from './cdr-sync';
import { createConnection } from './connections';

const operator: Actor = { kind: 'operator', userId: 'op-1', email: 'op@operator.test', name: 'Op' };
const fast = { pace: false };
const f = (q: string): CdrFilters => parseCdrFilters(new URLSearchParams(q), true);

async function allPages(actor: Actor, filters: CdrFilters, limit: number) {
  const rows: CdrListRow[] = [];
  let total = -1;
  for (let offset = 0; ; offset += limit) {
    const page = await listCdrPage(actor, filters, offset, limit);
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length < limit) break;
  }
  return { rows, total };
}

/** Minimal CSV reader for our own export (quoted cells may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return out;
}

async function exportRows(actor: Actor, filters: CdrFilters) {
  const { stream, total } = await exportCdrsCsv(actor, filters);
  const text = await new Response(stream).text();
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => header!.indexOf(name);
  return { total, header: header!, rows, col };
}

describe.each(databaseKinds)('CDR explorer reads ($name)', (kind) => {
  let drop: () => Promise<void>;
  let pbx: RunningEmulator;
  let mirta: RunningEmulator;
  let pbxId: string;
  let mirtaId: string;
  let tenant: Actor;

  beforeAll(async () => {
    resetCdrStore();
    drop = (await freshDatabase(kind)).drop;
    [pbx, mirta] = await Promise.all([startPbxwareEmulator({ port: 0, callsPerMinute: 0 }), startMirtaEmulator({ port: 0, callsPerMinute: 0 })]);
    pbxId = (await createConnection(operator, { name: 'PBXware', config: { vendor: 'pbxware', baseUrl: pbx.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey } })).id;
    mirtaId = (
      await createConnection(operator, {
        name: 'MiRTA',
        config: { vendor: 'mirta', baseUrl: mirta.url, username: MIRTA_DEMO_CREDENTIALS.username, password: MIRTA_DEMO_CREDENTIALS.password, userEmail: MIRTA_DEMO_CREDENTIALS.email, tenantCodes: { ...MIRTA_DEMO_TENANT_CODES }, currency: 'EUR' },
      })
    ).id;
    await setFirstSyncRange(operator, pbxId, 14);
    await setFirstSyncRange(operator, mirtaId, 14);
    await syncConnectionCdrs(pbxId, fast);
    await syncConnectionCdrs(mirtaId, fast);
    tenant = { kind: 'tenant', userId: 't-1', email: 't@tenant.test', name: 'T', connectionId: pbxId, tenantId: '2' };
  }, 90_000);
  afterAll(async () => {
    await Promise.all([pbx?.close(), mirta?.close()]);
    await drop?.();
  });

  it('table pages, export and SQL agree for several filter sets and sort orders', async () => {
    const db = await getDb();
    const cases: { q: string; where: ReturnType<typeof sql> }[] = [
      { q: 'range=30d', where: sql`true` },
      { q: 'range=30d&disp=answered&sort=durationSec&order=asc', where: sql`disposition = 'answered'` },
      { q: `range=30d&dir=outbound&conn=${pbxId}&sort=cost`, where: sql`direction = 'outbound' AND connection_id = ${pbxId}` },
      { q: 'range=30d&min=120&sort=from&order=asc', where: sql`duration_sec >= 120` },
      { q: 'range=30d&q=10', where: sql`(from_number LIKE '%10%' OR to_number LIKE '%10%' OR coalesce(forwarded_to, '') LIKE '%10%')` },
    ];
    for (const c of cases) {
      const filters = f(c.q);
      const [ref] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM cdrs WHERE started_at >= now() - interval '30 days' AND ${c.where}`));
      const { rows, total } = await allPages(operator, filters, 137);
      expect(total, c.q).toBe(ref!.n);
      expect(rows.length, c.q).toBe(total);
      expect(new Set(rows.map((r) => `${r.connectionId}/${r.tenantId}/${r.id}`)).size).toBe(total);
      // Sorted by the requested key.
      const keyOf = (r: CdrListRow): number | string =>
        filters.sort === 'startedAt' ? r.startedAt : filters.sort === 'durationSec' ? r.durationSec : filters.sort === 'cost' ? (r.cost ? toMicroUnits(r.cost.amount) : -Infinity) : filters.sort === 'from' ? r.from : r.to;
      for (let i = 1; i < rows.length; i++) {
        const a = keyOf(rows[i - 1]!);
        const b = keyOf(rows[i]!);
        if (filters.order === 'asc') expect(a <= b, `${c.q} row ${i}`).toBe(true);
        else expect(a >= b, `${c.q} row ${i}`).toBe(true);
      }
      // The export is the same rows in the same order.
      const csv = await exportRows(operator, filters);
      expect(csv.total).toBe(total);
      expect(csv.rows.map((r) => `${r[csv.col('connection_id')]}/${r[csv.col('tenant_id')]}/${r[csv.col('id')]}`)).toEqual(rows.map((r) => `${r.connectionId}/${r.tenantId}/${r.id}`));
    }
  });

  it('a number search of 3 or more digits (served by the trigram index) finds what SQL finds, in every order and across appends', async () => {
    const db = await getDb();
    const digitsOf = (col: string) => sql.raw(`regexp_replace(coalesce(${col}, ''), '[^0-9]', '', 'g')`);
    // Needles taken from the synced data: a long tail of an external number, its middle, and a 3-digit run.
    const [sample] = rowsOf<{ n: string }>(await db.execute(sql`SELECT from_number AS n FROM cdrs WHERE length(regexp_replace(from_number, '[^0-9]', '', 'g')) >= 8 ORDER BY seq LIMIT 1`));
    const d = sample!.n.replace(/\D/g, '');
    const needles = [d.slice(-6), d.slice(2, 6), d.slice(-3), `(${d.slice(-7, -4)}) ${d.slice(-4)}`];
    for (const needle of needles) {
      const digits = needle.replace(/\D/g, '');
      const like = `%${digits}%`;
      const [ref] = rowsOf<{ n: number }>(
        await db.execute(
          sql`SELECT count(*)::int AS n FROM cdrs WHERE started_at >= now() - interval '30 days' AND (${digitsOf('from_number')} LIKE ${like} OR ${digitsOf('to_number')} LIKE ${like} OR ${digitsOf('forwarded_to')} LIKE ${like})`,
        ),
      );
      expect(ref!.n, needle).toBeGreaterThan(0);
      for (const [sort, order] of [['cost', 'asc'], ['startedAt', 'desc'], ['to', 'asc']] as const) {
        const filters = f(`range=30d&q=${encodeURIComponent(needle)}&sort=${sort}&order=${order}`);
        const { rows, total } = await allPages(operator, filters, 7);
        expect(total, needle).toBe(ref!.n);
        expect(rows.every((r) => [r.from, r.to, r.forwardedTo ?? ''].some((x) => x.replace(/\D/g, '').includes(digits))), needle).toBe(true);
        // The same rows in the same order as the export, which walks the full sort order.
        const csv = await exportRows(operator, filters);
        expect(csv.rows.map((r) => `${r[csv.col('connection_id')]}/${r[csv.col('tenant_id')]}/${r[csv.col('id')]}`)).toEqual(rows.map((r) => `${r.connectionId}/${r.tenantId}/${r.id}`));
      }
    }
    // A number seen only in rows that arrive later is found once they are synced (the index catches up).
    const before = (await listCdrPage(operator, f(`range=30d&q=${d.slice(-6)}`), 0, 1)).total;
    await db.execute(sql`
      INSERT INTO cdrs (connection_id, tenant_id, id, started_at, from_number, to_number, direction, disposition, duration_sec, raw)
      VALUES (${pbxId}, '2', 'index-catch-up', now() - interval '1 hour', '+19998887776', ${sample!.n}, 'outbound', 'answered', 42, '{}'::jsonb)`);
    noteCdrsInserted();
    expect((await listCdrPage(operator, f('range=30d&q=9998887'), 0, 10)).rows.map((r) => r.id)).toEqual(['index-catch-up']);
    expect((await listCdrPage(operator, f(`range=30d&q=${d.slice(-6)}`), 0, 1)).total).toBe(before + 1);
    await db.execute(sql`DELETE FROM cdrs WHERE id = 'index-catch-up'`);
    resetCdrStore();
  });

  it('names the field of a bad filter', () => {
    expect(() => filtersFromParams(new URLSearchParams('dir=sideways'))).toThrow(/direction: must be one of/);
    expect(() => filtersFromParams(new URLSearchParams('min=-3'))).toThrow(/minimum duration/);
    expect(() => filtersFromParams(new URLSearchParams('range=custom&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z'))).toThrow(/to: must be after/);
  });

  it("a tenant user's table, charts and export hold only their tenant, whatever the filters ask", async () => {
    const own = await allPages(tenant, f('range=30d'), 500);
    expect(own.total).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.connectionId === pbxId && r.tenantId === '2')).toBe(true);
    // Asking for another tenant or connection yields nothing, not that tenant's rows.
    expect((await listCdrPage(tenant, f(`range=30d&conn=${pbxId}&tenant=3`), 0, 100)).total).toBe(0);
    expect((await listCdrPage(tenant, f(`range=30d&conn=${mirtaId}`), 0, 100)).total).toBe(0);
    const csv = await exportRows(tenant, f('range=30d'));
    expect(csv.rows.length).toBe(own.total);
    expect(new Set(csv.rows.map((r) => `${r[csv.col('connection_id')]}/${r[csv.col('tenant_id')]}`))).toEqual(new Set([`${pbxId}/2`]));
    const stats = await cdrStats(tenant, f('range=30d'));
    expect(stats.total).toBe(own.total);
    // The drawer refuses another tenant's record.
    const [other] = rowsOf<{ id: string; tenant_id: string }>(await (await getDb()).execute(sql`SELECT id, tenant_id FROM cdrs WHERE connection_id = ${pbxId} AND tenant_id <> '2' LIMIT 1`));
    const err = await getCdrDetail(tenant, { connectionId: pbxId, tenantId: other!.tenant_id, id: other!.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
  });

  it('charts cover both vendors and agree with the table and with SQL', async () => {
    const filters = f('range=30d');
    const stats = await cdrStats(operator, filters, { timeZone: 'Europe/Berlin' });
    const { total } = await listCdrPage(operator, filters, 0, 1);
    expect(stats.total).toBe(total);
    expect(stats.bucket).toBe('day');
    const stacked = stats.volume.reduce((s, p) => s + p.answered + p.no_answer + p.busy + p.failed + p.unknown, 0);
    expect(stacked).toBe(total);
    expect(stats.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(total);
    // Both vendors contribute: each connection alone has calls, and together they add up.
    const perVendor = await Promise.all([pbxId, mirtaId].map((id) => cdrStats(operator, f(`range=30d&conn=${id}`))));
    expect(perVendor.every((s) => s.total > 0)).toBe(true);
    expect(perVendor[0]!.total + perVendor[1]!.total).toBe(total);
    // Exact money per currency, as SQL sums it.
    const db = await getDb();
    const sums = rowsOf<{ cur: string; s: string }>(await db.execute(sql`SELECT cost_currency AS cur, sum(cost_amount)::text AS s FROM cdrs WHERE started_at >= now() - interval '30 days' AND cost_currency IS NOT NULL GROUP BY 1`));
    expect(Object.keys(stats.cost.totals).sort()).toEqual(sums.map((r) => r.cur).sort());
    for (const r of sums) expect(stats.cost.totals[r.cur]).toBe(fromMicroUnits(toMicroUnits(r.s)));
    // ASR per bucket is answered / calls.
    for (let i = 0; i < stats.quality.length; i++) {
      const v = stats.volume[i]!;
      const calls = v.answered + v.no_answer + v.busy + v.failed + v.unknown;
      expect(stats.quality[i]!.calls).toBe(calls);
      if (calls) expect(stats.quality[i]!.asr).toBeCloseTo((v.answered / calls) * 100, 0);
    }
    const [topRef] = rowsOf<{ n: number; c: number }>(await db.execute(sql`SELECT to_number AS n, count(*)::int AS c FROM cdrs WHERE started_at >= now() - interval '30 days' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`));
    expect(stats.topDestinations[0]!.calls).toBe(topRef!.c);
    // Hourly buckets in a short range.
    const hourly = await cdrStats(operator, f('range=24h'), { timeZone: 'America/New_York' });
    expect(hourly.bucket).toBe('hour');
    expect(hourly.volume.length).toBeGreaterThanOrEqual(24);
  });
});
