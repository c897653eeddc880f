/** PBXware `did.*`, `ivr.*` and the read-only lists other destinations need (`trunk`, `ring_group`, `erg`, `route`, `uads`). */
import { decodeKeymapParams, toKeymapReadShape } from '@/server/adapters/pbxware/keymap';
import { DID_DEST_TYPES, MASTER_TENANT_ID, type PwDid, type PwIvr, type PwState } from './fixtures';
import { oneOf, PwError, required, serverArg, type PwContext, type PwHandler } from './context';
import type { PbxArgs } from './args';

// ------------------------------------------------------------------------------------------------ DIDs

function didShape(d: PwDid) {
  return {
    number: d.number,
    number2: d.number2,
    server: d.server,
    trunk: d.trunk,
    type: DID_DEST_TYPES[d.destType] ?? '',
    ext: d.destination,
    e164: d.e164,
    e164_2: d.e164_2,
    status: d.disabled ? 'disabled' : 'enabled',
    name: d.name,
    sms_enabled: d.smsEnabled,
    prioritize_clirouting: d.prioritizeClirouting,
  };
}

function didList(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const dest = args.get('ext');
  return Object.fromEntries(
    [...ctx.state.dids.values()]
      .filter((d) => d.server === tenant.id && (!dest || d.destination.split(',').includes(dest)))
      .map((d) => [d.id, didShape(d)]),
  );
}

/** Phone Callback and Deny Access take no destination. */
const NO_DESTINATION = new Set([12, 13]);
const DID_TYPED = new Set(['server', 'id', 'trunk', 'did', 'did_2', 'dest_type', 'destination', 'disabled', 'name', 'e164', 'e164_2', 'sms_enabled', 'prioritize_clirouting', 'apikey', 'action', 'apiformat']);

function applyDidArgs(d: PwDid, args: PbxArgs, state: PwState) {
  const trunk = args.get('trunk');
  if (trunk) {
    if (!state.trunks.has(trunk)) throw new PwError('Invalid trunk ID.');
    d.trunk = trunk;
  }
  const did = args.get('did');
  if (did) {
    if (!/^\d+$/.test(did)) throw new PwError('Invalid DID number.');
    if ([...state.dids.values()].some((x) => x.number === did && x.id !== d.id)) throw new PwError(`DID ${did} already exists.`);
    d.number = did;
  }
  const type = args.get('dest_type');
  if (type !== undefined && type !== '') {
    if (!/^\d+$/.test(type) || Number(type) > 17) throw new PwError('Invalid value for dest_type.');
    d.destType = Number(type);
    if (!NO_DESTINATION.has(d.destType) && !args.get('destination')) throw new PwError('Missing required argument: destination');
    if (NO_DESTINATION.has(d.destType)) d.destination = '';
  }
  const dest = args.get('destination');
  if (dest !== undefined && dest !== '' && !NO_DESTINATION.has(d.destType)) {
    // A leading '+' arrives as %2B (already decoded); a raw '+' would have become a space.
    if (d.destType === 5 ? !/^\+?\d+$/.test(dest) : !/^[\w,-]+$/.test(dest)) throw new PwError('Invalid destination.');
    d.destination = dest;
  }
  const disabled = oneOf(args, 'disabled', ['0', '1']);
  if (disabled) d.disabled = disabled === '1';
  const sms = oneOf(args, 'sms_enabled', ['0', '1']);
  if (sms) d.smsEnabled = sms;
  const prio = oneOf(args, 'prioritize_clirouting', ['0', '1']);
  if (prio) d.prioritizeClirouting = prio;
  for (const [arg, key] of [['name', 'name'], ['did_2', 'number2'], ['e164', 'e164'], ['e164_2', 'e164_2']] as const) {
    const v = args.get(arg);
    if (v !== undefined) d[key] = v;
  }
  for (const [k, v] of Object.entries(args.plain())) if (!DID_TYPED.has(k)) d.extra[k] = v;
}

function didAdd(args: PbxArgs, ctx: PwContext) {
  required(args, 'server', 'trunk', 'did', 'dest_type');
  // EMULATOR CONVENTION: the add section marks `destination` required without exception; we apply edit's
  // exception (Phone Callback, Deny Access) to add too.
  if (!NO_DESTINATION.has(Number(args.get('dest_type')))) required(args, 'destination');
  required(args, 'disabled');
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const d: PwDid = { id: String(ctx.state.nextId), server: tenant.id, trunk: '', number: '', number2: '', destType: 0, destination: '', name: '', e164: '', e164_2: '', disabled: false, smsEnabled: '0', prioritizeClirouting: '0', extra: {} };
  applyDidArgs(d, args, ctx.state);
  ctx.state.nextId++;
  ctx.state.dids.set(d.id, d);
  ctx.state.otimes.did.set(`${tenant.id}/${d.id}`, { status: 'inherit', greeting: '', default_dest_ext: '', default_dest_is_vm: 'no', closed_dates: [], custom_destinations: [], open_days: [] });
  return { success: `DID ID: ${d.id}.`, id: Number(d.id) };
}

function didEdit(args: PbxArgs, ctx: PwContext) {
  required(args, 'server', 'id');
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const d = ctx.state.dids.get(args.get('id')!);
  if (!d || d.server !== tenant.id) throw new PwError(`DID ID ${args.get('id')} does not exist.`);
  const copy = structuredClone(d);
  applyDidArgs(copy, args, ctx.state);
  ctx.state.dids.set(d.id, copy);
  return { success: `DID ID: ${d.id}.`, id: Number(d.id) };
}

function didDelete(args: PbxArgs, ctx: PwContext) {
  required(args, 'id', 'server');
  // The document says both "always set to 1" (did.delete) and "ID 1 cannot be used" (did.list/add), quirk 84.
  // EMULATOR CONVENTION: accept the DID's own tenant or 1.
  const server = args.get('server')!;
  const d = ctx.state.dids.get(args.get('id')!);
  if (!ctx.state.tenants.has(server)) throw new PwError('Invalid server ID.');
  if (!d || (server !== MASTER_TENANT_ID && d.server !== server)) throw new PwError(`DID ID ${args.get('id')} does not exist.`);
  ctx.state.dids.delete(d.id);
  ctx.state.otimes.did.delete(`${d.server}/${d.id}`);
  return { success: `Deleted DID ID ${d.id} successfully.` };
}

// ------------------------------------------------------------------------------------------------ IVRs

function ivrShape(i: PwIvr) {
  return { name: i.name, type: i.type, ext: i.ext, keymap: toKeymapReadShape(i.keymap), status: i.status, operator: i.operator };
}

function ivrList(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  return Object.fromEntries([...ctx.state.ivrs.values()].filter((i) => i.server === tenant.id).map((i) => [i.id, ivrShape(i)]));
}

const IVR_TYPED = new Set(['server', 'id', 'name', 'ext', 'greeting', 'status', 'operator', 'type', 'apikey', 'action', 'apiformat']);

function applyIvrArgs(i: PwIvr, args: PbxArgs, state: PwState, isAdd: boolean) {
  const name = args.get('name');
  if (name !== undefined) {
    if (name === '' || /\s/.test(name)) throw new PwError('IVR name cannot contain spaces.');
    i.name = name;
  }
  const greeting = args.get('greeting');
  if (greeting !== undefined) {
    if (!greeting.startsWith('greeting-')) throw new PwError("Greeting must begin with 'greeting-'.");
    i.greeting = greeting;
  }
  const ext = args.get('ext');
  if (ext !== undefined && ext !== '') {
    if (!/^\d+$/.test(ext)) throw new PwError('Invalid IVR extension.');
    const taken =
      [...state.extensions.values()].some((e) => e.server === i.server && e.ext === ext) ||
      [...state.ivrs.values()].some((x) => x.server === i.server && x.ext === ext && x.id !== i.id);
    if (taken) throw new PwError(`Extension ${ext} already exists.`);
    i.ext = ext;
  }
  const status = oneOf(args, 'status', ['0', '1']);
  if (status) i.status = status === '1' ? 'enabled' : 'disabled';
  const type = oneOf(args, 'type', ['0', '1', '2']);
  if (type) i.type = type as PwIvr['type'];
  const operator = args.get('operator');
  if (operator !== undefined) i.operator = operator;
  const hasKeymap = args.pairs.some(([k]) => k.startsWith('keymap['));
  if (hasKeymap || isAdd) {
    const { entries, problem } = decodeKeymapParams(args.pairs);
    if (problem) throw new PwError(problem);
    if (entries.length === 0) throw new PwError('At least one keymap is required.');
    i.keymap = entries;
  }
  for (const [k, v] of Object.entries(args.plain())) if (!IVR_TYPED.has(k)) i.extra[k] = v;
}

function ivrAdd(args: PbxArgs, ctx: PwContext) {
  required(args, 'server', 'name', 'ext', 'greeting');
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const i: PwIvr = { id: String(ctx.state.nextId), server: tenant.id, name: '', type: '0', ext: '', greeting: '', keymap: [], status: 'enabled', operator: '', extra: {} };
  applyIvrArgs(i, args, ctx.state, true);
  ctx.state.nextId++;
  ctx.state.ivrs.set(i.id, i);
  ctx.state.otimes.ivr.set(`${tenant.id}/${i.id}`, { status: 'inherit', greeting: '', default_dest_ext: '', default_dest_is_vm: 'no', closed_dates: [], custom_destinations: [], open_days: [] });
  return { success: `IVR ID: ${i.id}.`, id: Number(i.id) };
}

function ivrEdit(args: PbxArgs, ctx: PwContext) {
  required(args, 'server', 'id');
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const i = ctx.state.ivrs.get(args.get('id')!);
  if (!i || i.server !== tenant.id) throw new PwError(`IVR ID ${args.get('id')} does not exist.`);
  const copy = structuredClone(i);
  applyIvrArgs(copy, args, ctx.state, false);
  ctx.state.ivrs.set(i.id, copy);
  return { success: `IVR ID: ${i.id}.`, id: Number(i.id) };
}

function ivrDelete(args: PbxArgs, ctx: PwContext) {
  required(args, 'id', 'server');
  // "If running in Tenant Mode, make sure this is always greater than 1."
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const i = ctx.state.ivrs.get(args.get('id')!);
  if (!i || i.server !== tenant.id) throw new PwError(`IVR ID ${args.get('id')} does not exist.`);
  ctx.state.ivrs.delete(i.id);
  ctx.state.otimes.ivr.delete(`${i.server}/${i.id}`);
  return { success: `Deleted IVR ID ${i.id} successfully.` };
}

// ------------------------------------------------------------------------------------------------ other lists

function trunkList(_args: PbxArgs, ctx: PwContext) {
  // The `server` filter "does not apply in Tenant Mode" (quirk 81), so it is ignored.
  return Object.fromEntries([...ctx.state.trunks.values()].map(({ id, ...t }) => [id, t]));
}

function ringGroupList(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  return Object.fromEntries(
    [...ctx.state.ringGroups.values()]
      .filter((r) => r.server === tenant.id)
      .map((r) => [r.id, { name: r.name, ext: r.ext, destinations: r.destinations, last_dest: r.lastDest, last_dest_vm: r.lastDestVm }]),
  );
}

function ergList(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx);
  return Object.fromEntries(
    [...ctx.state.ergs.values()]
      .filter((e) => !tenant || e.server === tenant.id)
      .map((e) => [e.id, { name: e.name, number: e.number, strategy: e.strategy, members: e.members }]),
  );
}

function uadsList(_args: PbxArgs, ctx: PwContext) {
  // `enabled` is a real boolean, one of the documented type exceptions.
  return Object.fromEntries([...ctx.state.uads.values()].map((u) => [u.id, { name: u.name, fullname: u.fullname, enabled: true }]));
}

function routeList(_args: PbxArgs, ctx: PwContext) {
  return Object.fromEntries(ctx.state.routes);
}

export const didIvrRoutes: Record<string, PwHandler> = {
  'did.list': didList,
  'did.add': didAdd,
  'did.edit': didEdit,
  'did.delete': didDelete,
  'ivr.list': ivrList,
  'ivr.add': ivrAdd,
  'ivr.edit': ivrEdit,
  'ivr.delete': ivrDelete,
  'trunk.list': trunkList,
  'ring_group.list': ringGroupList,
  'erg.list': ergList,
  'route.list': routeList,
  'uads.list': uadsList,
};
