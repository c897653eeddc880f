import { expect, test } from '@playwright/test';
import { expectAccessible, STATE } from '../fixtures';
import { emulatorState, expectAudited, PBX_NORTHWIND_NAME, setFault } from './helpers';

test.use({ storageState: STATE.operator });

type KeymapState = { keymaps: Record<string, { key: string; type: string; destination?: string }[]> };

test('PBXware keymap round trip: keys, external number, nested IVR tree, stored by the PBX, audited', async ({ page }) => {
  await page.goto('/ivrs');
  await page.getByRole('button', { name: `Open IVR MainMenu of ${PBX_NORTHWIND_NAME}` }).click();
  const panel = page.getByTestId('ivr-panel');
  await expect(panel.getByTestId('keymap-row')).toHaveCount(11);
  // Stored keys are shown.
  await expect(panel.getByLabel('Key 1: type')).toHaveValue('ring_group');

  await panel.getByLabel('Key 4: type').selectOption('extension');
  const opt = panel.getByLabel('Key 4: target').locator('option', { hasText: '(102)' });
  await panel.getByLabel('Key 4: target').selectOption({ label: (await opt.first().innerText()).trim() });
  await panel.getByLabel('Key 5: type').selectOption('external');
  await panel.getByLabel('Key 5: number').fill('+15551234567');
  await panel.getByLabel('Key 6: type').selectOption('ivr');
  await panel.getByLabel('Key 6: target').selectOption({ label: 'AfterHours (171)' });
  await panel.getByLabel('Timeout (seconds)').fill('8');
  await panel.getByRole('button', { name: 'Save keymap' }).click();
  await expect(panel.getByTestId('ivr-saved')).toBeVisible();

  // The tree follows key 6 into AfterHours and shows its key 1.
  const tree = panel.getByRole('tree');
  await expect(tree.getByTestId('tree-item').filter({ hasText: /^6 → IVR AfterHours/ })).toContainText('1 → Extension');

  const st = await emulatorState<KeymapState>(page, 'pbxware');
  expect(st.keymaps['65']).toEqual(
    expect.arrayContaining([
      { key: '4', type: 'ex', destination: '102' },
      { key: '5', type: 'en', destination: '+15551234567' },
      { key: '6', type: 'aa', destination: '171' },
      { key: '1', type: 'rg', destination: '180' },
    ]),
  );
  await page.reload();
  await page.getByRole('button', { name: `Open IVR MainMenu of ${PBX_NORTHWIND_NAME}` }).click();
  await expect(page.getByTestId('ivr-panel').getByLabel('Key 5: number')).toHaveValue('+15551234567');
  await expectAccessible(page);
  const audit = await expectAudited(page, 'ivr.update', 'ivr 65');
  await audit.getByText('show').click();
  await expect(audit).toContainText('+15551234567');
});

test('keymap validation errors name the key; the vendor refusal rolls back and shows its words', async ({ page }) => {
  await page.goto('/ivrs');
  await page.getByRole('button', { name: `Open IVR AfterHours of ${PBX_NORTHWIND_NAME}` }).click();
  const panel = page.getByTestId('ivr-panel');
  await panel.getByLabel('Key 7: type').selectOption('external');
  await panel.getByLabel('Key 7: number').fill('12ab');
  await panel.getByRole('button', { name: 'Save keymap' }).click();
  await expect(panel.locator('[data-key="7"]').getByTestId('field-error')).toContainText('an external number may contain digits');
  const before = (await emulatorState<KeymapState>(page, 'pbxware')).keymaps['66'];

  await panel.getByLabel('Key 7: number').fill('+4930123456');
  await setFault(page, 'pbxware', { mode: 'vendor-error', match: 'ivr.edit', remaining: 1 });
  await panel.getByRole('button', { name: 'Save keymap' }).click();
  await expect(panel.getByTestId('form-error')).toBeVisible();
  await expect(panel.getByTestId('vendor-code')).toBeVisible();
  // The draft stays; the list shows what the PBX still has.
  await expect(panel.getByLabel('Key 7: number')).toHaveValue('+4930123456');
  await expect(page.locator(`[data-testid="ivr-row"][data-name="AfterHours"][data-tenant="${PBX_NORTHWIND_NAME}"]`).locator('td').nth(2)).toHaveText('1');
  expect((await emulatorState<KeymapState>(page, 'pbxware')).keymaps['66']).toEqual(before);
  await setFault(page, 'pbxware', null);
});

test('where a vendor only lists IVRs, the editor is read-only and says why', async ({ page }) => {
  await page.goto('/ivrs');
  await page.getByRole('button', { name: 'Open IVR Main_Menu of Northwind Dental' }).click();
  await expect(page.getByTestId('ivr-read-only')).toContainText("HoduPBX's API can only list IVRs");
  await expect(page.getByRole('button', { name: 'Save keymap' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Open IVR Dispatch Menu of Maple Leaf Logistics' }).click();
  await expect(page.getByTestId('ivr-read-only')).toContainText("MiRTA's API can only list IVRs");
});
