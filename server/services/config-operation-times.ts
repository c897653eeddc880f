import 'server-only';
import { timezoneSchema } from '@/lib/schemas/common';
import { operationTimesSchema, scheduleTargetSchema, type OperationTimes } from '@/lib/schemas/operation-times';
import type { Actor } from '@/server/auth/actor';
import { AppError, invalidInput } from '@/server/errors';
import { refOf } from './config-extensions';
import { tenantWrite, writableAdapter } from './config-write';

/** Replaces one target's schedule (weekly ranges, closed dates, closed destination, zone). */
export async function setOperationTimes(actor: Actor | null, rawRef: unknown, rawTarget: unknown, raw: unknown, key?: string): Promise<OperationTimes> {
  const ref = refOf(rawRef);
  // Scope first: a caller who may not write here learns nothing from validation messages.
  await writableAdapter(actor, ref, 'setOperationTimes');
  const target = scheduleTargetSchema.safeParse(rawTarget);
  if (!target.success) throw invalidInput(target.error);
  const parsed = operationTimesSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (parsed.data.timezone && !timezoneSchema.safeParse(parsed.data.timezone).success)
    throw new AppError('invalid_input', 'timezone: must be an IANA time zone such as Europe/Berlin', { timezone: 'must be an IANA time zone such as Europe/Berlin' });
  if (parsed.data.tenantId !== ref.tenantId) throw new AppError('invalid_input', 'The schedule belongs to another tenant.');
  return tenantWrite(actor, {
    ref,
    capability: 'setOperationTimes',
    action: 'operation_times.set',
    targetType: `operation_times.${target.data.type}`,
    targetId: target.data.id,
    key,
    before: async (a, ctx) => {
      const all = await a.listOperationTimes?.(ctx, ref.tenantId);
      const found = all?.find((o) => o.target.type === target.data.type && o.target.id === target.data.id);
      if (found && !found.writable) throw new AppError('invalid_input', 'This schedule is read-only: the vendor does not let Switchboard change it.');
      return found ?? null;
    },
    run: (a, ctx) => a.setOperationTimes!(ctx, ref.tenantId, target.data, { ...parsed.data, target: target.data }),
  });
}
