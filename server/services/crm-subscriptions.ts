import 'server-only';
import { missingCapabilityText } from '@/lib/capabilities';
import { vendorLabels } from '@/lib/schemas/common';
import { crmSubscriptionSchema, type CrmTarget } from '@/lib/schemas/crm';
import type { Actor } from '@/server/auth/actor';
import { assertOperator } from '@/server/auth/scope';
import { AppError, invalidInput } from '@/server/errors';
import { audited } from './audit';
import { allConnectionRows, loadConnection } from './connections';
import { crmHookPath, ensureCrmHook } from './crm-hooks';
import { listTenants, type Selection } from './tenants';

/**
 * The connections whose PBX offers CRM callbacks, with their callback path, for the operator's CRM dialog.
 * Operators only: the hook token authenticates the PBX's callbacks for every tenant of the connection.
 */
export async function crmTargets(actor: Actor | null, sel: Selection = {}): Promise<CrmTarget[]> {
  assertOperator(actor);
  const rows = (await allConnectionRows()).filter((r) => r.enabled && (!sel.connectionId || r.id === sel.connectionId));
  const out: CrmTarget[] = [];
  for (const row of rows) {
    const { adapter } = await loadConnection(row.id);
    if (!adapter.crmSubscribe) continue;
    const { tenants } = await listTenants(actor, { connectionId: row.id, tenantId: sel.tenantId });
    out.push({ connectionId: row.id, connectionName: row.name, hookPath: crmHookPath(await ensureCrmHook(row.id)), tenants: tenants.map((t) => ({ id: t.id, name: t.name })) });
  }
  return out;
}

/**
 * Subscribes (or unsubscribes) an extension to the PBX's CRM ringing callbacks. Operators only, audited. The
 * extension's web password is passed straight to the vendor and never stored, logged or audited.
 */
export async function setCrmSubscription(actor: Actor | null, raw: unknown): Promise<{ extension: string; subscribed: boolean; hookPath: string }> {
  assertOperator(actor);
  const parsed = crmSubscriptionSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { connectionId, tenantId, extension, webPassword, subscribe } = parsed.data;
  const ref = { connectionId, tenantId };
  const { adapter, vendor } = await loadConnection(connectionId);
  const method = subscribe ? adapter.crmSubscribe : adapter.crmUnsubscribe;
  if (!method) throw new AppError('invalid_input', missingCapabilityText(vendorLabels[vendor], subscribe ? 'crmSubscribe' : 'crmUnsubscribe'));
  const hookPath = crmHookPath(await ensureCrmHook(connectionId));
  return audited(
    actor,
    { action: subscribe ? 'crm.subscribe' : 'crm.unsubscribe', targetType: 'extension', targetId: extension, ref },
    async () => {
      await method.call(adapter, {}, { tenantId, extension, webPassword });
      return { extension, subscribed: subscribe, hookPath };
    },
    () => ({ extension, subscribed: subscribe }),
  );
}
