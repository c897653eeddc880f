/**
 * Request-body checks of the PortSIP emulator. The document gives field lists, types and a few ranges
 * ("[0-9]{3,64}", "KB, MB, GB, PB", min ≤ max); everything stricter is marked as a convention.
 */
import { z } from 'zod';
import { WEEKDAYS } from './types';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max);

const rangeSchema = z.object({ from: hhmm, to: hhmm }).refine((r) => r.from < r.to, { message: 'from must be before to' });
const daySchema = z
  .object({ enabled: z.boolean(), ranges: z.array(rangeSchema) })
  // EMULATOR CONVENTION: overlapping ranges within one day are rejected.
  .refine(
    (d) => {
      const sorted = [...d.ranges].sort((a, b) => a.from.localeCompare(b.from));
      return sorted.every((r, i) => i === 0 || sorted[i - 1]!.to <= r.from);
    },
    { message: 'ranges overlap' },
  );
// EMULATOR CONVENTION: all seven days must be present.
export const officeHoursSchema = z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, daySchema])) as Record<(typeof WEEKDAYS)[number], typeof daySchema>);

const hookSchema = z.object({
  enabled: z.boolean(),
  auth: z.string().min(1),
  username: z.string(),
  password: z.string(),
  token: z.string(),
  url: z.string(),
});

const ianaZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone name' },
);

/**
 * The writable subset of POST /api/tenant (002:L202-324).
 * EMULATOR CONVENTION: unknown and read-only keys (`id`, `enable_billing`,
 * `enable_feature_*`, `max_*`, quotas, the avatar trio) are stripped, i.e. ignored.
 * EMULATOR CONVENTION: the POST is a full "set" — every writable field except `avatar_file_id` must be sent,
 * so a client that posts a partial object gets 400 instead of silently losing settings.
 */
export const tenantWriteSchema = z.object({
  name: z.string().min(1),
  domain: z.string().min(1),
  website: z.string(),
  timezone: ianaZone,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  region: z.string().regex(/^([A-Z]{3})?$/, 'must be an ISO 3166-1 alpha-3 code'),
  enable_video_recording: z.boolean(),
  enable_audio_recording: z.boolean(),
  enable_dual_track_recording: z.boolean(),
  enable_night_mode: z.boolean(),
  enable_two_factor_authentication: z.boolean(),
  custom_options: z.string(),
  recording_retention: int(0),
  call_report_retention: int(0),
  log_retention: int(0),
  temp_file_retention: int(0),
  extension_im_disk_quota: z.string().regex(/^(\d+(KB|MB|GB|PB))?$/, 'must be a size such as 100MB, or empty'),
  office_hours: officeHoursSchema,
  outbound_caller_ids: z.array(z.object({ provider_id: z.string(), caller_id: z.string(), description: z.string() })),
  e164: z.object({
    enabled: z.boolean(),
    international_code: z.string(),
    country: z.string(),
    area_code: z.string(),
    national_code: z.string(),
    prefix: z.string(),
    remove_special_chars: z.boolean(),
    remove_duplicate_countries: z.boolean(),
    remove_duplicate_area_codes: z.boolean(),
  }),
  cdr_event: hookSchema,
  extension_event: hookSchema,
  contact_match_type: z.enum(['DISABLE', 'MATCH_EXACTLY', 'MATCH_LENGTH']),
  contact_match_length: int(1),
  contact_append_type: z.enum(['DISABLE', 'APPEND', 'PREPEND']),
  contact_update_interval: int(0),
  password_force_reset: z.boolean(),
  avatar_file_id: z.string().optional(),
  stir_shaken_cert: z.string(),
  stir_shaken_key: z.string(),
});

export const passwordPolicySchema = z
  .object({
    min_length: int(1, 128),
    max_length: int(1, 128),
    contains_letters: z.boolean(),
    contains_numbers: z.boolean(),
    contains_special_letters: z.boolean(),
    disable_sequential_characters: z.boolean(),
    disable_repeating_characters: z.boolean(),
    disable_account_information: z.boolean(),
  })
  .refine((p) => p.min_length <= p.max_length, { message: 'must be less than or equal the value of max_length', path: ['min_length'] });

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be a SIP header name');
export const customHeadersSchema = z.object({
  add: z.array(z.object({ name: headerName, value: z.string(), scope: z.string().min(1) })),
  relay: z.array(z.object({ name: headerName, scope: z.string().min(1) })),
});

export const voicemailSchema = z.object({
  extension_number: z.string().regex(/^[0-9]{3,64}$/, 'must match [0-9]{3,64}'),
  retain_days: int(1).default(30),
  min_seconds: int(0).default(1),
});

// "Precision is five digits" (002:L398): more decimals are rejected. EMULATOR CONVENTION: the amount must be > 0.
export const balanceSchema = z.object({
  balance: z
    .number()
    .positive()
    .refine((n) => Number.isFinite(n) && Math.abs(n * 1e5 - Math.round(n * 1e5)) < 1e-6, { message: 'precision is five digits' }),
});

export const holidayWriteSchema = z.object({
  name: z.string().min(1),
  region: z.string(),
  consecutive: z.boolean(),
  every_year: z.boolean(),
  year_start: int(1, 9999),
  year_end: int(1, 9999),
  month_start: int(1, 12),
  month_end: int(1, 12),
  day_start: int(1, 31),
  day_end: int(1, 31),
  hour_start: int(0, 23),
  hour_end: int(0, 23),
  minute_start: int(0, 59),
  minute_end: int(0, 59),
});

/** "<field>: <reason>" from the first issue, for the 400 body. */
export function describeIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'body: invalid';
  const path = issue.path.map(String).join('.') || 'body';
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  return `${path}: ${missing ? 'required' : issue.message}`;
}
