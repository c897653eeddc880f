import { z } from 'zod';
import { extrasSchema, instantSchema, partySchema } from './common';

import { callDirections, registrationStatuses } from '../call-enums';

export { callDirections, registrationStatuses } from '../call-enums';
export const callDirectionSchema = z.enum(callDirections);
export type CallDirection = z.infer<typeof callDirectionSchema>;

export const liveCallSchema = z.object({
  /** Vendor ID where given (PBXware uniqueid); otherwise derived by the adapter, stable for the call's life. */
  id: z.string(),
  tenantId: z.string(),
  from: partySchema,
  to: partySchema,
  direction: callDirectionSchema,
  /** When the call started, if the vendor says; durations tick from here. */
  startedAt: instantSchema.optional(),
  extras: extrasSchema.default({}),
});
export type LiveCall = z.infer<typeof liveCallSchema>;

export const sipRegistrationSchema = z.object({
  tenantId: z.string(),
  extension: z.string(),
  name: z.string().optional(),
  status: z.enum(registrationStatuses),
  contactIp: z.string().optional(),
  userAgent: z.string().optional(),
  expiresAt: instantSchema.optional(),
  dnd: z.boolean().optional(),
  onCall: z.boolean().optional(),
  extras: extrasSchema.default({}),
});
export type SipRegistration = z.infer<typeof sipRegistrationSchema>;
