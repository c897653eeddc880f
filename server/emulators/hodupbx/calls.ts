/**
 * Calls in the HoduPBX emulator: the seeded 90-day call log, live calls from `CallChurn` (which also land in
 * the call log once they end), recordings, and CRM "Ring" callbacks to the configured URL.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { CallChurn, generateCdrHistory, type EmulatorClock, type SimCall, type SimCdr } from '../kit';
import type { HoduState } from './fixtures';
import { localDateTime } from './wire';

export interface CallLogRow {
  tenant_id: string;
  start_date: string;
  end_date: string;
  caller: string;
  callee: string;
  forward: string;
  incoming_call_charges: string;
  outgoing_call_charges: string;
  /** EMULATOR CONVENTION, only with `callLogCallId`: the documents give the call log no call ID. */
  callid?: string;
}

interface HistoryEntry {
  callid: string;
  cdr: SimCdr;
  row: CallLogRow;
}

export interface CrmDelivery {
  url: string;
  status: number | 'error';
  at: string;
}

/** External numbers are shown as dialled digits, as in the documents' samples. */
const digits = (n: string) => n.replace(/^\+/, '');
const hashOf = (s: string) => createHash('sha1').update(s).digest('hex');
const uuidOf = (s: string) => {
  const h = hashOf(s);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export class HoduCalls {
  readonly churn: CallChurn;
  private history: HistoryEntry[] = [];
  private byCallId = new Map<string, HistoryEntry>();
  private readonly startedAt: number;
  crmUrl: string | null = null;
  /** EMULATOR CONVENTION switch: show `callid` in call log rows (newer servers do; the documents do not). */
  callLogCallId: boolean;
  readonly deliveries: CrmDelivery[] = [];
  private scanTimer: NodeJS.Timeout | null = null;
  private lastScan: number;
  /** Churn calls that ended, kept here because CallChurn forgets them a minute after they end. */
  private ended: CallLogRow[] = [];
  private lastHarvest: number;
  private notified = new Set<string>();

  constructor(
    private state: () => HoduState,
    private clock: EmulatorClock,
    private opts: { seed: number; callsPerMinute: number; historyDays: number; timeZone: string; callLogCallId: boolean },
  ) {
    this.startedAt = clock.now();
    this.callLogCallId = opts.callLogCallId;
    this.lastScan = this.startedAt;
    this.lastHarvest = this.startedAt;
    this.churn = new CallChurn({
      seed: opts.seed + 1,
      clock,
      ratePerMinute: opts.callsPerMinute,
      meanDurationSec: 120,
      parties: () => {
        const s = this.state();
        const active = new Set(s.tenants.filter((t) => t.active).map((t) => t.tenantId));
        return s.extensions.filter((e) => active.has(e.tenantId) && e.active).map((e) => ({ tenantId: e.tenantId, extension: e.number, name: e.name }));
      },
    });
    this.buildHistory();
  }

  private buildHistory() {
    const s = this.state();
    const cdrs = generateCdrHistory({
      seed: this.opts.seed,
      parties: s.extensions.map((e) => ({ tenantId: e.tenantId, extension: e.number, name: e.name })),
      days: this.opts.historyDays,
      now: this.startedAt,
      callsPerDay: 30,
    });
    this.history = cdrs.map((cdr, i) => {
      const callid = String(10001 + i);
      return { callid, cdr, row: this.toRow(cdr, callid) };
    });
    this.byCallId = new Map(this.history.map((h) => [h.callid, h]));
  }

  private toRow(c: { id: string; tenantId: string; direction: SimCdr['direction']; from: { number: string }; to: { number: string }; startedAt: number; durationSec: number; cost?: string }, callid: string): CallLogRow {
    const tz = this.opts.timeZone;
    const callee = digits(c.to.number);
    // Deterministic forwards: about one inbound call in ten was forwarded to a colleague.
    let forward = callee;
    if (c.direction === 'inbound' && parseInt(hashOf(c.id).slice(0, 4), 16) % 10 === 0) {
      const peers = this.state().extensions.filter((e) => e.tenantId === c.tenantId && e.number !== callee);
      if (peers.length) forward = peers[parseInt(hashOf(c.id).slice(4, 8), 16) % peers.length]!.number;
    }
    return {
      tenant_id: c.tenantId,
      start_date: localDateTime(c.startedAt, tz),
      end_date: localDateTime(c.startedAt + c.durationSec * 1000, tz),
      caller: digits(c.from.number),
      callee,
      forward,
      incoming_call_charges: '0.00000',
      outgoing_call_charges: c.direction === 'outbound' ? (c.cost ?? '0.00000') : '0.00000',
      callid,
    };
  }

  /** Call log rows whose local start date lies in [start, end] (inclusive, YYYY-MM-DD). */
  callLog(tenantId: string | undefined, start: string, end: string, number?: string): CallLogRow[] {
    const inRange = (r: CallLogRow) => {
      const d = r.start_date.slice(0, 10);
      return d >= start && d <= end && (!tenantId || r.tenant_id === tenantId) && (!number || r.caller === number || r.callee === number || r.forward === number);
    };
    this.harvest();
    const rows = [...this.history.map((h) => h.row), ...this.ended].filter(inRange);
    return this.callLogCallId ? rows : rows.map(({ callid: _callid, ...documented }) => documented);
  }

  private harvest(now = this.clock.now()) {
    for (const c of this.churn.endedSince(this.lastHarvest, now)) {
      this.ended.push(this.toRow({ ...c, durationSec: Math.round((c.endsAt - c.startedAt) / 1000), cost: '0.00000' }, c.id));
    }
    this.lastHarvest = now;
  }

  /** Every read of live calls goes through here, so ended calls are harvested before churn prunes them. */
  private liveNow(now = this.clock.now()): SimCall[] {
    this.harvest(now);
    return this.churn.active(now);
  }

  active(tenantId?: string): { caller_number: string; callee_number: string; start_time: string }[] {
    return this.liveNow()
      .filter((c) => !tenantId || c.tenantId === tenantId)
      .map((c) => ({ caller_number: digits(c.from.number), callee_number: digits(c.to.number), start_time: localDateTime(c.startedAt, this.opts.timeZone) }));
  }

  /** The recording URL path of a call, if it was recorded and the viewer may see it. */
  recordingPath(callid: string, tenantId?: string): string | undefined {
    const h = this.byCallId.get(callid);
    if (!h?.cdr.recording || (tenantId && h.cdr.tenantId !== tenantId)) return undefined;
    const date = localDateTime(h.cdr.startedAt, this.opts.timeZone).slice(0, 10);
    return `/fs_sounds/recordings/0/${h.cdr.tenantId}/auto_rec/${date}/${uuidOf(h.cdr.id)}.wav`;
  }

  /** Test and demo helper: call IDs that have a recording. */
  recordedCallIds(tenantId: string, limit = 5): string[] {
    return this.history.filter((h) => h.cdr.recording && h.cdr.tenantId === tenantId).slice(-limit).map((h) => h.callid);
  }

  // ------------------------------------------------------------------------------------------- CRM callbacks

  /** A new call ringing `ext`: inject it and, if the extension is subscribed, call back. */
  ring(call: Omit<SimCall, 'id' | 'startedAt' | 'endsAt'> & { durationSec?: number }, ringingExt: string): SimCall {
    const sim = this.churn.inject(call);
    this.notifyRing(sim, ringingExt);
    return sim;
  }

  /** Watches churn for calls ringing subscribed extensions while there is a URL and a subscriber. */
  syncScanner() {
    const wanted = this.crmUrl !== null && this.state().crmSubscriptions.size > 0;
    if (wanted && !this.scanTimer) {
      this.lastScan = this.clock.now();
      this.scanTimer = setInterval(() => this.scan(), 250);
      this.scanTimer.unref();
    } else if (!wanted && this.scanTimer) {
      clearInterval(this.scanTimer);
      this.scanTimer = null;
    }
  }

  stop() {
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.scanTimer = null;
  }

  private scan() {
    const now = this.clock.now();
    for (const c of this.liveNow(now)) {
      if (c.startedAt > this.lastScan && c.direction !== 'outbound') this.notifyRing(c, c.to.number);
    }
    this.lastScan = now;
  }

  private notifyRing(call: SimCall, ext: string) {
    const s = this.state();
    const key = `${call.id}:${ext}`;
    if (!this.crmUrl || !s.crmSubscriptions.has(`${call.tenantId}:${ext}`) || this.notified.has(key)) return;
    this.notified.add(key);
    if (this.notified.size > 2000) this.notified = new Set([...this.notified].slice(-1000));
    const url = new URL(this.crmUrl);
    const q = url.searchParams;
    q.set('uuid', uuidOf(`${call.id}:${ext}`));
    // "extension number with tenantID as Suffix" (000:L103); the sample 1000103 reads as tenant + extension.
    q.set('extension_number', `${call.tenantId}${ext}`);
    q.set('caller_name', call.from.name ?? '');
    q.set('caller_number', digits(call.from.number));
    q.set('call_status', 'Ring');
    this.deliver(url.toString());
  }

  /** The documents say "POST Method" but show a GET URL with query parameters; we send the GET. */
  private deliver(url: string) {
    const record: CrmDelivery = { url, status: 'error', at: new Date(this.clock.now()).toISOString() };
    this.deliveries.push(record);
    if (this.deliveries.length > 50) this.deliveries.shift();
    const req = (url.startsWith('https:') ? https : http).get(url, { timeout: 5000 }, (res) => {
      record.status = res.statusCode ?? 0;
      res.resume();
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => void (record.status = 'error'));
  }
}
