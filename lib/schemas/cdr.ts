import { z } from 'zod';
import { callDirectionSchema } from './live';
import { instantSchema, jsonSchema, moneySchema, partySchema } from './common';

export const dispositions = ['answered', 'no_answer', 'busy', 'failed', 'unknown'] as const;
export const dispositionSchema = z.enum(dispositions);
export type Disposition = z.infer<typeof dispositionSchema>;

export const cdrSchema = z.object({
  /** Unique within (connection, tenant); derived by the adapter where the vendor gives none. */
  id: z.string(),
  tenantId: z.string(),
  startedAt: instantSchema,
  endedAt: instantSchema.optional(),
  from: partySchema,
  to: partySchema,
  /** Where the call was forwarded (HoduPBX `forward`). */
  forwardedTo: z.string().optional(),
  direction: callDirectionSchema,
  /** The vendor's own direction value, when it had one. */
  directionRaw: z.string().optional(),
  disposition: dispositionSchema,
  dispositionRaw: z.string().optional(),
  durationSec: z.number().int().nonnegative(),
  billableSec: z.number().int().nonnegative().optional(),
  cost: moneySchema.optional(),
  /** Opaque reference the adapter's getRecording understands. */
  recordingRef: z.string().optional(),
  mos: z.number().optional(),
  trunk: z.string().optional(),
  /** The vendor's record as received (by header name for PBXware). */
  raw: z.record(z.string(), jsonSchema),
});
export type Cdr = z.infer<typeof cdrSchema>;

export const cdrPageQuerySchema = z.object({
  tenantId: z.string(),
  from: instantSchema,
  to: instantSchema,
  /** Opaque vendor cursor from the previous page. */
  cursor: z.string().optional(),
});
export type CdrPageQuery = z.infer<typeof cdrPageQuerySchema>;

export const cdrPageSchema = z.object({ records: z.array(cdrSchema), nextCursor: z.string().optional() });
export type CdrPage = z.infer<typeof cdrPageSchema>;
