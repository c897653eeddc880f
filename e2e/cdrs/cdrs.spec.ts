import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { emulatorUrl, expectAccessible, STATE } from '../fixtures';

/** Demo connection IDs by vendor, from the connections the page lists in its sync panel. */
async function connectionIds(page: Page): Promise<Record<string, string>> {
  const rows = page.getByTestId('sync-row');
  await expect(rows.first()).toBeVisible();
  const out: Record<string, string> = {};
  for (const row of await rows.all()) {
    const text = (await row.textContent()) ?? '';
    const id = (await row.getAttribute('data-connection'))!;
    // The demo's admin-token connection of each vendor (HoduPBX also has a single-tenant one).
    for (const [v, name] of [['PBXware', 'Bicom PBXware'], ['HoduPBX', 'HoduPBX platform'], ['MiRTA', 'MiRTA hosted']] as const) if (text.includes(name)) out[v] = id;
  }
  return out;
}

/** Syncs every connection from the UI and waits until records are listed. */
async function syncAll(page: Page) {
  await page.goto('/cdrs');
  await page.getByTestId('sync-all').click();
  await expect(page.getByRole('status').filter({ hasText: 'Sync started' })).toBeVisible();
  await expect(page.getByTestId('sync-row').filter({ hasText: 'Syncing' })).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('sync-row').filter({ hasText: 'Not synced yet' })).toHaveCount(0, { timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('cdr-total')).toHaveText(/^[\d,]+ calls$/);
}

test.describe('CDR explorer (operator)', () => {
  test.use({ storageState: STATE.operator });
  // A first sync of every demo connection takes a while on a busy machine.
  test.setTimeout(120_000);

  test('syncs, filters through the URL, opens a record, and charts two vendors', async ({ page }) => {
    await syncAll(page);
    const ids = await connectionIds(page);
    await expect(page.getByTestId('unsupported-notice')).toContainText("PortSIP's API does not offer call records");
    const all = Number((await page.getByTestId('cdr-total').textContent())!.replace(/\D/g, ''));
    expect(all).toBeGreaterThan(100);
    await expect(page.getByTestId('cdr-row').first()).toBeVisible();
    await expectAccessible(page);

    // Filters go into the URL; the same URL opened again shows the same view.
    await page.getByLabel('Result').selectOption('answered');
    await expect(page).toHaveURL(/disp=answered/);
    await page.getByLabel('Direction').selectOption('outbound');
    await expect(page).toHaveURL(/dir=outbound/);
    const filtered = page.getByTestId('cdr-total');
    await expect(filtered).not.toHaveText(`${all.toLocaleString('en-US')} calls`);
    const shared = page.url();
    const rows = page.getByTestId('cdr-row');
    await expect(rows.first()).toBeVisible();
    for (const row of (await rows.all()).slice(0, 10)) {
      await expect(row).toContainText('Answered');
      await expect(row).toContainText('Outbound');
    }
    const count = await filtered.textContent();
    await page.goto(shared);
    await expect(page.getByLabel('Result')).toHaveValue('answered');
    await expect(page.getByTestId('cdr-total')).toHaveText(count!);

    // Sorting by duration, longest first.
    await page.getByRole('button', { name: /^Duration/ }).click();
    await expect(page).toHaveURL(/sort=durationSec/);
    await expect(page.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute('aria-sort', 'descending');

    // A row opens the drawer with the normalized fields and the vendor's raw record; Escape closes it.
    await page.getByTestId('cdr-row').first().click();
    const drawer = page.getByTestId('cdr-drawer');
    await expect(drawer).toBeVisible();
    await expect(drawer.getByTestId('cdr-fields')).toContainText('Vendor record ID');
    await expect(drawer.getByTestId('cdr-raw')).toContainText('{');
    await expect(page).toHaveURL(/rec=/);
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);

    // Charts follow the filters, and draw calls of at least two vendors at once.
    await page.goto('/cdrs');
    const charts = page.getByTestId('cdr-charts');
    await expect(charts.getByTestId('chart-volume').locator('svg.recharts-surface').first()).toBeVisible({ timeout: 20_000 });
    await expect(charts.getByTestId('chart-quality').locator('svg.recharts-surface').first()).toBeVisible();
    await expect(charts.getByTestId('heatmap')).toBeVisible();
    await expect(charts.getByTestId('chart-top-sources').locator('li').first()).toBeVisible();
    let vendorsWithCalls = 0;
    for (const id of [ids.PBXware, ids.HoduPBX, ids.MiRTA]) {
      const res = await page.request.get(`/api/cdrs/stats?conn=${id}&tz=UTC`);
      expect(res.ok()).toBe(true);
      if (((await res.json()) as { total: number }).total > 0) vendorsWithCalls++;
    }
    expect(vendorsWithCalls).toBeGreaterThanOrEqual(2);
    const allStats = (await (await page.request.get('/api/cdrs/stats?tz=UTC')).json()) as { total: number };
    expect(allStats.total).toBe(all);
  });

  test('exports the whole filtered result as CSV, not just the page', async ({ page }) => {
    await page.goto('/cdrs?range=30d');
    await expect(page.getByTestId('cdr-total')).toHaveText(/^[\d,]+ calls$/);
    const total = Number((await page.getByTestId('cdr-total').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(200); // more than one block of the table
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toContain('started_at');
    expect(lines.length - 1).toBe(total);
  });

  test('plays a recording through the server where the vendor has one', async ({ page }) => {
    // The demo's HoduPBX emulator reports call IDs in its call log (needed to fetch recordings; see
    // server/emulators/main.ts): re-read two weeks from the UI, then open a recorded call by its shareable link.
    {
      await page.goto('/cdrs');
      const ids = await connectionIds(page);
      const row = page.locator(`[data-testid=sync-row][data-connection="${ids.HoduPBX}"]`);
      await row.getByLabel('First sync range').selectOption('14');
      await row.getByRole('button', { name: 'Save range' }).click();
      await expect(page.getByRole('status')).toContainText('will be read on the next sync');
      await row.getByTestId('sync-now').click();
      await expect(row).toContainText('Last sync', { timeout: 60_000 });
      await expect(row).not.toContainText('Syncing', { timeout: 60_000 });
      const { callids } = (await (await page.request.post(`${emulatorUrl('hodupbx')}/__emulator/recorded-calls`, { data: { tenant_id: '1000' } })).json()) as { callids: string[] };
      const callid = callids.at(-1)!;
      await page.goto(`/cdrs?conn=${ids.HoduPBX}&rec=${encodeURIComponent(`${ids.HoduPBX}|1000|callid-${callid}`)}`);
      const player = page.getByTestId('recording-player');
      await expect(player).toBeVisible();
      const src = (await player.getAttribute('src'))!;
      expect(src).toMatch(/^\/api\/cdrs\/recording\?/);
      const duration = await player.evaluate(
        (el: HTMLAudioElement) =>
          new Promise<number>((resolve, reject) => {
            el.addEventListener('loadedmetadata', () => resolve(el.duration));
            el.addEventListener('error', () => reject(new Error('audio error')));
            el.preload = 'auto';
            el.load();
          }),
      );
      expect(duration).toBeGreaterThan(0);
      // A PBXware call explains that PBXware's API has no recording download.
      await page.goto(`/cdrs?conn=${ids.PBXware}`);
      await page.getByTestId('cdr-row').first().click();
      await expect(page.getByTestId('cdr-recording')).toContainText("PBXware's API does not offer call recordings");
    }
  });
});

test.describe('CDR explorer (tenant user)', () => {
  test.use({ storageState: STATE.tenant });
  test.setTimeout(120_000);

  test("sees and exports only their own tenant's records, and cannot sync", async ({ page, browser }) => {
    // Make sure there is data: the operator syncs.
    const op = await browser.newContext({ storageState: STATE.operator });
    const opPage = await op.newPage();
    await syncAll(opPage);
    const ids = await connectionIds(opPage);
    await op.close();

    await page.goto('/cdrs');
    await expect(page.getByTestId('cdr-total')).toHaveText(/^[\d,]+ calls$/);
    await expect(page.getByTestId('sync-all')).toHaveCount(0);
    await expect(page.getByLabel('Connection')).toHaveCount(0);
    const total = Number((await page.getByTestId('cdr-total').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    await expectAccessible(page);

    // Asking the API for other tenants through the filters gives nothing of theirs.
    const other = (await (await page.request.get(`/api/cdrs?conn=${ids.PBXware}&tenant=3&limit=10`)).json()) as { total: number };
    expect(other.total).toBe(0);
    const mirta = (await (await page.request.get(`/api/cdrs?conn=${ids.MiRTA}&limit=10`)).json()) as { total: number };
    expect(mirta.total).toBe(0);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const lines = fs.readFileSync(await (await download).path(), 'utf8').trim().split('\n');
    const header = lines[0]!.split(',');
    const conn = header.indexOf('connection_id');
    const tenant = header.indexOf('tenant_id');
    expect(lines.length - 1).toBe(total);
    for (const line of lines.slice(1)) {
      const cells = line.split(',');
      expect(`${cells[conn]}/${cells[tenant]}`).toBe(`${ids.PBXware}/2`);
    }
    // The same holds for an export URL asking for everything.
    const raw = await (await page.request.get('/api/cdrs/export?range=90d')).text();
    expect(raw.trim().split('\n').slice(1).every((l) => l.split(',')[conn] === ids.PBXware && l.split(',')[tenant] === '2')).toBe(true);
  });
});
