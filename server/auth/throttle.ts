import 'server-only';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;
const failures = new Map<string, number[]>();

/**
 * Slows password guessing: after 10 failed sign-ins for one e-mail within 15 minutes, further attempts are
 * refused until the window moves on. In-process; a scaled deployment should also rate-limit at its proxy.
 */
export function loginBlockedFor(email: string, now = Date.now()): number {
  const list = (failures.get(email) ?? []).filter((t) => t > now - WINDOW_MS);
  failures.set(email, list);
  return list.length >= MAX_FAILURES ? list[0]! + WINDOW_MS - now : 0;
}

export function recordLoginFailure(email: string, now = Date.now()) {
  const list = failures.get(email) ?? [];
  list.push(now);
  failures.set(email, list.slice(-MAX_FAILURES));
  if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
}

export function clearLoginFailures(email: string) {
  failures.delete(email);
}
