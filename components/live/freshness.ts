import type { LiveState } from '@/lib/live-protocol';
import type { LiveView } from './live-store';

export interface Freshness {
  /** Seconds since the vendor last answered, on the server's clock. */
  ageSec?: number;
  stale: boolean;
  /** ok · stale (last good shown) · down (never answered) · unsupported · pending */
  health: 'ok' | 'stale' | 'down' | 'unsupported' | 'pending';
}

/**
 * How fresh one stream's data is. Stale when the vendor is failing (the last good answer stays on screen) or
 * when no news arrived for three intervals (the link to the server is down).
 */
export function freshnessOf(state: Pick<LiveState, 'status' | 'fetchedAt' | 'error' | 'intervalMs'> | undefined, view: Pick<LiveView, 'offsetMs' | 'link'>, clientNow: number): Freshness {
  if (!state || state.status === 'pending') return { stale: view.link !== 'open' && view.link !== 'connecting', health: 'pending' };
  if (state.status === 'unsupported') return { stale: false, health: 'unsupported' };
  const ageSec = state.fetchedAt ? Math.max(0, Math.round((clientNow + view.offsetMs - Date.parse(state.fetchedAt)) / 1000)) : undefined;
  if (state.status === 'error') return { ageSec, stale: true, health: 'down' };
  const late = ageSec !== undefined && ageSec * 1000 > Math.max(3 * state.intervalMs, state.intervalMs + 10_000);
  const stale = !!state.error || late;
  return { ageSec, stale, health: stale ? 'stale' : 'ok' };
}

/** "4 s", "3 min", "2 h". */
export function ageText(sec: number | undefined): string {
  if (sec === undefined) return 'never';
  if (sec < 90) return `${sec} s`;
  if (sec < 5400) return `${Math.round(sec / 60)} min`;
  return `${Math.round(sec / 3600)} h`;
}
