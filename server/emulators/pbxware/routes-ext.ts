/** PBXware `tenant.*` (read side) and `ext.*`: list, configuration, add, edit, delete, balance and call rating info. */
import { MASTER_TENANT_ID, PACKAGE_LIMITS, type PwExtension, type PwState } from './fixtures';
import { fromUnits, idOrExt, oneOf, PwError, required, serverArg, toUnits, type PwContext, type PwHandler } from './context';
import type { PbxArgs } from './args';

function tenantList(_args: PbxArgs, ctx: PwContext) {
  // The master tenant (ID 1) is listed too (EMULATOR CONVENTION: the sample shows only customer tenants).
  return Object.fromEntries(
    [...ctx.state.tenants.values()].map((t) => [
      t.id,
      { name: t.name, tenantcode: t.tenantcode, package_id: t.packageId, package: t.packageName, ext_length: t.extLength, country_id: t.countryId, country_code: t.countryCode },
    ]),
  );
}

function tenantConfiguration(args: PbxArgs, ctx: PwContext) {
  required(args, 'id');
  const t = ctx.state.tenants.get(args.get('id')!);
  if (!t) throw new PwError('Invalid tenant ID.');
  const limits = PACKAGE_LIMITS[t.packageId];
  // EMULATOR CONVENTION: the document lists these fields but gives no response sample; the shape is "an array of
  // tenant configuration", i.e. a flat object of strings, like the other configuration calls.
  return {
    server_name: t.name,
    tenantcode: t.tenantcode,
    package_id: t.packageId,
    ext_length: String(t.extLength),
    country: t.countryId,
    area_code: t.areaCode,
    national: t.countryCode === '1' ? '1' : '0',
    international: t.countryCode === '1' ? '011' : '00',
    defaultserver: MASTER_TENANT_ID,
    absolutetimeout: '0',
    cdrvoicemail: 'yes',
    enabletcalls: 'no',
    tenantcid: '',
    recordglobal: 'no',
    recordformat: 'wav',
    audiolang: t.countryCode === '49' ? 'de' : 'en',
    currency: t.currency,
    currencypos: t.currency === 'EUR' ? 'right' : 'left',
    incominglimit: String(limits?.ext ?? 0),
    outgoinglimit: String(limits?.ext ?? 0),
    local_codecs: 'ulaw:alaw:g722',
    remote_codecs: 'ulaw:alaw:g729',
    network_codecs: 'ulaw:alaw',
  };
}

function listShape(e: PwExtension, state: PwState) {
  const uad = state.uads.get(e.uaId);
  const out: Record<string, string> = {
    name: e.name,
    email: e.email,
    protocol: e.protocol,
    ext: e.ext,
    location: e.location,
    ua_id: e.uaId,
    ua_name: uad?.name ?? '',
    ua_fullname: uad?.fullname ?? '',
    status: e.status,
    macaddress: e.macaddress,
    sn: e.sn,
    linenum: e.linenum,
    user_location: e.userLocation,
  };
  // As in the sample, `department` is absent when the extension has none.
  if (e.department) out.department = e.department;
  return out;
}

function findExtension(args: PbxArgs, ctx: PwContext, server: string | undefined): PwExtension {
  const { id, ext } = idOrExt(args);
  if (!id && !ext) throw new PwError('Missing required argument: id');
  const found = id
    ? ctx.state.extensions.get(id)
    : [...ctx.state.extensions.values()].find((e) => e.ext === ext && (!server || e.server === server));
  if (!found || (server && found.server !== server)) throw new PwError(id ? `Extension ID ${id} does not exist.` : `Extension ${ext} does not exist.`);
  return found;
}

const ADD_REQUIRED = ['server', 'name', 'email', 'location', 'ua', 'status', 'pin', 'incominglimit', 'outgoinglimit', 'voicemail', 'prot', 'secret'];
/** Arguments stored as typed fields; every other argument lands in `extra` and comes back in `options`. */
const TYPED = new Set([...ADD_REQUIRED, 'ext', 'id', 'apikey', 'action', 'apiformat', 'user_location', 'user_language', 'macaddress', 'sn', 'department']);

function numberInUse(state: PwState, server: string, number: string, exceptId?: string) {
  return (
    [...state.extensions.values()].some((e) => e.server === server && e.ext === number && e.id !== exceptId) ||
    [...state.ivrs.values()].some((i) => i.server === server && i.ext === number) ||
    [...state.ringGroups.values()].some((r) => r.server === server && r.ext === number)
  );
}

/** Applies add/edit arguments; shared so that edit validates exactly like add. */
function applyExtArgs(e: PwExtension, args: PbxArgs, ctx: PwContext) {
  const loc = oneOf(args, 'location', ['1', '2']);
  if (loc) e.location = loc === '1' ? 'local' : 'remote';
  const status = oneOf(args, 'status', ['0', '1']);
  if (status) e.status = status === '1' ? 'enabled' : 'disabled';
  const prot = oneOf(args, 'prot', ['sip', 'iax']);
  if (prot) e.protocol = prot as 'sip' | 'iax';
  const vm = oneOf(args, 'voicemail', ['0', '1']);
  if (vm) e.voicemail = vm;
  const ua = args.get('ua');
  if (ua) {
    if (!/^\d+$/.test(ua) || !ctx.state.uads.has(ua)) throw new PwError('Invalid UAD ID.');
    e.uaId = ua;
  }
  const email = args.get('email');
  if (email !== undefined && email !== '') {
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new PwError('Invalid e-mail address.');
    e.email = email;
  }
  for (const [arg, key] of [['name', 'name'], ['pin', 'pin'], ['secret', 'secret'], ['incominglimit', 'incominglimit'], ['outgoinglimit', 'outgoinglimit'], ['user_location', 'userLocation'], ['user_language', 'userLanguage'], ['macaddress', 'macaddress'], ['sn', 'sn']] as const) {
    const v = args.get(arg);
    if (v !== undefined && (v !== '' || arg === 'macaddress' || arg === 'sn' || arg === 'user_location')) e[key] = v;
  }
  if (args.has('department')) e.department = args.get('department') || undefined;
  for (const [k, v] of Object.entries(args.plain())) if (!TYPED.has(k)) e.extra[k] = v;
  const ext = args.get('ext');
  if (ext !== undefined && ext !== '') {
    const len = ctx.state.tenants.get(e.server)?.extLength ?? 3;
    if (!/^\d+$/.test(ext) || ext.length !== len) throw new PwError(`Extension number must have ${len} digits.`);
    if (numberInUse(ctx.state, e.server, ext, e.id)) throw new PwError(`Extension ${ext} already exists.`);
    e.ext = ext;
  }
}

function extAdd(args: PbxArgs, ctx: PwContext) {
  required(args, ...ADD_REQUIRED);
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const e: PwExtension = {
    id: String(ctx.state.nextId),
    server: tenant.id,
    name: '', email: '', protocol: 'sip', ext: '', location: 'local', uaId: '', status: 'enabled', macaddress: '', sn: '',
    linenum: '1', userLocation: '', pin: '', secret: '', incominglimit: '', outgoinglimit: '', voicemail: '1', userLanguage: 'en',
    extra: {},
    device: { online: false, ip: '', ua: '', dnd: false, lagged: false },
    billing: { accountBalance: '0.00000', availableFunds: '0.00000', inclusiveMinutes: 'No Inclusives spent.' },
  };
  applyExtArgs(e, args, ctx);
  if (!e.ext) {
    // No `ext` given: the next free number of the tenant's length.
    let n = 10 ** (tenant.extLength - 1);
    while (numberInUse(ctx.state, tenant.id, String(n))) n++;
    e.ext = String(n);
  }
  ctx.state.nextId++;
  ctx.state.extensions.set(e.id, e);
  return { success: `Extension ID: ${e.id}`, id: e.id, ext: Number(e.ext) };
}

function extEdit(args: PbxArgs, ctx: PwContext) {
  required(args, 'server', 'id');
  const tenant = serverArg(args, ctx, { required: true })!;
  const e = ctx.state.extensions.get(args.get('id')!);
  if (!e || e.server !== tenant.id) throw new PwError(`Extension ID ${args.get('id')} does not exist.`);
  const copy: PwExtension = structuredClone(e);
  applyExtArgs(copy, args, ctx);
  ctx.state.extensions.set(e.id, copy);
  return { success: `Extension ID: ${e.id}`, id: e.id, ext: Number(copy.ext) };
}

function extDelete(args: PbxArgs, ctx: PwContext) {
  required(args, 'id', 'server');
  const tenant = serverArg(args, ctx, { required: true })!;
  const e = ctx.state.extensions.get(args.get('id')!);
  if (!e || e.server !== tenant.id) throw new PwError(`Extension ID ${args.get('id')} does not exist.`);
  ctx.state.extensions.delete(e.id);
  return { success: `Deleted Extension ID ${e.id} successfully.` };
}

function extConfiguration(args: PbxArgs, ctx: PwContext) {
  required(args, 'server');
  const tenant = serverArg(args, ctx, { required: true })!;
  const e = findExtension(args, ctx, tenant.id);
  const list = listShape(e, ctx.state);
  const tcode = tenant.tenantcode;
  return {
    [e.id]: {
      name: e.name,
      email: e.email,
      pin: e.pin,
      protocol: e.protocol,
      ext: e.ext,
      location: e.location,
      user_language: e.userLanguage,
      ua_id: e.uaId,
      ua_name: list.ua_name,
      ua_fullname: list.ua_fullname,
      status: e.status,
      linenum: e.linenum,
      smuser: '0',
      service_plan: e.extra.service_plan ?? '1',
      options: {
        type: 'friend',
        dtmfmode: e.extra.dtmfmode ?? 'rfc2833',
        context: `t-${tcode}`,
        canreinvite: e.extra.canreinvite ?? '0',
        qualify: e.extra.qualify ?? '8000',
        host: 'dynamic',
        cid_enable: 'yes',
        callerid: `${e.name} <${e.ext}>`,
        voicemail: e.voicemail,
        incominglimit: e.incominglimit,
        outgoinglimit: e.outgoinglimit,
        username: `${tcode}${e.ext}`,
        secret: e.secret,
        disallow: 'all',
        allow: (e.extra.acodecs ?? 'ulaw:alaw').split(':'),
        recordcalls: e.extra.recordcalls ?? '0',
        mac: e.macaddress,
        autoprovisiong: e.extra.autoprovisiong ?? '0',
        ringtime: e.extra.ringtime ?? '32',
        incoming_dialoptions: e.extra.incoming_dialoptions ?? 'tr',
        vmailsend: e.extra.vmailsend ?? '1',
        vmailattach: e.extra.vmailattach ?? '0',
        vmaildelete: e.extra.vmaildelete ?? '0',
        uad_sipheaders: e.extra.uad_sipheaders ?? '',
      },
      options_raw: '',
      ua_autoprov: e.extra.ua_autoprov ?? '',
      additional_macaddress: '',
      additional_config: e.extra.additional_config ?? '',
    },
  };
}

/**
 * `ext.call_rating_info` (and its deprecated twin `ext.billing_info`). EMULATOR CONVENTION: without `id`/`ext`
 * it answers for every extension of `server` (the response is documented as keyed by extension ID, and neither
 * argument is marked required).
 */
function extCallRatingInfo(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx);
  const { id, ext } = idOrExt(args);
  const rows = id || ext ? [findExtension(args, ctx, tenant?.id)] : [...ctx.state.extensions.values()].filter((e) => !tenant || e.server === tenant.id);
  return Object.fromEntries(
    rows.map((e) => [e.id, { account_balance: e.billing.accountBalance, available_funds: e.billing.availableFunds, inclusive_minutes: e.billing.inclusiveMinutes }]),
  );
}

function extBalance(args: PbxArgs, ctx: PwContext) {
  const { id, ext } = idOrExt(args);
  if (!id && !ext) throw new PwError('Missing required argument: id');
  required(args, 'server', 'mode', 'amount', 'notes', 'refno');
  const tenant = serverArg(args, ctx, { required: true })!;
  const e = findExtension(args, ctx, tenant.id);
  const mode = oneOf(args, 'mode', ['credit', 'debit']);
  const amount = toUnits(args.get('amount')!);
  if (amount === undefined || amount <= 0) throw new PwError('Invalid amount.');
  const delta = mode === 'credit' ? amount : -amount;
  e.billing.accountBalance = fromUnits((toUnits(e.billing.accountBalance) ?? 0) + delta);
  e.billing.availableFunds = fromUnits((toUnits(e.billing.availableFunds) ?? 0) + delta);
  return { success: `Updated balance for Extension ID '${e.id}' successfully.` };
}

function extList(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx);
  return Object.fromEntries(
    [...ctx.state.extensions.values()].filter((e) => !tenant || e.server === tenant.id).map((e) => [e.id, listShape(e, ctx.state)]),
  );
}

export const extRoutes: Record<string, PwHandler> = {
  'tenant.list': tenantList,
  'tenant.configuration': tenantConfiguration,
  'ext.list': extList,
  'ext.configuration': extConfiguration,
  'ext.add': extAdd,
  'ext.edit': extEdit,
  'ext.delete': extDelete,
  'ext.balance': extBalance,
  'ext.call_rating_info': extCallRatingInfo,
  'ext.billing_info': extCallRatingInfo,
};
