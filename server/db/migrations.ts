/**
 * Schema migrations, applied in order on start (see migrate.ts). Written as SQL so the same text runs on PGlite
 * and Postgres; `schema.ts` mirrors the result for typed queries. Never edit a shipped migration: add one.
 */
export const migrations: { id: string; sql: string }[] = [
  {
    id: '0001_init',
    sql: `
CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('operator','tenant')),
  connection_id text,
  tenant_id text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'tenant' OR (connection_id IS NOT NULL AND tenant_id IS NOT NULL))
);
CREATE TABLE connections (
  id text PRIMARY KEY,
  name text NOT NULL,
  vendor text NOT NULL CHECK (vendor IN ('pbxware','hodupbx','mirta','portsip')),
  base_url text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  secrets text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE tenant_settings (
  connection_id text NOT NULL,
  tenant_id text NOT NULL,
  low_balance_threshold numeric(18,5),
  tenant_may_edit boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, tenant_id)
);
CREATE TABLE wallboard_tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scope jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_seen_at timestamptz
);
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text NOT NULL,
  actor_label text NOT NULL,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  connection_id text,
  tenant_id text,
  before jsonb,
  after jsonb,
  result text NOT NULL CHECK (result IN ('ok','error')),
  error text
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_tenant ON audit_log (connection_id, tenant_id, at);
CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  actor_id text NOT NULL,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE cdrs (
  connection_id text NOT NULL,
  tenant_id text NOT NULL,
  id text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  from_number text NOT NULL,
  from_name text,
  to_number text NOT NULL,
  to_name text,
  forwarded_to text,
  direction text NOT NULL,
  direction_raw text,
  disposition text NOT NULL,
  disposition_raw text,
  duration_sec integer NOT NULL,
  billable_sec integer,
  cost_amount numeric(18,5),
  cost_currency text,
  recording_ref text,
  mos double precision,
  trunk text,
  raw jsonb NOT NULL,
  PRIMARY KEY (connection_id, tenant_id, id)
);
CREATE INDEX cdrs_started ON cdrs (started_at);
CREATE INDEX cdrs_tenant_started ON cdrs (connection_id, tenant_id, started_at);
CREATE TABLE cdr_sync_state (
  connection_id text NOT NULL,
  tenant_id text NOT NULL,
  synced_until timestamptz,
  window_from timestamptz,
  window_to timestamptz,
  cursor text,
  status text NOT NULL DEFAULT 'idle',
  last_error text,
  last_run_at timestamptz,
  records_total integer NOT NULL DEFAULT 0,
  PRIMARY KEY (connection_id, tenant_id)
);
`,
  },
  {
    // CDR explorer: an insertion sequence so the in-process column store (server/services/cdr-store.ts) can
    // load only what is new, a sync lease so two instances never page one tenant at once, run progress, and
    // the per-connection first-sync range.
    id: '0002_cdr_explorer',
    sql: `
ALTER TABLE cdrs ADD COLUMN seq bigserial;
CREATE UNIQUE INDEX cdrs_seq ON cdrs (seq);
ALTER TABLE cdr_sync_state ADD COLUMN lease_until timestamptz;
ALTER TABLE cdr_sync_state ADD COLUMN run_started_at timestamptz;
ALTER TABLE cdr_sync_state ADD COLUMN run_pages integer NOT NULL DEFAULT 0;
ALTER TABLE cdr_sync_state ADD COLUMN run_records integer NOT NULL DEFAULT 0;
CREATE TABLE cdr_sync_settings (
  connection_id text PRIMARY KEY,
  first_sync_days integer NOT NULL DEFAULT 7 CHECK (first_sync_days BETWEEN 1 AND 366),
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    // The live hub's shared snapshots: with several app instances the stream's leader writes each poll's state
    // here and NOTIFYs only "key, version" (NOTIFY payloads are capped at 8000 bytes).
    id: '0003_live_hub',
    sql: `
CREATE TABLE IF NOT EXISTS live_snapshots (
  key text PRIMARY KEY,
  version bigint NOT NULL,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    // CRM callback hooks: one secret path token per connection (HoduPBX sends no credentials, so the token in
    // the URL is the authentication). Only its SHA-256 is stored; the token itself is derived from the server
    // key (see server/services/crm-hooks.ts), so the URL can be shown again without keeping it.
    id: '0004_crm_hooks',
    sql: `
CREATE TABLE IF NOT EXISTS crm_hooks (
  connection_id text PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
];
