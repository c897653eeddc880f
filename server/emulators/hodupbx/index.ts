/**
 * HoduPBX emulator: both URL families (`/hodupbx_api/api/…` of the admin guide and `/hodupbx_api/v1.4/api/…`
 * of the tenant manual), POST with `token_id` in a JSON body, the `{userType}` and date path segments, the
 * `{status, message, data}` envelope and each endpoint family's own status codes, sent as real HTTP statuses
 * (601–617 included, hence plain node:http via the kit).
 *
 * Vendor-specific control routes (besides the kit's faults, budget, clock, reset, state, stats):
 *   POST /__emulator/crm-callback {url}   EMULATOR CONVENTION: where CRM "Ring" callbacks go (the documents
 *                                          do not say where this is configured); GET shows deliveries.
 *   POST /__emulator/ring {tenant_id, extension, caller_number?, caller_name?}   an inbound call rings now.
 *   POST /__emulator/tenant {tenant_id, active?, api_access?, balance?}         flip tenant flags.
 *   POST /__emulator/calls {callsPerMinute}                                     churn rate.
 *   POST /__emulator/recorded-calls {tenant_id}                                 call IDs with a recording.
 *   POST /__emulator/call-log-callid {enabled}                                  add `callid` to call log rows.
 *   The token of a tenant made with createTenant is in GET /__emulator/state (`tenants[].token`).
 */
import type http from 'node:http';
import { startEmulator, sendJson, toneWav, type EmulatorClock, type EmulatorDefinition, type EmulatorRequest, type RunningEmulator } from '../kit';
import { HODU_ENDPOINT_FAMILY, type HoduFamily } from '@/server/adapters/hodupbx/codes';
import { HoduCalls } from './calls';
import type { Handler, HoduCtx, RouteParams } from './context';
import { createFixtures, HODUPBX_DEMO_CREDENTIALS } from './fixtures';
import * as admin from './routes-admin';
import * as calls from './routes-calls';
import * as exts from './routes-extensions';
import * as tenant from './routes-tenant';
import { fail, str } from './wire';

export { HODUPBX_DEMO_CREDENTIALS };

export interface HodupbxEmulatorOptions {
  seed?: number;
  /** New live calls per minute across all tenants (default 6). */
  callsPerMinute?: number;
  /** Days of call log history (default 90). */
  historyDays?: number;
  /** The PBX's zone: every date-time on the wire is naive local time in it (default UTC). */
  timeZone?: string;
  /** EMULATOR CONVENTION: add a `callid` to call log rows, as newer HoduPBX versions do (default off). */
  callLogCallId?: boolean;
}

/** `info/<name>`, no userType (click2call, CRM, admin lookups). */
const INFO_PLAIN: Record<string, Handler> = {
  click2call: calls.click2call,
  crmSubscribe: calls.crmSubscribe,
  crmUnSubscribe: calls.crmUnSubscribe,
  getCountry: admin.getCountry,
  getCurrency: admin.getCurrency,
  getCodecs: admin.getCodecs,
  getLanguage: admin.getLanguage,
  getBillplan: admin.getBillplan,
  getRateplan: admin.getRateplan,
  getOGRule: admin.getOGRule,
  getDID: admin.getDID,
};
/** `info/{userType}/<name>`. */
const INFO_TYPED: Record<string, Handler> = {
  activeCalls: calls.activeCalls,
  balance: calls.balance,
  recordingPath: calls.recordingPath,
  mapDid: tenant.mapDid,
  getPlan: tenant.getPlan,
  getGroup: tenant.getGroup,
  getShift: tenant.getShift,
  getTimezone: tenant.getTimezone,
  getTenantDetails: tenant.getTenantDetails,
  getTenantInfo: tenant.getTenantInfo,
  getExtension: tenant.getExtension,
  getIVR: tenant.getIVR,
  getQueue: tenant.getQueue,
  getRingGroup: tenant.getRingGroup,
  getVoicemailExt: tenant.getVoicemailExt,
  getInvoice: tenant.getInvoice,
};
/** `info/{startDate}/{endDate}/{userType}/<name>`. */
const INFO_DATED: Record<string, Handler> = { callLog: calls.callLog, getPayment: tenant.getPayment };

const ROOTS = ['/hodupbx_api/v1.4/api/', '/hodupbx_api/api/'];

function route(pathname: string): { name: string; handler: Handler; params: RouteParams } | undefined {
  const root = ROOTS.find((r) => pathname.startsWith(r));
  if (!root) return undefined;
  const s = pathname.slice(root.length).split('/').filter(Boolean).map(decodeURIComponent);
  const [a, b, c, d, e] = s;
  const pick = (table: Record<string, Handler>, name: string | undefined, params: RouteParams = {}) =>
    name && Object.hasOwn(table, name) ? { name, handler: table[name]!, params } : undefined;
  if (s.length === 1 && a === 'extension') return { name: a, handler: exts.extensionFeature, params: {} };
  if (s.length === 1 && a === 'speeddial') return { name: a, handler: exts.speedDial, params: {} };
  if (s.length === 2 && a === 'assign' && b === 'assignDid') return { name: b, handler: admin.assignDid, params: {} };
  if (s.length === 2 && a === 'add' && b === 'createTenant') return { name: b, handler: admin.createTenant, params: {} };
  if (s.length === 3 && a === 'add' && c === 'createExtension') return { name: c, handler: exts.createExtension, params: { userType: b } };
  if (s.length === 3 && a === 'update' && c === 'updateExtension') return { name: c, handler: exts.updateExtension, params: { userType: b } };
  if (a !== 'info') return undefined;
  if (s.length === 2) return pick(INFO_PLAIN, b);
  if (s.length === 3) return pick(INFO_TYPED, c, { userType: b });
  if (s.length === 5) return pick(INFO_DATED, e, { start: b, end: c, userType: d });
  return undefined;
}

/** What the `vendor-error` fault answers, per family: a documented failure of that endpoint. */
const FAULT_CODE: Record<HoduFamily, number> = {
  callLog: 500,
  activeCalls: 500,
  balance: 500,
  recordingPath: 500,
  click2call: 500,
  crm: 406,
  adminLookup: 603,
  assignDid: 610,
  createTenant: 606,
  extensionWrite: 609,
  extensionFeature: 609,
  speedDial: 608,
  mapDid: 603,
  tenantLookup: 606,
  tenantList: 603,
  payment: 603,
  invoice: 603,
};

export type HodupbxEmulatorDefinition = EmulatorDefinition & { stop(): void };

export function createHodupbxEmulator(opts: HodupbxEmulatorOptions = {}): (clock: EmulatorClock) => HodupbxEmulatorDefinition {
  return (clock) => {
    const seed = opts.seed ?? 4102;
    const timeZone = opts.timeZone ?? 'UTC';
    const settings = { seed, callsPerMinute: opts.callsPerMinute ?? 6, historyDays: opts.historyDays ?? 90, timeZone, callLogCallId: opts.callLogCallId ?? false };
    const build = (): HoduCtx => {
      const built = { state: createFixtures(clock.now()), clock, timeZone } as HoduCtx;
      built.calls = new HoduCalls(() => built.state, clock, { ...settings });
      return built;
    };
    let ctx: HoduCtx = build();

    const familyOf = (req: EmulatorRequest): HoduFamily | null => {
      const r = route(req.url.pathname);
      return r ? (HODU_ENDPOINT_FAMILY[r.name] ?? null) : null;
    };

    return {
      name: 'hodupbx',
      handle(req, res) {
        if (req.method === 'GET' && /^\/fs_sounds\/recordings\/.+\.wav$/.test(req.url.pathname)) return sendWav(res);
        const r = route(req.url.pathname);
        // "424 Method Failed: When Invalid URL/Method is called"; every HoduPBX API call is a POST.
        if (!r || req.method !== 'POST') return fail(res, r ? (HODU_ENDPOINT_FAMILY[r.name] ?? null) : null, 424);
        r.handler(ctx, req, res, r.params);
      },
      vendorError(req, res) {
        const family = familyOf(req);
        if (!family) return fail(res, null, 424);
        fail(res, family, FAULT_CODE[family]);
      },
      budgetExceeded(_req, res) {
        // EMULATOR CONVENTION: the documents describe no rate limit; 429 with the usual envelope.
        sendJson(res, 429, { status: 'FAILED', message: 'Too Many Requests' });
      },
      control(path, body, method) {
        const b = (body ?? {}) as Record<string, unknown>;
        if (path === 'crm-callback') {
          if (method === 'POST') {
            const url = str(b.url);
            ctx.calls.crmUrl = url ? new URL(url).toString() : null;
            ctx.calls.syncScanner();
          }
          return { url: ctx.calls.crmUrl, deliveries: ctx.calls.deliveries };
        }
        if (path === 'ring' && method === 'POST') {
          const ext = ctx.state.extensions.find((e) => e.tenantId === str(b.tenant_id) && e.number === str(b.extension));
          if (!ext) return { error: 'unknown tenant_id/extension' };
          const call = ctx.calls.ring(
            { tenantId: ext.tenantId, direction: 'inbound', from: { number: str(b.caller_number) ?? '14155550123', name: str(b.caller_name) }, to: { number: ext.number, name: ext.name }, durationSec: Number(b.durationSec ?? 60) },
            ext.number,
          );
          return { id: call.id };
        }
        if (path === 'tenant' && method === 'POST') {
          const t = ctx.state.tenants.find((x) => x.tenantId === str(b.tenant_id));
          if (!t) return { error: 'unknown tenant_id' };
          if (typeof b.active === 'boolean') t.active = b.active;
          if (typeof b.api_access === 'boolean') t.apiAccess = b.api_access;
          if (typeof b.balance === 'string') t.balance = b.balance;
          return { tenant_id: t.tenantId, active: t.active, api_access: t.apiAccess, balance: t.balance };
        }
        if (path === 'calls' && method === 'POST') {
          ctx.calls.churn.setRate(Number(b.callsPerMinute ?? 0));
          return { callsPerMinute: Number(b.callsPerMinute ?? 0) };
        }
        if (path === 'recorded-calls' && method === 'POST') return { callids: ctx.calls.recordedCallIds(str(b.tenant_id) ?? '1000') };
        if (path === 'call-log-callid' && method === 'POST') {
          ctx.calls.callLogCallId = b.enabled === true;
          return { callLogCallId: ctx.calls.callLogCallId };
        }
        return undefined;
      },
      state() {
        const s = ctx.state;
        return {
          timeZone,
          tenants: s.tenants.map((t) => ({
            tenant_id: t.tenantId,
            name: t.name,
            active: t.active,
            api_access: t.apiAccess,
            balance: t.balance,
            currency: t.currency,
            token: [...s.tenantTokens].find(([, tid]) => tid === t.tenantId)?.[0] ?? null,
          })),
          extensions: s.extensions.map((e) => ({ ext_id: e.extId, tenant_id: e.tenantId, number: e.number, name: e.name, features: e.features, speed_dial: e.speedDial })),
          dids: s.dids.map((d) => ({ did_id: d.didId, number: d.number, tenant_id: d.tenantId, destination: d.destination ?? null })),
          crm: { url: ctx.calls.crmUrl, subscriptions: [...s.crmSubscriptions], deliveries: ctx.calls.deliveries.length },
        };
      },
      reset() {
        ctx.calls.stop();
        ctx = build();
      },
      stop() {
        ctx.calls.stop();
      },
    };
  };
}

function sendWav(res: http.ServerResponse) {
  const wav = toneWav(2);
  res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': wav.length });
  res.end(wav);
}

export async function startHodupbxEmulator(opts: { port?: number; seed?: number; callsPerMinute?: number; historyDays?: number } & HodupbxEmulatorOptions = {}): Promise<RunningEmulator> {
  const factory = createHodupbxEmulator(opts);
  let def: HodupbxEmulatorDefinition | undefined;
  const running = await startEmulator((clock) => (def = factory(clock)), { port: opts.port ?? 4102 });
  const close = running.close;
  // The CRM scanner's timer is unref'd, but a closed emulator should not call anyone back.
  return { ...running, close: async () => (def?.stop(), close()) };
}
