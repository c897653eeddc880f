import { test as setup } from '@playwright/test';
import { DEMO, signIn, STATE } from './fixtures';

setup('sign in as the demo operator', async ({ page }) => {
  await signIn(page, DEMO.operator);
  await page.context().storageState({ path: STATE.operator });
});

setup('sign in as the demo tenant user', async ({ page }) => {
  await signIn(page, DEMO.tenant);
  await page.context().storageState({ path: STATE.tenant });
});
