'use server';

import { revalidatePath } from 'next/cache';
import { createConnection, deleteConnection, testConnection, updateConnection } from '@/server/services/connections';
import { runAction } from './run';

export async function createConnectionAction(input: unknown) {
  const r = await runAction((actor) => createConnection(actor, input));
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function updateConnectionAction(id: string, input: unknown) {
  const r = await runAction((actor) => updateConnection(actor, String(id), input));
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

export async function deleteConnectionAction(id: string) {
  const r = await runAction((actor) => deleteConnection(actor, String(id)));
  if (r.ok) revalidatePath('/', 'layout');
  return r;
}

/** Tests unsaved form input (with `id`, blank secrets fall back to the stored ones) or a stored connection. */
export async function testConnectionAction(id: string | null, input: unknown | null) {
  return runAction((actor) => testConnection(actor, { id: id ?? undefined, raw: input ?? undefined }));
}
