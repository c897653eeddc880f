import { expect, test } from '@playwright/test';
import { expectAccessible, STATE } from '../fixtures';
import { expectAudited, HODU_TENANT, HODU_TENANT_NAME, pbxExtensionCount, PBX_NORTHWIND, PBX_NORTHWIND_NAME, emulatorState, setFault } from './helpers';

test.use({ storageState: STATE.operator });

const row = (page: import('@playwright/test').Page, number: string, tenant: string) => page.locator(`[data-testid="extension-row"][data-number="${number}"][data-tenant="${tenant}"]`);

async function openCreate(page: import('@playwright/test').Page, tenant: string) {
  await page.goto('/extensions');
  await page.getByTestId('create-extension').click();
  const form = page.getByTestId('extension-form');
  await form.getByLabel('Tenant').selectOption({ label: tenant });
  await expect(form.getByTestId('vendor-fields')).toBeVisible();
  return form;
}

async function fillPbxware(form: import('@playwright/test').Locator, number: string, name: string) {
  await form.getByLabel('Number *', { exact: true }).fill(number);
  await form.getByLabel('Name *', { exact: true }).fill(name);
  await form.getByLabel('E-mail', { exact: true }).fill(`${name.split(' ')[0]!.toLowerCase()}@northwind.example`);
  await form.getByLabel('Phone model (UAD) *').selectOption({ index: 1 });
  await form.getByLabel('SIP password *').fill('Str0ng-secret');
  await form.getByLabel('Voicemail PIN *').fill('4321');
}

test('table: search, sort and filter by status', async ({ page }) => {
  await page.goto('/extensions');
  await expect(page.getByTestId('extension-row').first()).toBeVisible();
  await page.getByLabel('Search extensions').fill('Maya');
  await expect(page.getByTestId('extension-row')).toHaveCount(1);
  await page.getByLabel('Search extensions').fill('');
  await page.getByRole('button', { name: /^Number/ }).click();
  await expect(page.getByRole('columnheader', { name: /Number/ })).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('Status').selectOption('disabled');
  for (const s of await page.getByTestId('extension-row').all()) await expect(s.getByText('disabled')).toBeVisible();
  await expectAccessible(page);
});

test('PBXware: create, edit and delete an extension, each in the audit log', async ({ page }) => {
  const before = await pbxExtensionCount(page, '2');
  const form = await openCreate(page, PBX_NORTHWIND);
  // Only PBXware's fields, with its phone models loaded from the PBX.
  await expect(form.getByLabel('Plan *')).toHaveCount(0);
  expect(await form.getByLabel('Phone model (UAD) *').locator('option').count()).toBeGreaterThan(1);
  await fillPbxware(form, '371', 'Ann Example');
  await form.getByRole('button', { name: 'Create extension' }).click();
  await expect(form).toBeHidden();
  await expect(row(page, '371', PBX_NORTHWIND_NAME)).toContainText('Ann Example');
  expect(await pbxExtensionCount(page, '2')).toBe(before + 1);

  await page.getByRole('button', { name: `Edit extension 371 of ${PBX_NORTHWIND_NAME}` }).click();
  const edit = page.getByTestId('extension-form');
  await expect(edit.getByLabel('Name *', { exact: true })).toHaveValue('Ann Example');
  await edit.getByLabel('Name *', { exact: true }).fill('Ann Edited');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row(page, '371', PBX_NORTHWIND_NAME)).toContainText('Ann Edited');
  await page.reload();
  await expect(row(page, '371', PBX_NORTHWIND_NAME)).toContainText('Ann Edited');

  await page.getByRole('button', { name: `Delete extension 371 of ${PBX_NORTHWIND_NAME}` }).click();
  // Nothing is deleted until the confirmation.
  expect(await pbxExtensionCount(page, '2')).toBe(before + 1);
  await page.getByRole('button', { name: 'Delete 371 for good' }).click();
  await expect(row(page, '371', PBX_NORTHWIND_NAME)).toHaveCount(0);
  await expect.poll(() => pbxExtensionCount(page, '2')).toBe(before);

  await expectAudited(page, 'extension.create');
  const upd = await expectAudited(page, 'extension.update');
  await upd.getByText('show').click();
  await expect(upd).toContainText('Ann Example');
  await expect(upd).toContainText('Ann Edited');
  await expectAudited(page, 'extension.delete');
});

test('validation errors name the field, with the same rules as the server', async ({ page }) => {
  const form = await openCreate(page, PBX_NORTHWIND);
  await form.getByLabel('Number *', { exact: true }).fill('1');
  await form.getByLabel('Voicemail PIN *').fill('12');
  await form.getByRole('button', { name: 'Create extension' }).click();
  const errors = form.getByTestId('field-error');
  await expect(errors.filter({ hasText: 'must be 2 to 16 digits' })).toBeVisible();
  await expect(errors.filter({ hasText: 'enter a name' })).toBeVisible();
  await expect(errors.filter({ hasText: 'Phone model (UAD) is required' })).toBeVisible();
  await expect(errors.filter({ hasText: 'PIN must be 4 to 8 digits' })).toBeVisible();
  await expect(form.getByLabel('Number *', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('PBXware refusal keeps the form filled, shows the vendor meaning, and rolls the list back', async ({ page }) => {
  const form = await openCreate(page, PBX_NORTHWIND);
  await fillPbxware(form, '100', 'Duplicate Person');
  const rowsBefore = await page.getByTestId('extension-row').count();
  await form.getByRole('button', { name: 'Create extension' }).click();
  const err = form.getByTestId('form-error');
  await expect(err).toBeVisible();
  await expect(err.getByTestId('vendor-meaning')).toContainText('Extension 100 already exists');
  await expect(form.getByLabel('Name *', { exact: true })).toHaveValue('Duplicate Person');
  await expect(form.getByLabel('SIP password *')).toHaveValue('Str0ng-secret');
  await expect(page.getByTestId('extension-row')).toHaveCount(rowsBefore);
  await expect(page.getByText('saving…')).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'extension.create' }).filter({ hasText: 'already exists' }).first()).toBeVisible();
});

test('a double click creates one extension; a retry after a timeout does not create a second', async ({ page }) => {
  test.setTimeout(90_000);
  const before = await pbxExtensionCount(page, '2');
  let form = await openCreate(page, PBX_NORTHWIND);
  await fillPbxware(form, '372', 'Double Click');
  await form.getByRole('button', { name: 'Create extension' }).dblclick();
  await expect(form).toBeHidden();
  await expect(row(page, '372', PBX_NORTHWIND_NAME)).toHaveCount(1);
  expect(await pbxExtensionCount(page, '2')).toBe(before + 1);

  // The PBX never answers the first attempt; the same draft is saved again.
  await setFault(page, 'pbxware', { mode: 'hang', match: 'ext.add', remaining: 1 });
  form = await openCreate(page, PBX_NORTHWIND);
  await fillPbxware(form, '373', 'Retry Person');
  await form.getByRole('button', { name: 'Create extension' }).click();
  await expect(form.getByTestId('form-error')).toContainText(/did not answer|timed out|time/i, { timeout: 30_000 });
  await form.getByRole('button', { name: 'Create extension' }).click();
  await expect(form).toBeHidden({ timeout: 20_000 });
  await expect(row(page, '373', PBX_NORTHWIND_NAME)).toHaveCount(1);
  expect(await pbxExtensionCount(page, '2')).toBe(before + 2);
  await setFault(page, 'pbxware', null);
});

test('bulk import from CSV reports every row: created, or failed with the reason', async ({ page }) => {
  const before = await pbxExtensionCount(page, '2');
  const form = await openCreate(page, PBX_NORTHWIND);
  const ua = await form.getByLabel('Phone model (UAD) *').locator('option').nth(1).getAttribute('value');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('bulk-import-open').click();
  const bulk = page.getByTestId('bulk-import');
  await bulk.getByLabel('Tenant').selectOption({ label: PBX_NORTHWIND });
  const csv = ['number,name,email,ua,secret,pin', `381,Bulk One,bulk1@northwind.example,${ua},Str0ng-secret,1234`, `100,Taken Number,bulk2@northwind.example,${ua},Str0ng-secret,1234`, `3x,Bad Number,bulk3@northwind.example,${ua},Str0ng-secret,1234`, `382,"Bulk, Two",bulk4@northwind.example,${ua},Str0ng-secret,1234`].join('\n');
  await bulk.getByLabel('CSV file').setInputFiles({ name: 'extensions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(bulk.getByTestId('bulk-preview')).toContainText('4 rows');
  await bulk.getByTestId('bulk-import-run').click();
  await expect(bulk.getByTestId('bulk-summary')).toContainText('2 created, 2 failed, 0 not attempted');
  const rows = bulk.getByTestId('bulk-row');
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'created');
  await expect(rows.nth(1)).toContainText('Extension 100 already exists');
  await expect(rows.nth(2)).toContainText('must be 2 to 16 digits');
  await expect(rows.nth(3)).toHaveAttribute('data-status', 'created');
  expect(await pbxExtensionCount(page, '2')).toBe(before + 2);
  await expect(row(page, '382', PBX_NORTHWIND_NAME)).toContainText('Bulk, Two');
  // The same file again: nothing is created twice.
  await bulk.getByTestId('bulk-import-run').click();
  await expect(bulk.getByTestId('bulk-summary')).toContainText('2 created');
  expect(await pbxExtensionCount(page, '2')).toBe(before + 2);
});

test('HoduPBX: its own fields (plans, shifts), create, edit, refusal with the vendor code, audit', async ({ page }) => {
  const form = await openCreate(page, HODU_TENANT);
  await expect(form.getByLabel('Phone model (UAD) *')).toHaveCount(0);
  expect(await form.getByLabel('Plan *').locator('option').count()).toBeGreaterThan(1);
  expect(await form.getByLabel('Shift *').locator('option').count()).toBeGreaterThan(1);
  await form.getByLabel('Number *', { exact: true }).fill('150');
  await form.getByLabel('Name *', { exact: true }).fill('Reception Two');
  await form.getByLabel('E-mail', { exact: true }).fill('reception2@northwind-dental.example');
  await form.getByLabel('Plan *').selectOption({ index: 1 });
  await form.getByLabel('Shift *').selectOption({ index: 1 });
  await form.getByLabel('SIP password *').fill('Sip-Secret-150');
  await form.getByLabel('Web password *').fill('Web-Secret-150');
  await form.getByRole('button', { name: 'Create extension' }).click();
  await expect(form).toBeHidden();
  await expect(row(page, '150', HODU_TENANT_NAME)).toHaveCount(1);
  const st = await emulatorState<{ extensions: { tenant_id: string; number: string }[] }>(page, 'hodupbx');
  expect(st.extensions.filter((e) => e.tenant_id === '1000' && e.number === '150')).toHaveLength(1);

  await page.getByRole('button', { name: `Edit extension 150 of ${HODU_TENANT_NAME}` }).click();
  const edit = page.getByTestId('extension-form');
  await edit.getByLabel('Ring timeout (s)').fill('25');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();

  const dup = await openCreate(page, HODU_TENANT);
  await dup.getByLabel('Number *', { exact: true }).fill('150');
  await dup.getByLabel('Name *', { exact: true }).fill('Twice');
  await dup.getByLabel('Plan *').selectOption({ index: 1 });
  await dup.getByLabel('Shift *').selectOption({ index: 1 });
  await dup.getByLabel('SIP password *').fill('Sip-Secret-151');
  await dup.getByLabel('Web password *').fill('Web-Secret-151');
  await dup.getByRole('button', { name: 'Create extension' }).click();
  await expect(dup.getByTestId('vendor-code')).toHaveText('608');
  await expect(dup.getByLabel('Name *', { exact: true })).toHaveValue('Twice');

  await expectAudited(page, 'extension.create');
  await expectAudited(page, 'extension.update');
});
