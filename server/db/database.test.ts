import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptJson, encryptJson } from '@/server/crypto';
import { databaseKinds, freshDatabase } from '@/server/testing/databases';
import { migrate, rowsOf, type Db } from './client';
import { migrations } from './migrations';
import { auditLog, connections, users } from './schema';

describe.each(databaseKinds)('database on $name', (kind) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase(kind);
    db = fresh.handle.db;
    drop = fresh.drop;
  });
  afterAll(() => drop());

  it('applies migrations once, and again is a no-op', async () => {
    await migrate(db);
    await migrate(db);
    const applied = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM _migrations`));
    expect(applied.map((r) => r.id).sort()).toEqual(migrations.map((m) => m.id).sort());
  });

  it('refuses a tenant user without a tenant binding', async () => {
    await expect(db.insert(users).values({ id: 'u1', email: 'x@y.test', name: 'X', role: 'tenant', passwordHash: 'h' })).rejects.toThrow();
  });

  it('stores vendor credentials only encrypted, and reads them back', async () => {
    const secret = { apiKey: 'very-secret-api-key-123' };
    await db.insert(connections).values({ id: 'c1', name: 'PBX', vendor: 'pbxware', baseUrl: 'http://127.0.0.1:1', settings: {}, secrets: encryptJson(secret) });
    const raw = rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT * FROM connections WHERE id = 'c1'`));
    expect(JSON.stringify(raw)).not.toContain('very-secret-api-key-123');
    const [row] = await db.select().from(connections).where(eq(connections.id, 'c1'));
    expect(decryptJson(row!.secrets)).toEqual(secret);
  });

  it('detects tampering with an encrypted credential', () => {
    const blob = encryptJson({ token: 'abc' });
    const parts = blob.split('.');
    parts[3] = Buffer.from('tampered!').toString('base64url');
    expect(() => decryptJson(parts.join('.'))).toThrow();
  });

  it('keeps audit entries with before and after as JSON', async () => {
    await db.insert(auditLog).values({ actorId: 'a', actorLabel: 'A', action: 'x.update', targetType: 'x', before: { n: 1 }, after: { n: 2 }, result: 'ok' });
    const [e] = await db.select().from(auditLog);
    expect(e).toMatchObject({ before: { n: 1 }, after: { n: 2 }, result: 'ok' });
  });
});
