import { z } from 'zod';
import { instantSchema } from './common';

/** A PBX told Switchboard (over its CRM callback) that an extension is ringing. */
export const ringEventSchema = z.object({
  connectionId: z.string(),
  /** Absent when the callback's extension could not be matched to a tenant of the connection (operators only). */
  tenantId: z.string().optional(),
  extension: z.string(),
  callerName: z.string().optional(),
  callerNumber: z.string(),
  /** The vendor's ID of this ring (one per call and extension). */
  uuid: z.string(),
  /** When Switchboard received it (UTC). */
  at: instantSchema,
});
export type RingEvent = z.infer<typeof ringEventSchema>;

/** Subscribe / unsubscribe an extension to CRM ringing callbacks. */
export const crmSubscriptionSchema = z.object({
  connectionId: z.string().min(1, 'choose a connection'),
  tenantId: z.string().min(1, 'choose a tenant'),
  extension: z.string().trim().regex(/^\d{1,20}$/, 'must be the extension number, digits only'),
  webPassword: z.string().min(1, "enter the extension's web password").max(128, 'at most 128 characters'),
  subscribe: z.boolean(),
});
export type CrmSubscriptionInput = z.infer<typeof crmSubscriptionSchema>;

/** A connection whose PBX offers CRM callbacks, as the operator's CRM dialog needs it. */
export interface CrmTarget {
  connectionId: string;
  connectionName: string;
  /** Path of the connection's callback URL (the browser adds its origin): to be set on the PBX. */
  hookPath: string;
  tenants: { id: string; name: string }[];
}
