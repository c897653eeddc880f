'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CdrCharts } from '@/components/charts/cdr-charts';
import { Notice } from '@/components/ui/card';
import type { CdrStats } from '@/server/services/cdr-stats';
import { fetchJson } from './fetch-json';

/** Fetches the chart series for the table's filters in the viewer's time zone and draws them (lazy-loaded). */
export function CdrChartsPanel({ query }: { query: string }) {
  const [timeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [bucket, setBucket] = useState<'auto' | 'hour' | 'day'>('auto');
  const url = `/api/cdrs/stats?${query}${query ? '&' : ''}tz=${encodeURIComponent(timeZone)}${bucket === 'auto' ? '' : `&bucket=${bucket}`}`;
  const stats = useQuery({ queryKey: ['cdr-stats', url], queryFn: ({ signal }) => fetchJson<CdrStats>(url, signal), placeholderData: (prev) => prev });
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor="cdr-bucket" className="text-slate-600 dark:text-slate-400">
          Group by
        </label>
        <select id="cdr-bucket" value={bucket} onChange={(e) => setBucket(e.target.value as typeof bucket)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900">
          <option value="auto">Automatic</option>
          <option value="hour">Hour</option>
          <option value="day">Day</option>
        </select>
        {stats.isFetching && <span className="text-xs text-slate-500 dark:text-slate-400">Updating…</span>}
      </div>
      {stats.error ? (
        <Notice tone="bad" title="Charts unavailable" testId="charts-error">
          {stats.error.message}
        </Notice>
      ) : stats.data ? (
        <CdrCharts stats={stats.data} />
      ) : (
        <p className="py-6 text-sm text-slate-500 dark:text-slate-400">Loading charts…</p>
      )}
    </div>
  );
}
