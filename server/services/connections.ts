import 'server-only';
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Capability } from '@/lib/capabilities';
import {
  connectionConfigSchema,
  connectionInputSchema,
  secretFields,
  type Connection,
  type ConnectionConfig,
} from '@/lib/schemas/connection';
import type { Vendor } from '@/lib/schemas/common';
import type { VendorErrorInfo } from '@/lib/vendor-error';
import { capabilitiesOf } from '@/server/adapters/capabilities';
import { isVendorError } from '@/server/adapters/errors';
import { adapterFor, createAdapter, forgetAdapter } from '@/server/adapters/registry';
import type { PbxAdapter } from '@/server/adapters/types';
import type { Actor } from '@/server/auth/actor';
import { assertOperator, assertSignedIn, canSeeConnection } from '@/server/auth/scope';
import { decryptJson, encryptJson } from '@/server/crypto';
import { getDb } from '@/server/db/client';
import { connections } from '@/server/db/schema';
import { AppError, forbidden, invalidInput, notFound, toAppErrorInfo } from '@/server/errors';
import { audited } from './audit';

type Row = typeof connections.$inferSelect;

export interface ConnectionView extends Connection {
  capabilities: Capability[];
}

function splitConfig(config: ConnectionConfig) {
  const secretKeys: readonly string[] = secretFields[config.vendor];
  const { vendor: _v, baseUrl: _b, ...rest } = config as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) (secretKeys.includes(k) ? secrets : settings)[k] = v;
  return { settings, secrets };
}

function configOf(row: Row): ConnectionConfig {
  return connectionConfigSchema.parse({ vendor: row.vendor, baseUrl: row.baseUrl, ...row.settings, ...decryptJson<Record<string, unknown>>(row.secrets) });
}

function toView(row: Row): ConnectionView {
  const config = configOf(row);
  return {
    id: row.id,
    name: row.name,
    vendor: row.vendor,
    baseUrl: row.baseUrl,
    settings: row.settings,
    secretsSet: [...secretFields[row.vendor]],
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    capabilities: capabilitiesOf(createAdapter(config)),
  };
}

/** Internal: a connection with its adapter, for services that already checked scope. */
export async function loadConnection(id: string): Promise<{ row: Row; adapter: PbxAdapter; vendor: Vendor }> {
  const db = await getDb();
  const [row] = await db.select().from(connections).where(eq(connections.id, id));
  if (!row) throw notFound('The connection');
  return { row, vendor: row.vendor, adapter: adapterFor({ id: row.id, updatedAt: row.updatedAt, config: configOf(row) }) };
}

/** Internal: every enabled connection. */
export async function allConnectionRows(): Promise<Row[]> {
  const db = await getDb();
  return db.select().from(connections).orderBy(asc(connections.name));
}

/** What the caller may see of connections: operators all, tenant users and wallboards only their own. */
export async function listConnections(actor: Actor | null): Promise<ConnectionView[]> {
  assertSignedIn(actor);
  const rows = await allConnectionRows();
  const visible = rows.filter((r) => canSeeConnection(actor, r.id)).map(toView);
  // Non-operators never see URLs or settings of the PBX.
  return actor.kind === 'operator' ? visible : visible.map((c) => ({ ...c, baseUrl: '', settings: {}, secretsSet: [] }));
}

export async function getConnection(actor: Actor | null, id: string): Promise<ConnectionView> {
  assertSignedIn(actor);
  if (!canSeeConnection(actor, id)) throw forbidden('this connection');
  const { row } = await loadConnection(id);
  const view = toView(row);
  return actor.kind === 'operator' ? view : { ...view, baseUrl: '', settings: {}, secretsSet: [] };
}

/** For updates: secret fields left empty keep the stored value, so the browser never needs to see them. */
function mergeStoredSecrets(raw: unknown, row: Row | undefined): unknown {
  if (!row || !raw || typeof raw !== 'object') return raw;
  const input = raw as { config?: Record<string, unknown> };
  if (!input.config || input.config.vendor !== row.vendor) return raw;
  const stored = decryptJson<Record<string, unknown>>(row.secrets);
  const config = { ...input.config };
  for (const k of secretFields[row.vendor]) if (config[k] === undefined || config[k] === '') config[k] = stored[k];
  return { ...input, config };
}

export async function createConnection(actor: Actor | null, raw: unknown): Promise<ConnectionView> {
  assertOperator(actor);
  const parsed = connectionInputSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { settings, secrets } = splitConfig(parsed.data.config);
  const db = await getDb();
  return audited(actor, { action: 'connection.create', targetType: 'connection' }, async () => {
    const [row] = await db
      .insert(connections)
      .values({ id: randomUUID(), name: parsed.data.name, vendor: parsed.data.config.vendor, baseUrl: parsed.data.config.baseUrl, settings, secrets: encryptJson(secrets) })
      .returning();
    return toView(row!);
  });
}

export async function updateConnection(actor: Actor | null, id: string, raw: unknown): Promise<ConnectionView> {
  assertOperator(actor);
  const db = await getDb();
  const [before] = await db.select().from(connections).where(eq(connections.id, id));
  if (!before) throw notFound('The connection');
  const parsed = connectionInputSchema.safeParse(mergeStoredSecrets(raw, before));
  if (!parsed.success) throw invalidInput(parsed.error);
  const { settings, secrets } = splitConfig(parsed.data.config);
  return audited(actor, { action: 'connection.update', targetType: 'connection', targetId: id, before: toView(before) }, async () => {
    const [row] = await db
      .update(connections)
      .set({ name: parsed.data.name, vendor: parsed.data.config.vendor, baseUrl: parsed.data.config.baseUrl, settings, secrets: encryptJson(secrets), updatedAt: new Date() })
      .where(eq(connections.id, id))
      .returning();
    forgetAdapter(id);
    return toView(row!);
  });
}

export async function deleteConnection(actor: Actor | null, id: string): Promise<void> {
  assertOperator(actor);
  const db = await getDb();
  const [before] = await db.select().from(connections).where(eq(connections.id, id));
  if (!before) throw notFound('The connection');
  await audited(actor, { action: 'connection.delete', targetType: 'connection', targetId: id, before: toView(before) }, async () => {
    await db.delete(connections).where(eq(connections.id, id));
    forgetAdapter(id);
  });
}

export type TestResult = { ok: true; detail: string; tenants: number; capabilities: Capability[] } | { ok: false; message: string; vendor?: VendorErrorInfo };

/**
 * "Test connection": a stored connection by ID, or unsaved form input (secrets left empty fall back to the
 * stored ones when `id` is given). Reports the vendor's own error text.
 */
export async function testConnection(actor: Actor | null, input: { id?: string; raw?: unknown }): Promise<TestResult> {
  assertOperator(actor);
  let config: ConnectionConfig;
  if (input.raw !== undefined) {
    let row: Row | undefined;
    if (input.id) [row] = await (await getDb()).select().from(connections).where(eq(connections.id, input.id));
    const parsed = connectionInputSchema.safeParse(mergeStoredSecrets(input.raw, row));
    if (!parsed.success) throw invalidInput(parsed.error);
    config = parsed.data.config;
  } else if (input.id) {
    const { row } = await loadConnection(input.id);
    config = configOf(row);
  } else throw new AppError('invalid_input', 'Nothing to test.');
  const adapter = createAdapter(config, { deadlineMs: 8_000, retries: 0 });
  try {
    const { detail } = await adapter.testConnection({});
    const tenants = await adapter.listTenants({});
    return { ok: true, detail, tenants: tenants.length, capabilities: capabilitiesOf(adapter) };
  } catch (err) {
    if (isVendorError(err)) {
      const info = toAppErrorInfo(err);
      return { ok: false, message: info.message, vendor: info.vendor };
    }
    throw err;
  }
}
