import 'server-only';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import type { ActionResult } from '@/lib/result';
import type { Actor } from '@/server/auth/actor';
import { getActor } from '@/server/auth/session';
import { toAppErrorInfo } from '@/server/errors';

/**
 * The action client: resolves the caller once, runs the service (which checks scope and validates with the
 * same zod schema the form used), and turns every failure into an ActionResult the form can show.
 */
export async function runAction<T>(fn: (actor: Actor | null) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getActor();
    return { ok: true, data: await fn(actor) };
  } catch (err) {
    if (isRedirectError(err)) throw err;
    return { ok: false, error: toAppErrorInfo(err) };
  }
}
