import { z } from 'zod';
import { extrasSchema } from './common';
import { destinationSchema } from './destination';
import { vendorFieldsSchema } from './form-spec';

export const didSchema = z.object({
  id: z.string(),
  /** Unassigned pool DIDs (HoduPBX admin) have no tenant. */
  tenantId: z.string().optional(),
  number: z.string(),
  /** Last number of a range (PBXware number2). */
  numberTo: z.string().optional(),
  destination: destinationSchema.optional(),
  description: z.string().optional(),
  extras: extrasSchema.default({}),
});
export type Did = z.infer<typeof didSchema>;

export const didInputSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^\+?\d{3,20}$/, 'must be 3 to 20 digits, optionally with a leading +'),
  destination: destinationSchema.optional(),
  description: z.string().trim().max(120, 'at most 120 characters').optional(),
  fields: vendorFieldsSchema.default({}),
});
export type DidInput = z.infer<typeof didInputSchema>;
