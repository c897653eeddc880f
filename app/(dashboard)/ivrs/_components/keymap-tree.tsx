import { destinationTypeLabels } from '@/lib/destination-types';
import type { Ivr } from '@/lib/schemas/ivr';

/** The IVR a keymap entry leads to, among the same tenant's IVRs (by extension or ID). */
export function ivrTargetOf(target: string, ivrs: Ivr[]): Ivr | undefined {
  return ivrs.find((i) => i.extension === target) ?? ivrs.find((i) => i.id === target);
}

/**
 * Where each key leads, following nested IVRs. A loop back to an IVR already on the path is shown, not
 * followed, so a menu that returns to the main menu does not recurse forever.
 */
export function KeymapTree({ ivr, ivrs, path = [] }: { ivr: Ivr; ivrs: Ivr[]; path?: string[] }) {
  if (ivr.keymap === null) return <p className="text-sm text-slate-500 dark:text-slate-400">Keymap not available from this vendor.</p>;
  if (ivr.keymap.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No keys mapped.</p>;
  const here = [...path, ivr.id];
  return (
    <ul className={path.length ? 'ml-4 border-l border-slate-200 pl-3 dark:border-slate-700' : ''} role={path.length ? 'group' : 'tree'} aria-label={path.length ? undefined : `Where the keys of ${ivr.name} lead`}>
      {ivr.keymap.map((k) => {
        const next = k.destination.type === 'ivr' ? ivrTargetOf(k.destination.target, ivrs) : undefined;
        const loop = next && here.includes(next.id);
        return (
          <li key={k.key} role="treeitem" aria-expanded={next && !loop ? true : undefined} aria-selected={false} className="py-0.5 text-sm" data-testid="tree-item">
            <span className="inline-block min-w-6 rounded bg-slate-100 px-1.5 text-center font-mono text-xs dark:bg-slate-800">{k.key}</span> → {destinationTypeLabels[k.destination.type]}{' '}
            {next ? next.name : (k.destination.label ?? k.destination.target)}
            {loop && <span className="text-slate-500 dark:text-slate-400"> (back to an IVR above)</span>}
            {next && !loop && <KeymapTree ivr={next} ivrs={ivrs} path={here} />}
          </li>
        );
      })}
    </ul>
  );
}
