'use client';

import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration, formatMoney } from '@/lib/format';
import type { CdrStats } from '@/server/services/cdr-stats';
import { HeatMap } from './heat-map';
import { TopList } from './top-list';

/**
 * The CDR charts. Recharts is heavy (~100 KB gzip), so this module is only ever loaded through `next/dynamic`
 * from the CDR route: no other route's bundle contains it.
 */

export const dispositionColors = { answered: '#059669', no_answer: '#d97706', busy: '#ea580c', failed: '#dc2626', unknown: '#64748b' } as const;
const dispositionNames = { answered: 'Answered', no_answer: 'No answer', busy: 'Busy', failed: 'Failed', unknown: 'Unknown' } as const;
const currencyColors = ['#1f57c3', '#7c3aed', '#0891b2', '#be185d', '#65a30d'];

function ChartCard({ title, summary, children, testId }: { title: string; summary: string; children: React.ReactNode; testId: string }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium">
        {title}
        <span className="sr-only">. {summary}</span>
      </figcaption>
      <div role="img" aria-label={`${title}: ${summary}`}>
        {children}
      </div>
    </figure>
  );
}

const axis = { fontSize: 11, fill: '#64748b' };

export function CdrCharts({ stats }: { stats: CdrStats }) {
  const unit = stats.bucket === 'hour' ? 'hour' : 'day';
  const answered = stats.volume.reduce((s, p) => s + p.answered, 0);
  const asr = stats.total ? Math.round((answered / stats.total) * 1000) / 10 : 0;
  const costData = stats.cost.points.map((p) => ({ t: p.t, ...Object.fromEntries(Object.entries(p.amounts).map(([c, a]) => [c, Number(a)])), _exact: p.amounts }));
  return (
    <div className="grid gap-3 lg:grid-cols-2" data-testid="cdr-charts">
      <ChartCard title={`Calls per ${unit} by disposition`} summary={`${stats.total} calls, ${answered} answered`} testId="chart-volume">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={stats.volume} margin={{ top: 4, right: 8, left: -12, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="t" tick={axis} minTickGap={24} />
            <YAxis tick={axis} allowDecimals={false} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {(Object.keys(dispositionColors) as (keyof typeof dispositionColors)[]).map((d) => (
              <Bar key={d} dataKey={d} name={dispositionNames[d]} stackId="d" fill={dispositionColors[d]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard title="Answer-seizure ratio and average call duration" summary={`ASR ${asr}% over the range`} testId="chart-quality">
        <ResponsiveContainer width="100%" height={220}>
          <ComposedChart data={stats.quality} margin={{ top: 4, right: 0, left: -12, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="t" tick={axis} minTickGap={24} />
            <YAxis yAxisId="asr" tick={axis} domain={[0, 100]} unit="%" />
            <YAxis yAxisId="acd" orientation="right" tick={axis} tickFormatter={(v: number) => formatDuration(v)} />
            <Tooltip formatter={(v, name) => (name === 'ACD' ? formatDuration(Number(v)) : `${v}%`)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line yAxisId="asr" type="monotone" dataKey="asr" name="ASR" stroke="#059669" dot={false} connectNulls isAnimationActive={false} />
            <Line yAxisId="acd" type="monotone" dataKey="acd" name="ACD" stroke="#1f57c3" dot={false} connectNulls isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>

      <ChartCard
        title={`Cost per ${unit}`}
        summary={stats.cost.currencies.length ? Object.entries(stats.cost.totals).map(([c, a]) => formatMoney({ amount: a, currency: c })).join(', ') : 'no costs reported'}
        testId="chart-cost"
      >
        {stats.cost.currencies.length === 0 ? (
          <p className="py-16 text-center text-sm text-slate-500 dark:text-slate-400">No call costs in this range (the vendors reported none).</p>
        ) : (
          <>
            <ResponsiveContainer width="100%" height={196}>
              <LineChart data={costData} margin={{ top: 4, right: 8, left: -4, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
                <XAxis dataKey="t" tick={axis} minTickGap={24} />
                <YAxis tick={axis} />
                <Tooltip formatter={(_v, name, item) => formatMoney({ amount: (item.payload as { _exact: Record<string, string> })._exact[String(name)] ?? '0', currency: String(name) })} />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {stats.cost.currencies.map((c, i) => (
                  <Line key={c} type="monotone" dataKey={c} name={c} stroke={currencyColors[i % currencyColors.length]} dot={false} isAnimationActive={false} />
                ))}
              </LineChart>
            </ResponsiveContainer>
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="cost-totals">
              Total: {Object.entries(stats.cost.totals).map(([c, a]) => formatMoney({ amount: a, currency: c })).join(' · ')}
            </p>
          </>
        )}
      </ChartCard>

      <ChartCard title="Calls by weekday and hour" summary={`busiest cell ${Math.max(0, ...stats.heatmap.flat())} calls`} testId="chart-heatmap">
        <HeatMap cells={stats.heatmap} timeZone={stats.timeZone} />
      </ChartCard>

      <ChartCard title="Top sources" summary={stats.topSources.slice(0, 3).map((p) => `${p.number} ${p.calls}`).join(', ') || 'none'} testId="chart-top-sources">
        <TopList parties={stats.topSources} />
      </ChartCard>
      <ChartCard title="Top destinations" summary={stats.topDestinations.slice(0, 3).map((p) => `${p.number} ${p.calls}`).join(', ') || 'none'} testId="chart-top-destinations">
        <TopList parties={stats.topDestinations} />
      </ChartCard>
    </div>
  );
}

export default CdrCharts;
