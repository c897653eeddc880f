import { expect, test } from '@playwright/test';
import { STATE } from '../fixtures';
import { injectPbxwareCall, probeLiveStream, uniqueNumber } from './helpers';

test.describe('a tenant user', () => {
  test.use({ storageState: STATE.tenant });

  test("sees only their tenant's calls", async ({ page }) => {
    await page.goto('/live-calls');
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-link', 'open');
    const mine = uniqueNumber();
    const theirs = `+1666${mine.slice(-7)}`;
    await injectPbxwareCall({ tenantId: '2', from: mine, to: '102', direction: 'inbound', durationSec: 60 });
    await injectPbxwareCall({ tenantId: '9', from: theirs, to: '2002', direction: 'inbound', durationSec: 60 });
    await expect(page.getByTestId('live-call-row').filter({ hasText: mine })).toBeVisible({ timeout: 6_000 });
    // Give the other tenant's call every chance to show up (several polls): it must not.
    await page.waitForTimeout(4_500);
    await expect(page.getByTestId('live-call-row').filter({ hasText: theirs })).toHaveCount(0);
    for (const t of await page.getByTestId('live-call-row').locator('td:nth-child(5)').allTextContents()) expect(t).toContain('northwind');
  });

  test('sees only their own registrations and their own overview row', async ({ page }) => {
    await page.goto('/registrations');
    await expect(page.getByTestId('registration-row').first()).toBeVisible();
    const tenants = await page.getByTestId('registration-row').locator('td:nth-child(6)').allTextContents();
    expect(new Set(tenants)).toEqual(new Set(['northwind.sb-demo.example']));
    await page.goto('/overview');
    await expect(page.getByTestId('overview-row')).toHaveCount(1);
    await expect(page.getByTestId('overview-row')).toContainText('northwind');
  });

  test('cannot subscribe to another tenant or connection', async ({ page }) => {
    await page.goto('/overview');
    const own = await probeLiveStream(page, 'topics=calls');
    expect(own.status).toBe(200);
    expect(own.hello!.tenants).toHaveLength(1);
    const conn = own.hello!.tenants[0]!.connectionId;
    expect((await probeLiveStream(page, `topics=calls&connectionId=${conn}&tenantId=9`)).status).toBe(403);
    expect((await probeLiveStream(page, 'topics=calls&connectionId=some-other-connection')).status).toBe(403);
  });
});
