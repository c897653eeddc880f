import { describe, expect, it } from 'vitest';
import { clearLoginFailures, loginBlockedFor, recordLoginFailure } from './throttle';

describe('sign-in throttle', () => {
  it('blocks an e-mail after 10 failures in 15 minutes, and frees it when the window moves on', () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 9; i++) recordLoginFailure('a@b.test', t0 + i);
    expect(loginBlockedFor('a@b.test', t0 + 10)).toBe(0);
    recordLoginFailure('a@b.test', t0 + 10);
    expect(loginBlockedFor('a@b.test', t0 + 11)).toBeGreaterThan(0);
    expect(loginBlockedFor('other@b.test', t0 + 11)).toBe(0);
    expect(loginBlockedFor('a@b.test', t0 + 15 * 60_000 + 1)).toBe(0);
  });
  it('forgets failures after a successful sign-in', () => {
    for (let i = 0; i < 10; i++) recordLoginFailure('c@b.test', 5);
    clearLoginFailures('c@b.test');
    expect(loginBlockedFor('c@b.test', 6)).toBe(0);
  });
});
