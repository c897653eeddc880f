import { expect, test } from '@playwright/test';
import { DEMO, signIn } from '../fixtures';
import { PBX_NORTHWIND_NAME } from './helpers';

/**
 * Tenant users: read-only unless the operator allows edits, and then only their own tenant. A request rewritten
 * in the browser to point at another tenant is refused by the server, and nothing changes on the PBX.
 */
test('a tenant user may edit only where allowed, and never another tenant', async ({ browser }) => {
  test.setTimeout(90_000);
  // Own sign-ins rather than the shared storage states: this test changes what the tenant user may do.
  const tenantCtx = await browser.newContext();
  const tp = await tenantCtx.newPage();
  await signIn(tp, DEMO.tenant);
  await tp.goto('/extensions');
  await expect(tp.getByTestId('read-only-notice')).toContainText('has not allowed changes');
  await expect(tp.getByRole('button', { name: /^Edit extension/ })).toHaveCount(0);

  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await signIn(op, DEMO.operator);
  await op.goto('/users');
  const allow = op.getByLabel(`Tenant users of ${PBX_NORTHWIND_NAME} may edit`);
  await allow.check();
  await allow.locator('xpath=ancestor::tr').getByRole('button', { name: 'Save' }).click();
  await expect(allow.locator('xpath=ancestor::tr').getByRole('button', { name: 'Save' })).toBeDisabled();

  try {
    await tp.reload();
    await expect(tp.getByTestId('read-only-notice')).toHaveCount(0);
    // Point the edit at tenant 7 (another customer on the same PBX) by rewriting the action's arguments.
    await tp.route('**/extensions', async (route) => {
      const req = route.request();
      if (req.method() === 'POST' && req.headers()['next-action']) return route.continue({ postData: (req.postData() ?? '').replaceAll('"tenantId":"2"', '"tenantId":"7"') });
      return route.continue();
    });
    await tp.getByRole('button', { name: `Edit extension 101 of ${PBX_NORTHWIND_NAME}` }).click();
    const form = tp.getByTestId('extension-form');
    await form.getByLabel('Name *', { exact: true }).fill('Hijacked');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByTestId('form-error')).toContainText('You are not allowed to access this tenant');
    await tp.unroute('**/extensions');
    await op.goto('/extensions');
    await op.getByLabel('Search extensions').fill('Hijacked');
    await expect(op.getByTestId('extension-row')).toHaveCount(0);

    // Its own tenant works.
    await form.getByLabel('Name *', { exact: true }).fill('Lucas Quinn Jr');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form).toBeHidden();
    await expect(tp.locator('[data-testid="extension-row"][data-number="101"]')).toContainText('Lucas Quinn Jr');
    await tp.goto('/audit');
    await expect(tp.getByTestId('audit-row').filter({ hasText: 'extension.update' }).first()).toBeVisible();
  } finally {
    await op.goto('/users');
    await allow.uncheck();
    await allow.locator('xpath=ancestor::tr').getByRole('button', { name: 'Save' }).click();
    await expect(allow.locator('xpath=ancestor::tr').getByRole('button', { name: 'Save' })).toBeDisabled();
    await tenantCtx.close();
    await opCtx.close();
  }
});
