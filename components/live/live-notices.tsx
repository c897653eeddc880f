'use client';

import { Badge, Notice } from '@/components/ui/card';
import { parseStreamKey, tenantKey } from '@/lib/live-protocol';
import { describeVendorError } from '@/lib/vendor-error';
import { ageText, freshnessOf } from './freshness';
import type { LiveView } from './live-store';

/** "Live" / "Reconnecting…" / why the stream ended, for the page header. */
export function LinkBadge({ view }: { view: LiveView }) {
  const text = { connecting: 'Connecting…', open: 'Live', reconnecting: 'Reconnecting…', ended: 'Stopped' }[view.link];
  const tone = view.link === 'open' ? 'good' : view.link === 'ended' ? 'bad' : 'warn';
  return (
    <span role="status" aria-live="polite" data-testid="link-status" data-link={view.link}>
      <Badge tone={tone}>{text}</Badge>
    </span>
  );
}

/**
 * Above a table that merges many tenants: which tenants show old data and why (the vendor's own words), which
 * failed before ever answering, and which vendors lack the feature, in words.
 */
export function LiveNotices({ view, now }: { view: LiveView; now: number }) {
  const notes: React.ReactNode[] = [];
  const unsupported = new Map<string, string[]>();
  if (view.link === 'ended')
    notes.push(
      <Notice key="ended" tone="bad" title="Live updates stopped" testId="link-ended">
        {view.linkMessage}
      </Notice>,
    );
  for (const key of view.keys) {
    const ref = parseStreamKey(key);
    const state = view.states.get(key);
    if (!ref || !state) continue;
    const t = view.tenants.get(tenantKey(ref));
    const who = t ? `${t.name} (${t.connectionName})` : ref.tenantId;
    const f = freshnessOf(state, view, now);
    if (f.health === 'unsupported') unsupported.set(state.message ?? '', [...(unsupported.get(state.message ?? '') ?? []), who]);
    else if (f.health === 'down' && state.error)
      notes.push(
        <Notice key={key} tone="bad" title={`${who}: no data`} testId="vendor-error">
          {describeVendorError(state.error)}
        </Notice>,
      );
    else if (f.health === 'stale' && state.error)
      notes.push(
        <Notice key={key} tone="warn" title={`${who}: showing data from ${ageText(f.ageSec)} ago`} testId="stale-notice">
          {describeVendorError(state.error)}
        </Notice>,
      );
  }
  for (const [message, who] of unsupported)
    notes.push(
      <Notice key={`u-${message}`} tone="neutral" testId="unsupported-notice">
        {message} <span className="text-slate-500 dark:text-slate-400">({who.join(', ')})</span>
      </Notice>,
    );
  return notes.length ? <div className="mb-4 space-y-2">{notes}</div> : null;
}
