const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday × hour call counts as a table (readable by screen readers), shaded by volume. */
export function HeatMap({ cells, timeZone }: { cells: number[][]; timeZone: string }) {
  const max = Math.max(1, ...cells.flat());
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-separate border-spacing-0.5 text-[10px]" data-testid="heatmap">
        <caption className="sr-only">Calls by weekday and hour of day, {timeZone}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-8" />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" className="font-normal text-slate-500 dark:text-slate-400">
                {h % 3 === 0 ? h : <span className="sr-only">{h}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cells.map((row, d) => (
            <tr key={DAYS[d]}>
              <th scope="row" className="pr-1 text-right font-normal text-slate-500 dark:text-slate-400">
                {DAYS[d]}
              </th>
              {row.map((n, h) => (
                <td key={h} title={`${DAYS[d]} ${h}:00 — ${n} calls`} className="h-5 rounded-sm" style={{ background: n ? `rgba(31, 87, 195, ${0.12 + 0.88 * (n / max)})` : 'rgba(148, 163, 184, 0.12)' }}>
                  <span className="sr-only">{n}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Hours in {timeZone}.</p>
    </div>
  );
}
