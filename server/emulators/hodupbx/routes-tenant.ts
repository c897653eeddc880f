/**
 * Tenant-token endpoints of the v1.4 manual: the "get" lists (F13, F14), tenant info, payments and invoices
 * (F15, F16) and mapDid (F9). All of them allow only `TENANT` in the `{userType}` segment.
 */
import type http from 'node:http';
import type { HoduFamily } from '@/server/adapters/hodupbx/codes';
import type { Handler } from './context';
import type { HoduTenant } from './fixtures';
import { authenticate, fail, isIsoDate, isNumeric, ok, str, type Body } from './wire';

const TENANT_ONLY = ['TENANT'] as const;

type CountStyle = 'number' | 'string' | 'none';

/** Envelope of a list; `count` is a number on some lists, a string on others, absent on the rest (001 §35). */
function sendList(res: http.ServerResponse, family: HoduFamily, message: string, rows: unknown[], count: CountStyle) {
  if (rows.length === 0) return fail(res, family, 601);
  const extra: Record<string, unknown> = count === 'none' ? {} : { count: count === 'number' ? rows.length : String(rows.length) };
  ok(res, message, { ...extra, data: rows });
}

/** A tenant list endpoint: authenticate as TENANT, then build rows from the caller's tenant. */
function tenantList(family: HoduFamily, message: string, count: CountStyle, rows: (t: HoduTenant, ctx: Parameters<Handler>[0], body: Body) => unknown[]): Handler {
  return (ctx, req, res, p) => {
    const a = authenticate(ctx.state, req, res, { family, userType: p.userType, allow: TENANT_ONLY });
    if (!a || a.who.kind !== 'TENANT') return;
    sendList(res, family, message, rows(a.who.tenant, ctx, a.body), count);
  };
}

export const getPlan = tenantList('tenantLookup', 'Plan Details.', 'none', (t) => t.plans.map((x) => ({ plan_id: x.id, plan_name: x.name })));
export const getGroup = tenantList('tenantLookup', 'Group Details.', 'none', (t) => t.groups.map((x) => ({ group_id: x.id, group_name: x.name })));
export const getShift = tenantList('tenantLookup', 'Shift Details.', 'none', (t) => t.shifts.map((x) => ({ shift_id: x.id, shift_name: x.name })));
export const getTimezone = tenantList('tenantLookup', 'Timezone Details : ', 'none', (_t, ctx) => ctx.state.timezones.map((x) => ({ timezone_id: x.id, timezone_name: x.name })));
// Titled "Get Rule group" in the manual, but it is the tenant's DID list (001:L1793-1842).
export const getTenantDetails = tenantList('tenantLookup', 'DID Details.', 'number', (t, ctx) =>
  ctx.state.dids.filter((d) => d.tenantId === t.tenantId).map((d) => ({ did_id: d.didId, did_number: d.number })),
);

export const getExtension = tenantList('tenantList', 'Extension Details.', 'number', (t, ctx) =>
  ctx.state.extensions.filter((e) => e.tenantId === t.tenantId).map((e) => ({ ext_id: e.extId, ext_name: `${e.name}-${e.number}` })),
);
export const getIVR = tenantList('tenantList', 'IVR Details.', 'number', (t) => t.ivrs.map((x) => ({ ivr_id: x.id, ivr_name: `${x.name}-${x.ext}` })));
export const getQueue = tenantList('tenantList', 'Queue Details.', 'string', (t) => t.queues.map((x) => ({ queue_id: x.id, queue_name: x.name, queue_extension: x.ext })));
export const getRingGroup = tenantList('tenantList', 'Ring Group Details.', 'string', (t) =>
  t.ringGroups.map((x) => ({ ring_group_id: x.id, ring_group_name: x.name, ring_group_extension: x.ext })),
);
export const getVoicemailExt = tenantList('tenantList', 'Voicemail Extension Details.', 'string', (t, ctx) =>
  t.voicemailService
    ? ctx.state.extensions.filter((e) => e.tenantId === t.tenantId && e.features.voicemail !== 'OFF').map((e) => ({ ext_id: e.extId, ext_name: e.name, ext_number: e.number }))
    : [],
);

export const getTenantInfo = tenantList('tenantList', 'Tenant Details.', 'none', (t) => {
  const latest = t.invoices.at(-1);
  return [
    {
      Tenant: t.name,
      'Tenant Status': t.active ? 'ACTIVE' : 'INACTIVE',
      'Invoice Status': latest?.status ?? '',
      'Invoice Amount': latest?.amount ?? '0.00000',
      'Credit Balance': t.creditBalance,
      'Invoice DueDate': latest?.dueDate ?? '',
    },
  ];
});

export const getPayment: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'payment', userType: p.userType, allow: TENANT_ONLY });
  if (!a || a.who.kind !== 'TENANT') return;
  if (!p.start || !isIsoDate(p.start)) return fail(res, 'payment', 605);
  if (!p.end || !isIsoDate(p.end)) return fail(res, 'payment', 606);
  const type = str(a.body.payment_type)?.toUpperCase();
  const t = a.who.tenant;
  const rows = t.payments
    .filter((x) => x.date >= p.start! && x.date <= p.end! && (type !== 'FAILED' && type !== 'SUCCESS' ? true : x.status === type.toLowerCase()))
    .map((x) => ({
      Entity: x.entity,
      ID: x.id,
      Amount: x.amount,
      Date: x.date,
      Remark: x.remark,
      // A CSV inside a string, as in the sample "N/A,failed,1.00,USD,,1001".
      'Payment Details': `N/A,${x.status},${Number(x.amount).toFixed(2)},${t.currency},,${t.tenantId}`,
    }));
  sendList(res, 'payment', 'Payments Details.', rows, 'number');
};

export const getInvoice: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'invoice', userType: p.userType, allow: TENANT_ONLY });
  if (!a || a.who.kind !== 'TENANT') return;
  const status = str(a.body.invoice_status)?.trim();
  if (status && !['UNPAID', 'PAID', 'PARTIAL'].includes(status)) return fail(res, 'invoice', 605, 'invoice_status');
  const due = str(a.body.invoice_duedate)?.trim();
  if (due && !isIsoDate(due)) return fail(res, 'invoice', 606);
  const t = a.who.tenant;
  const rows = t.invoices
    .filter((i) => (!status || i.status === status) && (!due || i.dueDate === due))
    .map((i) => ({
      'Invoice ID': i.id,
      'Invoice Date': i.date,
      'Alert Date': i.dueDate,
      'Due Date': i.dueDate,
      // EMULATOR CONVENTION: "Status" is in the documented field list but missing from the sample.
      Status: i.status,
      'Bill Amount': i.billAmount,
      'Call Amount': i.callAmount,
      'Available Balance': '0.00000',
      'Adjusted Balance': '0',
      'Onetime Amount': '0.00000',
      Refund: '0.00000',
      Discount: '0.00',
      'Tax (%)': '5.00',
      Amount: i.amount,
      'Paid Amount': i.paidAmount,
      'Service Amount': i.serviceAmount,
      'Incoming Charge': '0.00000',
      'Outgoing Charge': i.callAmount,
      Currency: t.currency,
      Pdf: `http://${req.headers.host ?? '127.0.0.1'}/billing_scripts/invoice_pdf_files//${i.id}.pdf`,
    }));
  if (rows.length === 0) return fail(res, 'invoice', 601);
  ok(res, 'Invoice Details.', { invoice_count: rows.length, data: rows });
};

export const mapDid: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'mapDid', userType: p.userType, allow: TENANT_ONLY });
  if (!a || a.who.kind !== 'TENANT') return;
  const t = a.who.tenant;
  const didId = str(a.body.did_id)?.trim();
  if (!didId || !isNumeric(didId)) return fail(res, 'mapDid', 605);
  const did = ctx.state.dids.find((d) => d.didId === didId && d.tenantId === t.tenantId);
  if (!did) return fail(res, 'mapDid', 606);
  const dest = str(a.body.default_destination)?.trim().toUpperCase();
  const target = str(a.body.default_extension)?.trim();
  // EMULATOR CONVENTION: an unknown destination type or target is "Data Not Found" (601).
  if ((dest !== 'IVR' && dest !== 'EXTENSION') || !target) return fail(res, 'mapDid', 601);
  // "default_extension … Valid Extension ID" even for IVR (001:L545): there it is read as the IVR ID.
  const exists = dest === 'IVR' ? t.ivrs.some((i) => i.id === target) : ctx.state.extensions.some((e) => e.tenantId === t.tenantId && e.extId === target);
  if (!exists) return fail(res, 'mapDid', 601);
  did.destination = { type: dest, id: target };
  ok(res, 'Extension Mapped Successfully.');
};
