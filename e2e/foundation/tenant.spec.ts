import { expect, test } from '@playwright/test';
import { expectAccessible, STATE } from '../fixtures';

test.use({ storageState: STATE.tenant });

test('the demo tenant user sees only their tenant, everywhere', async ({ page }) => {
  await page.goto('/overview');
  await expect(page.getByTestId('scope-locked')).toContainText('northwind');
  await expect(page.getByTestId('overview-row')).toHaveCount(1);
  await expect(page.getByTestId('overview-row')).toContainText('northwind.sb-demo.example');
  await expect(page.getByRole('link', { name: 'Connections' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await page.goto('/extensions');
  await expect(page.getByText('contoso-dental.sb-demo.example')).toHaveCount(0);
  await expect(page.getByText('Bluefin Logistics')).toHaveCount(0);
  await expectAccessible(page);
});

test('operator pages are closed to a tenant user', async ({ page }) => {
  for (const path of ['/connections', '/users']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/overview/);
  }
  // Even a forged switcher cookie cannot widen the view.
  await page.context().addCookies([{ name: 'sb-scope', value: encodeURIComponent('anything|7'), url: page.url() }]);
  await page.goto('/overview');
  await expect(page.getByTestId('overview-row')).toHaveCount(1);
  await expect(page.getByTestId('overview-row')).toContainText('northwind');
});

test("the users page never sends the operator's data to a tenant user", async ({ page }) => {
  const res = await page.request.get('/users');
  const body = await res.text();
  expect(body).not.toContain('operator@switchboard.test');
  expect(body).not.toContain('demo-wallboard');
});
