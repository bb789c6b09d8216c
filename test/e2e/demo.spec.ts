import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/a11y.ts';
import { startServe, type Served } from './support/serve.ts';
import { shoot } from './support/shots.ts';

/*
 * `upstream serve --demo --no-open --home DIR`, as a new user without network would run it: the
 * address is printed, every view renders, and the demo's live incident unfolds on the overview.
 * The story runs 10× faster here (UPSTREAM_DEMO_SPEED), so it is over in half a minute.
 */
let served: Served;

test.beforeAll(async () => {
  served = await startServe({ home: mkdtempSync(join(tmpdir(), 'upstream-demo-e2e-')), args: ['--demo'], env: { UPSTREAM_DEMO_SPEED: '10' } });
});
test.afterAll(async () => {
  await served?.stop();
});

async function refreshUntil(page: Page, check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await check()) return;
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await page.waitForTimeout(1_000);
  }
  throw new Error(`the demo never showed ${what}`);
}

test('prints a tokenised address and every view renders', async ({ page }) => {
  expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  await page.goto(served.url);
  const nav = page.getByRole('navigation', { name: 'Upstream' });
  const views: [string, RegExp][] = [
    ['Overview', /Overview/], ['History', /History/], ['Maintenance', /Maintenance/], ['Postmortems', /Postmortems/], ['Settings', /Settings/],
  ];
  for (const [link, heading] of views) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await page.goto(`${served.origin}/#/vendor/skyline`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skyline Payments' })).toBeVisible();
  await page.goto(`${served.origin}/#/no/such/page`);
  await expect(page.getByText('There is no such page')).toBeVisible();
});

test('the live incident appears on the overview, resolves, and its page shows the postmortem', async ({ page }) => {
  await page.goto(served.url);
  const active = page.getByRole('region', { name: /Active incidents/ });
  await refreshUntil(page, async () => (await active.getByRole('listitem').count()) > 0, 'an active incident');
  const card = active.getByRole('listitem').first();
  await expect(card).toContainText('Skyline Payments');
  const title = (await card.getByRole('link').first().textContent())!;
  await refreshUntil(page, async () => (await active.getByText('No active incidents').count()) > 0, 'the incident resolved');
  await refreshUntil(page, async () => (await page.getByRole('region', { name: 'Recent activity' }).getByText('Postmortem').count()) > 0, 'the postmortem');
  await page.getByRole('navigation', { name: 'Upstream' }).getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('link', { name: 'Skyline Payments' }).first().click();
  await page.getByRole('region', { name: 'Recent incidents' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Postmortem' })).toBeVisible();
  await expect(page.locator('.facts')).toContainText('Resolved');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`overview, vendor, incident and popover are accessible and photographed (${colorScheme})`, async ({ page }) => {
      await page.goto(served.url);
      await page.getByRole('button', { name: 'Refresh all' }).click();
      await expect(page.getByRole('region', { name: 'Vendors' }).getByRole('listitem')).toHaveCount(2);
      await expect(page.getByRole('region', { name: 'Vendors' })).not.toContainText('Not checked yet');
      await expectAccessible(page, `overview (${colorScheme})`);
      await shoot(page, 'overview');

      await page.goto(`${served.origin}/#/vendor/skyline`);
      await expect(page.getByRole('region', { name: 'Components' })).toContainText('Card payments');
      await expectAccessible(page, `vendor page (${colorScheme})`);
      await shoot(page, 'vendor');

      await page.getByRole('region', { name: 'Recent incidents' }).getByRole('link').first().click();
      await expect(page.getByRole('list', { name: /Updates/ })).toBeVisible();
      await expectAccessible(page, `incident page (${colorScheme})`);
      await shoot(page, 'incident');

      const withPostmortem = page.getByRole('region', { name: 'Recent incidents' });
      await page.goto(`${served.origin}/#/postmortems`);
      await page.goto(`${served.origin}/#/vendor/skyline`);
      await withPostmortem.getByRole('link', { name: 'Card payments failing in all regions' }).click();
      await expect(page.getByRole('heading', { name: 'Postmortem' })).toBeVisible();
      await shoot(page, 'incident-postmortem');

      await page.setViewportSize({ width: 360, height: 520 });
      await page.goto(`${served.origin}/#/popover`);
      await expect(page.getByRole('button', { name: 'Refresh' })).toBeVisible();
      await expectAccessible(page, `tray popover (${colorScheme})`);
      await shoot(page, 'popover');
    });
  });
}
