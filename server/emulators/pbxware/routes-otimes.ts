/**
 * PBXware operation times: `otimes.<did|ivr|dial_group|servers|routes|queues|erg>.<list|set>`. Each destination's
 * operation times are one state; `set` replaces it wholesale from parallel `[]` arrays.
 */
import { OT_KINDS, type OtKind, type OtState, type PwState } from './fixtures';
import { PwError, serverArg, type PwContext, type PwHandler } from './context';
import type { PbxArgs } from './args';

/** Which destinations of a kind exist for a tenant, as `[key, destination id]` (the key of the response). */
function targets(state: PwState, kind: OtKind, server: string): string[] {
  switch (kind) {
    case 'servers':
      return [server];
    case 'did':
      return [...state.dids.values()].filter((d) => d.server === server).map((d) => d.id);
    case 'ivr':
      return [...state.ivrs.values()].filter((i) => i.server === server).map((i) => i.id);
    case 'dial_group':
      return [...state.ringGroups.values()].filter((r) => r.server === server).map((r) => r.id);
    case 'erg':
      return [...state.ergs.values()].filter((e) => e.server === server).map((e) => e.id);
    case 'queues':
      return state.queues.filter((q) => q.server === server).map((q) => q.number);
    case 'routes':
      return [...state.routes.keys()];
  }
}

/**
 * Resolves the request fields to one destination: `id` (most kinds), `number` (queues), `ext` (DIDs: the DID
 * number). Returns every destination of the tenant when none is given (EMULATOR CONVENTION: the response is
 * keyed by destination ID, so a list of several is the natural reading).
 */
function select(args: PbxArgs, ctx: PwContext, kind: OtKind): { server: string; ids: string[] } {
  const tenant = serverArg(args, ctx);
  const id = args.get('id') || undefined;
  const number = args.get('number') || undefined;
  const ext = args.get('ext') || undefined;
  const state = ctx.state;
  let server = tenant?.id;
  let wanted: string | undefined = id ?? number;
  if (kind === 'did' && !wanted && ext) wanted = [...state.dids.values()].find((d) => d.number === ext && (!server || d.server === server))?.id ?? `?${ext}`;
  if (!server && wanted) {
    // Single-tenant lookups may omit `server`; find the owner.
    if (kind === 'servers') server = state.tenants.has(wanted) ? wanted : undefined;
    else server = [...state.tenants.keys()].find((t) => targets(state, kind, t).includes(wanted!));
  }
  if (!server) throw new PwError(wanted ? 'Invalid destination ID.' : 'Missing required argument: server');
  const all = targets(state, kind, server);
  if (wanted === undefined) return { server, ids: all };
  if (!all.includes(wanted)) throw new PwError('Invalid destination ID.');
  return { server, ids: [wanted] };
}

function emptyState(kind: OtKind): OtState {
  return { status: kind === 'servers' ? 'off' : 'inherit', greeting: '', default_dest_ext: '', default_dest_is_vm: 'no', closed_dates: [], custom_destinations: [], open_days: [], ...(kind === 'routes' ? { pin: '' } : {}) };
}

function list(kind: OtKind): PwHandler {
  return (args, ctx) => {
    const { server, ids } = select(args, ctx, kind);
    return Object.fromEntries(ids.map((id) => {
      const { pin: _pin, ...shown } = ctx.state.otimes[kind].get(`${server}/${id}`) ?? emptyState(kind);
      return [id, shown];
    }));
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Reads parallel arrays that must all have one length. */
function columns<K extends string>(args: PbxArgs, names: Record<K, string>): Array<Record<K, string>> {
  const cols = Object.entries(names).map(([k, arg]) => [k, args.list(arg as string)] as const);
  const len = cols[0]![1].length;
  if (cols.some(([, v]) => v.length !== len)) throw new PwError('Lists must match in size.');
  return Array.from({ length: len }, (_, i) => Object.fromEntries(cols.map(([k, v]) => [k, v[i]!])) as Record<K, string>);
}

function checkTimes(...values: string[]) {
  for (const v of values) if (!TIME.test(v)) throw new PwError(`Invalid time '${v}', expected HH:MM.`);
}

function set(kind: OtKind): PwHandler {
  return (args, ctx) => {
    if (!args.get('id') && !args.get('number') && !args.get('ext')) throw new PwError('Missing required argument: id');
    const { server, ids } = select(args, ctx, kind);
    const status = (args.get('status') ?? 'on').toLowerCase();
    // Documented as "On, Off, Inherit"; the sample answers lower case (quirk 90).
    if (!['on', 'off', 'inherit'].includes(status)) throw new PwError('Invalid value for status.');
    const closed = columns(args, { description: 'closed_dates_desc', destination: 'closed_dates_dest', date_from: 'closed_dates_date_from', date_to: 'closed_dates_date_to', time_from: 'closed_dates_time_from', time_to: 'closed_dates_time_to' });
    for (const c of closed) {
      if (!DATE.test(c.date_from) || !DATE.test(c.date_to)) throw new PwError('Closed dates must follow the yyyy-mm-dd format.');
      checkTimes(c.time_from, c.time_to);
    }
    const custom = columns(args, { destination: 'custom_destinations_dest', is_open_range: 'custom_destinations_is_open', days: 'custom_destinations_days', time_from: 'custom_destinations_time_from', time_to: 'custom_destinations_time_to' });
    const open = columns(args, { description: 'open_days_desc', days: 'open_days', time_from: 'open_days_time_from', time_to: 'open_days_time_to' });
    for (const row of [...custom, ...open]) {
      if (!/^[1-7](,[1-7])*$/.test(row.days)) throw new PwError(`Invalid days '${row.days}'.`);
      checkTimes(row.time_from, row.time_to);
    }
    const yesNo = (v: string | undefined) => (v === '1' || v?.toLowerCase() === 'yes' ? 'yes' : 'no');
    const next: OtState = {
      status,
      greeting: args.get('greeting') ?? '',
      default_dest_ext: args.get('default_dest_ext') ?? '',
      default_dest_is_vm: yesNo(args.get('default_dest_is_vm')),
      closed_dates: closed,
      custom_destinations: custom.map((c) => ({ ...c, is_open_range: yesNo(c.is_open_range) })),
      open_days: open,
      ...(kind === 'routes' ? { pin: args.get('pin') ?? '' } : {}),
    };
    ctx.state.otimes[kind].set(`${server}/${ids[0]!}`, next);
    return { success: 'Edited Operation Times successfully.' };
  };
}

export const otimesRoutes: Record<string, PwHandler> = Object.fromEntries(
  OT_KINDS.flatMap((kind) => [
    [`otimes.${kind}.list`, list(kind)],
    [`otimes.${kind}.set`, set(kind)],
  ]),
);
