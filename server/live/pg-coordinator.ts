import 'server-only';
import pg from 'pg';
import type { LiveState } from '@/lib/live-protocol';
import { log } from '@/server/log';
import type { Coordinator } from './coordinator';

/** First key of the two-int advisory lock: the live hub's namespace (the migrator uses a one-int lock). */
const LOCK_NAMESPACE = 727274002;
export const LIVE_CHANNEL = 'switchboard_live';

/**
 * Postgres coordination for several app instances.
 *
 * - Leadership: `pg_try_advisory_lock(namespace, hashtext(key))`, session-level, on one dedicated client. A
 *   crashed instance loses its session and so its locks; followers retry the lock and take over.
 * - Fan-out: NOTIFY's payload is capped at 8000 bytes and a tenant's registrations easily exceed that, so the
 *   leader upserts the whole state into `live_snapshots` and notifies only "key<TAB>version" in the same
 *   statement (the notice is delivered on commit, after the row is visible). Followers read the row and diff it
 *   against what they hold, so their browsers get ordinary deltas. One small read per poll per instance is
 *   cheaper and simpler than chunking payloads and reassembling them in order.
 * - The LISTEN runs on the same dedicated client; reads and writes use a small pool so a slow write never
 *   delays a notice.
 */
export class PgCoordinator implements Coordinator {
  readonly shared = true;
  private client?: pg.Client;
  private pool: pg.Pool;
  private closed = false;
  private onNotice: (key: string) => void = () => {};
  private onLost: () => void = () => {};

  constructor(private url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 3 });
    this.pool.on('error', (err) => log.warn('live hub: pool error', { error: String(err) }));
  }

  async start(onNotice: (key: string) => void, onLost: () => void) {
    this.onNotice = onNotice;
    this.onLost = onLost;
    await this.connect();
    await this.pool.query(`DELETE FROM live_snapshots WHERE updated_at < now() - interval '1 day'`).catch(() => {});
  }

  private async connect() {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (n) => {
      if (n.channel !== LIVE_CHANNEL || !n.payload) return;
      this.onNotice(n.payload.split('\t')[0]!);
    });
    client.on('error', (err) => {
      log.warn('live hub: coordination connection lost', { error: String(err) });
      this.dropClient(client);
    });
    client.on('end', () => this.dropClient(client));
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
  }

  /** Locks died with the session: tell the hub (it turns leaders into followers), then reconnect. */
  private dropClient(client: pg.Client) {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.closed) return;
    this.onLost();
    const retry = () => {
      if (this.closed) return;
      this.connect().catch(() => setTimeout(retry, 2_000).unref());
    };
    setTimeout(retry, 1_000).unref();
  }

  async tryLock(key: string): Promise<boolean> {
    if (!this.client) return false;
    const r = await this.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_NAMESPACE, key]);
    return r.rows[0]?.ok === true;
  }

  async unlock(key: string) {
    if (!this.client) return;
    await this.client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, key]).catch(() => {});
  }

  async publish(state: LiveState) {
    await this.pool.query(
      `WITH up AS (
         INSERT INTO live_snapshots (key, version, state, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state, updated_at = now()
         RETURNING key)
       SELECT pg_notify($4, $1 || chr(9) || $2::text) FROM up`,
      [state.key, state.version, JSON.stringify(state), LIVE_CHANNEL],
    );
  }

  async read(key: string): Promise<LiveState | undefined> {
    const r = await this.pool.query<{ state: LiveState }>('SELECT state FROM live_snapshots WHERE key = $1', [key]);
    const state = r.rows[0]?.state;
    // A row written by an instance of a release that kept items as an object keyed by ID (before LiveEntries).
    if (state && !Array.isArray(state.items)) state.items = Object.entries(state.items as Record<string, unknown>);
    return state;
  }

  async close() {
    this.closed = true;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }
}
