import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, STATE } from '../fixtures';
import { setPbxwareFaults } from './helpers';

test.describe('wallboard', () => {
  test.use({ storageState: STATE.operator });

  test('a new wallboard URL works without login and stops working once revoked', async ({ page, browser }) => {
    await page.goto('/users');
    const name = `Lobby TV ${Date.now()}`;
    await page.getByPlaceholder('NOC TV').fill(name);
    await page.getByLabel('All tenants of Bicom PBXware (demo)').check();
    await page.getByRole('button', { name: 'Create wallboard URL' }).click();
    const url = (await page.getByTestId('wallboard-url').locator('code').textContent())!;
    expect(url).toContain('/wallboard/');

    const tv = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
    const screen = await tv.newPage();
    await screen.goto(url);
    await expect(screen.getByRole('heading', { name })).toBeVisible();
    await expect(screen.getByTestId('wb-calls-now')).toHaveText(/^\d+$/);
    await expect(screen.getByTestId('wallboard-age')).toHaveText(/data \d+ s old/);
    await expectAccessible(screen);

    page.on('dialog', (d) => void d.accept());
    await page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('revoked');
    // The open screen stops by itself within seconds, and the URL no longer opens.
    await expect(screen.getByTestId('wallboard-ended')).toBeVisible({ timeout: 15_000 });
    await screen.reload();
    await expect(screen.getByTestId('wallboard-invalid')).toBeVisible();
    await tv.close();
  });

  test('a vendor outage turns the stale banner on, and recovery turns it off', async ({ browser }) => {
    const tv = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 1920, height: 1080 } });
    const screen = await tv.newPage();
    try {
      await screen.goto(`/wallboard/${DEMO.wallboardToken}`);
      await expect(screen.getByTestId('wallboard')).toBeVisible();
      await expect(screen.getByTestId('stale-banner')).toHaveCount(0, { timeout: 10_000 });
      await setPbxwareFaults({ mode: 'vendor-error', match: 'monitor.live_calls' });
      const banner = screen.getByTestId('stale-banner');
      await expect(banner).toBeVisible({ timeout: 10_000 });
      await expect(banner).toContainText('Data is stale');
      await expect(banner).toContainText('Database connection failed.');
      // The last good calls stay on screen while the vendor fails.
      await expect(screen.getByTestId('wb-calls-now')).toHaveText(/^\d+$/);
      await setPbxwareFaults(null);
      await expect(screen.getByTestId('stale-banner')).toHaveCount(0, { timeout: 25_000 });
    } finally {
      await setPbxwareFaults(null);
      await tv.close();
    }
  });
});
