import { expect, test } from '@playwright/test';
import { emulatorUrl, expectAccessible, STATE } from '../fixtures';

type PortsipState = { tenants: { key: string; balance: string; password_policy: { min_length: number } }[] };
const portsip = async (page: import('@playwright/test').Page) => (await (await page.request.get(`${emulatorUrl('portsip')}/__emulator/state`)).json()) as PortsipState;

test.describe('tenant page (operator)', () => {
  test.use({ storageState: STATE.operator });

  test('PortSIP: 24-hour calls, password policy saved on the PBX, recharge confirmed by tenant and amount', async ({ page }) => {
    await page.goto('/overview');
    const row = page.getByTestId('overview-row').filter({ hasText: 'Harbor Dental Group' });
    await expect(row.getByTestId('calls-24h')).toBeVisible();
    await row.getByRole('link', { name: 'Harbor Dental Group' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbor Dental Group');
    await expect(page.getByTestId('tenant-counters').getByRole('img')).toHaveAttribute('aria-label', /calls in 24 hours/);
    await expectAccessible(page);

    const policy = page.getByTestId('settings-password_policy');
    const min = policy.getByRole('textbox').first();
    await min.fill('abc');
    await policy.getByRole('button', { name: /Save/ }).click();
    await expect(policy.getByTestId('field-error')).toContainText('whole number');
    await expect(min).toHaveValue('abc');
    await min.fill('9');
    await policy.getByRole('button', { name: /Save/ }).click();
    await expect(policy.getByTestId('settings-saved')).toBeVisible();
    const before = (await portsip(page)).tenants.find((t) => t.key === 'harbor')!;
    expect(before.password_policy.min_length).toBe(9);

    const recharge = page.getByTestId('recharge-form');
    await recharge.getByLabel(/Amount/).fill('0');
    await recharge.getByRole('button', { name: 'Recharge…' }).click();
    await expect(recharge.getByTestId('field-error')).toContainText('positive amount');
    await recharge.getByLabel(/Amount/).fill('25.5');
    await recharge.getByRole('button', { name: 'Recharge…' }).click();
    await expect(page.getByTestId('recharge-confirm')).toContainText('Add $25.50 to the balance of Harbor Dental Group on PortSIP · Harbor Dental Group (demo)?');
    await page.getByRole('button', { name: 'Yes, recharge' }).click();
    await expect(page.getByTestId('recharge-done')).toContainText('Added $25.50');
    const after = (await portsip(page)).tenants.find((t) => t.key === 'harbor')!;
    expect(Number(after.balance) - Number(before.balance)).toBeCloseTo(25.5, 5);
    await page.goto('/audit');
    await expect(page.getByTestId('audit-row').filter({ hasText: 'tenant.recharge' }).first()).toBeVisible();
  });
});

test.describe('tenant page (tenant user)', () => {
  test.use({ storageState: STATE.tenant });

  test('shows their own tenant read-only, and no other tenant at all', async ({ page }) => {
    await page.goto('/overview');
    await page.getByTestId('overview-row').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('northwind.sb-demo.example');
    await expect(page.getByTestId('recharge-form')).toHaveCount(0);
    const ownUrl = page.url();
    const other = ownUrl.replace(/\/2$/, '/7');
    const res = await page.goto(other);
    expect(res?.status()).toBe(404);
    await expect(page.getByText('contoso-dental')).toHaveCount(0);
  });
});
