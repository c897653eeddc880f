import 'server-only';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { TenantRef } from '@/lib/schemas/common';
import { actorId, actorLabel, type Actor } from '@/server/auth/actor';
import { assertUser } from '@/server/auth/scope';
import { getDb } from '@/server/db/client';
import { auditLog } from '@/server/db/schema';
import { toAppErrorInfo } from '@/server/errors';

export interface AuditTarget {
  action: string;
  targetType: string;
  targetId?: string;
  ref?: Partial<TenantRef>;
}

/** Appends one audit entry. Never lets an audit failure hide the outcome of the change itself. */
export async function recordAudit(actor: Actor, target: AuditTarget, entry: { before?: unknown; after?: unknown; error?: unknown }) {
  const db = await getDb();
  await db.insert(auditLog).values({
    actorId: actorId(actor),
    actorLabel: actorLabel(actor),
    action: target.action,
    targetType: target.targetType,
    targetId: target.targetId ?? null,
    connectionId: target.ref?.connectionId ?? null,
    tenantId: target.ref?.tenantId ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
    result: entry.error ? 'error' : 'ok',
    error: entry.error ? toAppErrorInfo(entry.error).message : null,
  });
}

/** Runs a change and records it with before and after, whether it succeeds or fails. */
export async function audited<T>(actor: Actor, target: AuditTarget & { before?: unknown }, change: () => Promise<T>, after: (r: T) => unknown = (r) => r): Promise<T> {
  try {
    const result = await change();
    await recordAudit(actor, { ...target, targetId: target.targetId ?? idOf(result) }, { before: target.before, after: after(result) });
    return result;
  } catch (error) {
    await recordAudit(actor, target, { before: target.before, error });
    throw error;
  }
}

function idOf(r: unknown): string | undefined {
  return r && typeof r === 'object' && 'id' in r && typeof (r as { id: unknown }).id === 'string' ? (r as { id: string }).id : undefined;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  connectionId: string | null;
  tenantId: string | null;
  before: unknown;
  after: unknown;
  result: 'ok' | 'error';
  error: string | null;
}

/** Operators see everything; tenant users see the entries of their own tenant. */
export async function listAudit(actor: Actor | null, opts: { before?: number; limit?: number } = {}): Promise<AuditEntry[]> {
  assertUser(actor);
  const db = await getDb();
  const where: SQL[] = [];
  if (actor.kind === 'tenant') where.push(eq(auditLog.connectionId, actor.connectionId), eq(auditLog.tenantId, actor.tenantId));
  if (opts.before) where.push(lt(auditLog.id, opts.before));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(opts.limit ?? 100, 500));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    connectionId: r.connectionId,
    tenantId: r.tenantId,
    before: r.before,
    after: r.after,
    result: r.result,
    error: r.error,
  }));
}
