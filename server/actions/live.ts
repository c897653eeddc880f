'use server';

import { clickToCall } from '@/server/live/click-to-call';
import { runAction } from './run';

/** Click-to-call from the live calls page: scope-checked and audited in the service; the password is not kept. */
export async function clickToCallAction(input: unknown) {
  return runAction((actor) => clickToCall(actor, input));
}
