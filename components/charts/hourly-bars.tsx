/**
 * Calls per hour over the last 24 hours as plain SVG bars: server-rendered, no chart library, so the pages
 * that show it stay light. The numbers are also in an accessible table for screen readers.
 */
export function HourlyBars({ series, label }: { series: { time: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...series.map((s) => s.count));
  const total = series.reduce((n, s) => n + s.count, 0);
  const w = 24;
  const h = 90;
  const hourOf = (iso: string) => new Date(iso).toISOString().slice(11, 13);
  return (
    <figure className="space-y-1">
      <svg viewBox={`0 0 ${series.length * w} ${h + 16}`} className="h-32 w-full" role="img" aria-label={`${label}: ${total} calls in 24 hours, at most ${max} in one hour`}>
        {series.map((s, i) => {
          const bh = Math.round((s.count / max) * h);
          return (
            <g key={s.time}>
              <rect x={i * w + 3} y={h - bh} width={w - 6} height={bh} rx={2} className="fill-brand-500" />
              {i % 3 === 0 && (
                <text x={i * w + w / 2} y={h + 13} textAnchor="middle" className="fill-slate-600 text-[10px] dark:fill-slate-400">
                  {hourOf(s.time)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-600 dark:text-slate-400">
        {label}: {total} calls in the last 24 hours (hours in UTC)
      </figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {series.map((s) => (
            <tr key={s.time}>
              <th scope="row">{s.time}</th>
              <td>{s.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The same 24-hour series as a small inline sparkline for table rows. */
export function HourlySparkline({ series }: { series: { time: string; count: number }[] }) {
  const max = Math.max(1, ...series.map((s) => s.count));
  const total = series.reduce((n, s) => n + s.count, 0);
  return (
    <svg viewBox={`0 0 ${series.length * 3} 16`} className="ml-auto mt-1 block h-4 w-20" role="img" aria-label={`${total} calls in the last 24 hours`} data-testid="calls-24h">
      {series.map((s, i) => {
        const h = Math.max(1, Math.round((s.count / max) * 16));
        return <rect key={s.time} x={i * 3} y={16 - h} width={2} height={h} className="fill-brand-500" />;
      })}
    </svg>
  );
}
