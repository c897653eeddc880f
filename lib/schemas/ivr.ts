import { z } from 'zod';
import { extrasSchema } from './common';
import { destinationSchema } from './destination';
import { keymapKeys } from '../keymap-keys';

// Kept in a zod-free module so the IVR editor can render the keys without bundling zod.
export { keymapKeys, type KeymapKey } from '../keymap-keys';
export const keymapKeySchema = z.enum(keymapKeys);

export const keymapEntrySchema = z.object({ key: keymapKeySchema, destination: destinationSchema });
export type KeymapEntry = z.infer<typeof keymapEntrySchema>;

const keymapSchema = z.array(keymapEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `key ${e.key} is mapped twice` });
    seen.add(e.key);
  });
});

export const ivrSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  extension: z.string().optional(),
  greeting: z.string().optional(),
  /** Seconds to wait for a key press. */
  timeoutSec: z.number().int().nonnegative().optional(),
  /** Operator extension (key 0 / fallback) where the vendor has one. */
  operator: z.string().optional(),
  enabled: z.boolean().optional(),
  /** null when the vendor's API does not expose the keymap (HoduPBX, MiRTA): the UI says so. */
  keymap: keymapSchema.nullable(),
  extras: extrasSchema.default({}),
});
export type Ivr = z.infer<typeof ivrSchema>;

export const ivrInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'enter a name')
    .max(64, 'at most 64 characters'),
  extension: z.string().trim().regex(/^\d{2,16}$/, 'must be 2 to 16 digits'),
  greeting: z.string().trim().min(1, 'choose a greeting'),
  timeoutSec: z.coerce.number().int().min(1, 'at least 1 second').max(120, 'at most 120 seconds').optional(),
  operator: z.string().trim().optional(),
  enabled: z.boolean().default(true),
  keymap: keymapSchema.min(1, 'map at least one key'),
});
export type IvrInput = z.infer<typeof ivrInputSchema>;

/**
 * Editing an existing IVR: as `ivrInputSchema`, but the greeting may stay empty to keep the stored one
 * (PBXware's IVR list does not return it, so the editor cannot show it).
 */
export const ivrUpdateSchema = ivrInputSchema.extend({ greeting: z.string().trim().optional() });
export type IvrUpdate = z.infer<typeof ivrUpdateSchema>;
