import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, STATE } from '../fixtures';
import { emulatorState, expectAudited, HODU_TENANT_NAME, PBX_NORTHWIND, PBX_NORTHWIND_NAME } from './helpers';

test.use({ storageState: STATE.operator });

const row = (page: Page, number: string, tenant: string) => page.locator(`[data-testid="did-row"][data-number="${number}"][data-tenant="${tenant}"]`);

test('PBXware: create a DID routed to an extension, re-route it to a ring group, delete it — all audited', async ({ page }) => {
  await page.goto('/dids');
  await expectAccessible(page);
  await page.getByTestId('create-did').click();
  const form = page.getByTestId('did-form');
  await form.getByLabel('Tenant').selectOption({ label: PBX_NORTHWIND });
  await form.getByLabel('Number *', { exact: true }).fill('12125550777');
  await form.getByLabel('Description').fill('Sales line');
  await form.getByLabel('Routes to: type').selectOption('extension');
  await expect(form.getByLabel('Routes to: target').locator('option', { hasText: '(101)' })).toHaveCount(1);
  await form.getByLabel('Routes to: target').selectOption({ label: await form.getByLabel('Routes to: target').locator('option', { hasText: '(101)' }).innerText() });
  await form.getByRole('button', { name: 'Create DID' }).click();
  await expect(form).toBeHidden();
  await expect(row(page, '12125550777', PBX_NORTHWIND_NAME)).toContainText('Extension 101');

  await page.getByRole('button', { name: `Edit DID 12125550777 of ${PBX_NORTHWIND_NAME}` }).click();
  const edit = page.getByTestId('did-form');
  await edit.getByLabel('Routes to: type').selectOption('ring_group');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row(page, '12125550777', PBX_NORTHWIND_NAME)).toContainText('Ring group');
  await page.reload();
  await expect(row(page, '12125550777', PBX_NORTHWIND_NAME)).toContainText('Ring group');

  await page.getByRole('button', { name: `Delete DID 12125550777 of ${PBX_NORTHWIND_NAME}` }).click();
  await page.getByRole('button', { name: 'Delete 12125550777 for good' }).click();
  await expect(row(page, '12125550777', PBX_NORTHWIND_NAME)).toHaveCount(0);
  await page.reload();
  await expect(row(page, '12125550777', PBX_NORTHWIND_NAME)).toHaveCount(0);

  await expectAudited(page, 'did.create');
  await expectAudited(page, 'did.route');
  await expectAudited(page, 'did.delete');
});

test('PBXware: validation errors and the vendor refusing a duplicate number', async ({ page }) => {
  await page.goto('/dids');
  await page.getByTestId('create-did').click();
  const form = page.getByTestId('did-form');
  await form.getByLabel('Tenant').selectOption({ label: PBX_NORTHWIND });
  await form.getByLabel('Number *', { exact: true }).fill('12');
  await form.getByLabel('Routes to: type').selectOption('external');
  await form.getByLabel('Routes to: number').fill('call-me');
  await form.getByRole('button', { name: 'Create DID' }).click();
  await expect(form.getByTestId('field-error').filter({ hasText: 'must be 3 to 20 digits' })).toBeVisible();
  await expect(form.getByTestId('field-error').filter({ hasText: 'an external number may contain digits' })).toBeVisible();

  await form.getByLabel('Number *', { exact: true }).fill('12125550101');
  await form.getByLabel('Routes to: number').fill('+15551230000');
  await form.getByRole('button', { name: 'Create DID' }).click();
  await expect(form.getByTestId('vendor-meaning')).toContainText('DID 12125550101 already exists');
  await expect(form.getByLabel('Number *', { exact: true })).toHaveValue('12125550101');
  await expect(page.locator('[data-testid="did-row"][data-number="12125550101"]')).toHaveCount(1);
});

test('HoduPBX: map a DID to an IVR (stored by the PBX) and give a pool number to a tenant', async ({ page }) => {
  await page.goto('/dids');
  const did = page.locator(`[data-testid="did-row"][data-tenant="${HODU_TENANT_NAME}"]`).first();
  const number = (await did.getAttribute('data-number'))!;
  await page.getByRole('button', { name: `Edit DID ${number} of ${HODU_TENANT_NAME}` }).click();
  const form = page.getByTestId('did-form');
  await expect(form.getByLabel('Number *', { exact: true })).toBeDisabled();
  // HoduPBX takes only an extension or an IVR.
  await expect(form.getByLabel('Routes to: type').locator('option')).toHaveText(['(none)', 'Extension', 'IVR']);
  await form.getByLabel('Routes to: type').selectOption('ivr');
  // The choices are the tenant's real IVRs, loaded from HoduPBX (a free-text field until they arrive).
  await expect(form.getByLabel('Routes to: target').locator('option', { hasText: 'Main_Menu (3000)' })).toHaveCount(1);
  await form.getByLabel('Routes to: target').selectOption({ label: 'Main_Menu (3000)' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  const st = await emulatorState<{ dids: { number: string; destination: { type: string; id: string } | null }[] }>(page, 'hodupbx');
  expect(st.dids.find((d) => d.number === number)?.destination?.type).toBe('IVR');
  await expectAudited(page, 'did.route');

  await page.goto('/dids');
  const pool = page.getByTestId('did-pool');
  await expect(pool.getByTestId('pool-did').first()).toBeVisible();
  const poolNumber = (await pool.getByTestId('pool-did').first().locator('span').innerText()).trim();
  await pool.getByLabel('Tenant').selectOption({ label: 'Bluefin Logistics · HoduPBX platform (demo)' });
  await pool.getByRole('button', { name: `Assign ${poolNumber} to Bluefin Logistics` }).click();
  await expect(pool.getByText(poolNumber, { exact: true })).toHaveCount(0);
  const after = await emulatorState<{ dids: { number: string; tenant_id: string | null }[] }>(page, 'hodupbx');
  expect(after.dids.find((d) => d.number === poolNumber)?.tenant_id).toBe('1001');
  await expectAudited(page, 'did.assign');
});

test('MiRTA: routing is explained as not offered', async ({ page }) => {
  await page.goto('/dids');
  const mirta = page.locator('[data-testid="did-row"][data-tenant="Maple Leaf Logistics"]').first();
  const number = (await mirta.getAttribute('data-number'))!;
  await page.getByRole('button', { name: `Edit DID ${number} of Maple Leaf Logistics` }).click();
  await expect(page.getByTestId('did-form')).toContainText("MiRTA's API cannot route a DID to a destination");
});
