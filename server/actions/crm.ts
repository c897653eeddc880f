'use server';

import { setCrmSubscription } from '@/server/services/crm-subscriptions';
import { runAction } from './run';

/** CRM ringing callbacks on or off for one extension: operators only, audited; the web password is not kept. */
export async function setCrmSubscriptionAction(input: unknown) {
  return runAction((actor) => setCrmSubscription(actor, input));
}
