import { z } from 'zod';

import { destinationTypes } from '../destination-types';

/**
 * Where a call can be sent: the union of what PBXware's 18 DID destination types and 13 keymap codes,
 * HoduPBX's mapDid (IVR | EXTENSION) and MiRTA's destination table can express.
 */
// The list and labels live in a zod-free module so client components can render them without bundling zod.
export { destinationTypeLabels, destinationTypes, type DestinationType } from '../destination-types';
export const destinationTypeSchema = z.enum(destinationTypes);

export const destinationSchema = z
  .object({
    type: destinationTypeSchema,
    /** Extension number, object ID, or an external number; empty only for types that need none (directory). */
    target: z.string().trim(),
    /** Display text such as "Sales (200)". */
    label: z.string().optional(),
    /** The vendor's own type name or code, kept for display and round trips. */
    vendorType: z.string().optional(),
  })
  .superRefine((d, ctx) => {
    if (d.type !== 'directory' && d.target === '') ctx.addIssue({ code: 'custom', path: ['target'], message: 'choose a destination' });
    if (d.type === 'external' && d.target !== '' && !/^\+?[0-9*#]{2,32}$/.test(d.target))
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'an external number may contain digits, *, # and a leading +' });
  });
export type Destination = z.infer<typeof destinationSchema>;

/** A choice for destination pickers, loaded from the tenant's real objects. */
export const destinationOptionSchema = z.object({ type: destinationTypeSchema, target: z.string(), label: z.string() });
export type DestinationOption = z.infer<typeof destinationOptionSchema>;
