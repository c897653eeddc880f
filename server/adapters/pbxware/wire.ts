/**
 * PBXware wire payloads (zod), tolerant where the document is inconsistent: values documented as strings are
 * accepted as numbers or booleans too and read as strings (quirk list §4.5), ID-keyed lists accept PHP's `[]`
 * for "none", and renamed/misspelt keys are accepted in both spellings.
 */
import { z } from 'zod';

/** A documented string that may arrive as a number, boolean or null: always read as a string. */
export const wStr = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)));

/** A documented number that may arrive as a numeric string. */
export const wNum = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** An object keyed by record ID; PHP's `json_encode([])` gives `[]` for an empty list. */
export function keyed<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (Array.isArray(v) && v.length === 0 ? {} : v), z.record(z.string(), item));
}

/** `{"error": "…"}`: the only documented failure signal. */
export const wireErrorSchema = z.object({ error: z.union([z.string(), z.number()]).transform(String) });

export const wireTenantListSchema = keyed(
  z.object({ name: wStr, tenantcode: wStr, package_id: wStr, package: wStr, ext_length: z.union([z.number(), z.string()]).optional(), country_id: wStr, country_code: wStr }),
);
export type WireTenantList = z.infer<typeof wireTenantListSchema>;

/** tenant.configuration: a flat object; no sample exists, so any scalar values are accepted. */
export const wireTenantConfigSchema = z.record(z.string(), z.unknown()).transform((o) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v === null ? '' : String(v);
  return out;
});

export const wireExtOnlineSchema = z.object({ type: wStr, count: wNum });
/** Nested under "SIP Registrations" with `success` in the sample; the field list says `registered` (quirk 73). */
export const wireSipRegistrationsSchema = z
  .object({ 'SIP Registrations': z.record(z.string(), wNum).optional(), success: wNum.optional(), registered: wNum.optional(), failed: wNum.optional(), lagged: wNum.optional() })
  .transform((o) => {
    const inner = o['SIP Registrations'] ?? o;
    return { success: inner.success ?? inner.registered ?? 0, failed: inner.failed ?? 0, lagged: inner.lagged ?? 0 };
  });
/** "answared calls" is the documented (misspelt) key; the corrected spelling is accepted too (quirk 74). */
export const wireCallsOverviewSchema = z
  .object({ now: wNum, 'last hour': wNum.optional(), today: wNum.optional(), 'answared calls': wNum.optional(), 'answered calls': wNum.optional() })
  .transform((o) => ({ now: o.now, lastHour: o['last hour'], today: o.today, answered: o['answared calls'] ?? o['answered calls'] }));
export const wireLicensingSchema = z.record(z.string(), z.object({ inuse: wNum, max: wNum }));

export const wireMonitorSchema = keyed(z.object({ name: wStr, ext: wStr, ip: wStr, status: wStr, ua: wStr, dnd: wStr, on_call: wStr }));
export const wireLiveCallsSchema = keyed(z.object({ from: wStr, to: wStr, timestamp: wStr }));

export const wireCdrPageSchema = z.object({
  success: wStr,
  next_page: z.union([z.boolean(), z.string(), z.number()]).transform((v) => v === true || v === 'true' || v === 1 || v === '1'),
  limit: wNum.optional(),
  records: wNum.optional(),
  header: z.array(z.string()),
  csv: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});
export type WireCdrPage = z.infer<typeof wireCdrPageSchema>;

export const wireExtListSchema = keyed(
  z.object({
    name: wStr, email: wStr, protocol: wStr, ext: wStr, location: wStr, ua_id: wStr, ua_name: wStr, ua_fullname: wStr, status: wStr,
    macaddress: wStr, sn: wStr, linenum: wStr, user_location: wStr, department: wStr,
  }),
);
export type WireExt = z.infer<typeof wireExtListSchema>[string];

/** ext.configuration: the list fields plus `options` (duplicate keys in the sample; JSON.parse keeps the last). */
export const wireExtConfigSchema = keyed(
  z.looseObject({
    name: wStr, email: wStr, pin: wStr, protocol: wStr, ext: wStr, location: wStr, user_language: wStr, ua_id: wStr, ua_name: wStr,
    ua_fullname: wStr, status: wStr, linenum: wStr, smuser: wStr, service_plan: wStr,
    options: z.record(z.string(), z.unknown()).optional(),
    ua_autoprov: wStr, options_raw: wStr,
  }),
);

/** ext.call_rating_info / ext.billing_info. */
export const wireRatingInfoSchema = keyed(z.object({ account_balance: wStr, available_funds: wStr, inclusive_minutes: wStr }));

export const wireUadsSchema = keyed(z.object({ name: wStr, fullname: wStr, enabled: z.union([z.boolean(), z.string(), z.number()]).optional() }));
export const wireTrunkListSchema = keyed(z.object({ name: wStr, protocol: wStr, provider_id: wStr, provider_name: wStr, status: wStr }));

export const wireDidListSchema = keyed(
  z.object({ number: wStr, number2: wStr, server: wStr, trunk: wStr, type: wStr, ext: wStr, e164: wStr, e164_2: wStr, status: wStr, name: wStr, sms_enabled: wStr, prioritize_clirouting: wStr, e911: wStr }),
);
export type WireDid = z.infer<typeof wireDidListSchema>[string];

export const wireIvrListSchema = keyed(z.object({ name: wStr, type: wStr, ext: wStr, keymap: z.unknown(), status: wStr, operator: wStr }));
export type WireIvr = z.infer<typeof wireIvrListSchema>[string];

export const wireRingGroupListSchema = keyed(z.object({ name: wStr, ext: wStr, destinations: wStr }));
export const wireErgListSchema = keyed(z.object({ name: wStr, number: wStr }));

const otRow = <T extends z.ZodRawShape>(shape: T) => z.preprocess((v) => (v === null || v === undefined ? [] : v), z.array(z.object(shape)));
export const wireOtimesSchema = keyed(
  z.object({
    status: wStr,
    greeting: wStr,
    default_dest_ext: wStr,
    default_dest_is_vm: wStr,
    pin: wStr,
    closed_dates: otRow({ description: wStr, destination: wStr, date_from: wStr, date_to: wStr, time_from: wStr, time_to: wStr }),
    custom_destinations: otRow({ destination: wStr, is_open_range: wStr, days: wStr, time_from: wStr, time_to: wStr }),
    open_days: otRow({ description: wStr, days: wStr, time_from: wStr, time_to: wStr }),
  }),
);
export type WireOtimes = z.infer<typeof wireOtimesSchema>[string];

/** Write answers: `{"success": "…", "id": 10 | "10", "ext": 100}`. */
export const wireWriteSchema = z.object({ success: z.union([z.string(), z.record(z.string(), z.unknown())]), id: z.union([z.string(), z.number()]).transform(String).optional(), ext: z.union([z.string(), z.number()]).transform(String).optional() });

/** cdr.billamount: `{"billamount": 8}` (a number). */
export const wireBillamountSchema = z.object({ billamount: wNum });
