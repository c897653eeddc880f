'use client';

import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

/**
 * Downloads the whole filtered result as CSV. The server streams it; the page counts the lines as they arrive
 * against `X-Total-Rows` to show progress, and can cancel.
 */
export function CdrExportButton({ query, total }: { query: string; total: number | undefined }) {
  const [state, setState] = useState<{ rows: number; total: number } | undefined>();
  const [error, setError] = useState<string>();
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    setError(undefined);
    const ctrl = new AbortController();
    abort.current = ctrl;
    try {
      const res = await fetch(`/api/cdrs/export${query ? `?${query}` : ''}`, { signal: ctrl.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
      }
      const expected = Number(res.headers.get('x-total-rows') ?? total ?? 0);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'cdrs.csv';
      const reader = res.body.getReader();
      const parts: Uint8Array[] = [];
      let lines = -1; // the header line
      setState({ rows: 0, total: expected });
      let lastPaint = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
        if (performance.now() - lastPaint > 100) {
          lastPaint = performance.now();
          setState({ rows: Math.max(0, lines), total: expected });
        }
      }
      setState({ rows: Math.max(0, lines), total: expected });
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setTimeout(() => setState(undefined), 1_500);
    } catch (err) {
      setState(undefined);
      if (!ctrl.signal.aborted) setError(err instanceof Error ? err.message : String(err));
    } finally {
      abort.current = null;
    }
  };

  const pct = state && state.total ? Math.min(100, Math.round((state.rows / state.total) * 100)) : 0;
  return (
    <div className="flex items-center gap-2">
      {state && (
        <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400" data-testid="export-progress">
          <div className="h-1.5 w-32 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" role="progressbar" aria-label="CSV export" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <div className="h-full bg-brand-500" style={{ width: `${pct}%` }} />
          </div>
          <span className="tabular">
            {state.rows.toLocaleString()} / {state.total.toLocaleString()} rows
          </span>
          {abort.current && (
            <Button variant="ghost" onClick={() => abort.current?.abort()}>
              Cancel
            </Button>
          )}
        </div>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400" data-testid="export-error">
          Export failed: {error}
        </span>
      )}
      <Button variant="secondary" onClick={run} disabled={!!state || !total} data-testid="export-csv">
        Export CSV{total ? ` (${total.toLocaleString()})` : ''}
      </Button>
    </div>
  );
}
