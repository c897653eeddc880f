import { expect, test } from '@playwright/test';
import { emulatorUrl, expectAccessible, STATE } from '../fixtures';

test.use({ storageState: STATE.operator });

test('the demo operator sees every demo connection and tenants of all four vendors', async ({ page }) => {
  await page.goto('/connections');
  await expect(page.getByTestId('connection-row')).toHaveCount(6);
  await page.goto('/overview');
  const table = page.getByTestId('overview-table');
  for (const vendor of ['PBXware', 'HoduPBX', 'MiRTA', 'PortSIP']) await expect(table.getByText(vendor, { exact: true }).first()).toBeVisible();
});

test('the switcher filters pages to one tenant', async ({ page }) => {
  await page.goto('/overview');
  const switcher = page.getByTestId('scope-switcher');
  const option = switcher.locator('option', { hasText: 'northwind.sb-demo.example' });
  await switcher.selectOption(await option.getAttribute('value'));
  await expect(page.getByTestId('overview-row')).toHaveCount(1);
  await expect(page.getByTestId('overview-row')).toContainText('northwind');
  await page.goto('/extensions');
  await expect(page.getByRole('cell', { name: 'contoso-dental.sb-demo.example' })).toHaveCount(0);
  await switcher.selectOption('');
});

test('adding a connection validates each field, reports the vendor error, and then works', async ({ page }) => {
  await page.goto('/connections');
  await page.getByTestId('add-connection').click();
  const form = page.getByTestId('connection-form');
  await form.getByRole('button', { name: 'Add connection' }).click();
  await expect(form.getByTestId('field-error').first()).toBeVisible();
  await expect(form).toContainText('enter a name');
  await expect(form).toContainText('must be a URL');

  await form.getByLabel('Name').fill('Second PBXware');
  await form.getByLabel('Base URL').fill(emulatorUrl('pbxware'));
  await form.getByLabel('API key').fill('definitely-not-the-key');
  await form.getByRole('button', { name: 'Test connection' }).click();
  // PBXware's own words for a bad key.
  await expect(page.getByTestId('connection-form-message')).toContainText('Invalid API key');
  await expect(form.getByLabel('Name')).toHaveValue('Second PBXware');

  await form.getByLabel('API key').fill('sb-demo-pbxware-7f3a9c2e51');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-form-message')).toContainText('Connected');
  await form.getByRole('button', { name: 'Add connection' }).click();
  const row = page.getByTestId('connection-row').filter({ hasText: 'Second PBXware' });
  await expect(row).toBeVisible();
  // The key never comes back to the browser.
  expect(await page.content()).not.toContain('sb-demo-pbxware-7f3a9c2e51');

  await row.getByRole('button', { name: 'Test' }).click();
  await expect(row.getByTestId('test-result')).toContainText('Connected');
  await row.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('connection-form').getByLabel('Name').fill('Second PBXware (renamed)');
  await page.getByTestId('connection-form').getByRole('button', { name: 'Save changes' }).click();
  const renamed = page.getByTestId('connection-row').filter({ hasText: 'Second PBXware (renamed)' });
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: 'Test' }).click();
  await expect(renamed.getByTestId('test-result')).toContainText('Connected');

  page.once('dialog', (d) => d.accept());
  await renamed.getByRole('button', { name: 'Remove' }).click();
  await expect(renamed).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'connection.delete' }).first()).toBeVisible();
});

test('a tenant user created by the operator sees only their tenant, and is shut out once disabled', async ({ page, browser }) => {
  await page.goto('/users');
  const form = page.getByTestId('user-form');
  await form.getByLabel('E-mail').fill('new.tenant@harbor.test');
  await form.getByLabel('Name').fill('Hana Harbor');
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form).toContainText('at least 10 characters');
  await expect(form).toContainText('a tenant user must be bound to a tenant');
  await form.getByLabel('Initial password').fill('harbor-tenant-pass');
  const tenantSelect = form.getByLabel('Tenant');
  await tenantSelect.selectOption(await tenantSelect.locator('option', { hasText: 'harbor-logistics' }).getAttribute('value'));
  await form.getByRole('button', { name: 'Create user' }).click();
  const row = page.getByTestId('user-row').filter({ hasText: 'new.tenant@harbor.test' });
  await expect(row).toBeVisible();

  const ctx = await browser.newContext({ storageState: undefined });
  const other = await ctx.newPage();
  await other.goto('/login');
  await other.getByLabel('E-mail').fill('new.tenant@harbor.test');
  await other.getByLabel('Password').fill('harbor-tenant-pass');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.waitForURL('**/overview');
  await expect(other.getByTestId('overview-row')).toHaveCount(1);
  await expect(other.getByTestId('overview-row')).toContainText('harbor-logistics');

  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row).toContainText('disabled');
  await other.goto('/overview');
  await expect(other).toHaveURL(/\/login/);
  await ctx.close();
});

test('every dashboard page passes the accessibility check, in both themes', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await page.context().addCookies([{ name: 'sb-theme', value: theme, url: page.url().startsWith('http') ? page.url() : 'http://127.0.0.1' }]);
    for (const path of ['/overview', '/live-calls', '/registrations', '/cdrs', '/extensions', '/dids', '/ivrs', '/operation-times', '/connections', '/users', '/audit']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectAccessible(page);
    }
  }
});
