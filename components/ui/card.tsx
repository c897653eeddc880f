import { cn } from './cn';

export function Card({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div {...props} className={cn('rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900', className)} />;
}

export function PageHeader({ title, description, actions }: { title: string; description?: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}

type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';
const tones: Record<Tone, string> = {
  neutral: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  good: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  warn: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300',
  bad: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  info: 'bg-brand-100 text-brand-700 dark:bg-brand-700/30 dark:text-brand-100',
};

export function Badge({ tone = 'neutral', children, className }: { tone?: Tone; children: React.ReactNode; className?: string }) {
  return <span className={cn('inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium', tones[tone], className)}>{children}</span>;
}

/** A message box: notes, vendor errors, "not supported by this vendor". */
export function Notice({ tone = 'info', title, children, testId }: { tone?: Tone; title?: string; children?: React.ReactNode; testId?: string }) {
  const border: Record<Tone, string> = {
    neutral: 'border-slate-300 dark:border-slate-700',
    good: 'border-emerald-400 dark:border-emerald-700',
    warn: 'border-amber-400 dark:border-amber-700',
    bad: 'border-red-400 dark:border-red-700',
    info: 'border-brand-500/50',
  };
  return (
    <div data-testid={testId} className={cn('rounded-md border-l-4 bg-white px-4 py-3 text-sm dark:bg-slate-900', border[tone])}>
      {title && <p className="font-medium">{title}</p>}
      {children && <div className={cn('text-slate-700 dark:text-slate-300', title && 'mt-1')}>{children}</div>}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 px-6 py-10 text-center dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{children}</div>}
    </div>
  );
}
