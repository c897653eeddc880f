import 'server-only';
import { ivrInputSchema, ivrUpdateSchema, type Ivr } from '@/lib/schemas/ivr';
import type { AdapterContext, PbxAdapter } from '@/server/adapters/types';
import type { Actor } from '@/server/auth/actor';
import { invalidInput, notFound } from '@/server/errors';
import { refOf } from './config-extensions';
import { tenantWrite, writableAdapter } from './config-write';

async function current(adapter: PbxAdapter, ctx: AdapterContext, tenantId: string, id: string): Promise<Ivr> {
  const found = (await adapter.listIvrs?.(ctx, tenantId))?.find((i) => i.id === id);
  if (!found) throw notFound(`IVR ${id}`);
  return found;
}

/** Saves an IVR's keymap, greeting, timeout and operator, validated with the schema the editor uses. */
export async function updateIvr(actor: Actor | null, rawRef: unknown, id: string, raw: unknown, key?: string): Promise<Ivr> {
  const ref = refOf(rawRef);
  // Scope first: a caller who may not write here learns nothing from validation messages.
  await writableAdapter(actor, ref, 'updateIvr');
  const parsed = ivrUpdateSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return tenantWrite(actor, {
    ref,
    capability: 'updateIvr',
    action: 'ivr.update',
    targetType: 'ivr',
    targetId: id,
    key,
    before: (a, ctx) => current(a, ctx, ref.tenantId, id),
    // An empty greeting means "keep the stored one" (PBXware cannot read it back): the adapter is not told.
    run: (a, ctx) => a.updateIvr!(ctx, ref.tenantId, id, { ...parsed.data, greeting: parsed.data.greeting || undefined } as never),
  });
}

export async function createIvr(actor: Actor | null, rawRef: unknown, raw: unknown, key?: string): Promise<Ivr> {
  const ref = refOf(rawRef);
  await writableAdapter(actor, ref, 'createIvr');
  const parsed = ivrInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return tenantWrite(actor, {
    ref,
    capability: 'createIvr',
    action: 'ivr.create',
    targetType: 'ivr',
    key,
    run: (a, ctx) => a.createIvr!(ctx, ref.tenantId, parsed.data),
    reconcile: async (a, ctx) => (await a.listIvrs?.(ctx, ref.tenantId))?.find((i) => i.extension === parsed.data.extension),
  });
}

export async function deleteIvr(actor: Actor | null, rawRef: unknown, id: string, key?: string): Promise<{ id: string }> {
  const ref = refOf(rawRef);
  return tenantWrite(actor, {
    ref,
    capability: 'deleteIvr',
    action: 'ivr.delete',
    targetType: 'ivr',
    targetId: id,
    key,
    before: (a, ctx) => current(a, ctx, ref.tenantId, id),
    run: async (a, ctx) => {
      await a.deleteIvr!(ctx, ref.tenantId, id);
      return { id };
    },
  });
}
