import 'server-only';
import { cache } from 'react';
import { auth } from './config';
import type { Actor } from './actor';
import { actorForUserId } from '@/server/services/users';

/**
 * The signed-in user as an Actor, or null. Read fresh from the database once per request (React cache), so a
 * disabled user or a changed tenant binding applies immediately.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return actorForUserId(id);
});
