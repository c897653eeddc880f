'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ActionResult, AppErrorInfo } from '@/lib/result';

/** A failed action's error, thrown so React Query rolls back, carrying what the form shows. */
export class ActionFailure extends Error {
  constructor(readonly info: AppErrorInfo) {
    super(info.message);
  }
}

export const infoOf = (e: unknown): AppErrorInfo =>
  e instanceof ActionFailure ? e.info : { code: 'internal', message: e instanceof Error ? e.message : 'The request failed. Check your connection and try again.' };

/**
 * A write that changes the list at once and puts it back if the vendor refuses: `optimistic` edits the cached
 * list before the action runs, `onError` restores the snapshot, `confirmed` swaps in what the vendor stored,
 * and the list is refetched (fresh from the vendor: the server dropped its cache) either way.
 */
export function useListMutation<Data, Vars, Result>(opts: {
  queryKey: QueryKey;
  action: (vars: Vars) => Promise<ActionResult<Result>>;
  optimistic?: (data: Data, vars: Vars) => Data;
  confirmed?: (data: Data, vars: Vars, result: Result) => Data;
}) {
  const qc = useQueryClient();
  return useMutation<Result, Error, Vars, { prev?: Data }>({
    mutationFn: async (vars) => {
      let r: ActionResult<Result>;
      try {
        r = await opts.action(vars);
      } catch {
        throw new ActionFailure({ code: 'internal', message: 'Switchboard did not answer. Your draft is kept; saving it again will not create a duplicate.' });
      }
      if (!r.ok) throw new ActionFailure(r.error);
      return r.data;
    },
    onMutate: async (vars) => {
      await qc.cancelQueries({ queryKey: opts.queryKey });
      const prev = qc.getQueryData<Data>(opts.queryKey);
      if (prev !== undefined && opts.optimistic) qc.setQueryData<Data>(opts.queryKey, opts.optimistic(prev, vars));
      return { prev };
    },
    onError: (_e, _vars, ctx) => {
      if (ctx?.prev !== undefined) qc.setQueryData(opts.queryKey, ctx.prev);
    },
    onSuccess: (result, vars) => {
      const cur = qc.getQueryData<Data>(opts.queryKey);
      if (cur !== undefined && opts.confirmed) qc.setQueryData<Data>(opts.queryKey, opts.confirmed(cur, vars, result));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: opts.queryKey }),
  });
}
