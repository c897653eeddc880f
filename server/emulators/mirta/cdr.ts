/**
 * Call history for `/cdr/getCallHistory`. The doc lists only the request parameters, so the whole answer is
 * an EMULATOR CONVENTION (vendor-matrix §5.3): Asterisk-CDR columns, all strings,
 * `{"status":"success","data":[{calldate, src, dst, firstdst, disposition, duration, billsec, cost, uniqueid}]}`,
 * `calldate` as naive "YYYY-MM-DD HH:MM:SS" in the PBX server's zone, which this emulator runs in UTC.
 *
 * Rows come from the kit's seeded 90-day history (generated on first use) plus calls that `CallChurn` ends
 * after start-up, so the log keeps growing while the emulator runs.
 */
import { CallChurn, generateCdrHistory, type EmulatorClock, type Party, type SimCall, type SimCdr, type SimDisposition } from '../kit';

export interface MirtaCdrRow {
  calldate: string;
  src: string;
  dst: string;
  firstdst: string;
  disposition: string;
  duration: string;
  billsec: string;
  cost: string;
  uniqueid: string;
}

export interface CallHistoryFilter {
  tenantId: string;
  /** Inclusive UTC day bounds, epoch ms. */
  fromMs: number;
  toMs: number;
  firstdst?: string;
  disposition?: string;
  cost?: string;
}

const DISPOSITION: Record<SimDisposition, string> = { answered: 'ANSWERED', no_answer: 'NO ANSWER', busy: 'BUSY', failed: 'FAILED' };
const RATE_MICROS_PER_MINUTE = 2_000; // 0.02000 per started minute, as the kit's history

const pad = (n: number) => String(n).padStart(2, '0');
export function formatCallDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `YYYY-MM-DD` or `YYYYMMDD` (the name `_ymd` allows both) → UTC midnight, or undefined. */
export function parseYmd(text: string): number | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? ms : undefined;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class MirtaCallHistory {
  private history: { tenantId: string; row: MirtaCdrRow }[] | undefined;
  private churn: CallChurn;
  private readonly startedAt: number;

  constructor(
    private opts: {
      seed: number;
      clock: EmulatorClock;
      historyDays: number;
      callsPerMinute: number;
      parties: () => Party[];
      /** DID numbers of a tenant: the first destination of inbound calls. */
      didsOf: (tenantId: string) => string[];
    },
  ) {
    this.startedAt = opts.clock.now();
    this.churn = new CallChurn({ seed: opts.seed + 1, clock: opts.clock, parties: opts.parties, ratePerMinute: opts.callsPerMinute, meanDurationSec: 150 });
  }

  /** A call that starts now and lands in the log when it ends (control route `call`). */
  inject(call: Parameters<CallChurn['inject']>[0]): SimCall {
    return this.churn.inject(call);
  }

  query(f: CallHistoryFilter): MirtaCdrRow[] {
    const toExclusive = f.toMs + 86_400_000;
    const live = this.churn.endedSince(this.startedAt).map((c) => ({ tenantId: c.tenantId, row: this.fromCall(c) }));
    const wantDisposition = f.disposition?.toUpperCase().replace(/[_-]/g, ' ');
    return [...this.all(), ...live]
      .filter(({ tenantId, row }) => {
        if (tenantId !== f.tenantId) return false;
        const at = Date.parse(`${row.calldate.replace(' ', 'T')}Z`);
        if (at < f.fromMs || at >= toExclusive) return false;
        if (f.firstdst && row.firstdst !== f.firstdst) return false;
        if (wantDisposition && row.disposition !== wantDisposition) return false;
        // EMULATOR CONVENTION: `cost` filters on whether a call was charged ("1"/"yes" charged, "0"/"no" free).
        if (f.cost && /^(1|yes|true)$/i.test(f.cost) && Number(row.cost) === 0) return false;
        if (f.cost && /^(0|no|false)$/i.test(f.cost) && Number(row.cost) !== 0) return false;
        return true;
      })
      .map(({ row }) => row)
      .sort((a, b) => a.calldate.localeCompare(b.calldate));
  }

  private all() {
    this.history ??= generateCdrHistory({ seed: this.opts.seed, parties: this.opts.parties(), days: this.opts.historyDays, now: this.startedAt }).map(
      (c) => ({ tenantId: c.tenantId, row: this.fromSim(c) }),
    );
    return this.history;
  }

  private firstDst(tenantId: string, id: string, fallback: string): string {
    const dids = this.opts.didsOf(tenantId);
    return dids.length ? dids[hash(id) % dids.length]! : fallback;
  }

  private fromSim(c: SimCdr): MirtaCdrRow {
    return {
      calldate: formatCallDate(c.startedAt),
      src: c.from.number,
      dst: c.to.number,
      // Inbound calls first reach one of the tenant's DIDs, then the extension that took them.
      firstdst: c.direction === 'inbound' ? this.firstDst(c.tenantId, c.id, c.to.number) : c.to.number,
      disposition: DISPOSITION[c.disposition],
      duration: String(c.durationSec),
      billsec: String(c.billableSec),
      cost: c.cost,
      uniqueid: c.id,
    };
  }

  private fromCall(c: SimCall): MirtaCdrRow {
    const billsec = Math.round((c.endsAt - (c.answeredAt ?? c.endsAt)) / 1000);
    const micros = c.direction === 'outbound' && billsec > 0 ? Math.ceil(billsec / 60) * RATE_MICROS_PER_MINUTE : 0;
    return {
      calldate: formatCallDate(c.startedAt),
      src: c.from.number,
      dst: c.to.number,
      firstdst: c.direction === 'inbound' ? this.firstDst(c.tenantId, c.id, c.to.number) : c.to.number,
      disposition: billsec > 0 ? 'ANSWERED' : 'NO ANSWER',
      duration: String(Math.round((c.endsAt - c.startedAt) / 1000)),
      billsec: String(billsec),
      cost: (micros / 100_000).toFixed(5),
      uniqueid: c.id,
    };
  }
}
