import 'server-only';
import { and, eq } from 'drizzle-orm';
import { compareDecimal } from '@/lib/format';
import type { Balance, TenantCounters } from '@/lib/schemas/tenant';
import type { VendorErrorInfo } from '@/lib/vendor-error';
import { isVendorError } from '@/server/adapters/errors';
import type { Actor } from '@/server/auth/actor';
import { assertOperator, assertTenantRead } from '@/server/auth/scope';
import { getDb } from '@/server/db/client';
import { tenantSettings } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { decimalSchema } from '@/lib/schemas/common';
import { audited } from './audit';
import { loadConnection } from './connections';
import { cachedRead, type Snapshot } from './read-cache';
import { listTenants, readTenant, type ConnectionProblem, type Selection, type TenantRow } from './tenants';

export interface OverviewRow {
  tenant: TenantRow;
  balance: { status: 'ok'; value: Balance; low: boolean; stale: boolean; fetchedAt: string } | { status: 'unsupported' } | { status: 'error'; error: VendorErrorInfo } | { status: 'missing' };
  counters: { status: 'ok'; value: TenantCounters; stale: boolean; fetchedAt: string; error?: VendorErrorInfo } | { status: 'unsupported' } | { status: 'error'; error: VendorErrorInfo };
  threshold: string | null;
  tenantMayEdit: boolean;
}

/** Per-tenant settings the operator controls. */
export async function tenantSettingsFor(connectionId: string, tenantId: string) {
  const db = await getDb();
  const [s] = await db.select().from(tenantSettings).where(and(eq(tenantSettings.connectionId, connectionId), eq(tenantSettings.tenantId, tenantId)));
  return { lowBalanceThreshold: s?.lowBalanceThreshold ?? null, tenantMayEdit: s?.tenantMayEdit ?? false };
}

export async function updateTenantSettings(actor: Actor | null, ref: { connectionId: string; tenantId: string }, input: { lowBalanceThreshold?: string | null; tenantMayEdit?: boolean }) {
  assertOperator(actor);
  if (input.lowBalanceThreshold != null && input.lowBalanceThreshold !== '' && !decimalSchema.safeParse(input.lowBalanceThreshold).success)
    throw new AppError('invalid_input', 'lowBalanceThreshold: must be a decimal number such as 10.00', { lowBalanceThreshold: 'must be a decimal number such as 10.00' });
  const before = await tenantSettingsFor(ref.connectionId, ref.tenantId);
  const next = {
    lowBalanceThreshold: input.lowBalanceThreshold === undefined ? before.lowBalanceThreshold : input.lowBalanceThreshold || null,
    tenantMayEdit: input.tenantMayEdit ?? before.tenantMayEdit,
  };
  const db = await getDb();
  return audited(actor, { action: 'tenant.settings', targetType: 'tenant', targetId: ref.tenantId, ref, before }, async () => {
    await db
      .insert(tenantSettings)
      .values({ ...ref, ...next, updatedAt: new Date() })
      .onConflictDoUpdate({ target: [tenantSettings.connectionId, tenantSettings.tenantId], set: { ...next, updatedAt: new Date() } });
    return next;
  });
}

/** Balances of one connection, read once for all its tenants (HoduPBX's admin balance call lists them all). */
async function connectionBalances(connectionId: string): Promise<Snapshot<Balance[]> | 'unsupported'> {
  const { adapter } = await loadConnection(connectionId);
  if (!adapter.listBalances) return 'unsupported';
  return cachedRead(`balances:${connectionId}`, 60_000, () => adapter.listBalances!({}));
}

export async function getOverview(actor: Actor | null, sel: Selection): Promise<{ rows: OverviewRow[]; problems: ConnectionProblem[] }> {
  const { tenants, problems } = await listTenants(actor, sel);
  const db = await getDb();
  const settings = await db.select().from(tenantSettings);
  const balanceByConn = new Map<string, Promise<Snapshot<Balance[]> | 'unsupported' | VendorErrorInfo>>();
  const rows = await Promise.all(
    tenants.map(async (tenant): Promise<OverviewRow> => {
      assertTenantRead(actor, { connectionId: tenant.connectionId, tenantId: tenant.id });
      const s = settings.find((x) => x.connectionId === tenant.connectionId && x.tenantId === tenant.id);
      const threshold = s?.lowBalanceThreshold ?? null;
      if (!balanceByConn.has(tenant.connectionId))
        balanceByConn.set(
          tenant.connectionId,
          connectionBalances(tenant.connectionId).catch((e: unknown) => {
            if (isVendorError(e)) return e.toInfo();
            throw e;
          }),
        );
      const b = await balanceByConn.get(tenant.connectionId)!;
      let balance: OverviewRow['balance'];
      if (b === 'unsupported') balance = { status: 'unsupported' };
      else if ('kind' in b) balance = { status: 'error', error: b };
      else {
        const mine = b.value.find((x) => x.tenantId === tenant.id);
        balance = mine
          ? { status: 'ok', value: mine, low: threshold !== null && compareDecimal(mine.balance.amount, threshold) < 0, stale: b.stale, fetchedAt: b.fetchedAt }
          : { status: 'missing' };
      }
      const c = await readTenant(actor, { connectionId: tenant.connectionId, tenantId: tenant.id }, 'getTenantCounters', (a, ctx) => a.getTenantCounters!(ctx, tenant.id), 10_000);
      const counters: OverviewRow['counters'] = c.status === 'ok' ? { status: 'ok', value: c.value, stale: c.stale, fetchedAt: c.fetchedAt, error: c.error } : c.status === 'unsupported' ? { status: 'unsupported' } : { status: 'error', error: c.error };
      return { tenant, balance, counters, threshold, tenantMayEdit: s?.tenantMayEdit ?? false };
    }),
  );
  return { rows, problems };
}
