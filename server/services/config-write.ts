import 'server-only';
import { capabilityNames, missingCapabilityText, type Capability } from '@/lib/capabilities';
import { vendorLabels, type TenantRef, type Vendor } from '@/lib/schemas/common';
import { VendorError } from '@/server/adapters/errors';
import type { AdapterContext, PbxAdapter } from '@/server/adapters/types';
import { actorId, type Actor } from '@/server/auth/actor';
import { assertTenantWrite } from '@/server/auth/scope';
import { audited } from './audit';
import { oncePerKey } from './config-idempotency';
import { loadConnection } from './connections';
import { invalidateReads } from './read-cache';

export interface TenantWrite<T> {
  ref: TenantRef;
  /** The adapter method this write needs; a vendor without it is told in words, not with a crash. */
  capability: Capability;
  action: string;
  targetType: string;
  targetId?: string;
  /** The draft's idempotency key: the same key never writes twice. */
  key?: string;
  /** The object as it was, read fresh from the vendor, for the audit log. */
  before?: (adapter: PbxAdapter, ctx: AdapterContext) => Promise<unknown>;
  run: (adapter: PbxAdapter, ctx: AdapterContext, vendor: Vendor) => Promise<T>;
  /** After an uncertain failure (timeout): did the earlier attempt go through? Returns its result if so. */
  reconcile?: (adapter: PbxAdapter, ctx: AdapterContext) => Promise<T | undefined>;
}

/** A connection's adapter, once the caller may write to the tenant and the vendor offers the capability. */
export async function writableAdapter(actor: Actor | null, ref: TenantRef, capability: Capability): Promise<{ actor: Actor; adapter: PbxAdapter; vendor: Vendor }> {
  await assertTenantWrite(actor, ref);
  const { adapter, vendor } = await loadConnection(ref.connectionId);
  if (typeof adapter[capability] !== 'function')
    throw new VendorError({ kind: 'unsupported', vendor, message: missingCapabilityText(vendorLabels[vendor], capability) });
  return { actor: actor!, adapter, vendor };
}

/**
 * The one write path for tenant configuration: scope and operator policy (`assertTenantWrite`), capability,
 * idempotency key, audit entry with before and after, and dropping the cached reads so the next list is fresh.
 */
export async function tenantWrite<T>(actor: Actor | null, w: TenantWrite<T>): Promise<T> {
  const { adapter, vendor } = await writableAdapter(actor, w.ref, w.capability);
  const who = actor!;
  const ctx: AdapterContext = {};
  try {
    return await oncePerKey(
      actorId(who),
      w.key,
      async () => {
        const before = w.before ? await w.before(adapter, ctx) : undefined;
        return audited(who, { action: w.action, targetType: w.targetType, targetId: w.targetId, ref: w.ref, before }, () => w.run(adapter, ctx, vendor));
      },
      w.reconcile && (() => w.reconcile!(adapter, ctx)),
    );
  } finally {
    forgetTenantReads(w.ref);
  }
}

/** Every cached read of the tenant: a new extension changes destination lists, a new IVR the schedules, … */
export function forgetTenantReads(ref: TenantRef) {
  for (const cap of capabilityNames) invalidateReads(`${cap}:${ref.connectionId}:${ref.tenantId}`);
}
