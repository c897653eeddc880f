import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { dataDir, env } from '@/server/env';
import { log } from '@/server/log';
import { migrations } from './migrations';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

interface Handle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// One handle per process, kept on globalThis so Next's module reloading in dev does not open PGlite twice.
const g = globalThis as unknown as { __switchboardDb?: Promise<Handle> };

/** The database: Postgres when DATABASE_URL is set, else embedded PGlite in `<data dir>/pglite`. Migrated. */
export function getDb(): Promise<Db> {
  g.__switchboardDb ??= openDatabase({ url: env().DATABASE_URL, dir: path.join(dataDir(), 'pglite') });
  return g.__switchboardDb.then((h) => h.db);
}

export async function openDatabase(opts: { url?: string; dir?: string; memory?: boolean }): Promise<Handle> {
  let handle: Handle;
  if (opts.url) {
    const { Pool } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new Pool({ connectionString: opts.url, max: 10 });
    // An idle client dropped by the server (restart, failover, a dropped test database) must not crash the process.
    pool.on('error', (err) => log.warn('postgres pool client error', { error: err.message }));
    handle = { db: drizzle({ client: pool, schema }) as unknown as Db, kind: 'postgres', close: () => pool.end() };
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    if (!opts.memory && opts.dir) fs.mkdirSync(opts.dir, { recursive: true });
    const client = opts.memory ? new PGlite() : new PGlite(opts.dir);
    handle = { db: drizzle({ client, schema }) as unknown as Db, kind: 'pglite', close: () => client.close() };
  }
  await migrate(handle.db);
  return handle;
}

/** Applies pending migrations under an advisory lock, so several app instances starting at once are safe. */
export async function migrate(db: Db) {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS _migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727274001)`);
    const done = await tx.execute<{ id: string }>(sql`SELECT id FROM _migrations`);
    const applied = new Set(rowsOf<{ id: string }>(done).map((r) => r.id));
    for (const m of migrations) {
      if (applied.has(m.id)) continue;
      // One statement per call: PGlite's extended protocol refuses multi-statement strings.
      for (const stmt of m.sql.split(/;\s*\n/).map((x) => x.trim()).filter(Boolean)) await tx.execute(sql.raw(stmt));
      await tx.execute(sql`INSERT INTO _migrations (id) VALUES (${m.id})`);
    }
  });
}

/** node-postgres returns `{ rows }`, PGlite returns `{ rows }` too, but typed differently. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

export { schema };

/** Tests: use this database handle for the rest of the process. */
export function setDatabaseForTests(handle: Handle) {
  g.__switchboardDb = Promise.resolve(handle);
}
export type { Handle as DatabaseHandle };
