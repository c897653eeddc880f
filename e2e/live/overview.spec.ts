import { expect, test } from '@playwright/test';
import { expectAccessible, STATE } from '../fixtures';

test.describe('overview as the operator', () => {
  test.use({ storageState: STATE.operator });

  test('every tenant in one table, sortable, filterable, with inline low-balance thresholds', async ({ page }) => {
    await page.goto('/overview');
    const rows = page.getByTestId('overview-row');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(5);
    await expect(page.getByTestId('link-status')).toHaveAttribute('data-link', 'open');
    await expectAccessible(page);

    // Sort by calls now, descending on the second click.
    const header = page.getByRole('columnheader', { name: 'Calls now' });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');

    await page.getByLabel('Filter').fill('Bluefin');
    await expect(rows).toHaveCount(1);
    const row = rows.first();
    await expect(row.getByTestId('balance-cell')).toHaveAttribute('data-low', 'false');
    await row.getByRole('button', { name: 'Edit low-balance threshold for Bluefin Logistics' }).click();
    await row.getByLabel('Low-balance threshold for Bluefin Logistics').fill('ten');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('field-error')).toContainText('lowBalanceThreshold');
    await row.getByLabel('Low-balance threshold for Bluefin Logistics').fill('999999');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('balance-cell')).toHaveAttribute('data-low', 'true');
    await expect(row.getByTestId('balance-cell')).toContainText('low');
    // Put it back for the other tests.
    await row.getByRole('button', { name: 'Edit low-balance threshold for Bluefin Logistics' }).click();
    await row.getByLabel('Low-balance threshold for Bluefin Logistics').fill('');
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('balance-cell')).toHaveAttribute('data-low', 'false');
  });
});
