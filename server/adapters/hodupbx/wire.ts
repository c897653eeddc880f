import 'server-only';
import { z } from 'zod';

/**
 * HoduPBX payloads as the documents show them, tolerant where they disagree: numbers may arrive as strings
 * or numbers, `count` is a number, a string, `Count` or `invoice_count` (ignored: we use `data.length`), and
 * fields the documents never mention may appear (newer servers add `callid`, `call_direction`, …).
 */
const text = z.union([z.string(), z.number()]).transform(String);
const optText = text.optional();

/** `{"status":"SUCCESS","message":…,"data":…}`; `status` compared case-insensitively. */
export const envelopeSchema = z
  .object({ status: z.string().optional(), message: z.string().optional(), data: z.unknown().optional() })
  .passthrough();
export type Envelope = z.infer<typeof envelopeSchema>;

export const callLogRowSchema = z
  .object({
    tenant_id: optText,
    start_date: z.string(),
    end_date: z.string().optional(),
    caller: text.default(''),
    callee: text.default(''),
    forward: optText,
    incoming_call_charges: optText,
    outgoing_call_charges: optText,
    /** Not in the documents; some servers add it, and recordingPath needs it. */
    callid: optText,
  })
  .passthrough();
export type CallLogRow = z.infer<typeof callLogRowSchema>;

export const activeCallSchema = z.object({ caller_number: text.default(''), callee_number: text.default(''), start_time: z.string().optional() }).passthrough();
export type ActiveCallRow = z.infer<typeof activeCallSchema>;

export const balanceRowSchema = z.object({ tenant_id: text, tenant_name: text.default(''), current_balance: text, currency_code: z.string() }).passthrough();
export type BalanceRow = z.infer<typeof balanceRowSchema>;

/** getTenantInfo: keys with spaces, as documented (001 §35). */
export const tenantInfoSchema = z
  .object({
    Tenant: optText,
    'Tenant Status': optText,
    'Invoice Status': optText,
    'Invoice Amount': optText,
    'Credit Balance': optText,
    'Invoice DueDate': optText,
  })
  .passthrough();
export type TenantInfo = z.infer<typeof tenantInfoSchema>;

export const recordingPathSchema = z.object({ recordingPath: z.string() }).passthrough();

export const extensionRowSchema = z.object({ ext_id: text, ext_name: text }).passthrough();
export const ivrRowSchema = z.object({ ivr_id: text, ivr_name: text }).passthrough();
export const didRowSchema = z.object({ did_id: text, did_number: text }).passthrough();
export const planRowSchema = z.object({ plan_id: text, plan_name: text }).passthrough();
export const shiftRowSchema = z.object({ shift_id: text, shift_name: text }).passthrough();
export const groupRowSchema = z.object({ group_id: text, group_name: text }).passthrough();
export const timezoneRowSchema = z.object({ timezone_id: text, timezone_name: text }).passthrough();

/** A list's `data`: an array of the row shape. */
export const listOf = <T extends z.ZodTypeAny>(row: T) => z.array(row);
