'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface BlockPage<T> {
  rows: T[];
  total: number;
}

/**
 * Rows of a server-side result fetched block by block as they come into view. Changing `key` (the filters and
 * sort) starts over; blocks already fetched for a key are kept (up to `maxBlocks`, the oldest dropped first).
 */
export function useBlockRows<T>({ key, blockSize = 200, maxBlocks = 400, fetchBlock }: { key: string; blockSize?: number; maxBlocks?: number; fetchBlock: (offset: number, limit: number, signal: AbortSignal) => Promise<BlockPage<T>> }) {
  const blocks = useRef(new Map<number, T[]>());
  const inflight = useRef(new Set<number>());
  const abort = useRef(new AbortController());
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [, setVersion] = useState(0);
  const fetchRef = useRef(fetchBlock);
  fetchRef.current = fetchBlock;

  const load = useCallback(
    (block: number) => {
      if (blocks.current.has(block) || inflight.current.has(block)) return;
      inflight.current.add(block);
      const ctrl = abort.current;
      fetchRef
        .current(block * blockSize, blockSize, ctrl.signal)
        .then((page) => {
          if (ctrl.signal.aborted) return;
          blocks.current.set(block, page.rows);
          if (blocks.current.size > maxBlocks) blocks.current.delete(blocks.current.keys().next().value!);
          setTotal(page.total);
          setError(undefined);
          setVersion((v) => v + 1);
        })
        .catch((err: unknown) => {
          if (!ctrl.signal.aborted) setError(err instanceof Error ? err.message : String(err));
        })
        .finally(() => inflight.current.delete(block));
    },
    [blockSize, maxBlocks],
  );

  useEffect(() => {
    abort.current.abort();
    abort.current = new AbortController();
    blocks.current = new Map();
    inflight.current = new Set();
    setTotal(undefined);
    setError(undefined);
    load(0);
  }, [key, load]);

  const rowAt = useCallback((index: number) => blocks.current.get(Math.floor(index / blockSize))?.[index % blockSize], [blockSize]);
  const onVisibleRange = useCallback(
    (start: number, end: number) => {
      for (let b = Math.floor(start / blockSize); b <= Math.floor(end / blockSize); b++) load(b);
    },
    [blockSize, load],
  );
  return { total, error, rowAt, onVisibleRange };
}
