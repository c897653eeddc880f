import 'server-only';
import type { Capability } from '@/lib/capabilities';
import { missingCapabilityText } from '@/lib/capabilities';
import { vendorLabels, type TenantRef, type Vendor } from '@/lib/schemas/common';
import type { Tenant } from '@/lib/schemas/tenant';
import type { VendorErrorInfo } from '@/lib/vendor-error';
import { isVendorError } from '@/server/adapters/errors';
import type { AdapterContext, PbxAdapter } from '@/server/adapters/types';
import type { Actor } from '@/server/auth/actor';
import { assertSignedIn, assertTenantRead, canSeeConnection, canSeeTenant } from '@/server/auth/scope';
import { allConnectionRows, loadConnection } from './connections';
import { cachedRead, type Snapshot } from './read-cache';

export interface TenantRow extends Tenant {
  connectionName: string;
  vendor: Vendor;
}

export interface ConnectionProblem {
  connectionId: string;
  connectionName: string;
  vendor: Vendor;
  error: VendorErrorInfo;
  /** When the shown data was last fetched successfully, if ever. */
  lastGoodAt?: string;
}

export interface Selection {
  connectionId?: string;
  tenantId?: string;
}

/** Tenants of every connection the caller may see (optionally one connection / one tenant), with vendor trouble. */
export async function listTenants(actor: Actor | null, sel: Selection = {}): Promise<{ tenants: TenantRow[]; problems: ConnectionProblem[] }> {
  assertSignedIn(actor);
  const rows = (await allConnectionRows()).filter((r) => r.enabled && canSeeConnection(actor, r.id) && (!sel.connectionId || r.id === sel.connectionId));
  const tenants: TenantRow[] = [];
  const problems: ConnectionProblem[] = [];
  await Promise.all(
    rows.map(async (row) => {
      try {
        const { adapter } = await loadConnection(row.id);
        const snap = await cachedRead(`tenants:${row.id}:${row.updatedAt.toISOString()}`, 60_000, () => adapter.listTenants({}));
        for (const t of snap.value) {
          if (!canSeeTenant(actor, { connectionId: row.id, tenantId: t.id })) continue;
          if (sel.tenantId && t.id !== sel.tenantId) continue;
          tenants.push({ ...t, connectionId: row.id, connectionName: row.name, vendor: row.vendor });
        }
        if (snap.error) problems.push({ connectionId: row.id, connectionName: row.name, vendor: row.vendor, error: snap.error, lastGoodAt: snap.fetchedAt });
      } catch (err) {
        if (!isVendorError(err)) throw err;
        problems.push({ connectionId: row.id, connectionName: row.name, vendor: row.vendor, error: err.toInfo() });
      }
    }),
  );
  tenants.sort((a, b) => a.connectionName.localeCompare(b.connectionName) || a.name.localeCompare(b.name));
  return { tenants, problems };
}

export type TenantRead<T> =
  | ({ status: 'ok' } & Snapshot<T>)
  | { status: 'unsupported'; message: string }
  | { status: 'error'; error: VendorErrorInfo };

/**
 * The one read path for tenant data: checks the caller may see the tenant, that the vendor offers the
 * capability (else says so in words), then reads through the shared cache.
 */
export async function readTenant<T>(
  actor: Actor | null,
  ref: TenantRef,
  capability: Capability,
  read: (adapter: PbxAdapter, ctx: AdapterContext) => Promise<T>,
  ttlMs = 15_000,
): Promise<TenantRead<T>> {
  assertTenantRead(actor, ref);
  const { adapter, vendor } = await loadConnection(ref.connectionId);
  if (typeof adapter[capability] !== 'function') return { status: 'unsupported', message: missingCapabilityText(vendorLabels[vendor], capability) };
  try {
    const snap = await cachedRead(`${capability}:${ref.connectionId}:${ref.tenantId}`, ttlMs, () => read(adapter, {}));
    return { status: 'ok', ...snap };
  } catch (err) {
    if (isVendorError(err)) return { status: 'error', error: err.toInfo() };
    throw err;
  }
}

export interface AcrossTenants<T> {
  tenant: TenantRow;
  result: TenantRead<T>;
}

/** `readTenant` for every tenant in the caller's selection, a few at a time so a big platform is not flooded. */
export async function readAcrossTenants<T>(
  actor: Actor | null,
  sel: Selection,
  capability: Capability,
  read: (adapter: PbxAdapter, ctx: AdapterContext, tenant: TenantRow) => Promise<T>,
  ttlMs?: number,
): Promise<{ items: AcrossTenants<T>[]; problems: ConnectionProblem[] }> {
  const { tenants, problems } = await listTenants(actor, sel);
  const items: AcrossTenants<T>[] = [];
  const queue = [...tenants];
  await Promise.all(
    Array.from({ length: Math.min(6, queue.length) }, async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const tenant = t;
        items.push({ tenant, result: await readTenant(actor, { connectionId: tenant.connectionId, tenantId: tenant.id }, capability, (a, c) => read(a, c, tenant), ttlMs) });
      }
    }),
  );
  items.sort((a, b) => a.tenant.connectionName.localeCompare(b.tenant.connectionName) || a.tenant.name.localeCompare(b.tenant.name));
  return { items, problems };
}
