import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { passwordSchema, userInputSchema, wallboardInputSchema, type User, type WallboardScope } from '@/lib/schemas/user';
import type { Actor } from '@/server/auth/actor';
import { dummyHash, hashPassword, verifyPassword } from '@/server/auth/password';
import { assertOperator } from '@/server/auth/scope';
import { randomToken, sha256 } from '@/server/crypto';
import { getDb } from '@/server/db/client';
import { users, wallboardTokens } from '@/server/db/schema';
import { AppError, invalidInput, notFound } from '@/server/errors';
import { audited } from './audit';


export async function findUserForLogin(email: string, password: string) {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  const ok = await verifyPassword(password, u?.passwordHash ?? dummyHash());
  if (!u || !ok || u.disabledAt) return null;
  return u;
}

export async function actorForUserId(id: string): Promise<Actor | null> {
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u || u.disabledAt) return null;
  if (u.role === 'operator') return { kind: 'operator', userId: u.id, email: u.email, name: u.name };
  if (!u.connectionId || !u.tenantId) return null;
  return { kind: 'tenant', userId: u.id, email: u.email, name: u.name, connectionId: u.connectionId, tenantId: u.tenantId };
}

const toUser = (u: typeof users.$inferSelect): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  connectionId: u.connectionId,
  tenantId: u.tenantId,
  disabled: !!u.disabledAt,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(actor: Actor | null): Promise<User[]> {
  assertOperator(actor);
  const db = await getDb();
  return (await db.select().from(users).orderBy(asc(users.email))).map(toUser);
}

export async function createUser(actor: Actor | null, raw: unknown): Promise<User> {
  assertOperator(actor);
  const parsed = userInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  const db = await getDb();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw new AppError('conflict', `A user with the e-mail ${input.email} already exists.`, { email: 'already in use' });
  return audited(actor, { action: 'user.create', targetType: 'user', ref: input.role === 'tenant' ? { connectionId: input.connectionId, tenantId: input.tenantId } : undefined }, async () => {
    const [row] = await db
      .insert(users)
      .values({
        id: randomUUID(),
        email: input.email,
        name: input.name,
        role: input.role,
        connectionId: input.role === 'tenant' ? input.connectionId! : null,
        tenantId: input.role === 'tenant' ? input.tenantId! : null,
        passwordHash: await hashPassword(input.password),
      })
      .returning();
    return toUser(row!);
  });
}

export async function resetPassword(actor: Actor | null, userId: string, password: unknown): Promise<void> {
  assertOperator(actor);
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new AppError('invalid_input', `password: ${parsed.error.issues[0]?.message}`, { password: parsed.error.issues[0]?.message ?? 'invalid' });
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound('The user');
  await audited(actor, { action: 'user.reset_password', targetType: 'user', targetId: userId }, async () => {
    await db.update(users).set({ passwordHash: await hashPassword(parsed.data), updatedAt: new Date() }).where(eq(users.id, userId));
  });
}

export async function setUserDisabled(actor: Actor | null, userId: string, disabled: boolean): Promise<void> {
  assertOperator(actor);
  if (disabled && userId === actor.userId) throw new AppError('conflict', 'You cannot disable your own account.');
  const db = await getDb();
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) throw notFound('The user');
  await audited(actor, { action: disabled ? 'user.disable' : 'user.enable', targetType: 'user', targetId: userId, before: { disabled: !!u.disabledAt } }, async () => {
    await db.update(users).set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() }).where(eq(users.id, userId));
    return { disabled };
  });
}

// ---------------------------------------------------------------------------------------------- wallboards

export interface WallboardToken {
  id: string;
  name: string;
  scope: WallboardScope;
  createdAt: string;
  revoked: boolean;
  lastSeenAt: string | null;
}

export async function listWallboards(actor: Actor | null): Promise<WallboardToken[]> {
  assertOperator(actor);
  const db = await getDb();
  const rows = await db.select().from(wallboardTokens).orderBy(asc(wallboardTokens.createdAt));
  return rows.map((r) => ({ id: r.id, name: r.name, scope: r.scope, createdAt: r.createdAt.toISOString(), revoked: !!r.revokedAt, lastSeenAt: r.lastSeenAt?.toISOString() ?? null }));
}

/** Returns the token once; only its hash is stored. */
export async function createWallboard(actor: Actor | null, raw: unknown, fixedToken?: string): Promise<{ id: string; token: string }> {
  assertOperator(actor);
  const parsed = wallboardInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const token = fixedToken ?? randomToken(24);
  const db = await getDb();
  return audited(
    actor,
    { action: 'wallboard.create', targetType: 'wallboard' },
    async () => {
      const id = randomUUID();
      await db.insert(wallboardTokens).values({ id, name: parsed.data.name, tokenHash: sha256(token), scope: parsed.data.scope, createdBy: actor.userId });
      return { id, token };
    },
    (r) => ({ id: r.id, name: parsed.data.name, scope: parsed.data.scope }),
  );
}

export async function revokeWallboard(actor: Actor | null, id: string): Promise<void> {
  assertOperator(actor);
  const db = await getDb();
  await audited(actor, { action: 'wallboard.revoke', targetType: 'wallboard', targetId: id }, async () => {
    const r = await db.update(wallboardTokens).set({ revokedAt: new Date() }).where(and(eq(wallboardTokens.id, id), isNull(wallboardTokens.revokedAt))).returning({ id: wallboardTokens.id });
    if (r.length === 0) throw notFound('The wallboard token');
  });
}

/** A wallboard URL's token → its read-only Actor, or null when unknown or revoked. Checked on every request. */
export async function actorForWallboardToken(token: string): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [r] = await db.select().from(wallboardTokens).where(eq(wallboardTokens.tokenHash, sha256(token)));
  if (!r || r.revokedAt) return null;
  return { kind: 'wallboard', tokenId: r.id, name: r.name, scope: r.scope };
}
