import { z } from 'zod';
import { extrasSchema } from './common';
import { vendorFieldsSchema } from './form-spec';

export const extensionSchema = z.object({
  /** Vendor's object ID (may equal the number where the vendor keys by number). */
  id: z.string(),
  tenantId: z.string(),
  number: z.string(),
  name: z.string(),
  email: z.string().optional(),
  status: z.enum(['enabled', 'disabled', 'unknown']).default('unknown'),
  extras: extrasSchema.default({}),
});
export type Extension = z.infer<typeof extensionSchema>;

export const extensionNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{2,16}$/, 'must be 2 to 16 digits');

export const extensionInputSchema = z.object({
  number: extensionNumberSchema,
  name: z.string().trim().min(1, 'enter a name').max(64, 'at most 64 characters'),
  email: z.union([z.literal(''), z.string().trim().email('must be an e-mail address')]).optional(),
  /** Vendor-specific fields described by the adapter's extension form spec. */
  fields: vendorFieldsSchema.default({}),
});
export type ExtensionInput = z.infer<typeof extensionInputSchema>;
