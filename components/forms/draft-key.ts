'use client';

import { useCallback, useRef } from 'react';

function newKey() {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * An idempotency key per draft: the same key while the submitted content stays the same (a double click, a
 * retry after a timeout), a new one once the content changes or after a save went through. The server stores
 * each key's result, so the same draft never creates two objects.
 */
export function useDraftKey() {
  const last = useRef<{ draft: string; key: string } | null>(null);
  const keyFor = useCallback((draft: unknown) => {
    const text = JSON.stringify(draft);
    if (last.current?.draft !== text) last.current = { draft: text, key: newKey() };
    return last.current.key;
  }, []);
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}
