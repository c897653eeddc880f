/**
 * The moving parts of GET /api/tenant/status: current calls come from kit's CallChurn, the 24-hour series
 * from a seeded history (the day before the emulator started) plus every churn call since, and online users
 * from a presence model that follows each tenant's office hours. All deterministic from the seed and clock.
 */
import { CallChurn, createRng, generateCdrHistory, type EmulatorClock, type Party, type SimCall } from '../kit';
import type { TenantState } from './fixtures';
import { WEEKDAYS, type WireOfficeHours } from './types';

const HOUR = 3_600_000;

export interface TrafficOptions {
  seed: number;
  clock: EmulatorClock;
  tenants: () => TenantState[];
  /** New calls per minute across all tenants. */
  callsPerMinute: number;
  /** Days of seeded history; only the last 24 hours are ever served, so anything above 2 is capped. */
  historyDays: number;
}

export class TenantTraffic {
  private churn: CallChurn;
  /** Call start instants per tenant ID, pruned to the last 25 hours. */
  private starts = new Map<string, number[]>();
  /** IDs of the calls active at the last tally (already counted). */
  private seen = new Set<string>();
  private lastTally: number;
  private readonly historyEnd: number;

  constructor(private opts: TrafficOptions) {
    const now = opts.clock.now();
    this.historyEnd = now;
    this.lastTally = now;
    const parties = () => opts.tenants().flatMap((t) => t.users.map((u): Party => ({ tenantId: t.tenant.id, extension: u.extension, name: u.name })));
    this.churn = new CallChurn({ seed: opts.seed + 1, clock: opts.clock, parties, ratePerMinute: opts.callsPerMinute, meanDurationSec: 150 });
    const days = Math.min(2, Math.max(0, Math.floor(opts.historyDays)));
    const tenantCount = Math.max(1, opts.tenants().length);
    if (days > 0 && opts.callsPerMinute > 0) {
      const history = generateCdrHistory({ seed: opts.seed + 2, parties: parties(), days, now, callsPerDay: Math.round((opts.callsPerMinute * 1440) / tenantCount) });
      for (const cdr of history) if (cdr.startedAt > now - 25 * HOUR) this.record(cdr.tenantId, cdr.startedAt);
    }
  }

  setRate(callsPerMinute: number) {
    this.tally();
    this.churn.setRate(callsPerMinute);
  }

  /** A call placed through the control plane (tests, demos). */
  inject(tenant: TenantState, opts: { durationSec?: number; direction?: SimCall['direction'] } = {}): SimCall {
    const user = tenant.users[0]!;
    const call = this.churn.inject({
      tenantId: tenant.tenant.id,
      direction: opts.direction ?? 'inbound',
      from: { number: '+15555550100' },
      to: { number: user.extension, name: user.name },
      durationSec: opts.durationSec,
    });
    this.tally();
    return call;
  }

  activeCalls(tenantId: string): SimCall[] {
    return this.tally().filter((c) => c.tenantId === tenantId);
  }

  status(t: TenantState) {
    const now = this.opts.clock.now();
    const active = this.activeCalls(t.tenant.id);
    const busy = new Set(active.flatMap((c) => [c.from.number, c.to.number]));
    const slot = Math.floor(now / (10 * 60_000));
    const open = isOpen(t.tenant.office_hours, t.tenant.timezone, now);
    const online = t.users.filter((u, i) => {
      if (busy.has(u.extension)) return true;
      // EMULATOR CONVENTION: a user on a call is online; otherwise desk phones stay registered in office hours
      // and after hours only a few softphones remain (re-drawn every 10 minutes).
      const p = open ? u.presence : u.presence * 0.2;
      return createRng(this.opts.seed * 7919 + slot * 131 + tenantSalt(t.tenant.id) + i).next() < p;
    }).length;

    const starts = this.starts.get(t.tenant.id) ?? [];
    // EMULATOR CONVENTION: 24 hourly buckets, oldest first, `time` = the hour's start; the last is the current hour.
    const firstBucket = Math.floor(now / HOUR) * HOUR - 23 * HOUR;
    const counts = new Array<number>(24).fill(0);
    for (const s of starts) {
      const i = Math.floor((s - firstBucket) / HOUR);
      if (i >= 0 && i < 24 && s <= now) counts[i]! += 1;
    }
    return {
      current_calls: active.length,
      online_users: online,
      calls_in_24_hours: counts.map((count, i) => ({ time: new Date(firstBucket + i * HOUR).toISOString().replace('.000Z', 'Z'), count })),
    };
  }

  /** Folds every churn call seen since the last look into the per-tenant start series; returns the active ones. */
  private tally(): SimCall[] {
    const now = this.opts.clock.now();
    const ended = this.churn.endedSince(this.lastTally, now);
    const active = this.churn.active(now);
    for (const c of [...ended, ...active]) {
      if (this.seen.has(c.id)) continue;
      this.seen.add(c.id);
      // Churn starts ten minutes before the clock; those minutes are already covered by the seeded history.
      if (c.startedAt >= this.historyEnd) this.record(c.tenantId, c.startedAt);
    }
    this.lastTally = now;
    // Any call the next tally returns either is active now or starts after now, so this is all we must remember.
    this.seen = new Set(active.map((c) => c.id));
    for (const [id, list] of this.starts) {
      if (list.length > 0 && list[0]! < now - 25 * HOUR) this.starts.set(id, list.filter((s) => s >= now - 25 * HOUR));
    }
    return active;
  }

  private record(tenantId: string, at: number) {
    const list = this.starts.get(tenantId) ?? [];
    list.push(at);
    this.starts.set(tenantId, list);
  }
}

function tenantSalt(id: string): number {
  let h = 0;
  for (const ch of id) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** Whether the tenant's office hours cover this instant, in the tenant's own time zone. */
export function isOpen(hours: WireOfficeHours, timezone: string, at: number): boolean {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  } catch {
    return false;
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS.find((d) => d === get('weekday').toLowerCase());
  if (!day) return false;
  const hhmm = `${get('hour')}:${get('minute')}`;
  const d = hours[day];
  return d.enabled && d.ranges.some((r) => r.from <= hhmm && hhmm < r.to);
}
