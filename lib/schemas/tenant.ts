import { z } from 'zod';
import { extrasSchema, instantSchema, moneySchema, timezoneSchema } from './common';

export const tenantSchema = z.object({
  connectionId: z.string(),
  /** The vendor's tenant ID (PBXware server ID, HoduPBX tenant_id, MiRTA te_id, PortSIP tenant id). */
  id: z.string(),
  name: z.string(),
  code: z.string().optional(),
  status: z.enum(['active', 'suspended', 'unknown']).default('unknown'),
  currency: z.string().optional(),
  timezone: timezoneSchema.optional(),
  extras: extrasSchema.default({}),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const balanceSchema = z.object({
  tenantId: z.string(),
  balance: moneySchema,
  /** Credit limit or available credit, where the vendor gives it. */
  credit: moneySchema.optional(),
  /** Which vendor figure this is, in words: "tenant current_balance", "sum of extension account balances". */
  source: z.string(),
  asOf: instantSchema,
  extras: extrasSchema.default({}),
});
export type Balance = z.infer<typeof balanceSchema>;

/** Live counters for the overview; every field optional because each vendor gives a different subset. */
export const tenantCountersSchema = z.object({
  tenantId: z.string(),
  extensionsTotal: z.number().int().nonnegative().optional(),
  extensionsOnline: z.number().int().nonnegative().optional(),
  callsNow: z.number().int().nonnegative().optional(),
  callsToday: z.number().int().nonnegative().optional(),
  answeredToday: z.number().int().nonnegative().optional(),
  sipRegistrations: z.object({ success: z.number(), failed: z.number(), lagged: z.number() }).optional(),
  /** Calls per hour over the last 24 hours (PortSIP). */
  calls24h: z.array(z.object({ time: instantSchema, count: z.number().int().nonnegative() })).optional(),
  extras: extrasSchema.default({}),
});
export type TenantCounters = z.infer<typeof tenantCountersSchema>;
