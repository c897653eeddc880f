import 'server-only';
import type { Capability } from '@/lib/capabilities';
import type { TenantRef, Vendor } from '@/lib/schemas/common';
import type { DestinationOption } from '@/lib/schemas/destination';
import type { Did } from '@/lib/schemas/did';
import type { FormSpec } from '@/lib/schemas/form-spec';
import { capabilitiesOf } from '@/server/adapters/capabilities';
import type { Actor } from '@/server/auth/actor';
import { assertOperator } from '@/server/auth/scope';
import { loadConnection } from './connections';
import { tenantSettingsFor } from './overview';
import { cachedRead } from './read-cache';
import { listTenants, readAcrossTenants, readTenant, type Selection, type TenantRead } from './tenants';

/** A tenant as the editors need it: what its vendor can do and whether this caller may change it. */
export interface ConfigTenant extends TenantRef {
  tenantName: string;
  connectionName: string;
  vendor: Vendor;
  capabilities: Capability[];
  /** Operators always; tenant users only where the operator allows it. */
  mayEdit: boolean;
}

export async function configTenants(actor: Actor | null, sel: Selection): Promise<ConfigTenant[]> {
  const { tenants } = await listTenants(actor, sel);
  const caps = new Map<string, Capability[]>();
  return Promise.all(
    tenants.map(async (t) => {
      if (!caps.has(t.connectionId)) caps.set(t.connectionId, capabilitiesOf((await loadConnection(t.connectionId)).adapter));
      const mayEdit = actor!.kind === 'operator' || (actor!.kind === 'tenant' && (await tenantSettingsFor(t.connectionId, t.id)).tenantMayEdit);
      return { connectionId: t.connectionId, tenantId: t.id, tenantName: t.name, connectionName: t.connectionName, vendor: t.vendor, capabilities: caps.get(t.connectionId)!, mayEdit };
    }),
  );
}

/** Vendor-specific extension fields with their allowed values, loaded from the vendor (cached a minute). */
export function extensionFormFor(actor: Actor | null, ref: TenantRef): Promise<TenantRead<FormSpec>> {
  return readTenant(actor, ref, 'extensionForm', (a, ctx) => a.extensionForm!(ctx, ref.tenantId), 60_000);
}

export function didFormFor(actor: Actor | null, ref: TenantRef): Promise<TenantRead<FormSpec>> {
  return readTenant(actor, ref, 'didForm', (a, ctx) => a.didForm!(ctx, ref.tenantId), 60_000);
}

/** The tenant's real extensions, ring groups, queues, IVRs and voicemail boxes, for destination pickers. */
export function destinationsFor(actor: Actor | null, ref: TenantRef): Promise<TenantRead<DestinationOption[]>> {
  return readTenant(actor, ref, 'listDestinations', (a, ctx) => a.listDestinations!(ctx, ref.tenantId), 15_000);
}

/** The platform's pool of DIDs not yet given to any tenant (HoduPBX admin). Operators only. */
export async function unassignedDids(actor: Actor | null, connectionId: string): Promise<{ status: 'ok'; value: Did[] } | { status: 'unsupported' }> {
  assertOperator(actor);
  const { adapter } = await loadConnection(connectionId);
  if (!adapter.listUnassignedDids) return { status: 'unsupported' };
  const snap = await cachedRead(`listUnassignedDids:${connectionId}`, 15_000, () => adapter.listUnassignedDids!({}));
  return { status: 'ok', value: snap.value };
}

type Listable = 'listExtensions' | 'listDids' | 'listIvrs' | 'listOperationTimes';
type ItemOf<C extends Listable> = Awaited<ReturnType<NonNullable<import('@/server/adapters/types').PbxAdapter[C]>>>[number];

export interface ConfigRow<T> {
  ref: TenantRef;
  item: T;
}

/**
 * One configuration list over the caller's selection, for both the page's first paint and the browser's
 * refresh: the rows tagged with their tenant, the tenants with their capabilities, and the per-tenant read
 * results (unsupported / vendor error / stale) for the notices above the table.
 */
export async function listConfig<C extends Listable>(actor: Actor | null, sel: Selection, capability: C) {
  const [{ items, problems }, tenants] = await Promise.all([
    readAcrossTenants(actor, sel, capability, (a, ctx, t) => (a[capability] as (c: typeof ctx, id: string) => Promise<ItemOf<C>[]>)(ctx, t.id)),
    configTenants(actor, sel),
  ]);
  const rows: ConfigRow<ItemOf<C>>[] = items.flatMap((i) => (i.result.status === 'ok' ? i.result.value.map((item) => ({ ref: { connectionId: i.tenant.connectionId, tenantId: i.tenant.id }, item })) : []));
  return { rows, tenants, items, problems };
}
