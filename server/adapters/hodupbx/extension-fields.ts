import 'server-only';
import type { ExtensionInput, FieldSpec, FormSpec } from '@/lib/schemas';

type Option = { value: string; label: string };

/** Speed-dial keys are number words on the wire (`"two":"123"`, 001:L499); the form shows digits. */
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

/** The createExtension / updateExtension body fields of the tenant manual (001 §5-6), sent as given. */
const BODY_FIELDS = new Set([
  'plan_id',
  'shift_id',
  'language',
  'ext_sip_password',
  'ext_web_password',
  'ext_max_ext_call',
  'ext_ring_timeout',
  'ext_dial_timeout',
  'ext_feature_code_pin',
  'ext_codec',
  'timezone_id',
]);
const PASSWORDS = ['ext_sip_password', 'ext_web_password'];

/**
 * The HoduPBX extension form. The option lists come from getPlan / getShift / getGroup / getTimezone. HoduPBX
 * has no name parameter: an extension's name cannot be set through the API (it reads "<name>-<number>").
 */
export function extensionForm(o: { plans: Option[]; shifts: Option[]; groups: Option[]; timezones: Option[] }): FormSpec {
  const fields: FieldSpec[] = [
    { name: 'plan_id', label: 'Plan', kind: 'select', required: true, options: o.plans },
    { name: 'shift_id', label: 'Shift', kind: 'select', required: true, options: o.shifts },
    { name: 'ext_callgroup', label: 'Call group', kind: 'select', required: false, options: o.groups },
    { name: 'ext_sip_password', label: 'SIP password', kind: 'password', required: true, help: 'Leave empty on edit to keep it.' },
    {
      name: 'ext_web_password',
      label: 'Web password',
      kind: 'password',
      required: true,
      help: 'Also what click-to-call asks for. Leave empty on edit to keep it.',
    },
    { name: 'language', label: 'Language', kind: 'text', required: false, pattern: '^[a-z]{2}(-[A-Za-z]{2})?$', patternMessage: 'a language code such as en' },
    { name: 'ext_max_ext_call', label: 'Max simultaneous calls', kind: 'number', required: false },
    { name: 'ext_ring_timeout', label: 'Ring timeout (s)', kind: 'number', required: false },
    { name: 'ext_dial_timeout', label: 'Dial timeout (s)', kind: 'number', required: false },
    { name: 'ext_feature_code_pin', label: 'Feature code PIN', kind: 'text', required: false, pattern: '^\\d{4,10}$', patternMessage: '4 to 10 digits' },
    { name: 'ext_codec', label: 'Codecs', kind: 'text', required: false, help: 'Comma separated, e.g. PCMA,PCMU' },
    { name: 'timezone_id', label: 'Time zone', kind: 'select', required: false, options: o.timezones, createOnly: true },
    {
      name: 'feature_holiday',
      label: 'Holiday destination',
      kind: 'text',
      required: false,
      pattern: '^(\\d+|VM)$',
      patternMessage: 'an extension, an external number, or VM',
      help: 'Sent as its own feature update (HoduPBX takes one feature per call). Not readable back.',
    },
    ...DIGIT_WORDS.map(
      (_w, d): FieldSpec => ({ name: `speeddial_${d}`, label: `Speed dial ${d}`, kind: 'text', required: false, pattern: '^\\d+$', patternMessage: 'digits only', help: 'Not readable back.' }),
    ),
  ];
  return { fields };
}

/** Splits an input into the create/update body, the feature calls and the speed-dial calls. */
export function splitExtensionFields(input: ExtensionInput, mode: 'create' | 'update') {
  const body: Record<string, unknown> = {};
  const features: [string, string][] = [];
  const speedDials: [string, string][] = [];
  const secrets: string[] = [];
  if (input.email !== undefined && input.email !== '') body.ext_email_id = input.email;
  for (const [k, raw] of Object.entries(input.fields ?? {})) {
    const v = raw.trim();
    if (v === '') continue;
    if (k === 'ext_callgroup') body.ext_callgroup = v.split(',').map((s) => s.trim()).filter(Boolean);
    else if (k.startsWith('feature_')) features.push([k.slice('feature_'.length), v]);
    else if (k.startsWith('speeddial_')) {
      const word = DIGIT_WORDS[Number(k.slice('speeddial_'.length))];
      if (word) speedDials.push([word, v]);
    } else if (BODY_FIELDS.has(k) && !(mode === 'update' && k === 'timezone_id')) body[k] = v;
    if (PASSWORDS.includes(k)) secrets.push(v);
  }
  return { body, features, speedDials, secrets };
}
