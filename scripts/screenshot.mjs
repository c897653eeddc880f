// Takes a screenshot of a page of a running Switchboard, signed in as a demo user:
//   BASE=http://127.0.0.1:3000 node scripts/screenshot.mjs /overview out.png operator|tenant|none [width] [height] [dark]
import { chromium } from '@playwright/test';
const [path, out, who = 'operator', w = '1440', h = '900', dark] = process.argv.slice(2);
const base = process.env.BASE ?? 'http://127.0.0.1:3000';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const ctx = await browser.newContext({ viewport: { width: +w, height: +h } });
if (dark) await ctx.addCookies([{ name: 'sb-theme', value: 'dark', url: base }]);
const page = await ctx.newPage();
const creds = { operator: ['operator@switchboard.test', 'operator-demo-pass'], tenant: ['tenant@northwind.test', 'tenant-demo-pass'] }[who];
if (creds) {
  await page.goto(base + '/login');
  await page.getByLabel('E-mail').fill(creds[0]);
  await page.getByLabel('Password').fill(creds[1]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/overview');
}
await page.goto(base + path);
await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
