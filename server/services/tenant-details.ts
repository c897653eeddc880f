import 'server-only';
import { z } from 'zod';
import { moneySchema, type Money, type TenantRef } from '@/lib/schemas/common';
import { validateVendorFields } from '@/lib/schemas/form-spec';
import type { SettingsSection } from '@/lib/schemas/settings';
import type { TenantCounters } from '@/lib/schemas/tenant';
import type { Actor } from '@/server/auth/actor';
import { assertOperator, assertTenantRead, assertTenantWrite } from '@/server/auth/scope';
import { AppError, invalidInput, notFound } from '@/server/errors';
import { audited } from './audit';
import { loadConnection } from './connections';
import { invalidateReads } from './read-cache';
import { listTenants, readTenant, type TenantRead, type TenantRow } from './tenants';

export interface TenantDetails {
  tenant: TenantRow;
  counters: TenantRead<TenantCounters>;
  settings: TenantRead<SettingsSection[]>;
  /** Operators may recharge where the vendor's API offers it (PortSIP). */
  canRecharge: boolean;
  /** Whether the caller may save settings (operator, or a tenant user the operator allows). */
  canEditSettings: boolean;
  settingsWritable: boolean;
}

/** One tenant's page: its details, live counters (with PortSIP's 24-hour series) and vendor settings. */
export async function getTenantDetails(actor: Actor | null, ref: TenantRef): Promise<TenantDetails> {
  assertTenantRead(actor, ref);
  const { tenants } = await listTenants(actor, ref);
  const tenant = tenants.find((t) => t.id === ref.tenantId);
  if (!tenant) throw notFound('The tenant');
  const { adapter } = await loadConnection(ref.connectionId);
  const [counters, settings] = await Promise.all([
    readTenant(actor, ref, 'getTenantCounters', (a, ctx) => a.getTenantCounters!(ctx, ref.tenantId), 10_000),
    readTenant(actor, ref, 'getTenantSettings', (a, ctx) => a.getTenantSettings!(ctx, ref.tenantId), 30_000),
  ]);
  const canEditSettings = await assertTenantWrite(actor, ref).then(
    () => true,
    () => false,
  );
  return {
    tenant,
    counters,
    settings,
    canRecharge: actor.kind === 'operator' && typeof adapter.rechargeBalance === 'function',
    canEditSettings,
    settingsWritable: typeof adapter.updateTenantSettings === 'function',
  };
}

const settingsInputSchema = z.object({
  sectionId: z.string().min(1),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

/** Saves one settings section (PortSIP password policy, voicemail server), checked against the vendor's spec. */
export async function saveTenantSettings(actor: Actor | null, ref: TenantRef, raw: unknown): Promise<void> {
  await assertTenantWrite(actor, ref);
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { adapter } = await loadConnection(ref.connectionId);
  if (!adapter.updateTenantSettings || !adapter.getTenantSettings) throw new AppError('conflict', "This vendor's API does not let Switchboard change these settings.");
  const sections = await adapter.getTenantSettings({}, ref.tenantId);
  const section = sections.find((s) => s.id === parsed.data.sectionId);
  if (!section) throw notFound('The settings section');
  const asText = Object.fromEntries(Object.entries(parsed.data.values).map(([k, v]) => [k, String(v)]));
  const errors = validateVendorFields({ fields: section.fields }, asText, 'create');
  const unknown = Object.keys(parsed.data.values).filter((k) => !section.fields.some((f) => f.name === k));
  for (const k of unknown) errors[k] = `${k} is not a setting of ${section.title}`;
  if (Object.keys(errors).length) throw new AppError('invalid_input', Object.values(errors)[0]!, errors);
  await audited(actor!, { action: 'tenant.settings.update', targetType: `settings:${section.id}`, targetId: ref.tenantId, ref, before: section.readable ? section.values : undefined }, async () => {
    await adapter.updateTenantSettings!({}, ref.tenantId, section.id, parsed.data.values);
    return parsed.data.values;
  });
  invalidateReads(`getTenantSettings:${ref.connectionId}:${ref.tenantId}`);
}

/** Adds money to a tenant's vendor balance (PortSIP). Operators only; the form confirms tenant and amount first. */
export async function rechargeTenant(actor: Actor | null, ref: TenantRef, raw: unknown): Promise<Money> {
  assertOperator(actor);
  assertTenantRead(actor, ref);
  const parsed = moneySchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (!parsed.data.amount.match(/^\d+(\.\d+)?$/) || /^0*(\.0*)?$/.test(parsed.data.amount))
    throw new AppError('invalid_input', 'amount: must be a positive amount such as 25.00', { amount: 'must be a positive amount such as 25.00' });
  const { adapter } = await loadConnection(ref.connectionId);
  if (!adapter.rechargeBalance) throw new AppError('conflict', "This vendor's API does not offer a balance recharge.");
  const amount = parsed.data;
  await audited(actor, { action: 'tenant.recharge', targetType: 'tenant', targetId: ref.tenantId, ref }, async () => {
    await adapter.rechargeBalance!({}, ref.tenantId, amount);
    return amount;
  });
  invalidateReads(`balances:${ref.connectionId}`);
  return amount;
}
