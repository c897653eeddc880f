import { expect, test } from '@playwright/test';
import { emulatorUrl, expectAccessible, STATE } from '../fixtures';

/** Makes a call ring an extension on the HoduPBX emulator now (its CRM callback goes to the configured URL). */
async function ringHodupbx(body: { tenant_id: string; extension: string; caller_number: string; caller_name?: string }) {
  const r = await fetch(`${emulatorUrl('hodupbx')}/__emulator/ring`, { method: 'POST', body: JSON.stringify(body) });
  const answer = (await r.json()) as { id?: string; error?: string };
  if (!r.ok || !answer.id) throw new Error(`emulator refused the ring: ${answer.error ?? r.status}`);
}

test.describe('CRM ringing callbacks', () => {
  test.use({ storageState: STATE.operator });

  test('operator subscribes an extension; the PBX rings it and the callback shows on the live calls page', async ({ page }) => {
    await page.goto('/live-calls');
    await page.getByRole('button', { name: 'CRM', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'CRM ringing callbacks' });
    await dialog.getByLabel('Tenant').selectOption({ label: 'Northwind Dental (HoduPBX · Northwind Dental (demo))' });
    await expect(dialog.getByTestId('crm-callback-url')).toContainText('Set this URL as the CRM callback on your HoduPBX:');
    await expect(dialog.getByTestId('crm-callback-url')).toContainText(/http:\/\/127\.0\.0\.1:\d+\/api\/crm\/hodupbx\/[\w-]{20,}/);

    // A wrong web password: the vendor's refusal, and the password field is cleared.
    await dialog.getByLabel('Extension', { exact: true }).fill('101');
    await dialog.getByLabel('Extension web password').fill('definitely-wrong');
    await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(dialog.getByTestId('crm-result')).toContainText('HoduPBX');
    await expect(dialog.getByLabel('Extension web password')).toHaveValue('');

    await dialog.getByLabel('Extension web password').fill('web101');
    await dialog.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(dialog.getByTestId('crm-result')).toContainText('Extension 101 is subscribed');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Close' }).click();

    const caller = `1555${String(Date.now()).slice(-7)}`;
    await ringHodupbx({ tenant_id: '1000', extension: '101', caller_number: caller, caller_name: 'Crm Caller' });
    const row = page.getByTestId('crm-ring-row').filter({ hasText: caller });
    await expect(row).toBeVisible({ timeout: 8_000 });
    await expect(row).toContainText('Crm Caller');
    await expect(row).toContainText('101');
    await expect(row).toContainText('Northwind Dental');
    await expectAccessible(page);

    // Unsubscribed: the next ring of 101 is not called back.
    await page.getByRole('button', { name: 'CRM', exact: true }).click();
    await dialog.getByLabel('Tenant').selectOption({ label: 'Northwind Dental (HoduPBX · Northwind Dental (demo))' });
    await dialog.getByLabel('Extension', { exact: true }).fill('101');
    await dialog.getByLabel('Extension web password').fill('web101');
    await dialog.getByRole('button', { name: 'Unsubscribe' }).click();
    await expect(dialog.getByTestId('crm-result')).toContainText('Extension 101 is unsubscribed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const quiet = `1666${String(Date.now()).slice(-7)}`;
    await ringHodupbx({ tenant_id: '1000', extension: '101', caller_number: quiet });
    await page.waitForTimeout(3_000);
    await expect(page.getByTestId('crm-ring-row').filter({ hasText: quiet })).toHaveCount(0);
  });

  test('the callback URL refuses an unknown hook', async ({ request }) => {
    const r = await request.get('/api/crm/hodupbx/not-a-real-hook-token-0123456789?uuid=x&extension_number=1000101&caller_number=1&call_status=Ring');
    expect(r.status()).toBe(404);
  });
});

test.describe('CRM ring events as a tenant user', () => {
  test.use({ storageState: STATE.tenant });

  test('sees no CRM dialog and none of another tenant’s rings', async ({ page }) => {
    await page.goto('/live-calls');
    await expect(page.getByRole('heading', { name: 'Ringing now (CRM)' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'CRM', exact: true })).toHaveCount(0);
    const events = await page.evaluate(async () => (await (await fetch('/api/crm/events')).json()) as { events: { tenantId?: string }[] });
    // The demo tenant user belongs to PBXware tenant 2; HoduPBX rings are never theirs.
    expect(events.events).toEqual([]);
  });
});
