/**
 * Admin-only endpoints of the API guide: the lookups (F3), getDID (the unassigned pool) and assignDid (F4).
 * The guide shows no response bodies for these: every `data` shape here is an EMULATOR CONVENTION in the
 * `{<x>_id, <x>_name}` style of the tenant manual.
 */
import { createHash } from 'node:crypto';
import type { Handler } from './context';
import type { HoduTenant } from './fixtures';
import { authenticate, fail, isNumeric, ok, str } from './wire';

const ADMIN_ONLY = ['ADMIN'] as const;

function lookup(message: string, rows: (ctx: Parameters<Handler>[0]) => unknown[]): Handler {
  return (ctx, req, res) => {
    const a = authenticate(ctx.state, req, res, { family: 'adminLookup', allow: ADMIN_ONLY });
    if (!a) return;
    const data = rows(ctx);
    if (data.length === 0) return fail(res, 'adminLookup', 601);
    ok(res, message, { data });
  };
}

export const getCountry = lookup('Country Details.', (ctx) => ctx.state.countries.map((c) => ({ country_id: c.id, country_name: c.name })));
export const getCurrency = lookup('Currency Details.', (ctx) => ctx.state.currencies.map((c) => ({ currency_id: c.id, currency_code: c.code })));
export const getCodecs = lookup('Codecs Details.', () => ['PCMA', 'PCMU', 'G722', 'G729', 'H264', 'VP8'].map((c) => ({ codec_name: c })));
export const getLanguage = lookup('Language Details.', () => [
  { language_code: 'en', language_name: 'English' },
  { language_code: 'de', language_name: 'German' },
  { language_code: 'tr', language_name: 'Turkish' },
]);
export const getBillplan = lookup('Billplan Details.', (ctx) =>
  ctx.state.billplans.map((b) => ({ billplan_id: b.id, billplan_name: b.name, currency_code: b.currency, bill_type: b.billType })),
);
export const getRateplan = lookup('Rateplan Details.', (ctx) => ctx.state.rateplans.map((r) => ({ rateplan_id: r.id, rateplan_name: r.name, currency_code: r.currency })));
export const getOGRule = lookup('Outgoing Rule Details.', () => [{ rule_id: '1', rule_name: 'National' }, { rule_id: '2', rule_name: 'International' }]);
// "the data of the unassigned DID" (000:L487); fields borrowed from getTenantDetails.
export const getDID = lookup('DID Details.', (ctx) => ctx.state.dids.filter((d) => d.tenantId === null).map((d) => ({ did_id: d.didId, did_number: d.number })));

export const assignDid: Handler = (ctx, req, res) => {
  const a = authenticate(ctx.state, req, res, { family: 'assignDid', allow: ADMIN_ONLY });
  if (!a) return;
  const b = a.body;
  const tenantId = str(b.tenant_id)?.trim();
  if (!tenantId) return fail(res, 'assignDid', 602, 'tenant_id');
  if (!isNumeric(tenantId)) return fail(res, 'assignDid', 604);
  const tenant = ctx.state.tenants.find((t) => t.tenantId === tenantId);
  if (!tenant) return fail(res, 'assignDid', 614);
  if (b.did_id === undefined || b.did_id === '' || (Array.isArray(b.did_id) && b.did_id.length === 0)) return fail(res, 'assignDid', 605);
  // did_id must be a JSON array even for one DID (000:L500-503).
  if (!Array.isArray(b.did_id)) return fail(res, 'assignDid', 606);
  const ids = b.did_id.map((x) => str(x)?.trim() ?? '');
  if (!ids.every(isNumeric)) return fail(res, 'assignDid', 608);
  const dids = ids.map((id) => ctx.state.dids.find((d) => d.didId === id && d.tenantId === null));
  if (dids.some((d) => !d)) return fail(res, 'assignDid', 609);
  const rp = str(b.sell_rate_plan_id)?.trim();
  if (!rp) return fail(res, 'assignDid', 611);
  const plan = ctx.state.rateplans.find((r) => r.id === rp);
  if (!plan) return fail(res, 'assignDid', 612);
  if (!tenant.didService) return fail(res, 'assignDid', 610);
  if (plan.currency !== tenant.currency) return fail(res, 'assignDid', 613);
  const held = ctx.state.dids.filter((d) => d.tenantId === tenantId).length;
  if (held + dids.length > tenant.didLimit) return fail(res, 'assignDid', 607);
  for (const d of dids) d!.tenantId = tenantId;
  // EMULATOR CONVENTION: the text; the guide says only "success message".
  ok(res, 'DID Assigned Successfully.');
};

const TENANT_REQUIRED = [
  'tenant_name',
  'tenant_username',
  'tenant_password',
  'tenant_email',
  'tenant_currency',
  'tenant_country',
  'tenant_tax',
  'tenant_billplan_id',
  'tenant_serv_id_ext',
  'tenant_serv_id_ext_count',
  'tenant_serv_id_ext_rate',
];
const ON_OFF = /^(tenant_(customization|payment|reg_auth|outbound|auto_inactive|disable_ext_call|email_invoice|due_alert|due_notification|low_balance_alert)|api_access|auto_call_record|universal_forward|busy_forward|no_answer_forward|unavailable_forward|time_based_forward|selective_forward|shift_forward|whitelist|blacklist|follow_me|caller_id_block|accept_blocked_caller_id|do_not_disturb|redial|call_return|call_recording|holiday|weekoff|bargein|transfer|park|webphone)$/;

/** createTenant (000 §18): checks in the order of the F5 table; the answer's `data` is an EMULATOR CONVENTION. */
export const createTenant: Handler = (ctx, req, res) => {
  const a = authenticate(ctx.state, req, res, { family: 'createTenant', allow: ADMIN_ONLY });
  if (!a) return;
  const b = a.body;
  const v = (k: string) => str(b[k])?.trim() ?? '';
  for (const k of TENANT_REQUIRED) if (v(k) === '') return fail(res, 'createTenant', 602, k);
  for (const k of Object.keys(b)) if (ON_OFF.test(k) && !['ON', 'OFF'].includes(v(k))) return fail(res, 'createTenant', 606, k);
  for (const k of Object.keys(b)) if (/(_count|^tenant_tax|_period)$/.test(k) && v(k) !== '' && !isNumeric(v(k))) return fail(res, 'createTenant', 610, k);
  if (b.rule_id !== undefined && !Array.isArray(b.rule_id)) return fail(res, 'createTenant', 612);
  if (v('tenant_serv_id_ext') !== '1' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v('tenant_email'))) return fail(res, 'createTenant', 604);
  const currency = ctx.state.currencies.find((c) => c.id === v('tenant_currency'));
  const country = ctx.state.countries.find((c) => c.id === v('tenant_country'));
  const plan = ctx.state.billplans.find((p) => p.id === v('tenant_billplan_id'));
  if (!currency || !country || !plan) return fail(res, 'createTenant', 604);
  if (plan.currency !== currency.code) return fail(res, 'createTenant', 608);
  if ((v('tenant_bill_type') || 'PREPAID') !== plan.billType) return fail(res, 'createTenant', 609);
  if (ctx.state.tenants.some((t) => t.username === v('tenant_username') || t.name === v('tenant_name'))) return fail(res, 'createTenant', 605);
  if (v('tenant_outbound') === 'ON' && !ctx.state.rateplans.some((r) => r.id === v('rp_id'))) return fail(res, 'createTenant', 607, 'rp_id');
  if (v('tenant_feature_password') && v('tenant_feature_password') === v('tenant_password')) return fail(res, 'createTenant', 611);
  const tenantId = String(Math.max(...ctx.state.tenants.map((t) => Number(t.tenantId))) + 1);
  const count = (svc: string) => (v(`tenant_serv_id_${svc}`) ? Number(v(`tenant_serv_id_${svc}_count`) || '0') : 0);
  const t: HoduTenant = {
    tenantId,
    name: v('tenant_name'),
    username: v('tenant_username'),
    currency: currency.code,
    balance: Number(v('call_balance') || '1').toFixed(5),
    creditBalance: '0.00000',
    active: true,
    apiAccess: v('api_access') === 'ON',
    extLimit: Number(v('tenant_serv_id_ext_count')),
    didLimit: count('did'),
    didService: count('did') > 0,
    voicemailService: count('voicemail') > 0,
    outbound: v('tenant_outbound') === 'ON',
    plans: [{ id: '1', name: 'Default' }],
    shifts: [{ id: '1', name: 'Default' }],
    groups: [{ id: '1', name: 'Default' }],
    ivrs: [],
    queues: [],
    ringGroups: [],
    invoices: [],
    payments: [],
  };
  ctx.state.tenants.push(t);
  // The tenant's own API token (its 16-character shape as in the documents), readable via /__emulator/state.
  ctx.state.tenantTokens.set(createHash('sha1').update(`${tenantId}:${t.username}`).digest('base64url').slice(0, 16), tenantId);
  ok(res, 'Tenant Created Successfully.', { data: { tenant_id: tenantId, tenant_name: t.name, tenant_username: t.username } });
};
