/**
 * A tenant user can neither read nor change another tenant's data through any service. Runs the real services
 * against real emulators over HTTP and a real database (PGlite, and Postgres when TEST_DATABASE_URL is set).
 * Route handlers and actions reach data only through these services; e2e/foundation checks them in a browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password';
import { getDb } from '@/server/db/client';
import { users } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { PBXWARE_DEMO_CREDENTIALS, startPbxwareEmulator } from '@/server/emulators/pbxware';
import { PORTSIP_DEMO_CREDENTIALS } from '@/server/emulators/portsip/fixtures';
import { startPortsipEmulator } from '@/server/emulators/portsip';
import type { RunningEmulator } from '@/server/emulators/kit';
import { databaseKinds, freshDatabase } from '@/server/testing/databases';
import { listAudit } from './audit';
import { createConnection, deleteConnection, getConnection, listConnections, testConnection, updateConnection } from './connections';
import { getOverview, updateTenantSettings } from './overview';
import { listTenants, readAcrossTenants, readTenant } from './tenants';
import { actorForUserId, createUser, createWallboard, listUsers, listWallboards, resetPassword, revokeWallboard, setUserDisabled } from './users';

const forbidden = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the call to be refused').toBeInstanceOf(AppError);
  expect(['forbidden', 'unauthenticated']).toContain((err as AppError).code);
};

describe.each(databaseKinds)('tenant isolation across services ($name)', (kind) => {
  let drop: () => Promise<void>;
  let pbx: RunningEmulator;
  let psip: RunningEmulator;
  const operator: Actor = { kind: 'operator', userId: 'op-1', email: 'op@operator.test', name: 'Op' };
  let tenant: Actor;
  let pbxId: string;
  let portsipId: string;

  beforeAll(async () => {
    drop = (await freshDatabase(kind)).drop;
    [pbx, psip] = await Promise.all([startPbxwareEmulator({ port: 0 }), startPortsipEmulator({ port: 0 })]);
    const db = await getDb();
    await db.insert(users).values({ id: 'op-1', email: 'op@operator.test', name: 'Op', role: 'operator', passwordHash: await hashPassword('operator-pass-1') });
    pbxId = (await createConnection(operator, { name: 'PBXware', config: { vendor: 'pbxware', baseUrl: pbx.url, apiKey: PBXWARE_DEMO_CREDENTIALS.apiKey } })).id;
    portsipId = (await createConnection(operator, { name: 'PortSIP', config: { vendor: 'portsip', baseUrl: psip.url, token: PORTSIP_DEMO_CREDENTIALS[0].token } })).id;
    const created = await createUser(operator, { email: 't@tenant.test', name: 'T', role: 'tenant', connectionId: pbxId, tenantId: '2', password: 'tenant-pass-1' });
    tenant = (await actorForUserId(created.id))!;
    // Some history of another tenant, which the tenant user must not see.
    await updateTenantSettings(operator, { connectionId: pbxId, tenantId: '7' }, { lowBalanceThreshold: '5.00' });
  });
  afterAll(async () => {
    await Promise.all([pbx?.close(), psip?.close()]);
    await drop?.();
  });

  it('sees only its own tenant in lists', async () => {
    const { tenants } = await listTenants(tenant);
    expect(tenants.map((t) => `${t.connectionId}/${t.id}`)).toEqual([`${pbxId}/2`]);
    const { rows } = await getOverview(tenant, {});
    expect(rows.map((r) => r.tenant.id)).toEqual(['2']);
    // Asking the switcher for another tenant gives nothing, not the other tenant.
    expect((await listTenants(tenant, { connectionId: pbxId, tenantId: '7' })).tenants).toEqual([]);
    const across = await readAcrossTenants(tenant, {}, 'listExtensions', (a, ctx, t) => a.listExtensions!(ctx, t.id));
    expect(across.items.map((i) => i.tenant.id)).toEqual(['2']);
  });

  it("cannot read another tenant's data of the same or another connection", async () => {
    await forbidden(readTenant(tenant, { connectionId: pbxId, tenantId: '7' }, 'listExtensions', (a, ctx) => a.listExtensions!(ctx, '7')));
    await forbidden(readTenant(tenant, { connectionId: pbxId, tenantId: '9' }, 'listLiveCalls', (a, ctx) => a.listLiveCalls!(ctx, '9')));
    await forbidden(readTenant(tenant, { connectionId: portsipId, tenantId: 'x' }, 'getTenantCounters', (a, ctx) => a.getTenantCounters!(ctx, 'x')));
    // Its own tenant works.
    const own = await readTenant(tenant, { connectionId: pbxId, tenantId: '2' }, 'listExtensions', (a, ctx) => a.listExtensions!(ctx, '2'));
    expect(own.status).toBe('ok');
  });

  it('sees connections only by name, never their URLs or other connections', async () => {
    const list = await listConnections(tenant);
    expect(list.map((c) => c.id)).toEqual([pbxId]);
    expect(list[0]!.baseUrl).toBe('');
    await forbidden(getConnection(tenant, portsipId));
  });

  it('cannot change connections, users, wallboards or tenant settings', async () => {
    await forbidden(createConnection(tenant, { name: 'x', config: { vendor: 'portsip', baseUrl: 'http://127.0.0.1:1', token: 't' } }));
    await forbidden(updateConnection(tenant, pbxId, { name: 'x', config: { vendor: 'pbxware', baseUrl: pbx.url, apiKey: '' } }));
    await forbidden(deleteConnection(tenant, portsipId));
    await forbidden(testConnection(tenant, { id: pbxId }));
    await forbidden(listUsers(tenant));
    await forbidden(createUser(tenant, { email: 'evil@tenant.test', name: 'E', role: 'operator', password: 'password-123' }));
    await forbidden(resetPassword(tenant, 'op-1', 'new-password-1'));
    await forbidden(setUserDisabled(tenant, 'op-1', true));
    await forbidden(listWallboards(tenant));
    await forbidden(createWallboard(tenant, { name: 'w', scope: { connections: [portsipId], tenants: [] } }));
    await forbidden(revokeWallboard(tenant, 'any'));
    await forbidden(updateTenantSettings(tenant, { connectionId: pbxId, tenantId: '2' }, { tenantMayEdit: true }));
  });

  it("sees only its own tenant's audit entries", async () => {
    const mine = await listAudit(tenant);
    expect(mine.every((e) => e.connectionId === pbxId && e.tenantId === '2')).toBe(true);
    const all = await listAudit(operator);
    expect(all.some((e) => e.tenantId === '7')).toBe(true);
  });

  it('a wallboard sees only its scope and can change nothing', async () => {
    const wb: Actor = { kind: 'wallboard', tokenId: 'w', name: 'W', scope: { connections: [], tenants: [{ connectionId: pbxId, tenantId: '9' }] } };
    expect((await listTenants(wb)).tenants.map((t) => t.id)).toEqual(['9']);
    await forbidden(readTenant(wb, { connectionId: pbxId, tenantId: '2' }, 'listLiveCalls', (a, ctx) => a.listLiveCalls!(ctx, '2')));
    await forbidden(listAudit(wb));
    await forbidden(listUsers(wb));
  });

  it('disabling a user takes effect on their next request', async () => {
    const u = await createUser(operator, { email: 'gone@tenant.test', name: 'G', role: 'tenant', connectionId: pbxId, tenantId: '2', password: 'tenant-pass-2' });
    expect(await actorForUserId(u.id)).not.toBeNull();
    await setUserDisabled(operator, u.id, true);
    expect(await actorForUserId(u.id)).toBeNull();
  });

  it('anonymous callers are refused everywhere', async () => {
    await forbidden(listTenants(null));
    await forbidden(listConnections(null));
    await forbidden(readTenant(null, { connectionId: pbxId, tenantId: '2' }, 'listExtensions', (a, ctx) => a.listExtensions!(ctx, '2')));
    await forbidden(listAudit(null));
  });
});
