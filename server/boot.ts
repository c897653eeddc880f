import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Actor } from './auth/actor';
import { hashPassword } from './auth/password';
import { getDb } from './db/client';
import { connections, users } from './db/schema';
import { dataDir, env } from './env';
import { log } from './log';
import { startCdrScheduler } from './services/cdr-scheduler';
import { createConnection } from './services/connections';
import { crmHookPath, ensureCrmHook } from './services/crm-hooks';
import { createWallboard } from './services/users';

/** Demo logins, printed at start. Only ever created in demo mode on an empty database. */
export const DEMO_LOGINS = {
  operator: { email: 'operator@switchboard.test', password: 'operator-demo-pass', name: 'Olivia Operator' },
  tenant: { email: 'tenant@northwind.test', password: 'tenant-demo-pass', name: 'Theo Tenant' },
  wallboardToken: 'demo-wallboard-7c1f0e9a4b',
} as const;

interface DemoFile {
  connections: { key: string; name: string; config: unknown }[];
  tenantUser: { connectionKey: string; tenantId: string };
  /** Control-plane URLs of the demo emulators, by vendor (written by server/emulators/main.ts). */
  emulators?: Record<string, string>;
}

/** Runs once per server process (instrumentation.ts): migrations, then demo seed when asked for. */
export async function boot() {
  const db = await getDb();
  startCdrScheduler();
  if (env().SWITCHBOARD_DEMO !== '1') return;
  const file = path.join(dataDir(), 'demo', 'connections.json');
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  const demoFile = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DemoFile) : undefined;
  if (!anyUser && demoFile) await seedDemo(demoFile);
  else if (demoFile) await refreshDemoUrls(demoFile);
  const port = process.env.PORT ?? '3000';
  const origin = `http://127.0.0.1:${port}`;
  if (demoFile) await pointDemoHodupbxAtSwitchboard(demoFile, origin);
  console.log(
    [
      '',
      '  Switchboard demo is running',
      `  ${origin}`,
      '',
      `  Operator     ${DEMO_LOGINS.operator.email}  /  ${DEMO_LOGINS.operator.password}`,
      `  Tenant user  ${DEMO_LOGINS.tenant.email}  /  ${DEMO_LOGINS.tenant.password}   (PBXware tenant "northwind")`,
      `  Wallboard    ${origin}/wallboard/${DEMO_LOGINS.wallboardToken}`,
      '',
    ].join('\n'),
  );
}

async function seedDemo(demo: DemoFile) {
  const db = await getDb();
  const operatorId = 'demo-operator';
  await db.insert(users).values({ id: operatorId, email: DEMO_LOGINS.operator.email, name: DEMO_LOGINS.operator.name, role: 'operator', passwordHash: await hashPassword(DEMO_LOGINS.operator.password) });
  const actor: Actor = { kind: 'operator', userId: operatorId, email: DEMO_LOGINS.operator.email, name: DEMO_LOGINS.operator.name };
  const ids = new Map<string, string>();
  for (const c of demo.connections) {
    const created = await createConnection(actor, { name: c.name, config: c.config });
    ids.set(c.key, created.id);
  }
  const tenantConn = ids.get(demo.tenantUser.connectionKey)!;
  await db.insert(users).values({
    id: 'demo-tenant',
    email: DEMO_LOGINS.tenant.email,
    name: DEMO_LOGINS.tenant.name,
    role: 'tenant',
    connectionId: tenantConn,
    tenantId: demo.tenantUser.tenantId,
    passwordHash: await hashPassword(DEMO_LOGINS.tenant.password),
  });
  await createWallboard(actor, { name: 'NOC wall (demo)', scope: { connections: [...ids.values()], tenants: [] } }, DEMO_LOGINS.wallboardToken);
  log.info('demo data seeded', { connections: ids.size });
}

/** Emulator ports may move between runs (EMULATOR_PORT_BASE): keep demo connections pointing at them. */
async function refreshDemoUrls(demo: DemoFile) {
  const db = await getDb();
  const rows = await db.select().from(connections);
  for (const c of demo.connections) {
    const cfg = c.config as { baseUrl: string };
    const row = rows.find((r) => r.name === c.name);
    if (row && row.baseUrl !== cfg.baseUrl) await db.update(connections).set({ baseUrl: cfg.baseUrl, updatedAt: new Date() }).where(eq(connections.id, row.id));
  }
}

/**
 * Demo only: the HoduPBX emulator should deliver its CRM "Ring" callbacks to this running Switchboard. Creates
 * each HoduPBX demo connection's hook and tells the emulator (over its control plane, by URL: no emulator code
 * is imported) where to call. The emulator keeps a single callback URL, as one PBX has one CRM URL: the
 * tenant-token connection goes last and wins, since that is the connection whose live calls the demo shows.
 */
async function pointDemoHodupbxAtSwitchboard(demo: DemoFile, origin: string) {
  const control = demo.emulators?.hodupbx;
  if (!control) return;
  const db = await getDb();
  const rows = await db.select().from(connections);
  const hodu = demo.connections
    .filter((c) => (c.config as { vendor?: string }).vendor === 'hodupbx')
    .sort((a, b) => Number((a.config as { userType?: string }).userType === 'TENANT') - Number((b.config as { userType?: string }).userType === 'TENANT'));
  for (const c of hodu) {
    const row = rows.find((r) => r.name === c.name);
    if (!row) continue;
    try {
      const url = `${origin}${crmHookPath(await ensureCrmHook(row.id))}`;
      const res = await fetch(`${control}/__emulator/crm-callback`, { method: 'POST', body: JSON.stringify({ url }), signal: AbortSignal.timeout(3_000) });
      if (!res.ok) throw new Error(`emulator answered ${res.status}`);
    } catch (err) {
      log.warn('demo: could not set the HoduPBX CRM callback', { connection: c.name, error: String(err) });
    }
  }
}

