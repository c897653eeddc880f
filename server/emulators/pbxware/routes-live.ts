/** PBXware `dashboard.*`, `monitor.*`, `cdr.*` and `recording.*`: the counters, live state and call history. */
import { cdrRangeBounds, zonedParts } from '@/server/adapters/pbxware/dates';
import type { SimCall, SimCdr } from '../kit';
import { PACKAGE_LIMITS, type PwExtension, type PwState } from './fixtures';
import { PwError, serverArg, type PwContext, type PwHandler } from './context';
import type { PbxArgs } from './args';

function extensionsOf(state: PwState, server: string | undefined): PwExtension[] {
  return [...state.extensions.values()].filter((e) => !server || e.server === server);
}

function activeCalls(ctx: PwContext, server: string | undefined): SimCall[] {
  return ctx.churn.active(ctx.clock.now()).filter((c) => !server || c.tenantId === server);
}

const onCallExts = (calls: SimCall[]) => {
  const set = new Set<string>();
  for (const c of calls) {
    if (c.direction !== 'inbound') set.add(`${c.tenantId}/${c.from.number}`);
    if (c.direction !== 'outbound') set.add(`${c.tenantId}/${c.to.number}`);
  }
  return set;
};

/** "Name (ext)" for an internal party, the bare number for an external one, as in the samples. */
const party = (p: { number: string; name?: string }) => (p.name ? `${p.name} (${p.number})` : p.number);

// ------------------------------------------------------------------------------------------------ dashboard

function dashboardCalls(args: PbxArgs, ctx: PwContext) {
  const server = serverArg(args, ctx)?.id;
  const now = ctx.clock.now();
  const midnight = Math.floor(now / 86_400_000) * 86_400_000; // EMULATOR CONVENTION: the PBX runs on UTC.
  const live = activeCalls(ctx, server);
  let lastHour = live.filter((c) => c.startedAt > now - 3_600_000).length;
  let today = live.filter((c) => c.startedAt >= midnight).length;
  let answered = live.filter((c) => c.startedAt >= midnight && c.answeredAt !== undefined && c.answeredAt <= now).length;
  const cdrs = ctx.cdrs();
  for (let i = cdrs.length - 1; i >= 0; i--) {
    const c = cdrs[i]!;
    if (c.startedAt < midnight && c.startedAt <= now - 3_600_000) break;
    if (server && c.tenantId !== server) continue;
    if (c.startedAt > now - 3_600_000) lastHour++;
    if (c.startedAt >= midnight) {
      today++;
      if (c.disposition === 'answered') answered++;
    }
  }
  // Numbers, and the documented misspelt "answared calls" (quirk 74).
  return { now: live.length, 'last hour': lastHour, today, 'answared calls': answered };
}

function dashboardExtOnline(args: PbxArgs, ctx: PwContext) {
  const server = serverArg(args, ctx)?.id;
  return { type: 'Extensions Online', count: extensionsOf(ctx.state, server).filter((e) => e.status === 'enabled' && e.device.online).length };
}

function dashboardSipRegistrations(args: PbxArgs, ctx: PwContext) {
  const sip = extensionsOf(ctx.state, serverArg(args, ctx)?.id).filter((e) => e.protocol === 'sip' && e.status === 'enabled');
  // Wrapped in "SIP Registrations" with `success`, as in the sample (the field list says `registered`, quirk 73).
  return {
    'SIP Registrations': {
      success: sip.filter((e) => e.device.online && !e.device.lagged).length,
      // EMULATOR CONVENTION: a provisioned phone (it has a MAC) that is offline counts as a failed registration.
      failed: sip.filter((e) => !e.device.online && e.macaddress !== '').length,
      lagged: sip.filter((e) => e.device.online && e.device.lagged).length,
    },
  };
}

function dashboardLicensing(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx);
  const limits = PACKAGE_LIMITS[tenant?.packageId ?? '0']!;
  const server = tenant?.id;
  return {
    ext: { inuse: extensionsOf(ctx.state, server).length, max: limits.ext },
    ivr: { inuse: [...ctx.state.ivrs.values()].filter((i) => !server || i.server === server).length, max: limits.ivr },
    queue: { inuse: ctx.state.queues.filter((q) => !server || q.server === server).length, max: limits.queue },
    conference: { inuse: 0, max: limits.conference },
  };
}

const constant = (body: unknown): PwHandler => () => body;

// ------------------------------------------------------------------------------------------------ monitor

function monitorList(args: PbxArgs, ctx: PwContext) {
  const server = serverArg(args, ctx)?.id;
  const busy = onCallExts(activeCalls(ctx, server));
  return Object.fromEntries(
    extensionsOf(ctx.state, server).map((e) => {
      const online = e.status === 'enabled' && e.device.online;
      // dnd / on_call are the strings "true" / "false" (quirk 97).
      return [e.id, { name: e.name, ext: e.ext, ip: online ? e.device.ip : '', status: online ? 'online' : 'offline', ua: online ? e.device.ua : '', dnd: String(e.device.dnd), on_call: String(busy.has(`${e.server}/${e.ext}`)) }];
    }),
  );
}

function monitorLiveCalls(args: PbxArgs, ctx: PwContext) {
  const now = ctx.clock.now();
  // EMULATOR CONVENTION: `timestamp` (undocumented meaning, quirk 97) is the call's elapsed seconds, as a string.
  // `{}` when idle, never `[]`.
  return Object.fromEntries(
    activeCalls(ctx, serverArg(args, ctx)?.id).map((c) => [c.id, { from: party(c.from), to: party(c.to), timestamp: String(Math.floor((now - c.startedAt) / 1000)) }]),
  );
}

// ------------------------------------------------------------------------------------------------ CDRs

const STATUS_NAME = { answered: 'Answered', no_answer: 'Unanswered', busy: 'Busy', failed: 'Failed' } as const;
const STATUS_BIT = { answered: 8, no_answer: 4, busy: 2, failed: 1 } as const;
/** EMULATOR CONVENTION: the simulated "trunk-1" is trunk 6099. */
const TRUNK_ID = '6099';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** MOS for an answered call, deterministic from its ID; 0 means "no MOS data" as documented. */
const mosOf = (c: SimCdr) => (c.disposition === 'answered' ? 3.5 + (hash(c.id) % 11) / 10 : 0);

interface CdrQuery {
  matches: (c: SimCdr) => boolean;
  page: number;
  limit: number;
}

function cdrQuery(args: PbxArgs, ctx: PwContext): CdrQuery {
  const start = args.get('start');
  const end = args.get('end');
  if (!start) throw new PwError('Missing required argument: start');
  if (!end) throw new PwError('Missing required argument: end');
  const timezone = args.get('timezone') || 'UTC'; // EMULATOR CONVENTION: the PBX's own zone is UTC.
  try {
    zonedParts(0, timezone);
  } catch {
    throw new PwError('Invalid timezone.');
  }
  const bounds = cdrRangeBounds({ start, end, starttime: args.get('starttime') || undefined, endtime: args.get('endtime') || undefined }, timezone);
  if (!bounds) throw new PwError('Invalid date format, expected mmm-dd-YYYY.');
  const csv = (name: string) => (args.get(name) ? new Set(args.get(name)!.split(',').map((s) => s.trim())) : undefined);
  const ext = csv('ext');
  const extdst = csv('extdst');
  const trunk = args.get('trunk') || undefined;
  const trunkdst = args.get('trunkdst') || undefined;
  if (trunk && ext) throw new PwError('You cannot supply trunk and ext at the same time!');
  if (trunkdst && extdst) throw new PwError('You cannot supply trunkdst and extdst at the same time!');
  // EMULATOR CONVENTION: `status` is read as a bit mask of 8/4/2/1, so one value or a sum of them both work.
  const status = args.get('status') ? Number(args.get('status')) : 15;
  if (!Number.isInteger(status) || status < 1 || status > 15) throw new PwError('Invalid value for status.');
  const cdrtype = args.get('cdrtype') || '3';
  if (!['1', '2', '3'].includes(cdrtype)) throw new PwError('Invalid value for cdrtype.');
  const server = serverArg(args, ctx)?.id;
  const page = args.get('page') ? Number(args.get('page')) : 1;
  const limit = args.get('limit') ? Number(args.get('limit')) : 16;
  if (!Number.isInteger(page) || page < 1) throw new PwError('Invalid value for page.');
  if (!Number.isInteger(limit) || limit < 1) throw new PwError('Invalid value for limit.');
  if (limit > 1000) throw new PwError('Limit cannot be greater than 1000.');
  const fromSec = Math.floor(bounds.fromMs / 1000);
  const toSec = Math.floor(bounds.toMs / 1000);
  return {
    page,
    limit,
    matches: (c) => {
      const sec = Math.floor(c.startedAt / 1000);
      if (sec < fromSec || sec > toSec) return false;
      if (server && c.tenantId !== server) return false;
      if (!(STATUS_BIT[c.disposition] & status)) return false;
      // EMULATOR CONVENTION: internal calls are neither Incoming nor Outgoing; only "All" includes them.
      if (cdrtype === '1' && c.direction !== 'inbound') return false;
      if (cdrtype === '2' && c.direction !== 'outbound') return false;
      if (ext && !ext.has(c.from.number)) return false;
      if (extdst && !extdst.has(c.to.number)) return false;
      if (trunk && !(c.direction === 'inbound' && trunk === TRUNK_ID)) return false;
      if (trunkdst && !(c.direction === 'outbound' && trunkdst === TRUNK_ID)) return false;
      return true;
    },
  };
}

function cdrRow(c: SimCdr, state: PwState, billing: boolean): Array<string | number> {
  const internal = c.direction === 'inbound' ? c.to : c.from;
  const ext = [...state.extensions.values()].find((e) => e.server === c.tenantId && e.ext === internal.number);
  const tenant = state.tenants.get(c.tenantId);
  const row: Array<string | number> = [party(c.from), party(c.to), String(Math.floor(c.startedAt / 1000)), String(c.durationSec)];
  if (billing) row.push(String(c.billableSec), c.cost);
  row.push(
    STATUS_NAME[c.disposition],
    c.id,
    // EMULATOR CONVENTION: recordings live under the tenant code; the sample shows only "path/to/…/file.mp3".
    c.recording ? `/var/spool/asterisk/monitor/${tenant?.tenantcode ?? c.tenantId}/${c.recording.split('/').slice(1).join('/')}` : '',
    c.recording ? 'True' : 'False',
    ext?.location === 'remote' ? 'Remote' : 'Local',
    mosOf(c),
  );
  return row;
}

function cdrDownload(args: PbxArgs, ctx: PwContext) {
  const q = cdrQuery(args, ctx);
  const billing = ctx.state.billingMode;
  const skip = (q.page - 1) * q.limit;
  const rows: SimCdr[] = [];
  let matched = 0;
  let more = false;
  // Oldest first (EMULATOR CONVENTION: the document does not say which order).
  for (const c of ctx.cdrs()) {
    if (!q.matches(c)) continue;
    if (matched++ < skip) continue;
    if (rows.length === q.limit) {
      more = true;
      break;
    }
    rows.push(c);
  }
  const header = ['From', 'To', 'Date/Time', 'Total Duration', ...(billing ? ['Rating Duration', 'Rating Cost'] : []), 'Status', 'Unique ID', 'Recording Path', 'Recording Available', 'Location Type', 'MOS'];
  return { success: 'Success.', next_page: more, limit: q.limit, records: rows.length, header, csv: rows.map((c) => cdrRow(c, ctx.state, billing)) };
}

function cdrBillamount(args: PbxArgs, ctx: PwContext) {
  const q = cdrQuery(args, ctx);
  let units = 0;
  for (const c of ctx.cdrs()) if (q.matches(c)) units += Math.round(Number(c.cost) * 100_000);
  return { billamount: units / 100_000 };
}

function cdrMos(args: PbxArgs, ctx: PwContext) {
  const uniqueid = args.get('uniqueid');
  if (!uniqueid) throw new PwError('Missing required argument: uniqueid');
  const c = ctx.cdrs().find((x) => x.id === uniqueid);
  const mos = c ? mosOf(c) : 0;
  const leg = (suffix: string, ext: string, delta: number) => {
    const m = mos === 0 ? 0 : Math.round((mos + delta) * 10) / 10;
    return { channel: `PJSIP/${ext}-0000000${suffix}`, linkedid: uniqueid, uniqueid: suffix === 'a' ? uniqueid : `${uniqueid}1`, maxmes: m === 0 ? 0 : Math.round((m + 0.2) * 10) / 10, avgmes: m, minmes: m === 0 ? 0 : Math.round((m - 0.3) * 10) / 10 };
  };
  return { success: 'Success.', data: c ? [leg('a', c.from.number.replace('+', ''), 0), leg('b', c.to.number.replace('+', ''), -0.1)] : [] };
}

// ------------------------------------------------------------------------------------------------ recording

function recording(args: PbxArgs, ctx: PwContext) {
  const tenant = serverArg(args, ctx, { required: true, forbidMaster: true })!;
  const ext = args.get('ext');
  if (!ext) throw new PwError('Missing required argument: ext');
  const affected = activeCalls(ctx, tenant.id).filter((c) => c.from.number === ext || c.to.number === ext).length;
  return { success: affected ? 'Call status updated successfully.' : 'No active calls found.', affected_calls: affected };
}

export const liveRoutes: Record<string, PwHandler> = {
  'dashboard.ext_online': dashboardExtOnline,
  'dashboard.sip_registrations': dashboardSipRegistrations,
  'dashboard.calls': dashboardCalls,
  'dashboard.licensing': dashboardLicensing,
  'dashboard.services': constant({ PBXware: 'running', 'PBXware service': 'running', 'PBXware proxy': 'running', 'Push notification': 'running', 'Chat server': 'running', Memcached: 'running' }),
  'dashboard.glocom_users': constant({ glocom_users: 3 }),
  'dashboard.disk_usage': constant({ inuse: '45%' }),
  'dashboard.cpu': constant({ inuse: '7%' }),
  'dashboard.memory': constant({ inuse: '34%' }),
  'monitor.list': monitorList,
  'monitor.live_calls': monitorLiveCalls,
  'cdr.download': cdrDownload,
  'cdr.billamount': cdrBillamount,
  'cdr.mos': cdrMos,
  'recording.start': recording,
  'recording.stop': recording,
  'recording.pause': recording,
  'recording.unpause': recording,
};
