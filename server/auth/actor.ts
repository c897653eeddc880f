import 'server-only';
import type { WallboardScope } from '@/lib/schemas/user';

/** Who is calling. Every service takes one and checks scope before touching an adapter or the database. */
export type Actor =
  | { kind: 'operator'; userId: string; email: string; name: string }
  | { kind: 'tenant'; userId: string; email: string; name: string; connectionId: string; tenantId: string }
  | { kind: 'wallboard'; tokenId: string; name: string; scope: WallboardScope };

export const actorId = (a: Actor) => (a.kind === 'wallboard' ? `wallboard:${a.tokenId}` : a.userId);
export const actorLabel = (a: Actor) => (a.kind === 'wallboard' ? `wallboard "${a.name}"` : `${a.name} <${a.email}>`);
