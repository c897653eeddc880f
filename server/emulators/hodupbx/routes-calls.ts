/**
 * The call endpoints: callLog, activeCalls, balance, recordingPath (the old "info" family F1, both ADMIN and
 * TENANT), click2call and CRM subscribe/unsubscribe (F2).
 */
import { tenantOf, type Handler, type HoduCtx } from './context';
import type { HoduExtension } from './fixtures';
import { authenticate, fail, isIsoDate, ok, str, type Principal } from './wire';

const BOTH = ['ADMIN', 'TENANT'] as const;

/** ADMIN may narrow to one tenant with `tenant_id` (callLog and balance only). */
function scopeTenant(ctx: HoduCtx, who: Principal, tenantIdParam: string | undefined, res: Parameters<Handler>[2], family: 'callLog' | 'balance'): { tenantId?: string } | undefined {
  const own = tenantOf(who);
  if (own) return { tenantId: own.tenantId };
  if (!tenantIdParam) return {};
  const t = ctx.state.tenants.find((x) => x.tenantId === tenantIdParam);
  if (!t) return void fail(res, family, 408);
  if (!t.active) return void fail(res, family, 406);
  return { tenantId: t.tenantId };
}

export const callLog: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'callLog', userType: p.userType, allow: BOTH });
  if (!a) return;
  if (!p.start || !isIsoDate(p.start)) return fail(res, 'callLog', 412, "Allowed format is : 'YYYY-MM-DD'");
  if (!p.end || !isIsoDate(p.end)) return fail(res, 'callLog', 413, "Allowed format is : 'YYYY-MM-DD'");
  const scope = scopeTenant(ctx, a.who, a.who.kind === 'ADMIN' ? str(a.body.tenant_id) : undefined, res, 'callLog');
  if (!scope) return;
  const number = str(a.body.number)?.trim() || undefined;
  const rows = ctx.calls.callLog(scope.tenantId, p.start, p.end, number);
  if (rows.length === 0) return fail(res, 'callLog', 411);
  ok(res, 'Call Log Details.', { data: rows });
};

export const activeCalls: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'activeCalls', userType: p.userType, allow: BOTH });
  if (!a) return;
  // ADMIN: every tenant's calls, with no tenant field (000:L166-168).
  ok(res, 'Active Calls Details.', { data: ctx.calls.active(tenantOf(a.who)?.tenantId) });
};

export const balance: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'balance', userType: p.userType, allow: BOTH });
  if (!a) return;
  const scope = scopeTenant(ctx, a.who, a.who.kind === 'ADMIN' ? str(a.body.tenant_id) : undefined, res, 'balance');
  if (!scope) return;
  const rows = ctx.state.tenants
    .filter((t) => (scope.tenantId ? t.tenantId === scope.tenantId : true))
    .map((t) => ({ tenant_id: t.tenantId, tenant_name: t.name, current_balance: t.balance, currency_code: t.currency }));
  if (rows.length === 0) return fail(res, 'balance', 409);
  ok(res, 'Tenant Balance Details.', { data: rows });
};

export const recordingPath: Handler = (ctx, req, res, p) => {
  const a = authenticate(ctx.state, req, res, { family: 'recordingPath', userType: p.userType, allow: BOTH });
  if (!a) return;
  const callid = str(a.body.callid)?.trim();
  if (!callid) return fail(res, 'recordingPath', 404, 'callid');
  const path = ctx.calls.recordingPath(callid, tenantOf(a.who)?.tenantId);
  if (!path) return fail(res, 'recordingPath', 406);
  const host = req.headers.host ?? '127.0.0.1';
  ok(res, 'Recording Path.', { data: { recordingPath: `http://${host}${path}` } });
};

/**
 * The extension a click2call / CRM request names. A TENANT token names its own extension. EMULATOR
 * CONVENTION for the ADMIN token: the registration form `<tenant_id><ext>` (as in the callback sample
 * 1000103), or a bare number when only one tenant has it.
 */
function resolveExtension(ctx: HoduCtx, who: Principal, number: string): HoduExtension | undefined {
  const own = tenantOf(who);
  if (own) return ctx.state.extensions.find((e) => e.tenantId === own.tenantId && e.number === number);
  const prefixed = ctx.state.extensions.find((e) => `${e.tenantId}${e.number}` === number);
  if (prefixed) return prefixed;
  const bare = ctx.state.extensions.filter((e) => e.number === number);
  return bare.length === 1 ? bare[0] : undefined;
}

/** Shared F2 checks: extension_number and its MD5 web password. 406 names the bad parameter. */
function extensionLogin(ctx: HoduCtx, req: Parameters<Handler>[1], res: Parameters<Handler>[2], family: 'click2call' | 'crm') {
  const a = authenticate(ctx.state, req, res, { family, allow: BOTH });
  if (!a) return undefined;
  const number = str(a.body.extension_number)?.trim();
  if (!number) return void fail(res, family, 406, 'extension_number');
  const password = str(a.body.extension_password)?.trim();
  if (!password) return void fail(res, family, 406, 'extension_password');
  const ext = resolveExtension(ctx, a.who, number);
  if (!ext) return void fail(res, family, 406, 'extension_number');
  // The web password travels as its MD5 (000:L24: e10adc39… = MD5("123456")).
  if (password.toLowerCase() !== ext.webPasswordMd5) return void fail(res, family, 406, 'extension_password');
  const tenant = ctx.state.tenants.find((t) => t.tenantId === ext.tenantId);
  if (!tenant?.active || !ext.active) return void fail(res, family, 406, 'extension_number');
  return { ...a, ext };
}

export const click2call: Handler = (ctx, req, res) => {
  const a = extensionLogin(ctx, req, res, 'click2call');
  if (!a) return;
  const phone = str(a.body.phone_number)?.trim();
  if (!phone || !/^\+?\d{2,20}$/.test(phone)) return fail(res, 'click2call', 406, 'phone_number');
  if (a.ext.offline) return fail(res, 'click2call', 500);
  // "system will first call to extension number and on answer … originate call to phoneNumber".
  const peer = ctx.state.extensions.find((e) => e.tenantId === a.ext.tenantId && e.number === phone);
  ctx.calls.ring(
    {
      tenantId: a.ext.tenantId,
      direction: peer ? 'internal' : 'outbound',
      from: { number: a.ext.number, name: a.ext.name },
      to: { number: phone, name: peer?.name },
      durationSec: 90,
    },
    a.ext.number,
  );
  // EMULATOR CONVENTION: the body text; the table's Status message is "OK".
  ok(res, 'Call Dialed Successfully.');
};

export const crmSubscribe: Handler = (ctx, req, res) => {
  const a = extensionLogin(ctx, req, res, 'crm');
  if (!a) return;
  ctx.state.crmSubscriptions.add(`${a.ext.tenantId}:${a.ext.number}`);
  ctx.calls.syncScanner();
  ok(res, 'Extension Subscribed Successfully.');
};

export const crmUnSubscribe: Handler = (ctx, req, res) => {
  const a = extensionLogin(ctx, req, res, 'crm');
  if (!a) return;
  ctx.state.crmSubscriptions.delete(`${a.ext.tenantId}:${a.ext.number}`);
  ctx.calls.syncScanner();
  ok(res, 'Extension UnSubscribed Successfully.');
};
