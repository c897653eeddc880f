import { bigint, bigserial, boolean, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['operator', 'tenant'] }).notNull(),
  /** Tenant users are bound to exactly one tenant of one connection. */
  connectionId: text('connection_id'),
  tenantId: text('tenant_id'),
  disabledAt: ts('disabled_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const connections = pgTable('connections', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  vendor: text('vendor', { enum: ['pbxware', 'hodupbx', 'mirta', 'portsip'] }).notNull(),
  baseUrl: text('base_url').notNull(),
  /** Non-secret settings, readable by the UI. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  /** AES-256-GCM blob of the secret fields (see server/crypto.ts). */
  secrets: text('secrets').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Per-tenant settings the operator owns: low-balance threshold, whether the tenant's users may edit. */
export const tenantSettings = pgTable(
  'tenant_settings',
  {
    connectionId: text('connection_id').notNull(),
    tenantId: text('tenant_id').notNull(),
    lowBalanceThreshold: numeric('low_balance_threshold', { precision: 18, scale: 5 }),
    tenantMayEdit: boolean('tenant_may_edit').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.tenantId] })],
);

export const wallboardTokens = pgTable('wallboard_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** sha256 of the token; the token itself is shown once. */
  tokenHash: text('token_hash').notNull().unique(),
  /** Which tenants it may show: whole connections and/or single tenants. */
  scope: jsonb('scope').$type<{ connections: string[]; tenants: { connectionId: string; tenantId: string }[] }>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
  lastSeenAt: ts('last_seen_at'),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    connectionId: text('connection_id'),
    tenantId: text('tenant_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    result: text('result', { enum: ['ok', 'error'] }).notNull(),
    error: text('error'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_tenant').on(t.connectionId, t.tenantId, t.at)],
);

/** Results of writes by idempotency key, so a double click or a retry never creates two objects. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  actorId: text('actor_id').notNull(),
  result: jsonb('result'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const cdrs = pgTable(
  'cdrs',
  {
    connectionId: text('connection_id').notNull(),
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    fromNumber: text('from_number').notNull(),
    fromName: text('from_name'),
    toNumber: text('to_number').notNull(),
    toName: text('to_name'),
    forwardedTo: text('forwarded_to'),
    direction: text('direction').notNull(),
    directionRaw: text('direction_raw'),
    disposition: text('disposition').notNull(),
    dispositionRaw: text('disposition_raw'),
    durationSec: integer('duration_sec').notNull(),
    billableSec: integer('billable_sec'),
    costAmount: numeric('cost_amount', { precision: 18, scale: 5 }),
    costCurrency: text('cost_currency'),
    recordingRef: text('recording_ref'),
    mos: doublePrecision('mos'),
    trunk: text('trunk'),
    raw: jsonb('raw').notNull(),
    /** Insertion order (0002_cdr_explorer): the column store loads `seq > last loaded`. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.tenantId, t.id] }), uniqueIndex('cdrs_seq').on(t.seq), index('cdrs_started').on(t.startedAt), index('cdrs_tenant_started').on(t.connectionId, t.tenantId, t.startedAt)],
);

export const cdrSyncState = pgTable(
  'cdr_sync_state',
  {
    connectionId: text('connection_id').notNull(),
    tenantId: text('tenant_id').notNull(),
    /** Everything before this instant is in the table. */
    syncedUntil: ts('synced_until'),
    /** The window being fetched and the vendor cursor reached, so a failed run resumes mid-window. */
    windowFrom: ts('window_from'),
    windowTo: ts('window_to'),
    cursor: text('cursor'),
    status: text('status', { enum: ['idle', 'running', 'failed'] }).notNull().default('idle'),
    lastError: text('last_error'),
    lastRunAt: ts('last_run_at'),
    recordsTotal: integer('records_total').notNull().default(0),
    /** 0002_cdr_explorer: who holds the tenant's sync (instances race for it), and the running pass's progress. */
    leaseUntil: ts('lease_until'),
    runStartedAt: ts('run_started_at'),
    runPages: integer('run_pages').notNull().default(0),
    runRecords: integer('run_records').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.tenantId] })],
);

/** 0002_cdr_explorer: how far back the first CDR sync of a connection reaches. */
export const cdrSyncSettings = pgTable('cdr_sync_settings', {
  connectionId: text('connection_id').primaryKey(),
  firstSyncDays: integer('first_sync_days').notNull().default(7),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The live hub's last published state per stream (scaled mode; see server/live/pg-coordinator.ts). */
export const liveSnapshots = pgTable('live_snapshots', {
  key: text('key').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  state: jsonb('state').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 0004_crm_hooks: the hashed secret token of each connection's CRM callback URL. */
export const crmHooks = pgTable('crm_hooks', {
  connectionId: text('connection_id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
