import { expect, type Page } from '@playwright/test';
import { emulatorUrl } from '../fixtures';

/** Tenant labels as the editors' tenant pickers show them (tenant · connection). */
export const PBX_NORTHWIND = 'northwind.sb-demo.example · Bicom PBXware (demo)';
export const PBX_NORTHWIND_NAME = 'northwind.sb-demo.example';
export const PBX_CONTOSO_NAME = 'contoso-dental.sb-demo.example';
export const HODU_TENANT = 'Northwind Dental · HoduPBX · Northwind Dental (demo)';
export const HODU_TENANT_NAME = 'Northwind Dental';

type Vendor = 'pbxware' | 'hodupbx' | 'mirta' | 'portsip';

/** What the emulator stored: the vendor's own state, read from its control plane, never through Switchboard. */
export async function emulatorState<T = Record<string, unknown>>(page: Page, vendor: Vendor): Promise<T> {
  const r = await page.request.get(`${emulatorUrl(vendor)}/__emulator/state`);
  expect(r.ok()).toBe(true);
  return (await r.json()) as T;
}

export async function setFault(page: Page, vendor: Vendor, fault: Record<string, unknown> | null) {
  const r = fault ? await page.request.post(`${emulatorUrl(vendor)}/__emulator/faults`, { data: fault }) : await page.request.delete(`${emulatorUrl(vendor)}/__emulator/faults`);
  expect(r.ok()).toBe(true);
}

export async function pbxExtensionCount(page: Page, tenantId: string) {
  const s = await emulatorState<{ tenants: { id: string; extensions: number }[] }>(page, 'pbxware');
  return s.tenants.find((t) => t.id === tenantId)!.extensions;
}

/** The audit page lists the entry, with before and after. */
export async function expectAudited(page: Page, action: string, targetText?: string) {
  await page.goto('/audit');
  const row = page
    .getByTestId('audit-row')
    .filter({ hasText: action })
    .filter({ hasText: targetText ?? '' })
    .filter({ has: page.getByText('ok', { exact: true }) })
    .first();
  await expect(row).toBeVisible();
  return row;
}
