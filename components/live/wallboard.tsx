'use client';

import { useMemo } from 'react';
import { compareDecimal, formatDuration, formatMoney } from '@/lib/format';
import { parseStreamKey, streamKey, type LiveInitial } from '@/lib/live-protocol';
import type { Balance, TenantCounters } from '@/lib/schemas/tenant';
import { describeVendorError } from '@/lib/vendor-error';
import { ageText, freshnessOf } from './freshness';
import { callRows, partyText } from './live-calls-view';
import { liveUrl, useLive } from './use-live';
import { useNow } from './use-now';

/** Rows that fit a 1080p screen at this size; the rest is a count, so the DOM never grows with traffic. */
const MAX_CALL_ROWS = 9;
const MAX_LOW_BALANCES = 4;

/**
 * The wall display: dark, huge type, no controls. Everything it renders is bounded (a fixed number of rows,
 * one ticker, one stream), so it can run for weeks on a TV. It reconnects by itself and says loudly when what
 * it shows is old.
 */
export function Wallboard({ initial, token, name }: { initial: LiveInitial; token: string; name: string }) {
  const { view } = useLive(initial, liveUrl({ topics: ['calls', 'counters', 'balance'], token }));
  const now = useNow(initial.now);
  const serverNow = now + view.offsetMs;

  const summary = useMemo(() => {
    let callsNow = 0;
    let online = 0;
    let offline = 0;
    let anyRegs = false;
    const low: { name: string; balance: Balance; threshold: string }[] = [];
    for (const t of view.tenants.values()) {
      const ref = { connectionId: t.connectionId, tenantId: t.tenantId };
      const calls = view.states.get(streamKey({ ...ref, stream: 'calls' }));
      const counters = view.states.get(streamKey({ ...ref, stream: 'counters' }))?.items.get('counters') as TenantCounters | undefined;
      const balance = view.states.get(streamKey({ ...ref, stream: 'balance' }))?.items.get('balance') as Balance | undefined;
      // The call list where the vendor gives one; its counter where it gives only a number (PortSIP).
      callsNow += calls?.status === 'ok' ? calls.items.size : (counters?.callsNow ?? 0);
      if (counters?.extensionsOnline !== undefined) {
        anyRegs = true;
        online += counters.extensionsOnline;
        if (counters.extensionsTotal !== undefined) offline += Math.max(0, counters.extensionsTotal - counters.extensionsOnline);
      }
      if (balance && t.threshold !== null && compareDecimal(balance.balance.amount, t.threshold) < 0) low.push({ name: t.name, balance, threshold: t.threshold });
    }
    return { callsNow, online, offline, anyRegs, low };
  }, [view]);

  const calls = useMemo(() => callRows(view), [view]);
  const longest = calls[0]?.call.startedAt;

  // Freshness: the oldest data on screen, and whether any of it is stale (vendor failing or link down).
  let oldest: number | undefined;
  const problems: string[] = [];
  for (const key of view.keys) {
    const state = view.states.get(key);
    const f = freshnessOf(state, view, now);
    if (f.health === 'unsupported' || f.health === 'pending') continue;
    const ref = parseStreamKey(key);
    // The age shown is that of the fast streams; balances move once a minute and would always look old.
    if (f.ageSec !== undefined && ref?.stream !== 'balance') oldest = Math.max(oldest ?? 0, f.ageSec);
    if (f.stale && state?.error) {
      const t = ref && view.tenants.get(`${ref.connectionId}|${ref.tenantId}`);
      problems.push(`${t?.name ?? key}: ${describeVendorError(state.error)}`);
    }
  }
  const linkDown = view.link !== 'open' && view.link !== 'connecting';
  const stale = linkDown || problems.length > 0 || (oldest !== undefined && oldest > 30 && view.link === 'open');
  const clock = new Date(serverNow).toISOString().slice(11, 16);

  if (view.link === 'ended')
    return (
      <main className="flex h-screen items-center justify-center bg-slate-950 p-10 text-center text-slate-100" data-testid="wallboard-ended">
        <div>
          <h1 className="text-6xl font-bold">Wallboard stopped</h1>
          <p className="mt-6 text-4xl text-slate-300">{view.linkMessage}</p>
        </div>
      </main>
    );

  return (
    <main className="dark flex h-screen flex-col gap-6 overflow-hidden bg-slate-950 p-8 text-slate-100" data-testid="wallboard">
      <header className="flex items-baseline gap-6">
        <h1 className="text-5xl font-bold tracking-tight">{name}</h1>
        <span className="ml-auto text-4xl text-slate-300 tabular" data-testid="wallboard-age">
          data {ageText(oldest)} old
        </span>
        <span className="text-5xl font-semibold tabular" aria-label="Time (UTC)">
          {clock} <span className="text-2xl text-slate-400">UTC</span>
        </span>
      </header>

      <div role="alert" aria-live="assertive" className={stale ? 'rounded-xl bg-amber-400 px-8 py-5 text-4xl font-bold text-slate-950' : 'sr-only'} data-testid={stale ? 'stale-banner' : undefined}>
        {stale && (
          <>
            {linkDown ? 'Connection lost — reconnecting. ' : 'Data is stale. '}
            Last update {ageText(oldest)} ago.
            {problems[0] && <span className="mt-2 block text-2xl font-semibold">{problems[0]}{problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}</span>}
          </>
        )}
      </div>

      <section className="grid grid-cols-4 gap-6" aria-label="Totals">
        <Tile label="Calls now" value={String(summary.callsNow)} testId="wb-calls-now" />
        <Tile label="Longest call" value={longest ? formatDuration((serverNow - Date.parse(longest)) / 1000) : '—'} testId="wb-longest" />
        <Tile label="Online" value={summary.anyRegs ? String(summary.online) : '—'} tone="good" testId="wb-online" />
        <Tile label="Offline" value={summary.anyRegs ? String(summary.offline) : '—'} tone={summary.offline ? 'bad' : undefined} testId="wb-offline" />
      </section>

      <div className="grid min-h-0 flex-1 grid-cols-[2fr_1fr] gap-6">
        <section className="min-h-0 overflow-hidden rounded-xl bg-slate-900 p-6" aria-label="Calls in progress">
          <h2 className="mb-3 text-3xl font-semibold text-slate-300">Calls in progress</h2>
          {calls.length === 0 ? (
            <p className="text-4xl text-slate-400">No calls right now</p>
          ) : (
            <ul className="space-y-2">
              {calls.slice(0, MAX_CALL_ROWS).map(({ key, call, tenant }) => (
                <li key={key} className="grid grid-cols-[1fr_auto_1fr_auto] items-baseline gap-4 text-[2.25rem] leading-tight" data-testid="wb-call">
                  <span className="truncate tabular">{partyText(call.from)}</span>
                  <span className="text-slate-500" aria-label="to">
                    →
                  </span>
                  <span className="truncate tabular">
                    {partyText(call.to)} <span className="text-2xl text-slate-400">{tenant?.name}</span>
                  </span>
                  <span className="tabular font-semibold text-emerald-300">{call.startedAt ? formatDuration((serverNow - Date.parse(call.startedAt)) / 1000) : ''}</span>
                </li>
              ))}
            </ul>
          )}
          {calls.length > MAX_CALL_ROWS && <p className="mt-3 text-3xl text-slate-400">+ {calls.length - MAX_CALL_ROWS} more</p>}
        </section>
        <section className="min-h-0 overflow-hidden rounded-xl bg-slate-900 p-6" aria-label="Balances under threshold">
          <h2 className="mb-3 text-3xl font-semibold text-slate-300">Low balances</h2>
          {summary.low.length === 0 ? (
            <p className="text-4xl text-slate-400">None</p>
          ) : (
            <ul className="space-y-3">
              {summary.low.slice(0, MAX_LOW_BALANCES).map((l) => (
                <li key={l.name} className="text-4xl" data-testid="wb-low-balance">
                  <span className="block truncate">{l.name}</span>
                  <span className="font-bold text-red-400 tabular">{formatMoney(l.balance.balance)}</span>
                </li>
              ))}
            </ul>
          )}
          {summary.low.length > MAX_LOW_BALANCES && <p className="mt-3 text-3xl text-slate-400">+ {summary.low.length - MAX_LOW_BALANCES} more</p>}
        </section>
      </div>
    </main>
  );
}

function Tile({ label, value, tone, testId }: { label: string; value: string; tone?: 'good' | 'bad'; testId: string }) {
  return (
    <div className="rounded-xl bg-slate-900 px-6 py-5">
      <p className="text-3xl text-slate-300">{label}</p>
      <p className={`text-8xl font-bold tabular ${tone === 'good' ? 'text-emerald-300' : tone === 'bad' ? 'text-red-400' : 'text-white'}`} data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
