import { Badge } from '@/components/ui/card';
import type { Disposition } from '@/lib/schemas/cdr';
import type { CallDirection } from '@/lib/schemas/live';

export const dispositionText: Record<Disposition, string> = { answered: 'Answered', no_answer: 'No answer', busy: 'Busy', failed: 'Failed', unknown: 'Unknown' };
export const directionText: Record<CallDirection, string> = { inbound: 'Inbound', outbound: 'Outbound', internal: 'Internal', unknown: 'Unknown' };

const tone = { answered: 'good', no_answer: 'warn', busy: 'warn', failed: 'bad', unknown: 'neutral' } as const;

export function DispositionBadge({ disposition }: { disposition: Disposition }) {
  return <Badge tone={tone[disposition]}>{dispositionText[disposition]}</Badge>;
}

export function DirectionLabel({ direction }: { direction: CallDirection }) {
  const arrow = { inbound: '↙', outbound: '↗', internal: '↔', unknown: '·' }[direction];
  return (
    <span>
      <span aria-hidden="true" className="mr-1 text-slate-500 dark:text-slate-400">
        {arrow}
      </span>
      {directionText[direction]}
    </span>
  );
}
