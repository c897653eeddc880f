/**
 * The 29 documented endpoints of seed 003, keyed by exact (case-sensitive) path. `GET` for `/user/login` and
 * `/user/get`, `POST` for the rest.
 */
import { CONDITION_PARAMS, type MirtaCondition, type MirtaState, type MirtaUser } from './fixtures';
import { parseYmd, type MirtaCallHistory } from './cdr';
import { MESSAGES, failed, ok, param, pick, recordParam, type Params, type Reply } from './wire';

export interface RouteContext {
  state: MirtaState;
  params: Params;
  user: MirtaUser;
  history: MirtaCallHistory;
}

interface Route {
  method: 'GET' | 'POST';
  handle(ctx: RouteContext): Reply;
}

const required = () => failed(MESSAGES.required);
const notFound = () => failed(MESSAGES.notFound);
const updated = () => ok({ msg: MESSAGES.updated });

const visible = (user: MirtaUser, teId: string) => user.admin || user.tenantIds.includes(teId);

/**
 * A `…/bytenant` list. EMULATOR CONVENTION: a tenant that does not exist (or that a non-admin login may not
 * see) gives an empty list, not an error.
 */
function byTenant<T extends object, K extends keyof T>(ctx: RouteContext, rows: T[], tenantKey: keyof T, columns: readonly K[]): Reply {
  const teId = param(ctx.params, 'tenant_id');
  if (!teId) return required();
  if (!visible(ctx.user, teId)) return ok([]);
  return ok(rows.filter((r) => r[tenantKey] === teId).map((r) => pick(r, columns)));
}

/** A byid lookup: the row, or a reply for a missing parameter / unknown or invisible ID. */
function byId<T extends object>(ctx: RouteContext, rows: T[], idParam: string, idKey: keyof T, tenantKey: keyof T): T | Reply {
  const id = param(ctx.params, idParam);
  if (!id) return required();
  const row = rows.find((r) => r[idKey] === id);
  if (!row || !visible(ctx.user, String(row[tenantKey]))) return notFound();
  return row;
}
const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'status' in x && 'body' in x && typeof (x as Reply).status === 'number';

/** Apply the allowed keys of a JSON-string write parameter; unknown keys are ignored like a PHP mapper would. */
function applyRecord<T extends object>(ctx: RouteContext, name: string, row: T, allowed: readonly (keyof T & string)[]): Reply | undefined {
  const rec = recordParam(ctx.params, name);
  if (rec === undefined || rec === 'invalid') return required();
  const keys = allowed.filter((k) => k in rec);
  if (keys.length === 0) return required();
  for (const k of keys) (row as Record<string, string>)[k] = rec[k]!;
  return undefined;
}

const EXTENSION_COLUMNS = ['ex_id', 'ex_name', 'ex_number', 'ex_cidnum', 'ex_cidname', 'ex_callwaiting'] as const;
const CONDITION_COLUMNS = ['co_id', 'co_name', 'co_type', 'co_timezone', ...CONDITION_PARAMS] as const satisfies readonly (keyof MirtaCondition)[];
const HUNT_COLUMNS = ['hu_id', 'hu_number', 'hu_name', 'hu_type', 'hu_ringtime'] as const;

function extensionInTenant(ctx: RouteContext) {
  const teId = param(ctx.params, 'tenant_id');
  const exId = param(ctx.params, 'extension_id');
  if (!teId || !exId) return required();
  const tenant = ctx.state.tenants.find((t) => t.te_id === teId);
  const ex = ctx.state.extensions.find((e) => e.ex_id === exId && e.ex_te_id === teId);
  if (!tenant || !ex || !visible(ctx.user, teId)) return notFound();
  return { tenant, ex };
}

export const ROUTES: Record<string, Route> = {
  // ------------------------------------------------------------------------------------------- users
  '/user/login': { method: 'GET', handle: ({ user }) => ok({ user_id: user.us_id }) },
  '/user/get': {
    method: 'GET',
    handle: ({ state }) => ok(state.users.map((u) => ({ us_id: u.us_id, us_username: u.us_username }))),
  },
  '/user/tenants': {
    method: 'POST',
    handle: ({ state, params, user }) => {
      const email = param(params, 'user');
      if (!email) return required();
      const target = state.users.find((u) => u.email.toLowerCase() === email.toLowerCase());
      // EMULATOR CONVENTION: an unknown e-mail is "Record Not Found."; a non-admin may only ask about itself.
      if (!target || (!user.admin && target.us_id !== user.us_id)) return notFound();
      const tenants = state.tenants.filter((t) => target.tenantIds.includes(t.te_id)).map((t) => ({ te_id: t.te_id, te_name: t.te_name }));
      return ok({ user_id: target.us_id, tenants });
    },
  },
  '/user/updatebyid': {
    method: 'POST',
    handle: ({ state, params, user }) => {
      const id = param(params, 'user_id');
      const password = param(params, 'password');
      if (!id || !password) return required();
      const target = state.users.find((u) => u.us_id === id);
      if (!target || (!user.admin && target.us_id !== user.us_id)) return notFound();
      target.password = password;
      return updated();
    },
  },

  // ------------------------------------------------------------------------------------------- routing tables
  '/destination/all': {
    method: 'POST',
    handle: (ctx) => byTenant(ctx, ctx.state.destinations, 'de_te_id', ['de_id', 'de_type_src', 'de_type_dst', 'de_ord']),
  },
  '/condition/bytenant': { method: 'POST', handle: (ctx) => byTenant(ctx, ctx.state.conditions, 'co_te_id', CONDITION_COLUMNS) },
  '/ivr/bytenant': { method: 'POST', handle: (ctx) => byTenant(ctx, ctx.state.ivrs, 'iv_te_id', ['iv_id', 'iv_name']) },
  '/custom/bytenant': {
    method: 'POST',
    handle: (ctx) => {
      // Custom destinations are joined with their type row, as the doc's sample shows.
      const rows = ctx.state.customs.map((c) => {
        const t = ctx.state.customTypes.find((x) => x.ct_id === c.cu_ct_id);
        return { ...c, ct_name: t?.ct_name ?? '', ct_description: t?.ct_description ?? '' };
      });
      return byTenant(ctx, rows, 'cu_te_id', ['cu_id', 'cu_name', 'cu_ct_id', 'ct_name', 'ct_description']);
    },
  },
  '/voicemail/bytenant': {
    method: 'POST',
    handle: (ctx) => byTenant(ctx, ctx.state.voicemails, 'te_id', ['uniqueid', 'context', 'fullname', 'email']),
  },

  // ------------------------------------------------------------------------------------------- extensions
  '/extension/bytenant': { method: 'POST', handle: (ctx) => byTenant(ctx, ctx.state.extensions, 'ex_te_id', EXTENSION_COLUMNS) },
  '/extension/byid': {
    method: 'POST',
    handle: (ctx) => {
      const ex = byId(ctx, ctx.state.extensions, 'extension_id', 'ex_id', 'ex_te_id');
      return isReply(ex) ? ex : ok([pick(ex, EXTENSION_COLUMNS)]);
    },
  },
  '/extension/user': {
    method: 'POST',
    handle: (ctx) => {
      const found = extensionInTenant(ctx);
      if (isReply(found)) return found;
      // The SIP peer is named "<number>-<TenantCode>", as in the doc's "251-UniglobeDorval".
      return ok([{ name: `${found.ex.ex_number}-${found.tenant.te_code}`, host: 'dynamic', secret: found.ex.secret }]);
    },
  },
  '/extension/usersecret': {
    method: 'POST',
    handle: (ctx) => {
      const found = extensionInTenant(ctx);
      return isReply(found) ? found : ok(found.ex.secret);
    },
  },
  '/extension/getCidNumber': {
    method: 'POST',
    handle: (ctx) => {
      const ex = byId(ctx, ctx.state.extensions, 'extension_id', 'ex_id', 'ex_te_id');
      return isReply(ex) ? ex : ok(ex.ex_cidnum);
    },
  },
  '/extension/getCidNumberList': { method: 'POST', handle: (ctx) => byTenant(ctx, ctx.state.extensions, 'ex_te_id', ['ex_cidnum']) },
  '/extension/GetFMFCallerId': {
    method: 'POST',
    handle: (ctx) => {
      const ex = byId(ctx, ctx.state.extensions, 'extension_id', 'ex_id', 'ex_te_id');
      return isReply(ex) ? ex : ok(ex.ex_fmfm_cidnum);
    },
  },
  '/extension/GetFMFCallerIdList': {
    method: 'POST',
    handle: (ctx) => {
      // Items are keyed by the method name, not by a column, exactly as documented.
      const rows = ctx.state.extensions.map((e) => ({ ex_te_id: e.ex_te_id, GetFMFCallerId: e.ex_fmfm_cidnum }));
      return byTenant(ctx, rows, 'ex_te_id', ['GetFMFCallerId']);
    },
  },
  '/extension/updatebyid': {
    method: 'POST',
    handle: (ctx) => {
      const ex = byId(ctx, ctx.state.extensions, 'extension_id', 'ex_id', 'ex_te_id');
      if (isReply(ex)) return ex;
      const draft = { ...ex };
      const err = applyRecord(ctx, 'extension', draft, ['ex_name', 'ex_number', 'ex_cidnum', 'ex_cidname']);
      if (err) return err;
      if (!draft.ex_number || !draft.ex_name) return required();
      // EMULATOR CONVENTION: a number already used in the tenant is refused with this (undocumented) text.
      if (ctx.state.extensions.some((e) => e !== ex && e.ex_te_id === ex.ex_te_id && e.ex_number === draft.ex_number)) return failed('Extension Number Already Exists.');
      Object.assign(ex, draft);
      return updated();
    },
  },

  // ------------------------------------------------------------------------------------------- DIDs
  '/did/bytenant': {
    method: 'POST',
    handle: (ctx) => byTenant(ctx, ctx.state.dids, 'di_te_id', ['di_id', 'di_country', 'di_area', 'di_number', 'di_comment']),
  },
  '/did/byid': {
    method: 'POST',
    handle: (ctx) => {
      const did = byId(ctx, ctx.state.dids, 'did_id', 'di_id', 'di_te_id');
      if (isReply(did)) return did;
      // Documented quirk: the single-row answer carries di_te_id but no di_id.
      return ok([pick(did, ['di_te_id', 'di_country', 'di_area', 'di_number', 'di_comment', 'di_recording', 'di_fax', 'di_didprefix', 'di_didnameprefix'])]);
    },
  },
  '/did/updatebyid': {
    method: 'POST',
    handle: (ctx) => {
      const did = byId(ctx, ctx.state.dids, 'did_id', 'di_id', 'di_te_id');
      if (isReply(did)) return did;
      const draft = { ...did };
      const err = applyRecord(ctx, 'did', draft, ['di_number', 'di_didprefix', 'di_didnameprefix', 'di_country', 'di_area', 'di_comment']);
      if (err) return err;
      if (!draft.di_number) return required();
      Object.assign(did, draft);
      return updated();
    },
  },

  // ------------------------------------------------------------------------------------------- hunt lists
  '/hunt/bytenant': { method: 'POST', handle: (ctx) => byTenant(ctx, ctx.state.hunts, 'hu_te_id', HUNT_COLUMNS) },
  '/hunt/byid': {
    method: 'POST',
    handle: (ctx) => {
      const hunt = byId(ctx, ctx.state.hunts, 'hunt_id', 'hu_id', 'hu_te_id');
      return isReply(hunt) ? hunt : ok([pick(hunt, [...HUNT_COLUMNS, 'hu_checkinuse'])]);
    },
  },
  '/hunt/updatebyid': {
    method: 'POST',
    handle: (ctx) => {
      const hunt = byId(ctx, ctx.state.hunts, 'hunt_id', 'hu_id', 'hu_te_id');
      if (isReply(hunt)) return hunt;
      const draft = { ...hunt };
      const err = applyRecord(ctx, 'hunt', draft, ['hu_number', 'hu_name', 'hu_type', 'hu_ringtime']);
      if (err) return err;
      if (!draft.hu_number || !draft.hu_name) return required();
      Object.assign(hunt, draft);
      return updated();
    },
  },
  '/hunt/deletebyid': {
    method: 'POST',
    handle: (ctx) => {
      const hunt = byId(ctx, ctx.state.hunts, 'hunt_id', 'hu_id', 'hu_te_id');
      if (isReply(hunt)) return hunt;
      ctx.state.hunts = ctx.state.hunts.filter((h) => h !== hunt);
      return ok(MESSAGES.deleted);
    },
  },

  // ------------------------------------------------------------------------------------------- phones
  '/phone/bytenant': {
    method: 'POST',
    handle: (ctx) => byTenant(ctx, ctx.state.phones, 'ph_te_id', ['ph_id', 'ph_name', 'ph_te_id', 'ph_pm_id', 'ph_mac', 'ph_filename']),
  },
  '/phone/deletebyid': {
    method: 'POST',
    handle: (ctx) => {
      const phone = byId(ctx, ctx.state.phones, 'phone_id', 'ph_id', 'ph_te_id');
      if (isReply(phone)) return phone;
      ctx.state.phones = ctx.state.phones.filter((p) => p !== phone);
      return ok(MESSAGES.deleted);
    },
  },
  '/phone/AddNewPhone': {
    method: 'POST',
    handle: ({ state, params, user }) => {
      const rec = recordParam(params, 'phone');
      if (rec === undefined || rec === 'invalid') return required();
      const { ph_name, ph_te_id, ph_pm_id, ph_mac } = rec;
      if (!ph_name?.trim() || !ph_te_id?.trim() || !ph_pm_id?.trim() || !ph_mac?.trim()) return required();
      // EMULATOR CONVENTION: a tenant that does not exist (or is not visible) is "Record Not Found.".
      if (!state.tenants.some((t) => t.te_id === ph_te_id) || !visible(user, ph_te_id)) return notFound();
      const ph_id = String(state.nextPhoneId++);
      state.phones.push({
        ph_id,
        ph_name,
        ph_te_id,
        ph_pm_id,
        ph_mac,
        // EMULATOR CONVENTION: the provisioning file is named after the MAC, as most phone vendors expect.
        ph_filename: `${ph_mac.toLowerCase().replace(/[^0-9a-z]/g, '')}.cfg`,
        ph_http_user: rec.ph_http_user ?? '',
        ph_http_password: rec.ph_http_password ?? '',
      });
      return ok({ msg: MESSAGES.inserted, PhoneID: ph_id });
    },
  },

  // ------------------------------------------------------------------------------------------- CDR
  '/cdr/getCallHistory': {
    method: 'POST',
    handle: ({ state, params, user, history }) => {
      // EMULATOR CONVENTION (whole endpoint, see cdr.ts): dates and tenant_code are required.
      const start = param(params, 'start_date_ymd');
      const end = param(params, 'end_date_ymd');
      const code = param(params, 'tenant_code');
      if (!start || !end || !code) return required();
      const fromMs = parseYmd(start);
      const toMs = parseYmd(end);
      if (fromMs === undefined || toMs === undefined) return required();
      const tenant = state.tenants.find((t) => t.te_code.toLowerCase() === code.toLowerCase());
      if (!tenant || !visible(user, tenant.te_id)) return ok([]);
      return ok(
        history.query({
          tenantId: tenant.te_id,
          fromMs,
          toMs,
          firstdst: param(params, 'firstdst'),
          disposition: param(params, 'disposition'),
          cost: param(params, 'cost'),
        }),
      );
    },
  },
};
