import 'server-only';
import { redirect } from 'next/navigation';
import type { Actor } from './actor';
import { getSelection } from './selection';
import { getActor } from './session';
import type { Selection } from '@/server/services/tenants';

/** For dashboard pages: the signed-in human user and the switcher's selection, or off to the login page. */
export async function pageContext(): Promise<{ actor: Exclude<Actor, { kind: 'wallboard' }>; selection: Selection }> {
  const actor = await getActor();
  if (!actor || actor.kind === 'wallboard') redirect('/login');
  return { actor, selection: await getSelection(actor) };
}
