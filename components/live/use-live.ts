'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LiveInitial, LiveMessage } from '@/lib/live-protocol';
import { LiveStore, type LiveView } from './live-store';

/**
 * Reads the SSE stream with fetch (not EventSource) so a 401/403 is visible: a revoked wallboard or an ended
 * session stops instead of retrying forever. Reconnects by itself with backoff, resuming from the versions
 * held (Last-Event-ID), and treats 40 s of silence (heartbeats come every 15 s) as a dead link.
 */
export function connectLive(store: LiveStore, url: string): () => void {
  let stopped = false;
  let attempt = 0;
  let ctrl: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const watchdog = setInterval(() => {
    if (store.getView().link === 'open' && Date.now() - store.lastMessageAt > 40_000) ctrl?.abort();
  }, 5_000);

  const scheduleRetry = () => {
    if (stopped) return;
    store.setLink('reconnecting');
    const delay = Math.min(1_000 * 2 ** attempt, 15_000) * (0.8 + Math.random() * 0.4);
    attempt++;
    retryTimer = setTimeout(run, delay);
  };

  const run = async () => {
    retryTimer = undefined;
    if (stopped) return;
    ctrl = new AbortController();
    try {
      const res = await fetch(url, { headers: { accept: 'text/event-stream', 'last-event-id': store.cursor() }, cache: 'no-store', signal: ctrl.signal });
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        store.setLink('ended', body?.error?.message ?? 'This live view is no longer available.');
        stopped = true;
        return;
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      store.lastMessageAt = Date.now();
      store.setLink('open');
      attempt = 0;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          let data = '';
          for (const line of block.split('\n')) if (line.startsWith('data: ')) data += line.slice(6);
          if (!data) continue;
          const msg = JSON.parse(data) as LiveMessage;
          store.apply(msg);
          if (msg.t === 'revoked') {
            stopped = true;
            ctrl.abort();
            return;
          }
        }
      }
    } catch {
      /* network error, abort or bad data: reconnect below */
    }
    scheduleRetry();
  };

  void run();
  return () => {
    stopped = true;
    clearInterval(watchdog);
    if (retryTimer) clearTimeout(retryTimer);
    ctrl?.abort();
  };
}

/** A live page's store: first paint from the server's data, then SSE deltas. */
export function useLive(initial: LiveInitial, url: string): { view: LiveView; store: LiveStore } {
  const [store] = useState(() => new LiveStore(initial));
  useEffect(() => {
    const stop = connectLive(store, url);
    return () => {
      stop();
    };
  }, [store, url]);
  const view = useSyncExternalStore(store.subscribe, store.getView, store.getView);
  return { view, store };
}

export function liveUrl(params: { topics: string[]; connectionId?: string; tenantId?: string; token?: string }): string {
  const q = new URLSearchParams({ topics: params.topics.join(',') });
  if (params.connectionId) q.set('connectionId', params.connectionId);
  if (params.tenantId) q.set('tenantId', params.tenantId);
  if (params.token) q.set('token', params.token);
  return `/api/live/stream?${q}`;
}
