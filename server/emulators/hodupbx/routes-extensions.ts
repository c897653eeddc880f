/**
 * Extension writes: createExtension / updateExtension (F6), the one-feature-per-call update `/api/extension`
 * (F7) and `/api/speeddial` (F8).
 */
import type { Handler, HoduCtx } from './context';
import { md5, type HoduExtension, type HoduTenant } from './fixtures';
import { authenticate, fail, isNumeric, ok, str, type Body } from './wire';

const TENANT_ONLY = ['TENANT'] as const;
const NUMERIC_FIELDS = ['plan_id', 'shift_id', 'ext_max_ext_call', 'ext_ring_timeout', 'ext_dial_timeout', 'timezone_id'] as const;

/**
 * Shared field checks of create and update (codes from the F6 table). EMULATOR CONVENTION: the documents
 * give no parameter table, so the checks are the obvious ones for each sample field.
 */
function checkFields(ctx: HoduCtx, t: HoduTenant, body: Body): [number, string?] | null {
  for (const f of NUMERIC_FIELDS) {
    const v = body[f];
    if (v === undefined) continue;
    const s = str(v);
    if (s === undefined || s.trim() === '') return [603, f];
    if (!isNumeric(s)) return [607, f];
  }
  if (body.plan_id !== undefined && !t.plans.some((p) => p.id === str(body.plan_id))) return [604, 'plan_id'];
  if (body.shift_id !== undefined && !t.shifts.some((p) => p.id === str(body.shift_id))) return [604, 'shift_id'];
  if (body.timezone_id !== undefined && !ctx.state.timezones.some((z) => z.id === str(body.timezone_id))) return [604, 'timezone_id'];
  if (body.ext_callgroup !== undefined) {
    if (!Array.isArray(body.ext_callgroup)) return [605, 'ext_callgroup'];
    if (!body.ext_callgroup.every((g) => t.groups.some((x) => x.id === str(g)))) return [604, 'ext_callgroup'];
  }
  const email = str(body.ext_email_id);
  if (email !== undefined && email !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return [604, 'ext_email_id'];
  for (const f of ['ext_sip_password', 'ext_web_password'] as const) {
    if (body[f] !== undefined && !str(body[f])?.trim()) return [603, f];
  }
  return null;
}

function applyFields(e: HoduExtension, body: Body) {
  const s = (k: string) => str(body[k]);
  if (s('plan_id')) e.planId = s('plan_id')!;
  if (s('shift_id')) e.shiftId = s('shift_id')!;
  if (Array.isArray(body.ext_callgroup)) e.callGroups = body.ext_callgroup.map((g) => String(g));
  if (s('language')) e.language = s('language')!;
  if (s('ext_sip_password')) e.sipPassword = s('ext_sip_password')!;
  if (s('ext_web_password')) e.webPasswordMd5 = md5(s('ext_web_password')!);
  if (s('ext_email_id') !== undefined) e.email = s('ext_email_id')!;
  if (s('ext_max_ext_call')) e.maxCalls = s('ext_max_ext_call')!;
  if (s('ext_ring_timeout')) e.ringTimeout = s('ext_ring_timeout')!;
  if (s('ext_dial_timeout')) e.dialTimeout = s('ext_dial_timeout')!;
  if (s('ext_feature_code_pin')) e.featurePin = s('ext_feature_code_pin')!;
  if (s('ext_codec')) e.codec = s('ext_codec')!;
}

export const createExtension: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'extensionWrite', userType: p.userType, allow: TENANT_ONLY });
  if (!a || a.who.kind !== 'TENANT') return;
  const t = a.who.tenant;
  const b = a.body;
  // EMULATOR CONVENTION: the required set (the manual has no parameter table).
  for (const f of ['plan_id', 'shift_id', 'ext_number', 'ext_sip_password', 'ext_web_password']) {
    if (b[f] === undefined || b[f] === '') return fail(res, 'extensionWrite', 603, f);
  }
  // ext_number is an array, even for one extension (001:L314).
  if (!Array.isArray(b.ext_number)) return fail(res, 'extensionWrite', 605, 'ext_number');
  const numbers = b.ext_number.map((n) => str(n)?.trim() ?? '');
  if (numbers.length === 0) return fail(res, 'extensionWrite', 603, 'ext_number');
  if (!numbers.every(isNumeric)) return fail(res, 'extensionWrite', 607, 'ext_number');
  const bad = checkFields(ctx, t, b);
  if (bad) return fail(res, 'extensionWrite', bad[0], bad[1]);
  const taken = new Set(ctx.state.extensions.filter((e) => e.tenantId === t.tenantId).map((e) => e.number));
  for (const o of [...t.ivrs, ...t.queues, ...t.ringGroups]) taken.add(o.ext);
  if (new Set(numbers).size !== numbers.length || numbers.some((n) => taken.has(n))) return fail(res, 'extensionWrite', 608, 'ext_number');
  const count = ctx.state.extensions.filter((e) => e.tenantId === t.tenantId).length;
  if (count + numbers.length > t.extLimit) return fail(res, 'extensionWrite', 606);
  for (const number of numbers) {
    const e: HoduExtension = {
      extId: String(ctx.state.nextExtId++),
      tenantId: t.tenantId,
      number,
      // No name parameter exists: HoduPBX names it after its number ("118-118" in the getExtension sample).
      name: number,
      webPasswordMd5: '',
      sipPassword: '',
      email: '',
      planId: '',
      shiftId: '',
      callGroups: [],
      language: 'en',
      maxCalls: '2',
      ringTimeout: '30',
      dialTimeout: '60',
      featurePin: '',
      codec: 'PCMA,PCMU',
      timezoneId: str(b.timezone_id) ?? '1',
      active: true,
      offline: false,
      features: {},
      speedDial: {},
    };
    applyFields(e, b);
    ctx.state.extensions.push(e);
  }
  // No ID comes back (001:L338-343): callers re-list to find it.
  ok(res, 'Extension Added Successfully.');
};

export const updateExtension: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'extensionWrite', userType: p.userType, allow: TENANT_ONLY });
  if (!a || a.who.kind !== 'TENANT') return;
  const t = a.who.tenant;
  const extId = str(a.body.ext_id)?.trim();
  if (!extId) return fail(res, 'extensionWrite', 603, 'ext_id');
  if (!isNumeric(extId)) return fail(res, 'extensionWrite', 607, 'ext_id');
  const e = ctx.state.extensions.find((x) => x.extId === extId && x.tenantId === t.tenantId);
  if (!e) return fail(res, 'extensionWrite', 601);
  const bad = checkFields(ctx, t, a.body);
  if (bad) return fail(res, 'extensionWrite', bad[0], bad[1]);
  // ext_number and timezone_id are not update parameters (001:L363-395); they are ignored.
  applyFields(e, { ...a.body, timezone_id: undefined });
  ok(res, 'Extension Updated Successfully.');
};

/** EMULATOR CONVENTION: the feature keys accepted by `/api/extension` (the manual shows only `holiday`). */
const DESTINATION_FEATURES = new Set(['holiday', 'weekoff', 'universal_forward', 'busy_forward', 'no_answer_forward', 'unavailable_forward']);
const SWITCH_FEATURES = new Set(['do_not_disturb', 'call_recording', 'voicemail', 'caller_id_block', 'follow_me']);

function tenantExtension(ctx: HoduCtx, t: HoduTenant, number: string) {
  return ctx.state.extensions.find((e) => e.tenantId === t.tenantId && e.number === number);
}

export const extensionFeature: Handler = (ctx, req, res) => {
  const a = authenticate(ctx.state, req, res, { family: 'extensionFeature', allow: TENANT_ONLY });
  if (!a || a.who.kind !== 'TENANT') return;
  const t = a.who.tenant;
  const number = str(a.body.ext_number)?.trim();
  if (!number) return fail(res, 'extensionFeature', 603);
  if ([...t.ivrs, ...t.queues, ...t.ringGroups].some((o) => o.ext === number)) return fail(res, 'extensionFeature', 602);
  const e = tenantExtension(ctx, t, number);
  if (!e) return fail(res, 'extensionFeature', 603);
  const keys = Object.keys(a.body).filter((k) => k !== 'token_id' && k !== 'ext_number');
  if (keys.length === 0) return fail(res, 'extensionFeature', 615);
  if (keys.length > 1) return fail(res, 'extensionFeature', 601);
  const key = keys[0]!;
  const value = str(a.body[key])?.trim() ?? '';
  if (!DESTINATION_FEATURES.has(key) && !SWITCH_FEATURES.has(key)) return fail(res, 'extensionFeature', 611, key);
  if (value === '') return fail(res, 'extensionFeature', 607);
  if (SWITCH_FEATURES.has(key)) {
    if (value !== 'ON' && value !== 'OFF') return fail(res, 'extensionFeature', 614, key);
    if (key === 'voicemail' && !t.voicemailService) return fail(res, 'extensionFeature', 609);
  } else {
    // A destination: an extension number, an external number, or "VM" (001:L439-447).
    if (value === 'VM') {
      if (!t.voicemailService) return fail(res, 'extensionFeature', 609);
    } else {
      if (!/^\d+$/.test(value)) return fail(res, 'extensionFeature', 612);
      if (/^0+$/.test(value)) return fail(res, 'extensionFeature', 617);
      if (value === e.number) return fail(res, 'extensionFeature', 613);
      // Short numbers are internal: they must exist in the tenant.
      if (value.length <= 6 && !tenantExtension(ctx, t, value)) return fail(res, 'extensionFeature', 611, value);
    }
  }
  e.features[key] = value;
  ok(res, 'Extension Detail Updated Successfully.');
};

/** Speed-dial keys are number words ("two", 001:L499) [ASSUMPTION in vendor-matrix §4.2 item 22]. */
export const SPEED_DIAL_KEYS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

export const speedDial: Handler = (ctx, req, res) => {
  const a = authenticate(ctx.state, req, res, { family: 'speedDial', allow: TENANT_ONLY });
  if (!a || a.who.kind !== 'TENANT') return;
  const t = a.who.tenant;
  const number = str(a.body.ext_number)?.trim();
  if (!number) return fail(res, 'speedDial', 603);
  const e = tenantExtension(ctx, t, number);
  if (!e) return fail(res, 'speedDial', 602);
  if (!e.active) return fail(res, 'speedDial', 601);
  const keys = Object.keys(a.body).filter((k) => k !== 'token_id' && k !== 'ext_number');
  if (keys.length === 0) return fail(res, 'speedDial', 603);
  if (keys.length > 1) return fail(res, 'speedDial', 609);
  const key = keys[0]!;
  if (!(SPEED_DIAL_KEYS as readonly string[]).includes(key)) return fail(res, 'speedDial', 607, key);
  const value = str(a.body[key])?.trim() ?? '';
  if (!/^\d+$/.test(value)) return fail(res, 'speedDial', 605);
  if (/^0+$/.test(value)) return fail(res, 'speedDial', 606);
  if (value === e.number) return fail(res, 'speedDial', 604);
  if (value.length > 6 && !t.outbound) return fail(res, 'speedDial', 608);
  e.speedDial[key] = value;
  ok(res, 'Extension Speeddial Updated Successfully.', { data: { ext_id: e.extId } });
};
