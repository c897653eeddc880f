import 'server-only';
import { randomBytes } from 'node:crypto';
import { openDatabase, setDatabaseForTests, type DatabaseHandle } from '@/server/db/client';

/**
 * The databases the database tests run against: embedded PGlite always, and a real Postgres server when
 * TEST_DATABASE_URL is set (CI sets it). Each test file gets a database of its own.
 */
export const databaseKinds: { name: 'pglite' | 'postgres'; url?: string }[] = [
  { name: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, url: process.env.TEST_DATABASE_URL }] : []),
];

export async function freshDatabase(kind: { name: 'pglite' | 'postgres'; url?: string }): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }> {
  if (kind.name === 'pglite') {
    const handle = await openDatabase({ memory: true });
    setDatabaseForTests(handle);
    return { handle, drop: () => handle.close() };
  }
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: kind.url });
  await admin.connect();
  const name = `sb_test_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(kind.url!);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  setDatabaseForTests(handle);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
