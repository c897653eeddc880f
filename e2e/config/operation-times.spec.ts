import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, STATE } from '../fixtures';
import { emulatorState, expectAudited, PBX_NORTHWIND_NAME } from './helpers';

test.use({ storageState: STATE.operator });

async function open(page: Page, target: string, tenant: string) {
  await page.goto('/operation-times');
  await page.locator(`[data-testid="schedule-row"][data-target="${target}"][data-tenant="${tenant}"]`).getByRole('button').click();
  return page.getByTestId('schedule-editor');
}

type PwOtimes = { otimes: { servers: Record<string, { open_days: { days: string; time_from: string; time_to: string }[]; closed_dates: { description: string; date_from: string; date_to: string; destination: string }[] }> } };

test('PBXware tenant schedule: overlapping and reversed ranges are refused by name; a valid one round-trips', async ({ page }) => {
  const ed = await open(page, 'tenant:2', PBX_NORTHWIND_NAME);
  await expectAccessible(page);
  await expect(ed.getByLabel('Monday range 1 opens')).toHaveValue('08:30');
  await ed.getByRole('button', { name: 'Add a range on Monday' }).click();
  await ed.getByRole('button', { name: 'Save schedule' }).click();
  await expect(ed.getByTestId('schedule-errors')).toContainText('Monday: 09:00–17:00 overlaps 08:30–17:30');
  await ed.getByLabel('Monday range 2 opens').fill('18:00');
  await ed.getByLabel('Monday range 2 closes').fill('17:45');
  await ed.getByRole('button', { name: 'Save schedule' }).click();
  await expect(ed.getByTestId('schedule-errors')).toContainText('Monday: 18:00–17:45 ends before it starts');

  await ed.getByLabel('Monday range 2 closes').fill('20:00');
  await ed.getByRole('button', { name: 'Add a range on Saturday' }).click();
  await ed.getByLabel('Saturday range 1 opens').fill('10:00');
  await ed.getByLabel('Saturday range 1 closes').fill('13:00');
  await ed.getByRole('button', { name: 'Add closed period' }).click();
  const closed = ed.getByTestId('closed-row').last();
  await closed.getByLabel('Name').fill('Inventory');
  await closed.getByLabel('From date').fill('2027-03-01');
  await closed.getByLabel('To date').fill('2027-03-02');
  await closed.getByLabel('Closed period 2 destination: type').selectOption('extension');
  await ed.getByLabel('Closed destination: type').selectOption('voicemail');
  await ed.getByRole('button', { name: 'Save schedule' }).click();
  await expect(ed.getByTestId('schedule-saved')).toBeVisible();

  const st = (await emulatorState<PwOtimes>(page, 'pbxware')).otimes.servers['2/2']!;
  expect(st.open_days).toEqual(expect.arrayContaining([expect.objectContaining({ time_from: '18:00', time_to: '20:00' }), expect.objectContaining({ time_from: '10:00', time_to: '13:00' })]));
  expect(st.closed_dates).toEqual(expect.arrayContaining([expect.objectContaining({ description: 'Inventory', date_from: '2027-03-01', date_to: '2027-03-02' })]));

  const again = await open(page, 'tenant:2', PBX_NORTHWIND_NAME);
  await expect(again.getByLabel('Saturday range 1 opens')).toHaveValue('10:00');
  await expectAudited(page, 'operation_times.set');
});

test('PortSIP office hours and holidays round-trip; overlapping holidays are refused', async ({ page }) => {
  await page.goto('/operation-times');
  const target = (await page.locator('[data-testid="schedule-row"][data-tenant="Harbor Dental Group"]').first().getAttribute('data-target'))!;
  const ed = await open(page, target, 'Harbor Dental Group');
  await ed.getByRole('button', { name: 'Add a range on Sunday' }).click();
  await ed.getByLabel('Sunday range 1 opens').fill('10:00');
  await ed.getByLabel('Sunday range 1 closes').fill('14:00');
  await ed.getByRole('button', { name: 'Add closed period' }).click();
  const a = ed.getByTestId('closed-row').last();
  await a.getByLabel('Name').fill('Founders Day');
  await a.getByLabel('From date').fill('2027-05-05');
  await a.getByLabel('To date').fill('2027-05-06');
  await ed.getByRole('button', { name: 'Add closed period' }).click();
  const b = ed.getByTestId('closed-row').last();
  await b.getByLabel('Name').fill('Clash');
  await b.getByLabel('From date').fill('2027-05-06');
  await b.getByLabel('To date').fill('2027-05-07');
  await ed.getByRole('button', { name: 'Save schedule' }).click();
  await expect(ed.getByTestId('schedule-errors')).toContainText('Clash (2027-05-06…2027-05-07) overlaps Founders Day (2027-05-05…2027-05-06)');
  await b.getByRole('button', { name: 'Remove' }).click();
  await ed.getByRole('button', { name: 'Save schedule' }).click();
  await expect(ed.getByTestId('schedule-saved')).toBeVisible();

  const st = await emulatorState<{ tenants: { key: string; tenant: { office_hours: Record<string, { enabled: boolean; ranges: { from: string; to: string }[] }> }; holidays: { name: string }[] }[] }>(page, 'portsip');
  const harbor = st.tenants.find((t) => t.key === 'harbor')!;
  expect(harbor.tenant.office_hours.sunday).toEqual(expect.objectContaining({ enabled: true, ranges: [{ from: '10:00', to: '14:00' }] }));
  expect(harbor.holidays.map((h) => h.name)).toContain('Founders Day');
  await expectAudited(page, 'operation_times.set');
});

test('MiRTA time conditions are shown read-only with the reason', async ({ page }) => {
  await page.goto('/operation-times');
  const mirta = page.locator('[data-testid="schedule-row"][data-tenant="Northwind Dental Clinic"]').first();
  await mirta.getByRole('button').click();
  await expect(page.getByTestId('schedule-read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save schedule' })).toHaveCount(0);
});
