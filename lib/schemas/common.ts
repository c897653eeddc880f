import { z } from 'zod';

import { vendors } from '../vendors';

// Kept in a zod-free module so client components can show labels without bundling zod.
export { vendorLabels, vendors, type Vendor } from '../vendors';
export const vendorSchema = z.enum(vendors);

/** A decimal amount as a string ("244.45999", "-3.5"): money never passes through a float. */
export const decimalSchema = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number such as 12.50');

/** ISO 4217 code. */
export const currencySchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code such as USD');

export const moneySchema = z.object({ amount: decimalSchema, currency: currencySchema });
export type Money = z.infer<typeof moneySchema>;

/** An instant in UTC, ISO 8601 with a trailing Z. */
export const instantSchema = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof instantSchema>;

/** A calendar date, YYYY-MM-DD. */
export const dateSchema = z.iso.date();
/** A time of day, HH:MM (24 h). "24:00" is allowed as the end of a day. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:MM between 00:00 and 24:00');

/** IANA zone name such as Europe/Berlin. */
export const timezoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Berlin' },
);

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonSchema), z.record(z.string(), jsonSchema)]),
);

/**
 * What a vendor gives beyond the neutral model (PBXware's DND flag, HoduPBX's plan ID, PortSIP's limits…),
 * kept rather than dropped so its users still see it. Keys are the vendor's own field names.
 */
export const extrasSchema = z.record(z.string(), jsonSchema);
export type Extras = z.infer<typeof extrasSchema>;

/** A phone party: the number, and the display name where the vendor gives one. */
export const partySchema = z.object({ number: z.string(), name: z.string().optional() });
export type Party = z.infer<typeof partySchema>;

/** Where a tenant-scoped object lives: one tenant of one connection. */
export const tenantRefSchema = z.object({ connectionId: z.string().min(1), tenantId: z.string().min(1) });
export type TenantRef = z.infer<typeof tenantRefSchema>;
