import { z } from 'zod';

/**
 * A vendor-specific form field, described by the adapter so the UI can render exactly the fields a vendor
 * takes, with the allowed values loaded from the vendor (PBXware user agents, HoduPBX plans and shifts…).
 */
export const fieldSpecSchema = z.object({
  name: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'password', 'email', 'select', 'boolean']),
  required: z.boolean().default(false),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  /** Regular expression the value must match, with the message to show when it does not. */
  pattern: z.string().optional(),
  patternMessage: z.string().optional(),
  help: z.string().optional(),
  /** Shown on create only (vendor cannot change it later). */
  createOnly: z.boolean().optional(),
});
export type FieldSpec = z.infer<typeof fieldSpecSchema>;

export const formSpecSchema = z.object({ fields: z.array(fieldSpecSchema) });
export type FormSpec = z.infer<typeof formSpecSchema>;

/** Values of vendor-specific fields, as strings (forms and CSV imports both produce strings). */
export const vendorFieldsSchema = z.record(z.string(), z.string());
export type VendorFields = z.infer<typeof vendorFieldsSchema>;

// Zod-free so forms can run it without bundling zod.
export { validateVendorFields } from '../vendor-fields';
