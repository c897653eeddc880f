/**
 * Bicom PBXware emulator. One endpoint, the web root (`/`, and `/index.php` by EMULATOR CONVENTION), with
 * everything in arguments: `?apikey=…&action=pbxware.<object>.<method>[&…]` by GET, or the same as a POST form
 * (POST fields override the query). Lists are objects keyed by ID with string values; writes answer
 * `{"success": "…", "id": …}`.
 *
 * HTTP status: every vendor answer, errors included, is HTTP 200. The document signals failure only through an
 * `error` key in the body ("In case response message contains `error` key, all further operations must be
 * aborted") and never mentions a status; PBXware is a PHP application that prints its JSON answer, so 200 is the
 * faithful reading (vendor-matrix §5.4). Adapters must look at the body, not the status. Two exceptions that are
 * not PBXware's API at all: an unknown path gets the web server's 404 page, and the request budget (below).
 *
 * Test-only control plane: kit's `/__emulator/*` (faults, budget, clock, reset, state, stats) plus
 *   POST /__emulator/calls {tenantId, from, to, direction?, durationSec?}  start a live call now
 *   POST /__emulator/rate {callsPerMinute}                                 change the churn rate
 *   POST /__emulator/billing-mode {enabled}                                CDR billing columns on/off
 *   POST /__emulator/device {id, online?, dnd?}                            change an extension's device state
 */
import type http from 'node:http';
import { CallChurn, generateCdrHistory, sendJson, type EmulatorClock, type EmulatorDefinition, type EmulatorRequest, type Party, type SimCall, type SimCdr, startEmulator, type RunningEmulator } from '../kit';
import { PbxArgs } from './args';
import { PwError, type PwContext, type PwHandler } from './context';
import { buildPbxwareState, MASTER_TENANT_ID, type PwState } from './fixtures';
import { didIvrRoutes } from './routes-did-ivr';
import { extRoutes } from './routes-ext';
import { liveRoutes } from './routes-live';
import { otimesRoutes } from './routes-otimes';

/** The demo's and the tests' API key (PBXware wants at least 10 characters). */
export const PBXWARE_DEMO_CREDENTIALS = { apiKey: 'sb-demo-pbxware-7f3a9c2e51' } as const;

export interface PbxwareEmulatorOptions {
  seed?: number;
  /** New live calls per minute across all tenants (default 6). */
  callsPerMinute?: number;
  /** Days of CDR history (default 90). */
  historyDays?: number;
  /** History calls per tenant on an average weekday (default 40). */
  callsPerDay?: number;
  apiKey?: string;
  /** CDR billing columns (default on). */
  billingMode?: boolean;
}

const ROUTES: Record<string, PwHandler> = { ...extRoutes, ...didIvrRoutes, ...otimesRoutes, ...liveRoutes };

function parties(state: PwState): Party[] {
  return [...state.extensions.values()]
    .filter((e) => e.status === 'enabled' && e.server !== MASTER_TENANT_ID)
    .map((e) => ({ tenantId: e.server, extension: e.ext, name: e.name }));
}

/** A live call that has ended becomes a CDR, so history keeps growing while the emulator runs. */
function callToCdr(c: SimCall): SimCdr {
  const talk = c.answeredAt !== undefined ? Math.max(0, Math.round((c.endsAt - c.answeredAt) / 1000)) : 0;
  const billedMinutes = c.direction === 'outbound' && talk > 0 ? Math.ceil(talk / 60) : 0;
  const sec = Math.floor(c.startedAt / 1000);
  return {
    id: c.id,
    tenantId: c.tenantId,
    direction: c.direction,
    from: c.from,
    to: c.to,
    startedAt: c.startedAt,
    durationSec: Math.max(1, Math.round((c.endsAt - c.startedAt) / 1000)),
    billableSec: talk,
    disposition: talk > 0 ? 'answered' : 'no_answer',
    cost: (billedMinutes * 0.02).toFixed(5),
    recording: talk > 0 && sec % 2 === 0 ? `${c.tenantId}/${new Date(c.startedAt).toISOString().slice(0, 10)}/${c.id}.wav` : undefined,
    trunk: c.direction === 'internal' ? undefined : 'trunk-1',
  };
}

export function createPbxwareEmulator(opts: PbxwareEmulatorOptions = {}) {
  const seed = opts.seed ?? 4101;
  const apiKey = opts.apiKey ?? PBXWARE_DEMO_CREDENTIALS.apiKey;

  return (clock: EmulatorClock): EmulatorDefinition => {
    let state: PwState;
    let churn: CallChurn;
    let history: SimCdr[] | undefined;
    let historyAt: number;
    let harvestedUntil: number;
    let endedEarly: SimCdr[] = [];

    const init = () => {
      historyAt = clock.now();
      state = buildPbxwareState(seed, historyAt);
      if (opts.billingMode === false) state.billingMode = false;
      churn = new CallChurn({ seed: seed + 1, clock, parties: () => parties(state), ratePerMinute: opts.callsPerMinute ?? 6, meanDurationSec: 150 });
      history = undefined;
      endedEarly = [];
      harvestedUntil = historyAt;
    };
    init();

    /** Live calls that have ended become CDRs; kept apart until the history exists, so startup stays instant. */
    const harvest = () => {
      const now = clock.now();
      if (now <= harvestedUntil) return;
      const ended = churn.endedSince(harvestedUntil, now).map(callToCdr);
      harvestedUntil = now;
      if (ended.length === 0) return;
      if (!history) endedEarly.push(...ended);
      else {
        history.push(...ended);
        history.sort((a, b) => a.startedAt - b.startedAt);
      }
    };
    // History is generated on first use (~12k rows, a few tens of ms).
    const cdrs = (): SimCdr[] => {
      harvest();
      if (!history) {
        history = generateCdrHistory({ seed: seed + 2, parties: parties(buildPbxwareState(seed, historyAt)), days: opts.historyDays ?? 90, now: historyAt, callsPerDay: opts.callsPerDay ?? 40 });
        history.push(...endedEarly);
        history.sort((a, b) => a.startedAt - b.startedAt);
        endedEarly = [];
      }
      return history;
    };
    const ctx: PwContext = {
      get state() {
        return state;
      },
      clock,
      get churn() {
        return churn;
      },
      cdrs,
    };

    const error = (res: http.ServerResponse, message: string) => sendJson(res, 200, { error: message });

    return {
      name: 'pbxware',
      handle(req: EmulatorRequest, res) {
        if (req.url.pathname !== '/' && req.url.pathname !== '/index.php') {
          res.writeHead(404, { 'content-type': 'text/html' });
          return void res.end('<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
        }
        // Harvest ended calls before anything reads live state, so no ended call is lost to CallChurn's pruning.
        harvest();
        const args = PbxArgs.from(req);
        if (args.get('apikey') !== apiKey) return error(res, 'Invalid API key.');
        const format = args.get('apiformat');
        if (format && format !== 'json') return error(res, 'Unsupported apiformat.'); // EMULATOR CONVENTION: no PHP serialisation.
        const action = args.get('action') ?? '';
        const handler = action.startsWith('pbxware.') ? ROUTES[action.slice('pbxware.'.length)] : undefined;
        if (!handler) return error(res, 'Invalid action.'); // EMULATOR CONVENTION text, for an unknown object or method.
        try {
          sendJson(res, 200, handler(args, ctx));
        } catch (err) {
          if (err instanceof PwError) return error(res, err.message);
          throw err;
        }
      },
      vendorError(_req, res) {
        // EMULATOR CONVENTION: a generic server-side failure in PBXware's only error shape.
        error(res, 'Database connection failed.');
      },
      budgetExceeded(_req, res) {
        // EMULATOR CONVENTION: PBXware documents no rate limit. We answer the way a PBXware behind a rate-limiting
        // web server would: HTTP 429 with Retry-After, and the body in PBXware's own error shape so a client that
        // only reads bodies still stops.
        res.setHeader('retry-after', '1');
        sendJson(res, 429, { error: 'Too many requests.' });
      },
      control(path, body, method) {
        const b = (body ?? {}) as Record<string, unknown>;
        if (method !== 'POST') return undefined;
        if (path === 'calls') {
          const tenantId = String(b.tenantId ?? '');
          const from = String(b.from ?? '');
          const to = String(b.to ?? '');
          const find = (n: string) => [...state.extensions.values()].find((e) => e.server === tenantId && e.ext === n);
          const direction = (b.direction as SimCall['direction'] | undefined) ?? (find(from) && find(to) ? 'internal' : find(from) ? 'outbound' : 'inbound');
          const call = churn.inject({
            tenantId,
            direction,
            from: { number: from, name: find(from)?.name },
            to: { number: to, name: find(to)?.name },
            answeredAt: clock.now(),
            durationSec: typeof b.durationSec === 'number' ? b.durationSec : 60,
          });
          return { call };
        }
        if (path === 'rate') {
          churn.setRate(Number(b.callsPerMinute ?? 0));
          return { callsPerMinute: Number(b.callsPerMinute ?? 0) };
        }
        if (path === 'billing-mode') {
          state.billingMode = b.enabled !== false;
          return { billingMode: state.billingMode };
        }
        if (path === 'device') {
          const e = state.extensions.get(String(b.id ?? ''));
          if (!e) return { error: 'no such extension' };
          if (typeof b.online === 'boolean') {
            e.device.online = b.online;
            if (b.online && !e.device.ip) e.device.ip = '10.0.0.99';
          }
          if (typeof b.dnd === 'boolean') e.device.dnd = b.dnd;
          return { device: e.device };
        }
        return undefined;
      },
      state() {
        return {
          billingMode: state.billingMode,
          tenants: [...state.tenants.values()].map((t) => ({ ...t, extensions: [...state.extensions.values()].filter((e) => e.server === t.id).length })),
          balances: Object.fromEntries([...state.extensions.values()].map((e) => [e.id, e.billing])),
          keymaps: Object.fromEntries([...state.ivrs.values()].map((i) => [i.id, i.keymap])),
          otimes: Object.fromEntries(Object.entries(state.otimes).map(([k, m]) => [k, Object.fromEntries(m)])),
          liveCalls: churn.active().length,
          cdrs: history?.length ?? null,
        };
      },
      reset() {
        init();
      },
    };
  };
}

export function startPbxwareEmulator(opts: { port?: number; seed?: number; callsPerMinute?: number; historyDays?: number } & PbxwareEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port, ...rest } = opts;
  return startEmulator(createPbxwareEmulator(rest), { port: port ?? 0 });
}
