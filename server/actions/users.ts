'use server';

import { revalidatePath } from 'next/cache';
import { updateTenantSettings } from '@/server/services/overview';
import { createUser, createWallboard, resetPassword, revokeWallboard, setUserDisabled } from '@/server/services/users';
import { runAction } from './run';

const refresh = <T extends { ok: boolean }>(r: T) => {
  if (r.ok) revalidatePath('/users');
  return r;
};

export async function createUserAction(input: unknown) {
  return refresh(await runAction((actor) => createUser(actor, input)));
}
export async function resetPasswordAction(userId: string, password: unknown) {
  return refresh(await runAction((actor) => resetPassword(actor, String(userId), password)));
}
export async function setUserDisabledAction(userId: string, disabled: boolean) {
  return refresh(await runAction((actor) => setUserDisabled(actor, String(userId), disabled === true)));
}
export async function createWallboardAction(input: unknown) {
  return refresh(await runAction((actor) => createWallboard(actor, input)));
}
export async function revokeWallboardAction(id: string) {
  return refresh(await runAction((actor) => revokeWallboard(actor, String(id))));
}
export async function updateTenantSettingsAction(ref: { connectionId: string; tenantId: string }, input: { lowBalanceThreshold?: string | null; tenantMayEdit?: boolean }) {
  const r = await runAction((actor) => updateTenantSettings(actor, { connectionId: String(ref?.connectionId), tenantId: String(ref?.tenantId) }, input ?? {}));
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}
