import 'server-only';
import type { LiveStream } from '@/lib/live-protocol';

/**
 * Poll intervals per stream. They stay inside every vendor's budget with room to spare: with the defaults a
 * PBXware tenant costs 0.5 req/s for calls, 0.1 for registrations, 0.8 for counters (4 dashboard calls every
 * 5 s) and 1/30 for the balance — about 1.5 req/s per watched tenant, whatever the number of viewers.
 * `SWITCHBOARD_LIVE_INTERVALS="calls=1000,registrations=3000"` overrides them (tests, benchmarks).
 */
export const defaultIntervals: Record<LiveStream, number> = {
  calls: 2_000,
  registrations: 10_000,
  counters: 5_000,
  balance: 60_000,
};

export function intervalsFromEnv(text = process.env.SWITCHBOARD_LIVE_INTERVALS): Record<LiveStream, number> {
  const out = { ...defaultIntervals };
  for (const part of (text ?? '').split(',')) {
    const [k, v] = part.split('=').map((s) => s.trim());
    const ms = Number(v);
    if (k && k in out && Number.isFinite(ms) && ms >= 100) out[k as LiveStream] = ms;
  }
  return out;
}

/** Longest wait between attempts while a vendor fails: a few intervals, never more than a minute (or the interval). */
export const maxBackoffMs = (intervalMs: number) => Math.max(intervalMs, Math.min(intervalMs * 8, 60_000));

/** How long a stream keeps polling after its last viewer left, so a page reload or a reconnect finds it warm. */
export const DEFAULT_LINGER_MS = 10_000;
