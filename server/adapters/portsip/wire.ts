import 'server-only';
import { z } from 'zod';

/**
 * PortSIP REST v22 payloads as documented in seed 002. Real JSON types throughout; IDs are opaque base64
 * snowflake strings (never numbers). Objects are loose: the tenant object is written back whole, so fields
 * this file does not name must survive the round trip.
 */

export const portsipWeekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const wireRangeSchema = z.object({ from: z.string(), to: z.string() });
export const wireDaySchema = z.looseObject({ enabled: z.boolean(), ranges: z.array(wireRangeSchema).default([]) });
export type WireDay = z.infer<typeof wireDaySchema>;

/** `office_hours{monday..sunday}`; a missing day reads as closed rather than failing the whole tenant. */
export const wireOfficeHoursSchema = z.looseObject(
  Object.fromEntries(portsipWeekdays.map((d) => [d, wireDaySchema.optional()])) as Record<(typeof portsipWeekdays)[number], z.ZodOptional<typeof wireDaySchema>>,
);
export type WireOfficeHours = z.infer<typeof wireOfficeHoursSchema>;

/** GET /api/tenant. Only the fields Switchboard reads are typed; everything else passes through untouched. */
export const wireTenantSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  domain: z.string().optional(),
  timezone: z.string().optional(),
  currency: z.string().optional(),
  region: z.string().optional(),
  office_hours: wireOfficeHoursSchema.optional(),
});
export type WireTenant = z.infer<typeof wireTenantSchema>;

/**
 * Fields GET returns that the POST sample does not take (vendor-matrix §4.3 #50): server-managed limits,
 * feature licences, quotas and the avatar trio (POST takes `avatar_file_id` instead).
 */
export function isReadOnlyTenantField(key: string): boolean {
  return (
    key === 'id' ||
    key === 'enable_billing' ||
    key.startsWith('enable_feature_') ||
    key.startsWith('max_') ||
    key === 'disk_quota' ||
    key === 'used_disk_quota' ||
    key === 'im_disk_quota' ||
    key === 'avatar_file_name' ||
    key === 'avatar_file_size' ||
    key === 'avatar_file_url'
  );
}

const count = z.number().int().nonnegative();

/** GET /api/tenant/status. */
export const wireTenantStatusSchema = z.looseObject({
  version: z.string().optional(),
  licensed_users: count.optional(),
  current_users: count.optional(),
  online_users: count.optional(),
  current_calls: count.optional(),
  current_queues: count.optional(),
  current_conference_rooms: count.optional(),
  current_ring_groups: count.optional(),
  current_ivrs: count.optional(),
  current_trunks: count.optional(),
  calls_in_24_hours: z
    .array(z.object({ time: z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'must be an RFC 3339 time'), count }))
    .default([]),
});
export type WireTenantStatus = z.infer<typeof wireTenantStatusSchema>;

/** GET/POST /api/tenant/password_policy. */
export const wirePasswordPolicySchema = z.looseObject({
  min_length: z.number().int(),
  max_length: z.number().int(),
  contains_letters: z.boolean(),
  contains_numbers: z.boolean(),
  contains_special_letters: z.boolean(),
  disable_sequential_characters: z.boolean(),
  disable_repeating_characters: z.boolean(),
  disable_account_information: z.boolean(),
});
export type WirePasswordPolicy = z.infer<typeof wirePasswordPolicySchema>;

/** GET/POST /api/tenant/custom_headers. */
export const wireCustomHeadersSchema = z.object({
  add: z.array(z.object({ name: z.string(), value: z.string(), scope: z.string() })).default([]),
  relay: z.array(z.object({ name: z.string(), scope: z.string() })).default([]),
});
export type WireCustomHeaders = z.infer<typeof wireCustomHeadersSchema>;

/** POST /api/voicemail (write-only: the document has no read). */
export const wireVoicemailSchema = z.object({
  extension_number: z.string().regex(/^[0-9]{3,64}$/),
  retain_days: z.number().int().positive().default(30),
  min_seconds: z.number().int().nonnegative().default(1),
});
export type WireVoicemail = z.infer<typeof wireVoicemailSchema>;

/** POST /api/tenant/balance: a recharge amount, five decimal places at most. */
export const wireBalanceRechargeSchema = z.object({ balance: z.number() });

const part = z.number().int();
/** The holiday body of POST /api/holidays and POST /api/holidays/{id}. */
export const wireHolidayInputSchema = z.object({
  name: z.string(),
  region: z.string(),
  consecutive: z.boolean(),
  every_year: z.boolean(),
  year_start: part,
  year_end: part,
  month_start: part,
  month_end: part,
  day_start: part,
  day_end: part,
  hour_start: part,
  hour_end: part,
  minute_start: part,
  minute_end: part,
});
export type WireHolidayInput = z.infer<typeof wireHolidayInputSchema>;

export const wireHolidaySchema = wireHolidayInputSchema.extend({ id: z.string().min(1) });
export type WireHoliday = z.infer<typeof wireHolidaySchema>;

/** GET /api/holidays: `count` is the total, `items` one page (skip/top). */
export const wireHolidayListSchema = z.object({ count: z.number().int().nonnegative(), items: z.array(wireHolidaySchema) });

/** 201 from POST /api/holidays. */
export const wireCreatedSchema = z.object({ id: z.string().min(1) });
