import 'server-only';
import { didInputSchema, type Did, type DidInput } from '@/lib/schemas/did';
import { validateVendorFields } from '@/lib/schemas/form-spec';
import type { AdapterContext, PbxAdapter } from '@/server/adapters/types';
import type { Actor } from '@/server/auth/actor';
import { assertOperator } from '@/server/auth/scope';
import { AppError, invalidInput, notFound } from '@/server/errors';
import { refOf } from './config-extensions';
import { tenantWrite, writableAdapter } from './config-write';
import { invalidateReads } from './read-cache';

async function parseInput(adapter: PbxAdapter, tenantId: string, raw: unknown, mode: 'create' | 'update'): Promise<DidInput> {
  const parsed = didInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const spec = adapter.didForm ? await adapter.didForm({}, tenantId) : undefined;
  if (spec) {
    const entries = Object.entries(validateVendorFields(spec, parsed.data.fields, mode));
    if (entries.length) throw new AppError('invalid_input', entries[0]![1], Object.fromEntries(entries.map(([k, m]) => [`fields.${k}`, m])));
  }
  return parsed.data;
}

async function current(adapter: PbxAdapter, ctx: AdapterContext, tenantId: string, id: string): Promise<Did> {
  const found = (await adapter.listDids?.(ctx, tenantId))?.find((d) => d.id === id);
  if (!found) throw notFound(`DID ${id}`);
  return found;
}

export async function createDid(actor: Actor | null, rawRef: unknown, raw: unknown, key?: string): Promise<Did> {
  const ref = refOf(rawRef);
  const { adapter } = await writableAdapter(actor, ref, 'createDid');
  const input = await parseInput(adapter, ref.tenantId, raw, 'create');
  return tenantWrite(actor, {
    ref,
    capability: 'createDid',
    action: 'did.create',
    targetType: 'did',
    key,
    run: (a, ctx) => a.createDid!(ctx, ref.tenantId, input),
    reconcile: async (a, ctx) => (await a.listDids?.(ctx, ref.tenantId))?.find((d) => d.number === input.number),
  });
}

/** Edits a DID; routing it to a destination (HoduPBX: mapping it to an extension or IVR) is an edit too. */
export async function updateDid(actor: Actor | null, rawRef: unknown, id: string, raw: unknown, key?: string): Promise<Did> {
  const ref = refOf(rawRef);
  const { adapter } = await writableAdapter(actor, ref, 'updateDid');
  const input = await parseInput(adapter, ref.tenantId, raw, 'update');
  return tenantWrite(actor, {
    ref,
    capability: 'updateDid',
    action: input.destination ? 'did.route' : 'did.update',
    targetType: 'did',
    targetId: id,
    key,
    before: (a, ctx) => current(a, ctx, ref.tenantId, id),
    run: (a, ctx) => a.updateDid!(ctx, ref.tenantId, id, input),
  });
}

export async function deleteDid(actor: Actor | null, rawRef: unknown, id: string, key?: string): Promise<{ id: string }> {
  const ref = refOf(rawRef);
  return tenantWrite(actor, {
    ref,
    capability: 'deleteDid',
    action: 'did.delete',
    targetType: 'did',
    targetId: id,
    key,
    before: (a, ctx) => current(a, ctx, ref.tenantId, id),
    run: async (a, ctx) => {
      await a.deleteDid!(ctx, ref.tenantId, id);
      return { id };
    },
  });
}

/** Gives a DID from the platform pool to a tenant (HoduPBX admin). Operators only: tenants cannot see the pool. */
export async function assignDid(actor: Actor | null, rawRef: unknown, didId: string, key?: string): Promise<{ id: string; tenantId: string }> {
  assertOperator(actor);
  const ref = refOf(rawRef);
  try {
    return await tenantWrite(actor, {
      ref,
      capability: 'assignDid',
      action: 'did.assign',
      targetType: 'did',
      targetId: didId,
      key,
      before: async (a, ctx) => (await a.listUnassignedDids?.(ctx))?.find((d) => d.id === didId) ?? null,
      run: async (a, ctx) => {
        await a.assignDid!(ctx, ref.tenantId, didId);
        return { id: didId, tenantId: ref.tenantId };
      },
    });
  } finally {
    invalidateReads(`listUnassignedDids:${ref.connectionId}`);
  }
}
