/**
 * Domain inputs → PBXware write arguments, and the vendor-specific form fields, as pure functions. A result
 * is either the arguments or a `problem` in words, which the adapter raises as a `rejected` VendorError before
 * anything is sent.
 */
import type { DidInput, ExtensionInput, FormSpec, IvrInput, OperationTimes, ScheduleTarget, TimeRange } from '@/lib/schemas';
import { weekdays } from '@/lib/schemas';
import { encodeKeymap, type KeymapEntry } from './keymap';
import { DID_NO_DESTINATION, didDestTypeCode, OTIMES_KIND, toWireKeymap } from './map';

export type Built<T> = T | { problem: string };
export const isProblem = <T>(b: Built<T>): b is { problem: string } => typeof b === 'object' && b !== null && 'problem' in b;

// ------------------------------------------------------------------------------------------------ extensions

/** ext.add's required arguments that have an obvious default (the document marks all of them required). */
export const EXT_DEFAULTS = { location: '1', status: '1', voicemail: '1', prot: 'sip', incominglimit: '2', outgoinglimit: '2' } as const;

/** ext.add / ext.edit arguments; empty vendor fields mean "unchanged" (a password left blank on edit). */
export function extArgs(input: ExtensionInput): Record<string, string> {
  const fields = Object.fromEntries(Object.entries(input.fields ?? {}).filter(([, v]) => v !== ''));
  return { name: input.name, ext: input.number, ...(input.email ? { email: input.email } : {}), ...fields };
}

export function extensionFormSpec(uads: ReadonlyArray<[string, { name: string; fullname: string }]>): FormSpec {
  const yesNo = [{ value: '1', label: 'Yes' }, { value: '0', label: 'No' }];
  return {
    fields: [
      { name: 'ua', label: 'Phone model (UAD)', kind: 'select', required: true, options: uads.map(([id, u]) => ({ value: id, label: u.fullname || u.name })) },
      { name: 'secret', label: 'SIP password', kind: 'password', required: true },
      { name: 'pin', label: 'Voicemail PIN', kind: 'number', required: true, pattern: '^\\d{4,8}$', patternMessage: 'PIN must be 4 to 8 digits' },
      { name: 'prot', label: 'Protocol', kind: 'select', required: false, options: [{ value: 'sip', label: 'SIP' }, { value: 'iax', label: 'IAX' }], help: 'Default SIP' },
      { name: 'location', label: 'Location', kind: 'select', required: false, options: [{ value: '1', label: 'Local' }, { value: '2', label: 'Remote' }], help: 'Default Local' },
      { name: 'status', label: 'Active', kind: 'select', required: false, options: yesNo, help: 'Default Yes' },
      { name: 'voicemail', label: 'Voicemail', kind: 'select', required: false, options: yesNo, help: 'Default Yes' },
      { name: 'incominglimit', label: 'Incoming limit', kind: 'number', required: false, help: 'Default 2' },
      { name: 'outgoinglimit', label: 'Outgoing limit', kind: 'number', required: false, help: 'Default 2' },
    ],
  };
}

// ------------------------------------------------------------------------------------------------ DIDs

/**
 * did.add / did.edit arguments. `trunk` comes from the fields or, on add, `defaultTrunk` (a DID must sit on a
 * trunk). PBXware's `did` is the dialled digits; a "+…" number also fills the E.164 field.
 */
export function didArgs(input: DidInput, isAdd: boolean, defaultTrunk?: string): Built<Record<string, string>> {
  const { trunk, disabled, ...rest } = input.fields ?? {};
  const args: Record<string, string> = {
    did: input.number.replace(/^\+/, ''),
    ...(input.number.startsWith('+') ? { e164: input.number } : {}),
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')),
  };
  if (input.description !== undefined) args.name = input.description;
  if (input.destination) {
    const code = didDestTypeCode(input.destination);
    if (code === undefined) return { problem: `PBXware DIDs cannot send calls to "${input.destination.vendorType ?? input.destination.type}"` };
    args.dest_type = String(code);
    if (!DID_NO_DESTINATION.has(code)) args.destination = input.destination.target;
  } else if (isAdd) {
    return { problem: 'PBXware needs a destination for a DID (dest_type and destination are required)' };
  }
  if (trunk) args.trunk = trunk;
  else if (isAdd) {
    if (!defaultTrunk) return { problem: 'PBXware has no trunk to put the DID on' };
    args.trunk = defaultTrunk;
  }
  if (disabled !== undefined && disabled !== '') args.disabled = disabled === 'true' ? '1' : disabled === 'false' ? '0' : disabled;
  else if (isAdd) args.disabled = '0';
  return args;
}

export function didFormSpec(trunks: ReadonlyArray<[string, { name: string; status: string }]>): FormSpec {
  const yesNo = [{ value: '0', label: 'No' }, { value: '1', label: 'Yes' }];
  return {
    fields: [
      { name: 'trunk', label: 'Trunk', kind: 'select', required: false, options: trunks.map(([id, t]) => ({ value: id, label: `${t.name}${t.status === 'disabled' ? ' (disabled)' : ''}` })), help: 'Default: the first enabled trunk' },
      { name: 'disabled', label: 'Disabled', kind: 'select', required: false, options: yesNo },
      { name: 'sms_enabled', label: 'Use as SMS number', kind: 'select', required: false, options: yesNo },
    ],
  };
}

// ------------------------------------------------------------------------------------------------ IVRs

/** ivr.add / ivr.edit arguments, keymap as `keymap[key][type|destination]`. */
export function ivrArgs(input: Partial<IvrInput>): Built<{ pairs: Array<[string, string]>; keymap?: KeymapEntry[] }> {
  const pairs: Array<[string, string]> = [];
  if (input.name !== undefined) {
    // "No spaces are allowed at the moment." (004:L5023)
    if (/\s/.test(input.name)) return { problem: 'PBXware IVR names cannot contain spaces' };
    pairs.push(['name', input.name]);
  }
  if (input.extension !== undefined) pairs.push(['ext', input.extension]);
  if (input.greeting !== undefined) {
    // "All greetings must begin with greeting-." (004:L5033)
    if (!input.greeting.startsWith('greeting-')) return { problem: 'PBXware IVR greetings must begin with "greeting-"' };
    pairs.push(['greeting', input.greeting]);
  }
  if (input.enabled !== undefined) pairs.push(['status', input.enabled ? '1' : '0']);
  if (input.operator !== undefined) pairs.push(['operator', input.operator]);
  if (input.timeoutSec !== undefined) pairs.push(['tresponse', String(input.timeoutSec)]);
  if (!input.keymap) return { pairs };
  const keymap = toWireKeymap(input.keymap);
  if ('problem' in keymap) return keymap;
  pairs.push(...encodeKeymap(keymap));
  return { pairs, keymap };
}

// ------------------------------------------------------------------------------------------------ operation times

/** The otimes object and request fields for a target: queues by `number`, the tenant by its own ID, else `id`. */
export function otimesSelector(target: ScheduleTarget, tenantId: string): { kind: string; args: Record<string, string> } | undefined {
  const kind = OTIMES_KIND[target.type];
  if (!kind) return undefined;
  if (target.type === 'tenant') return { kind, args: { id: tenantId, server: tenantId } };
  return { kind, args: { [target.type === 'queue' ? 'number' : 'id']: target.id, server: tenantId } };
}

const DAY_ABBR = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Domain → the parallel `[]` arrays of `otimes.*.set`. Days with identical ranges share one open-days row. */
export function toOtimesSetArgs(input: OperationTimes): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  pairs.push(['status', input.status]);
  pairs.push(['greeting', input.greeting ?? '']);
  pairs.push(['default_dest_ext', input.closedDestination?.target ?? '']);
  pairs.push(['default_dest_is_vm', input.closedDestination?.type === 'voicemail' ? 'yes' : 'no']);
  const pin = (input.extras as Record<string, unknown>).pin;
  if (input.target.type === 'route' && typeof pin === 'string') pairs.push(['pin', pin]);

  for (const c of input.closed) {
    pairs.push(['closed_dates_desc[]', c.name], ['closed_dates_dest[]', c.destination?.target ?? ''], ['closed_dates_date_from[]', c.from], ['closed_dates_date_to[]', c.to]);
    pairs.push(['closed_dates_time_from[]', c.timeFrom ?? '00:00'], ['closed_dates_time_to[]', c.timeTo === '24:00' || !c.timeTo ? '23:59' : c.timeTo]);
  }

  // Custom destinations have no domain field; they are carried in extras so a save does not drop them.
  const custom = (input.extras as Record<string, unknown>).custom_destinations;
  if (Array.isArray(custom)) {
    for (const c of custom as Array<Record<string, unknown>>) {
      pairs.push(['custom_destinations_dest[]', String(c.destination ?? '')], ['custom_destinations_is_open[]', String(c.is_open_range ?? 'no')], ['custom_destinations_days[]', String(c.days ?? '')]);
      pairs.push(['custom_destinations_time_from[]', String(c.time_from ?? '')], ['custom_destinations_time_to[]', String(c.time_to ?? '')]);
    }
  }

  const groups = new Map<string, { range: TimeRange; days: number[] }>();
  weekdays.forEach((day, i) => {
    for (const r of input.weekly[day]) {
      const key = `${r.from}-${r.to}`;
      const g = groups.get(key) ?? { range: r, days: [] };
      g.days.push(i + 1);
      groups.set(key, g);
    }
  });
  for (const { range, days } of groups.values()) {
    pairs.push(['open_days_desc[]', days.map((d) => DAY_ABBR[d - 1]).join(' ')], ['open_days[]', days.join(',')]);
    pairs.push(['open_days_time_from[]', range.from], ['open_days_time_to[]', range.to === '24:00' ? '23:59' : range.to]);
  }
  return pairs;
}
