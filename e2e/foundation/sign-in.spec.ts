import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible } from '../fixtures';

test('the sign-in page names what is wrong and keeps the e-mail', async ({ page }) => {
  await page.goto('/overview');
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('field-error').first()).toContainText('e-mail');
  await page.getByLabel('E-mail').fill(DEMO.operator.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toContainText('wrong');
  await expect(page.getByLabel('E-mail')).toHaveValue(DEMO.operator.email);
});

test('signing out ends the session', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(DEMO.operator.email);
  await page.getByLabel('Password').fill(DEMO.operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/overview');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/login');
  await page.goto('/connections');
  await expect(page).toHaveURL(/\/login/);
});
