import 'server-only';
import { tenantRefSchema, type TenantRef } from '@/lib/schemas/common';
import { extensionInputSchema, type Extension, type ExtensionInput } from '@/lib/schemas/extension';
import { validateVendorFields } from '@/lib/schemas/form-spec';
import type { AppErrorInfo } from '@/lib/result';
import type { AdapterContext, PbxAdapter } from '@/server/adapters/types';
import type { Actor } from '@/server/auth/actor';
import { AppError, invalidInput, notFound, toAppErrorInfo } from '@/server/errors';
import { tenantWrite, writableAdapter } from './config-write';

export function refOf(raw: unknown): TenantRef {
  const r = tenantRefSchema.safeParse(raw);
  if (!r.success) throw invalidInput(r.error);
  return r.data;
}

/** The same checks the form runs: the zod schema, then the vendor's own fields against its form spec. */
async function parseInput(adapter: PbxAdapter, ctx: AdapterContext, tenantId: string, raw: unknown, mode: 'create' | 'update'): Promise<ExtensionInput> {
  const parsed = extensionInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const spec = adapter.extensionForm ? await adapter.extensionForm(ctx, tenantId) : undefined;
  if (spec) {
    const entries = Object.entries(validateVendorFields(spec, parsed.data.fields, mode));
    if (entries.length) {
      const fieldErrors = Object.fromEntries(entries.map(([k, m]) => [`fields.${k}`, m]));
      throw new AppError('invalid_input', entries[0]![1], fieldErrors);
    }
  }
  return parsed.data;
}

async function current(adapter: PbxAdapter, ctx: AdapterContext, tenantId: string, id: string): Promise<Extension> {
  const found = adapter.getExtension ? await adapter.getExtension(ctx, tenantId, id) : (await adapter.listExtensions?.(ctx, tenantId))?.find((e) => e.id === id);
  if (!found) throw notFound(`Extension ${id}`);
  return found;
}

export async function createExtension(actor: Actor | null, rawRef: unknown, raw: unknown, key?: string): Promise<Extension> {
  const ref = refOf(rawRef);
  const { adapter } = await writableAdapter(actor, ref, 'createExtension');
  const input = await parseInput(adapter, {}, ref.tenantId, raw, 'create');
  return tenantWrite(actor, {
    ref,
    capability: 'createExtension',
    action: 'extension.create',
    targetType: 'extension',
    key,
    run: (a, ctx) => a.createExtension!(ctx, ref.tenantId, input),
    // A create that timed out may still have happened: the number is the natural key.
    reconcile: async (a, ctx) => (await a.listExtensions?.(ctx, ref.tenantId))?.find((e) => e.number === input.number),
  });
}

export async function updateExtension(actor: Actor | null, rawRef: unknown, id: string, raw: unknown, key?: string): Promise<Extension> {
  const ref = refOf(rawRef);
  const { adapter } = await writableAdapter(actor, ref, 'updateExtension');
  const input = await parseInput(adapter, {}, ref.tenantId, raw, 'update');
  return tenantWrite(actor, {
    ref,
    capability: 'updateExtension',
    action: 'extension.update',
    targetType: 'extension',
    targetId: id,
    key,
    before: (a, ctx) => current(a, ctx, ref.tenantId, id),
    run: (a, ctx) => a.updateExtension!(ctx, ref.tenantId, id, input),
  });
}

export async function deleteExtension(actor: Actor | null, rawRef: unknown, id: string, key?: string): Promise<{ id: string }> {
  const ref = refOf(rawRef);
  return tenantWrite(actor, {
    ref,
    capability: 'deleteExtension',
    action: 'extension.delete',
    targetType: 'extension',
    targetId: id,
    key,
    before: (a, ctx) => current(a, ctx, ref.tenantId, id),
    run: async (a, ctx) => {
      await a.deleteExtension!(ctx, ref.tenantId, id);
      return { id };
    },
  });
}

export type BulkRowResult =
  | { line: number; number: string; status: 'created'; extension: Extension }
  | { line: number; number: string; status: 'failed'; error: AppErrorInfo }
  | { line: number; number: string; status: 'not_attempted'; reason: string };

export const BULK_LIMIT = 500;

/**
 * Creates extensions from CSV rows (header → value), one vendor call per row, and reports every row:
 * created, failed with the vendor's reason, or not attempted (after the caller lost access or the vendor
 * became unreachable). Each row carries its own idempotency key derived from the batch key, so re-running
 * the same import never creates a row twice.
 */
export async function bulkCreateExtensions(actor: Actor | null, rawRef: unknown, rows: unknown, key?: string): Promise<BulkRowResult[]> {
  const ref = refOf(rawRef);
  const { adapter } = await writableAdapter(actor, ref, 'createExtension');
  if (!Array.isArray(rows) || rows.length === 0) throw new AppError('invalid_input', 'The CSV file has no rows.');
  if (rows.length > BULK_LIMIT) throw new AppError('invalid_input', `At most ${BULK_LIMIT} rows per import; this file has ${rows.length}.`);
  const spec = adapter.extensionForm ? await adapter.extensionForm({}, ref.tenantId) : undefined;
  const known = new Set(['number', 'name', 'email']);
  const results: BulkRowResult[] = [];
  let stop: string | undefined;
  for (const [i, row] of rows.entries()) {
    const line = i + 2; // line 1 is the header
    const cells = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
    const str = (k: string) => (typeof cells[k] === 'string' ? (cells[k] as string) : '');
    const number = str('number').trim();
    if (stop) {
      results.push({ line, number, status: 'not_attempted', reason: stop });
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(cells)) if (!known.has(k) && typeof v === 'string' && v.trim() !== '') fields[k] = v.trim();
    const input = { number, name: str('name'), email: str('email'), fields };
    const parsed = extensionInputSchema.safeParse(input);
    const problems = parsed.success && spec ? Object.entries(validateVendorFields(spec, parsed.data.fields, 'create')) : [];
    if (!parsed.success || problems.length) {
      const info = !parsed.success ? toAppErrorInfo(invalidInput(parsed.error)) : { code: 'invalid_input' as const, message: problems.map(([, m]) => m).join('; ') };
      results.push({ line, number, status: 'failed', error: info });
      continue;
    }
    try {
      const extension = await createExtension(actor, ref, parsed.data, key ? `${key}-r${i}` : undefined);
      results.push({ line, number, status: 'created', extension });
    } catch (err) {
      const error = toAppErrorInfo(err);
      results.push({ line, number, status: 'failed', error });
      // Whatever made this row fail for reasons outside the row will fail the rest too: stop and say so.
      if (error.code === 'forbidden' || error.code === 'unauthenticated' || (error.vendor && ['unreachable', 'timeout', 'auth', 'rate_limited'].includes(error.vendor.kind)))
        stop = `Not attempted: line ${line} failed with "${error.message}", so the import stopped there. Fix the cause and import the file again; rows already created are not created twice.`;
    }
  }
  return results;
}
