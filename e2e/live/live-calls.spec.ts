import { expect, test } from '@playwright/test';
import { expectAccessible, STATE } from '../fixtures';
import { injectPbxwareCall, probeLiveStream, uniqueNumber } from './helpers';

test.describe('live calls as the operator', () => {
  test.use({ storageState: STATE.operator });

  test('calls appear and end as the emulator generates them, without reloading', async ({ page }) => {
    await page.goto('/live-calls');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-link', 'open');
    const from = uniqueNumber();
    await injectPbxwareCall({ tenantId: '2', from, to: '101', direction: 'inbound', durationSec: 8 });
    const row = page.getByTestId('live-call-row').filter({ hasText: from });
    await expect(row).toBeVisible({ timeout: 6_000 });
    await expect(row).toContainText('inbound');
    await expect(row).toContainText('northwind');
    // The duration ticks every second on its own.
    const first = await row.getByTestId('call-duration').textContent();
    await expect(row.getByTestId('call-duration')).not.toHaveText(first!, { timeout: 3_000 });
    await expectAccessible(page);
    // The call ends at the PBX: the row goes away, still without a reload.
    await expect(row).toHaveCount(0, { timeout: 15_000 });
  });

  test('filters by direction and number', async ({ page }) => {
    await page.goto('/live-calls');
    const from = uniqueNumber();
    await injectPbxwareCall({ tenantId: '9', from, to: '2003', direction: 'inbound', durationSec: 60 });
    const row = page.getByTestId('live-call-row').filter({ hasText: from });
    await expect(row).toBeVisible({ timeout: 6_000 });
    await page.getByLabel('Number or name').fill(from.slice(-6));
    await expect(page.getByTestId('live-call-row')).toHaveCount(1);
    await page.getByLabel('Direction').selectOption('outbound');
    await expect(row).toHaveCount(0);
    await page.getByLabel('Direction').selectOption('inbound');
    await expect(row).toBeVisible();
  });

  test('click-to-call asks for the web password and reports the vendor answer', async ({ page }) => {
    await page.goto('/live-calls');
    await page.getByRole('button', { name: 'Click to call' }).click();
    const dialog = page.getByRole('dialog', { name: 'Click to call' });
    await dialog.getByRole('button', { name: 'Call' }).click();
    await expect(dialog.getByTestId('field-error').first()).toBeVisible();
    await expect(dialog.getByText('must be the extension number, digits only', { exact: true })).toBeVisible();
    await dialog.getByLabel('Extension', { exact: true }).fill('101');
    await dialog.getByLabel('Number to dial').fill('+14155550100');
    await dialog.getByLabel('Extension web password').fill('definitely-wrong');
    await dialog.getByRole('button', { name: 'Call' }).click();
    await expect(dialog.getByTestId('c2c-result')).toContainText('HoduPBX');
    await expect(dialog.getByLabel('Extension web password')).toHaveValue('');
  });

  test('the SSE route answers the operator with every tenant', async ({ page }) => {
    await page.goto('/overview');
    const r = await probeLiveStream(page, 'topics=counters');
    expect(r.status).toBe(200);
    expect(r.hello!.tenants.length).toBeGreaterThan(3);
  });
});

test.describe('the SSE route without a login', () => {
  test('refuses anonymous subscriptions and unknown wallboard tokens', async ({ page }) => {
    await page.goto('/login');
    expect((await probeLiveStream(page, 'topics=calls')).status).toBe(401);
    expect((await probeLiveStream(page, 'topics=calls&token=not-a-token')).status).toBe(401);
  });
});
