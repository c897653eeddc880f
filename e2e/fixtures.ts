import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Demo logins seeded by server/boot.ts (kept in sync by the login test). */
export const DEMO = {
  operator: { email: 'operator@switchboard.test', password: 'operator-demo-pass' },
  tenant: { email: 'tenant@northwind.test', password: 'tenant-demo-pass' },
  wallboardToken: 'demo-wallboard-7c1f0e9a4b',
} as const;

export const STATE = { operator: 'e2e/.auth/operator.json', tenant: 'e2e/.auth/tenant.json' } as const;

const EMULATOR_PORT_BASE = Number(process.env.E2E_EMULATOR_PORT_BASE ?? 4201);
/** The control plane of a vendor emulator (faults, budget, state), never part of a vendor API. */
export const emulatorUrl = (vendor: 'pbxware' | 'hodupbx' | 'mirta' | 'portsip') =>
  `http://127.0.0.1:${EMULATOR_PORT_BASE + { pbxware: 0, hodupbx: 1, mirta: 2, portsip: 3 }[vendor]}`;

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/overview');
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
}

/** Sets the connection/tenant switcher the way the UI does (cookie read by the server). */
export async function selectScope(page: Page, connectionId = '', tenantId = '') {
  await page.context().addCookies([{ name: 'sb-scope', value: encodeURIComponent(connectionId ? `${connectionId}|${tenantId}` : ''), url: page.url().startsWith('http') ? page.url() : 'http://127.0.0.1' }]);
}
