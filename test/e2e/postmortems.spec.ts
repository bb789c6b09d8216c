import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { feedVendor } from '../support/home.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { expectAccessible } from './support/a11y.ts';
import { homeWith, serveDemoForTheseTests, startServe, type Served } from './support/serve.ts';
import { shoot } from './support/shots.ts';

/** axe and, when named, a screenshot in the light and the dark scheme. */
async function checkBothSchemes(page: Page, name: string, shot?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `${name} (${colorScheme})`);
    if (shot) await shoot(page, shot);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openPostmortems(page: Page, served: Served): Promise<void> {
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'Upstream' }).getByRole('link', { name: 'Postmortems' }).click();
  await expect(page.getByRole('heading', { name: 'Postmortems', level: 1 })).toBeVisible();
}

test.describe('the demo\'s postmortems: markdown, structured and narrative', () => {
  // The live story (5 min at speed 1) ends with its postmortem after 225 s; at 40x, in under 6 s.
  const demo = serveDemoForTheseTests(40);

  test('lists every postmortem newest first with a plain excerpt, searches them, and opens one', async ({ page }) => {
    await openPostmortems(page, demo());
    const list = page.getByRole('list', { name: 'Reading list' });
    const live = list.getByRole('article', { name: 'Elevated decline rate for card payments' });
    // Ask for a check, as a person would, until the live incident's postmortem is out.
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh all' }).click();
      await expect(live).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000 });

    const entries = list.getByRole('article');
    await expect(entries).toHaveCount(3);
    await expect(entries.getByRole('heading')).toHaveText([
      'Elevated decline rate for card payments',
      'Card payments failing in all regions',
      'Intermittent errors creating payments through the API',
    ]);
    const excerpts = list.locator('.pm-excerpt');
    await expect(excerpts.nth(0)).toHaveText(/^What happened\. Shortly after a scheduled certificate rotation, two of the six gateways/);
    await expect(excerpts.nth(1)).toHaveText(/^Summary\. A faulty release of our payment routing service caused every card payment to fail/);
    await expect(excerpts.nth(2)).toHaveText(/^During this incident, one of the four load balancers in front of our payments API/);
    for (let i = 0; i < 3; i++) await expect(excerpts.nth(i)).not.toContainText('**');
    await expect(entries.nth(1)).toContainText('Skyline Payments');
    await expect(entries.nth(1)).toContainText('Critical');
    await expect(entries.nth(1)).toContainText('lasted 1 h 47 min');
    await checkBothSchemes(page, 'postmortems', 'postmortems');

    // Search: the words reach the engine, the hash keeps them, the excerpt starts where they are.
    await page.getByRole('searchbox', { name: 'Search postmortems' }).fill('load balancer');
    await expect(entries).toHaveCount(1);
    await expect(entries.first().getByRole('heading')).toHaveText('Intermittent errors creating payments through the API');
    await expect(entries.first().locator('mark').first()).toHaveText(/^load$/i);
    await expect(page).toHaveURL(/#\/postmortems\?q=load\+balancer$/);
    await expect(page.getByRole('status').filter({ hasText: 'postmortem' })).toHaveText('1 postmortem mentioning “load balancer”');

    // Another vendor: nothing, and the page says what it searched.
    await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'Northwind Mail' });
    await expect(page.getByRole('heading', { name: 'No postmortem mentions “load balancer”' })).toBeVisible();
    await expect(page.getByText('Searched the postmortems of Northwind Mail only.', { exact: false })).toBeVisible();
    await checkBothSchemes(page, 'postmortems, nothing found', 'postmortems-empty');
    await page.getByRole('button', { name: 'Clear search and vendor' }).click();
    await expect(entries).toHaveCount(3);
    await expect(page.getByRole('searchbox', { name: 'Search postmortems' })).toHaveValue('');

    // Open one: the incident page renders the whole postmortem in its sections.
    await entries.nth(1).getByRole('link', { name: 'Card payments failing in all regions', exact: true }).click();
    await expect(page).toHaveURL(/#\/vendor\/skyline\/incident\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Card payments failing in all regions' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Root cause' })).toContainText('A missing default left the list empty');
  });
});

test.describe('a real postmortem from 2013 (Parse, read from its feed)', () => {
  let fixtures: FixtureServer;
  let served: Served;
  test.beforeAll(async () => {
    fixtures = await startFixtureServer();
    fixtures.route('/parse/history.rss', file('rss_atom/parse-statuspage-history-2014-01-09-pst-postmortem.rss'));
    const home = await homeWith([feedVendor('parse', 'Parse', `${fixtures.url}/parse/history.rss`)]);
    await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'electron/headless/bin.ts'), 'daemon', '--once', '--no-notify', '--home', home], { cwd: REPO_ROOT });
    served = await startServe({ home });
  });
  test.afterAll(async () => {
    await served?.stop();
    await fixtures?.close();
  });

  test('history keeps it, the list shows it, a search finds it and it opens', async ({ page }) => {
    await openPostmortems(page, served);
    const entries = page.getByRole('list', { name: 'Reading list' }).getByRole('article');
    await expect(entries).toHaveCount(1);
    const entry = entries.first();
    await expect(entry.getByRole('heading')).toHaveText('Elevated error rates and latency');
    await expect(entry).toContainText('Parse');
    await expect(entry.locator('.pm-excerpt')).toHaveText(/^Summary of the December 24 Parse Service Disruption\. We would like to share some more details .*…$/);
    await expect(entry.locator('.pm-excerpt')).not.toContainText('#');
    await expect(entry.locator('time')).toHaveText(/201[23]$/);

    const box = page.getByRole('searchbox', { name: 'Search postmortems' });
    await box.click();
    await page.keyboard.type('stack traces');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/q=stack\+traces/);
    await expect(entry.locator('mark').first()).toHaveText(/^stack$/i);
    await expect(entry.locator('mark').nth(1)).toHaveText(/^traces$/i);
    await expect(entry.locator('.pm-excerpt')).toHaveText(/^…/);
    await checkBothSchemes(page, 'postmortems, searched');

    await entry.getByRole('link', { name: /^Read the postmortem/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Elevated error rates and latency' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Postmortem' }).getByRole('heading', { name: 'Summary of the December 24 Parse Service Disruption' })).toBeVisible();
  });
});
