'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { cn } from '@/components/ui/cn';

export interface VirtualColumn<T> {
  id: string;
  header: string;
  /** CSS grid track, e.g. "10rem" or "minmax(8rem, 1fr)". */
  width: string;
  cell: (row: T) => React.ReactNode;
  /** Present when the column can be sorted server-side. */
  sortKey?: string;
  align?: 'left' | 'right';
}

export interface VirtualTableProps<T> {
  label: string;
  columns: VirtualColumn<T>[];
  /** Rows in the whole result (server-side); rows are fetched in blocks as they scroll into view. */
  count: number;
  /** The row at an index, or undefined while its block loads. */
  rowAt: (index: number) => T | undefined;
  /** Called (debounced) with the visible index range so the owner can fetch the missing blocks. */
  onVisibleRange: (start: number, end: number) => void;
  rowKey: (row: T, index: number) => string;
  onRowClick?: (row: T, index: number) => void;
  selectedKey?: string;
  sort?: { key: string; order: 'asc' | 'desc' };
  onSort?: (key: string) => void;
  rowHeight?: number;
  height?: number | string;
  testId?: string;
}

/**
 * A virtualized, server-paged table: only the rows in view (plus overscan) are in the DOM, so 100,000 rows
 * scroll at display rate. ARIA table roles with `aria-rowcount`/`aria-rowindex` tell screen readers the real
 * size; headers sort with `aria-sort`; rows are focusable and open with Enter.
 */
export function VirtualTable<T>({ label, columns, count, rowAt, onVisibleRange, rowKey, onRowClick, selectedKey, sort, onSort, rowHeight = 36, height = '60vh', testId }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const template = columns.map((c) => c.width).join(' ');

  // Fetch what is in view once scrolling pauses briefly: a fling through 100k rows must not fire a request
  // for every block it passes.
  const report = useRef(onVisibleRange);
  report.current = onVisibleRange;
  useEffect(() => {
    if (count === 0) return;
    const t = setTimeout(() => report.current(first, last), 60);
    return () => clearTimeout(t);
  }, [first, last, count]);

  return (
    <div role="table" aria-label={label} aria-rowcount={count + 1} data-testid={testId} className="overflow-hidden rounded-lg border border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="grid border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const active = sort && c.sortKey && sort.key === c.sortKey;
            return (
              <div
                key={c.id}
                role="columnheader"
                aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : c.sortKey ? 'none' : undefined}
                className={cn('truncate px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400', c.align === 'right' && 'text-right')}
              >
                {c.sortKey && onSort ? (
                  <button type="button" onClick={() => onSort(c.sortKey!)} className="inline-flex items-center gap-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:text-white">
                    {c.header}
                    <span aria-hidden="true" className="text-[10px]">
                      {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                ) : (
                  c.header
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} className="overflow-auto" style={{ height, contain: 'strict' }} data-testid={testId ? `${testId}-scroll` : undefined}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((v) => {
            const row = rowAt(v.index);
            const key = row ? rowKey(row, v.index) : `loading-${v.index}`;
            return (
              <div
                key={v.key}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={row && selectedKey ? key === selectedKey : undefined}
                tabIndex={row && onRowClick ? 0 : -1}
                data-testid={row ? 'cdr-row' : 'cdr-row-loading'}
                onClick={row && onRowClick ? () => onRowClick(row, v.index) : undefined}
                onKeyDown={row && onRowClick ? (e) => e.key === 'Enter' && onRowClick(row, v.index) : undefined}
                className={cn(
                  'absolute left-0 grid w-full items-center border-b border-slate-100 dark:border-slate-800',
                  row && onRowClick && 'cursor-pointer hover:bg-brand-50 focus-visible:bg-brand-50 focus-visible:outline-none dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800',
                  selectedKey === key && 'bg-brand-50 dark:bg-brand-700/30',
                )}
                style={{ gridTemplateColumns: template, height: rowHeight, transform: `translateY(${v.start}px)` }}
              >
                {columns.map((c) => (
                  <div key={c.id} role="cell" className={cn('truncate px-3', c.align === 'right' && 'text-right tabular')}>
                    {/* A still placeholder: hundreds of pulsing cells cost a repaint each per frame, and scrolling
                        through unloaded rows dropped to 15 fps with them (bench/cdr-browser.bench.ts). */}
                    {row ? c.cell(row) : <span className="inline-block h-3 w-3/4 rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true" />}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
