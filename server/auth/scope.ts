import 'server-only';
import type { TenantRef } from '@/lib/schemas/common';
import { AppError, forbidden } from '@/server/errors';
import type { Actor } from './actor';

/** The only place that decides which tenants an actor may see. */
export function canSeeTenant(actor: Actor, ref: TenantRef): boolean {
  switch (actor.kind) {
    case 'operator':
      return true;
    case 'tenant':
      return actor.connectionId === ref.connectionId && actor.tenantId === ref.tenantId;
    case 'wallboard':
      return actor.scope.connections.includes(ref.connectionId) || actor.scope.tenants.some((t) => t.connectionId === ref.connectionId && t.tenantId === ref.tenantId);
  }
}

/** Whether any tenant of this connection is visible (for listing connections). */
export function canSeeConnection(actor: Actor, connectionId: string): boolean {
  switch (actor.kind) {
    case 'operator':
      return true;
    case 'tenant':
      return actor.connectionId === connectionId;
    case 'wallboard':
      return actor.scope.connections.includes(connectionId) || actor.scope.tenants.some((t) => t.connectionId === connectionId);
  }
}

export function assertTenantRead(actor: Actor | null, ref: TenantRef): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Please sign in.');
  // The same message whether the tenant exists or not: a tenant user learns nothing about other tenants.
  if (!canSeeTenant(actor, ref)) throw forbidden('this tenant');
}

export function assertOperator(actor: Actor | null): asserts actor is Extract<Actor, { kind: 'operator' }> {
  if (!actor) throw new AppError('unauthenticated', 'Please sign in.');
  if (actor.kind !== 'operator') throw forbidden('this page (operators only)');
}

export function assertSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Please sign in.');
}

/** Human users only: wallboard tokens never write or see configuration. */
export function assertUser(actor: Actor | null): asserts actor is Exclude<Actor, { kind: 'wallboard' }> {
  assertSignedIn(actor);
  if (actor.kind === 'wallboard') throw forbidden('this (wallboards are read-only)');
}

/**
 * Writes to a tenant's configuration: operators always; tenant users only to their own tenant and only while
 * the operator allows it (`tenant_settings.tenant_may_edit`); wallboards never. Every config mutation calls this.
 */
export async function assertTenantWrite(actor: Actor | null, ref: TenantRef): Promise<void> {
  assertTenantRead(actor, ref);
  if (actor.kind === 'operator') return;
  if (actor.kind === 'wallboard') throw forbidden('this (wallboards are read-only)');
  const { tenantSettingsFor } = await import('@/server/services/overview');
  if (!(await tenantSettingsFor(ref.connectionId, ref.tenantId)).tenantMayEdit)
    throw new AppError('forbidden', 'Your operator has not allowed changes to this tenant from Switchboard.');
}
