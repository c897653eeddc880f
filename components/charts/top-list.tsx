import type { TopParty } from '@/server/services/cdr-stats';

/** The busiest numbers as a ranked list with proportional bars. */
export function TopList({ parties }: { parties: TopParty[] }) {
  if (parties.length === 0) return <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">No calls.</p>;
  const max = parties[0]!.calls;
  return (
    <ol className="space-y-1 text-sm">
      {parties.map((p) => (
        <li key={p.number} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-2">
          <span className="truncate font-mono text-xs">{p.number}</span>
          <span className="h-2.5 rounded bg-brand-500/80" style={{ width: `${Math.max(2, (p.calls / max) * 100)}%` }} aria-hidden="true" />
          <span className="text-right tabular">{p.calls}</span>
        </li>
      ))}
    </ol>
  );
}
