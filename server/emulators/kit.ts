/**
 * Shared machinery for the vendor emulators: one HTTP server per vendor (plain node:http, because HoduPBX
 * answers with 6xx codes that WHATWG Response cannot construct), a test-only control plane under
 * `/__emulator/*` that is never part of any vendor contract, fault injection, a request budget, a clock that
 * can run faster than real time, and seeded generators for call churn and CDR history.
 *
 * Every vendor emulator supplies only what is vendor-specific: its routes, how its errors look, and how it
 * answers when the request budget is exhausted. Emulators are never imported by app code.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// ---------------------------------------------------------------------------------------------- randomness

/** mulberry32: small, fast, deterministic. The same seed always gives the same fixtures and churn. */
export function createRng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Exponential variate with the given mean: gaps of a Poisson process. */
    exp: (mean: number) => -Math.log(1 - next()) * mean,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof createRng>;

// ---------------------------------------------------------------------------------------------- clock

/**
 * Emulator time. `speed` > 1 compresses hours into minutes for soak tests (72 h of churn in a short run);
 * `freeze` stops it for deterministic assertions.
 */
export class EmulatorClock {
  private baseReal = Date.now();
  private baseVirtual = Date.now();
  private speed = 1;
  private frozen = false;

  now(): number {
    if (this.frozen) return this.baseVirtual;
    return this.baseVirtual + (Date.now() - this.baseReal) * this.speed;
  }
  set(opts: { speed?: number; freeze?: boolean; advanceMs?: number; at?: number }) {
    const current = this.now();
    this.baseReal = Date.now();
    this.baseVirtual = opts.at ?? current + (opts.advanceMs ?? 0);
    if (opts.speed !== undefined) this.speed = opts.speed;
    if (opts.freeze !== undefined) this.frozen = opts.freeze;
  }
  describe() {
    return { now: new Date(this.now()).toISOString(), speed: this.speed, frozen: this.frozen };
  }
}

// ---------------------------------------------------------------------------------------------- call churn

export interface Party {
  /** Tenant the call belongs to (vendor's tenant ID, as a string). */
  tenantId: string;
  /** Internal party: an extension number of that tenant. */
  extension: string;
  name: string;
}

export interface SimCall {
  /** Unique, stable for the call's life (Asterisk-style `1675644925.2`). */
  id: string;
  tenantId: string;
  direction: 'inbound' | 'outbound' | 'internal';
  from: { number: string; name?: string };
  to: { number: string; name?: string };
  startedAt: number;
  answeredAt?: number;
  endsAt: number;
}

/**
 * Calls that start and end over time as a Poisson process per tenant. The timeline is generated lazily and
 * deterministically from the seed, so the same seed and clock give the same calls; `inject` adds a call now
 * (click-to-call, tests).
 */
export class CallChurn {
  private rng: Rng;
  private calls: SimCall[] = [];
  private generatedUntil: number;
  private seq = 0;

  constructor(
    private opts: {
      seed: number;
      clock: EmulatorClock;
      parties: () => Party[];
      /** New calls per minute, across all tenants. */
      ratePerMinute: number;
      meanDurationSec: number;
    },
  ) {
    this.rng = createRng(opts.seed);
    this.generatedUntil = opts.clock.now() - 10 * 60_000;
  }

  setRate(ratePerMinute: number) {
    this.opts.ratePerMinute = ratePerMinute;
  }

  active(now = this.opts.clock.now()): SimCall[] {
    this.generate(now);
    this.calls = this.calls.filter((c) => c.endsAt > now - 60_000);
    return this.calls.filter((c) => c.startedAt <= now && c.endsAt > now);
  }

  /** Calls that ended in (since, now], for vendors that append them to their call log. */
  endedSince(since: number, now = this.opts.clock.now()): SimCall[] {
    this.generate(now);
    return this.calls.filter((c) => c.endsAt > since && c.endsAt <= now);
  }

  inject(call: Omit<SimCall, 'id' | 'startedAt' | 'endsAt'> & { durationSec?: number }): SimCall {
    const now = this.opts.clock.now();
    const sim: SimCall = {
      ...call,
      id: `${Math.floor(now / 1000)}.${++this.seq}`,
      startedAt: now,
      endsAt: now + (call.durationSec ?? 60) * 1000,
    };
    this.calls.push(sim);
    return sim;
  }

  private generate(until: number) {
    const { ratePerMinute, meanDurationSec } = this.opts;
    if (ratePerMinute <= 0) {
      this.generatedUntil = until;
      return;
    }
    const meanGapMs = 60_000 / ratePerMinute;
    while (this.generatedUntil < until) {
      this.generatedUntil += this.rng.exp(meanGapMs);
      const parties = this.opts.parties();
      if (parties.length === 0) continue;
      const a = this.rng.pick(parties);
      const kind = this.rng.next();
      const external = `+1${this.rng.int(200, 989)}${this.rng.int(2000000, 9999999)}`;
      const durationMs = Math.max(5, this.rng.exp(meanDurationSec)) * 1000;
      const start = this.generatedUntil;
      let call: Omit<SimCall, 'id'>;
      if (kind < 0.45) {
        call = { tenantId: a.tenantId, direction: 'inbound', from: { number: external }, to: { number: a.extension, name: a.name }, startedAt: start, endsAt: start + durationMs };
      } else if (kind < 0.85) {
        call = { tenantId: a.tenantId, direction: 'outbound', from: { number: a.extension, name: a.name }, to: { number: external }, startedAt: start, endsAt: start + durationMs };
      } else {
        const peers = parties.filter((p) => p.tenantId === a.tenantId && p.extension !== a.extension);
        if (peers.length === 0) continue;
        const b = this.rng.pick(peers);
        call = { tenantId: a.tenantId, direction: 'internal', from: { number: a.extension, name: a.name }, to: { number: b.extension, name: b.name }, startedAt: start, endsAt: start + durationMs };
      }
      call.answeredAt = start + this.rng.int(2, 15) * 1000;
      this.calls.push({ ...call, id: `${Math.floor(start / 1000)}.${++this.seq}` });
    }
  }
}

// ---------------------------------------------------------------------------------------------- CDR history

export type SimDisposition = 'answered' | 'no_answer' | 'busy' | 'failed';

export interface SimCdr {
  id: string;
  tenantId: string;
  direction: 'inbound' | 'outbound' | 'internal';
  from: { number: string; name?: string };
  to: { number: string; name?: string };
  startedAt: number;
  /** Ring + talk, seconds. */
  durationSec: number;
  /** Talk time, seconds (0 unless answered). */
  billableSec: number;
  disposition: SimDisposition;
  /** Decimal string with 5 places, in the tenant's currency; "0.00000" for internal/unanswered calls. */
  cost: string;
  recording?: string;
  trunk?: string;
}

// Share of a day's calls falling in each hour (business-hours peak, lunch dip, quiet nights).
const HOUR_WEIGHT = [1, 0.5, 0.3, 0.3, 0.3, 0.6, 1.5, 4, 9, 12, 12, 11, 8, 10, 12, 11, 10, 7, 4, 3, 2.5, 2, 1.5, 1];
// Sunday..Saturday
const WEEKDAY_WEIGHT = [0.25, 1, 1.05, 1, 1, 0.9, 0.35];

/**
 * A realistic call history: volume by hour of day and weekday, all four dispositions, durations, costs and
 * recording paths. Deterministic from the seed; `callsPerDay` is per tenant on an average weekday.
 */
export function generateCdrHistory(opts: {
  seed: number;
  parties: Party[];
  days: number;
  now: number;
  callsPerDay?: number;
  /** Per-minute rate for outbound calls as a decimal string, default "0.02". */
  ratePerMinute?: string;
}): SimCdr[] {
  const rng = createRng(opts.seed);
  const perDay = opts.callsPerDay ?? 40;
  const ratePerMinuteMicros = Math.round(Number(opts.ratePerMinute ?? '0.02') * 100_000);
  const hourTotal = HOUR_WEIGHT.reduce((s, w) => s + w, 0);
  const tenants = [...new Set(opts.parties.map((p) => p.tenantId))];
  const out: SimCdr[] = [];
  let seq = 0;
  const dayMs = 86_400_000;
  const firstDay = Math.floor(opts.now / dayMs) * dayMs - (opts.days - 1) * dayMs;
  for (let day = firstDay; day <= opts.now; day += dayMs) {
    const weekday = new Date(day).getUTCDay();
    for (const tenantId of tenants) {
      const parties = opts.parties.filter((p) => p.tenantId === tenantId);
      for (let hour = 0; hour < 24; hour++) {
        const expected = (perDay * WEEKDAY_WEIGHT[weekday]! * HOUR_WEIGHT[hour]!) / hourTotal;
        let n = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
        while (n-- > 0) {
          const startedAt = day + hour * 3_600_000 + rng.int(0, 3_599_999);
          if (startedAt > opts.now) continue;
          const a = rng.pick(parties);
          const kind = rng.next();
          const external = `+1${rng.int(200, 989)}${rng.int(2000000, 9999999)}`;
          const direction = kind < 0.45 ? 'inbound' : kind < 0.85 ? 'outbound' : 'internal';
          const b = direction === 'internal' ? rng.pick(parties) : undefined;
          const r = rng.next();
          const disposition: SimDisposition = r < 0.72 ? 'answered' : r < 0.88 ? 'no_answer' : r < 0.96 ? 'busy' : 'failed';
          const ring = rng.int(2, 25);
          const talk = disposition === 'answered' ? Math.max(3, Math.round(rng.exp(150))) : 0;
          const billed = direction === 'outbound' && talk > 0 ? Math.ceil(talk / 60) * ratePerMinuteMicros : 0;
          const id = `${Math.floor(startedAt / 1000)}.${++seq}`;
          out.push({
            id,
            tenantId,
            direction,
            from: direction === 'inbound' ? { number: external } : { number: a.extension, name: a.name },
            to: direction === 'outbound' ? { number: external } : direction === 'internal' ? { number: b!.extension, name: b!.name } : { number: a.extension, name: a.name },
            startedAt,
            durationSec: ring + talk,
            billableSec: talk,
            disposition,
            cost: (billed / 100_000).toFixed(5),
            recording: talk > 0 && rng.chance(0.5) ? `${tenantId}/${new Date(startedAt).toISOString().slice(0, 10)}/${id}.wav` : undefined,
            trunk: direction === 'internal' ? undefined : 'trunk-1',
          });
        }
      }
    }
  }
  return out.sort((x, y) => x.startedAt - y.startedAt);
}

/** A short valid WAV (440 Hz tone) served wherever a vendor gives a recording. */
export function toneWav(seconds = 1, sampleRate = 8000): Buffer {
  const samples = seconds * sampleRate;
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(sampleRate, 24);
  buf.writeUInt32LE(sampleRate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 8000), 44 + i * 2);
  return buf;
}

// ---------------------------------------------------------------------------------------------- faults

export type FaultMode =
  /** The vendor's own error body (PBXware `{"error":…}`, HoduPBX 6xx, …), via the emulator's `vendorError`. */
  | 'vendor-error'
  /** HTTP 200 with a body that is not valid JSON. */
  | 'malformed-json'
  /** HTTP 502 with an HTML page, as a reverse proxy in front of a dead PBX answers. */
  | 'html-error'
  /** HTTP 500 with an empty body. */
  | 'http-500'
  /** The TCP connection is destroyed without a response. */
  | 'reset'
  /** The request is read and never answered. */
  | 'hang';

export interface FaultConfig {
  /** Added to every vendor request, in ms. */
  latencyMs?: number;
  /** Which failure to produce. */
  mode?: FaultMode;
  /** Share of requests that fail, 0..1 (default 1 when a mode is set). */
  rate?: number;
  /** Only this many failures, then healthy again (default: until cleared). */
  remaining?: number;
  /** Only requests whose path+query contains this text fail (e.g. `cdr.download`). */
  match?: string;
}

export interface BudgetConfig {
  requests: number;
  perSeconds: number;
}

export interface EmulatorRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
}

export interface EmulatorDefinition {
  name: string;
  /** Vendor API. Never called for `/__emulator/*`. */
  handle(req: EmulatorRequest, res: http.ServerResponse): void | Promise<void>;
  /** The vendor's own error answer, used by the `vendor-error` fault. */
  vendorError(req: EmulatorRequest, res: http.ServerResponse): void;
  /** How the vendor answers when the request budget is exhausted. */
  budgetExceeded(req: EmulatorRequest, res: http.ServerResponse): void;
  /** Vendor-specific control routes (`/__emulator/<rest>`); return undefined for 404. */
  control?(path: string, body: unknown, method: string): unknown | Promise<unknown>;
  /** `/__emulator/state`: what the vendor API cannot read (hidden balances, stored keymaps, …). */
  state(): unknown;
  reset(): void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  server: http.Server;
  clock: EmulatorClock;
  stats: { requests: number; byAction: Map<string, number> };
  setFaults(f: FaultConfig | null): void;
  setBudget(b: BudgetConfig | null): void;
  close(): Promise<void>;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  // statusMessage must be set explicitly for codes Node has no text for (HoduPBX 6xx).
  res.writeHead(status, http.STATUS_CODES[status] ?? 'Vendor Status', {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function readBody(req: http.IncomingMessage, limit = 5_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts an emulator. The control plane (`/__emulator/*`) offers:
 *   GET  state · POST reset · POST faults {FaultConfig} · DELETE faults · POST budget {requests, perSeconds}
 *   DELETE budget · POST clock {speed?, freeze?, advanceMs?} · GET stats (vendor requests served)
 *   plus whatever the vendor's `control` adds.
 */
export async function startEmulator(
  def: EmulatorDefinition | ((clock: EmulatorClock) => EmulatorDefinition),
  opts: { port?: number; host?: string; clock?: EmulatorClock } = {},
): Promise<RunningEmulator> {
  const clock = opts.clock ?? new EmulatorClock();
  const d = typeof def === 'function' ? def(clock) : def;
  let faults: FaultConfig | null = null;
  let budget: BudgetConfig | null = null;
  let window: number[] = [];
  const stats = { requests: 0, byAction: new Map<string, number>() };
  const sockets = new Set<import('node:net').Socket>();

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator');
      const rawBody = await readBody(req);
      const ereq: EmulatorRequest = { method: req.method ?? 'GET', url, headers: req.headers, rawBody };

      if (url.pathname.startsWith('/__emulator/')) {
        const path = url.pathname.slice('/__emulator/'.length);
        const body = rawBody ? JSON.parse(rawBody) : {};
        const m = ereq.method;
        if (path === 'state' && m === 'GET') return sendJson(res, 200, d.state());
        if (path === 'stats' && m === 'GET') return sendJson(res, 200, { requests: stats.requests, byAction: Object.fromEntries(stats.byAction) });
        if (path === 'reset' && m === 'POST') {
          d.reset();
          faults = null;
          budget = null;
          window = [];
          stats.requests = 0;
          stats.byAction.clear();
          return sendJson(res, 200, { ok: true });
        }
        if (path === 'faults') {
          faults = m === 'DELETE' ? null : (body as FaultConfig);
          return sendJson(res, 200, { faults });
        }
        if (path === 'budget') {
          budget = m === 'DELETE' ? null : (body as BudgetConfig);
          window = [];
          return sendJson(res, 200, { budget });
        }
        if (path === 'clock') {
          if (m === 'POST') clock.set(body as Parameters<EmulatorClock['set']>[0]);
          return sendJson(res, 200, clock.describe());
        }
        const out = d.control ? await d.control(path, body, m) : undefined;
        if (out === undefined) return sendJson(res, 404, { error: `unknown control route ${path}` });
        return sendJson(res, 200, out);
      }

      stats.requests++;
      const key = url.searchParams.get('action') ?? url.pathname;
      stats.byAction.set(key, (stats.byAction.get(key) ?? 0) + 1);

      if (budget) {
        const now = Date.now();
        window = window.filter((t) => t > now - budget!.perSeconds * 1000);
        if (window.length >= budget.requests) return d.budgetExceeded(ereq, res);
        window.push(now);
      }

      const f = faults;
      if (f?.latencyMs) await new Promise((r) => setTimeout(r, f.latencyMs));
      const applies = f?.mode && (!f.match || `${url.pathname}${url.search}${rawBody}`.includes(f.match)) && Math.random() < (f.rate ?? 1);
      if (f && applies) {
        if (f.remaining !== undefined) {
          f.remaining -= 1;
          if (f.remaining <= 0) faults = f.latencyMs ? { latencyMs: f.latencyMs } : null;
        }
        switch (f.mode) {
          case 'vendor-error':
            return d.vendorError(ereq, res);
          case 'malformed-json':
            res.writeHead(200, { 'content-type': 'application/json' });
            return res.end('{"success": "Success.", "csv": [[');
          case 'html-error':
            res.writeHead(502, { 'content-type': 'text/html' });
            return res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>');
          case 'http-500':
            res.writeHead(500);
            return res.end();
          case 'reset':
            return req.socket.destroy();
          case 'hang':
            return; // never answered; the client's deadline must fire
        }
      }
      await d.handle(ereq, res);
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { emulatorError: String(err) });
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    clock,
    stats,
    setFaults: (f) => void (faults = f),
    setBudget: (b) => {
      budget = b;
      window = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
