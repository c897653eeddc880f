import 'server-only';
import { z } from 'zod';

/**
 * Payloads of the MiRTA-style API (seed 003), as zod schemas. Every column is documented as a string, but
 * the parsers also take numbers and null (turned into strings, null → "") so a back end that emits native
 * JSON types does not break us. Rows are loose: unknown columns pass through into `raw`/`extras`.
 */

/** A column: string on the wire; numbers and booleans stringified, null/absent → "". */
const col = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)));
/** A column that must be present (an ID). */
const id = z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().min(1));

export const envelopeSchema = z.looseObject({
  status: z.string().optional(),
  data: z.unknown().optional(),
  message: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** A list endpoint's `data`; `null`/absent means an empty list (tolerated). "byid" endpoints answer a one-element array. */
export const listOf = <T extends z.ZodType>(row: T) =>
  z.union([z.array(row), z.null(), z.undefined()]).transform((v) => v ?? []);

export const loginSchema = z.looseObject({ user_id: id });

export const userTenantsSchema = z.looseObject({
  user_id: col,
  tenants: listOf(z.looseObject({ te_id: id, te_name: col })),
});

export const destinationRowSchema = z.looseObject({ de_id: id, de_type_src: col, de_type_dst: col, de_ord: col });

export const extensionRowSchema = z.looseObject({
  ex_id: id,
  ex_name: col,
  ex_number: col,
  ex_cidnum: col,
  ex_cidname: col,
  ex_callwaiting: col,
});
export type ExtensionRow = z.infer<typeof extensionRowSchema>;

/** `/extension/user`: the SIP peer. The secret is parsed only to be dropped (quirk 66). */
export const sipPeerRowSchema = z.looseObject({ name: col, host: col, secret: col });
export type SipPeerRow = z.infer<typeof sipPeerRowSchema>;

/** `/extension/usersecret`, `getCidNumber`, `GetFMFCallerId`: a bare string. */
export const scalarSchema = col;

export const cidNumberRowSchema = z.looseObject({ ex_cidnum: col });
/** Items are keyed by the method name (quirk 65). */
export const fmfCallerIdRowSchema = z.looseObject({ GetFMFCallerId: col });

export const didRowSchema = z.looseObject({ di_id: id, di_country: col, di_area: col, di_number: col, di_comment: col });
export type DidRow = z.infer<typeof didRowSchema>;

/** `/did/byid` has no di_id (quirk 62); the caller joins the requested ID back. */
export const didDetailRowSchema = z.looseObject({
  di_id: col,
  di_te_id: col,
  di_country: col,
  di_area: col,
  di_number: col,
  di_comment: col,
  di_recording: col,
  di_fax: col,
  di_didprefix: col,
  di_didnameprefix: col,
});
export type DidDetailRow = z.infer<typeof didDetailRowSchema>;

export const huntRowSchema = z.looseObject({
  hu_id: id,
  hu_number: col,
  hu_name: col,
  hu_type: col,
  hu_ringtime: col,
  hu_checkinuse: col,
});
export type HuntRow = z.infer<typeof huntRowSchema>;

export const phoneRowSchema = z.looseObject({ ph_id: id, ph_name: col, ph_te_id: col, ph_pm_id: col, ph_mac: col, ph_filename: col });

export const voicemailRowSchema = z.looseObject({ uniqueid: id, context: col, fullname: col, email: col });
export type VoicemailRow = z.infer<typeof voicemailRowSchema>;

export const conditionRowSchema = z.looseObject({
  co_id: id,
  co_name: col,
  co_type: col,
  co_timezone: col,
  co_param1: col,
  co_param2: col,
  co_param3: col,
  co_param4: col,
  co_param5: col,
  co_param6: col,
  co_param7: col,
  co_param8: col,
  co_param9: col,
  co_param10: col,
  co_param11: col,
  co_param12: col,
});
export type ConditionRow = z.infer<typeof conditionRowSchema>;

export const ivrRowSchema = z.looseObject({ iv_id: id, iv_name: col });
export type IvrRow = z.infer<typeof ivrRowSchema>;

export const customRowSchema = z.looseObject({ cu_id: id, cu_name: col, cu_ct_id: col, ct_name: col, ct_description: col });
export type CustomRow = z.infer<typeof customRowSchema>;

/** Writes: delete answers a string, update `{msg}`, insert `{msg, PhoneID}` (quirk 68). */
export const writeResultSchema = z.union([
  z.string(),
  z.looseObject({ msg: col, PhoneID: z.union([z.string(), z.number()]).transform(String).optional() }),
]);

/**
 * `/cdr/getCallHistory`: the doc has no success sample (quirk 67). These are the Asterisk-CDR columns the
 * emulator chose (vendor-matrix §5.3), all optional so a real answer with other columns still parses; the
 * adapter keeps every column in `raw`.
 */
export const cdrRowSchema = z.looseObject({
  calldate: col,
  clid: col,
  src: col,
  dst: col,
  firstdst: col,
  disposition: col,
  duration: col,
  billsec: col,
  cost: col,
  uniqueid: col,
});
export type CdrRow = z.infer<typeof cdrRowSchema>;
