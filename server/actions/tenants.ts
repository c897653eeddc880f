'use server';

import { revalidatePath } from 'next/cache';
import { rechargeTenant, saveTenantSettings } from '@/server/services/tenant-details';
import { runAction } from './run';

const refOf = (ref: { connectionId?: unknown; tenantId?: unknown }) => ({ connectionId: String(ref?.connectionId ?? ''), tenantId: String(ref?.tenantId ?? '') });

export async function saveTenantSettingsAction(ref: { connectionId: string; tenantId: string }, input: unknown) {
  const r = await runAction((actor) => saveTenantSettings(actor, refOf(ref), input));
  if (r.ok) revalidatePath('/tenants/[connectionId]/[tenantId]', 'page');
  return r;
}

export async function rechargeTenantAction(ref: { connectionId: string; tenantId: string }, amount: unknown) {
  return runAction((actor) => rechargeTenant(actor, refOf(ref), amount));
}
