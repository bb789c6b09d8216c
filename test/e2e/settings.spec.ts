import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { findCatalogEntry } from '../../electron/core/catalog/index.ts';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { expectAccessible } from './support/a11y.ts';
import { homeWith, startServe, type Served } from './support/serve.ts';
import { SCREENSHOTS, shoot } from './support/shots.ts';

/*
 * Settings against the real `upstream serve`: a loopback server serves GitHub's REAL summary.json
 * of 2022-11-25 (a partial outage, 11 components) at <fixtures>/gh/api/v2/summary.json, and a
 * person adds it by URL after a preview, narrows its components, snoozes it, adds a catalogue
 * vendor with the keyboard, switches the theme, and moves the watchlist to a second home with a
 * file. The tests run in order on one serve: each starts from what the previous one left.
 */
test.describe.configure({ mode: 'serial' });

let fixtures: FixtureServer;
let served: Served;
let second: Served | undefined;

test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  fixtures.route('/gh/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
  served = await startServe({ home: await homeWith([]) });
});

test.afterAll(async () => {
  await second?.stop();
  await served?.stop();
  await fixtures?.close();
});

/** axe and a screenshot of the page as it is, in the light and the dark scheme (theme: System). */
async function inBothSchemes(page: Page, shot: string, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `${where} (${colorScheme})`);
    await shoot(page, shot);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openSettings(page: Page, section: string, origin = served.origin): Promise<void> {
  await page.goto(`${origin}/#/settings?section=${section}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

const watchlist = (page: Page) => page.getByRole('list', { name: /Watchlist/ });
/** A vendor's row of the watchlist (its own checklist has list items too). */
const vendorRow = (page: Page, name: string) => watchlist(page).locator(':scope > li').filter({ hasText: name });

test('adds a status page by its URL after a preview of what Upstream found', async ({ page }) => {
  await page.goto(served.url);
  await openSettings(page, 'vendors');
  await expect(page.getByRole('heading', { name: 'No vendors watched yet' })).toBeVisible();
  await inBothSchemes(page, 'settings-vendors-empty', 'empty watchlist');

  await page.getByRole('textbox', { name: 'Or any status page by its URL' }).fill(`${fixtures.url}/gh`);
  await page.getByRole('button', { name: 'Check' }).click();
  const preview = page.getByRole('region', { name: 'GitHub' });
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Atlassian Statuspage');
  await expect(preview).toContainText('Partial outage');
  await expect(preview.getByRole('definition').nth(2)).toHaveText('11');
  await expect(preview).toContainText(/Active incidents\s*1/);
  // Nothing is added before the person says so.
  expect(JSON.parse(readFileSync(`${served.home}/config.json`, 'utf8')).watchlist).toEqual([]);
  await inBothSchemes(page, 'settings-add-url-preview', 'add-by-URL preview');

  await preview.getByRole('button', { name: 'Add GitHub' }).click();
  await expect(page.getByText(/Added GitHub/)).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(vendorRow(page, 'GitHub')).toBeVisible();

  await page.getByRole('navigation', { name: 'Upstream' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('region', { name: 'Vendors' }).getByRole('listitem').filter({ hasText: 'GitHub' })).toBeVisible();
});

test('a detection failure is shown in place, naming the URL', async ({ page }) => {
  await page.goto(served.url);
  await openSettings(page, 'vendors');
  await page.getByRole('textbox', { name: 'Or any status page by its URL' }).fill(`${fixtures.url}/nothing-here`);
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('Upstream could not read this page.')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.settings-error-text')).toContainText(`${fixtures.url}/nothing-here`);
  await expect(page.getByRole('button', { name: /^Add / })).toHaveCount(0);
});

test('the component filter is saved by the engine: still ticked after a reload', async ({ page }) => {
  await page.goto(served.url);
  await openSettings(page, 'vendors');
  // Components are known after the first read: ask for one, as a person would.
  await page.getByRole('button', { name: 'Refresh all' }).click();
  await page.getByRole('button', { name: 'Settings for GitHub' }).click();
  const detail = page.getByRole('region', { name: 'GitHub settings' });
  await expect(detail.getByRole('checkbox')).toHaveCount(11, { timeout: 30_000 });
  await expect(detail).toContainText('None ticked: all 11 components are watched');
  await detail.getByRole('checkbox', { name: 'Git Operations' }).check();
  await expect(detail).toContainText('Watching 1 component');
  await detail.getByRole('checkbox', { name: 'Actions' }).check();
  await expect(detail).toContainText('Watching 2 of 11');
  // The boxes show the click at once; the note says when the engine has saved it.
  await expect(detail.getByRole('group', { name: 'Components' }).getByRole('status')).toContainText('Watching 2 components');

  await page.reload();
  const reloaded = page.getByRole('region', { name: 'GitHub settings' });
  await expect(reloaded.getByRole('checkbox', { name: 'Git Operations' })).toBeChecked();
  await expect(reloaded.getByRole('checkbox', { name: 'Actions' })).toBeChecked();
  await expect(reloaded.getByRole('checkbox', { name: 'Pages' })).not.toBeChecked();
  await expect(vendorRow(page, 'GitHub')).toContainText('2 components');
  expect(JSON.parse(readFileSync(`${served.home}/config.json`, 'utf8')).watchlist[0].components.sort()).toEqual(['Actions', 'Git Operations']);

  await reloaded.getByRole('combobox', { name: 'Check every' }).selectOption({ label: '15 min' });
  await expect(reloaded).toContainText('Checked every 15 min from now on');
  await expect(vendorRow(page, 'GitHub')).toContainText('Every 15 min');
  await inBothSchemes(page, 'settings-vendor-detail', 'vendor detail');
});

test('snoozes a vendor for an hour, shows until when, and resumes', async ({ page }) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/#/settings?section=vendors&vendor=${encodeURIComponent(await githubId())}`);
  const snooze = page.getByRole('group', { name: 'Snooze GitHub' });
  await snooze.getByRole('button', { name: 'For 1 hour' }).click();
  const until = await snooze.getByText(/^⏸? ?Snoozed until \d\d:\d\d$|Snoozed until tomorrow \d\d:\d\d/).textContent();
  expect(until).toMatch(/Snoozed until/);
  await expect(vendorRow(page, 'GitHub').locator('.settings-tag', { hasText: 'Snoozed until' })).toBeVisible();

  await page.getByRole('radio', { name: 'Critical only' }).check();
  await expect(page.getByRole('region', { name: 'GitHub settings' }).getByText('Saved')).toBeVisible();
  await page.getByRole('switch', { name: 'Mute GitHub' }).check();
  await expect(page.getByText('Nothing from GitHub notifies you.', { exact: false })).toBeVisible();
  await page.getByRole('switch', { name: 'Mute GitHub' }).uncheck();
  await expect(page.getByRole('radio', { name: 'Critical only' })).toBeChecked();

  await snooze.getByRole('button', { name: 'Resume' }).click();
  await expect(snooze.getByRole('button', { name: 'For 1 hour' })).toBeVisible();
  await expect(snooze).not.toContainText('Snoozed until');
  const saved = JSON.parse(readFileSync(`${served.home}/config.json`, 'utf8'));
  expect(saved.notifications.snoozes).toEqual([]);
  expect(saved.notifications.perVendor[await githubId()].threshold).toBe('critical');
});

test('adds a catalogue vendor with the keyboard only', async ({ page }) => {
  await page.goto(served.url);
  await openSettings(page, 'vendors');
  const box = page.getByRole('combobox', { name: 'From the catalogue' });
  await box.focus();
  await page.keyboard.type('strip');
  const list = page.getByRole('listbox', { name: 'Vendors in the catalogue' });
  await expect(list.getByRole('option', { name: /^Stripe/ })).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  expect(active).toBeTruthy();
  await expect(page.locator(`[id="${active}"]`)).toContainText('Stripe');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Added Stripe/)).toBeVisible();
  await expect(vendorRow(page, 'Stripe')).toBeVisible();

  // Already watched now: listed, marked, not added twice.
  await page.keyboard.type('strip');
  const option = list.getByRole('option', { name: /^Stripe/ });
  await expect(option).toHaveAttribute('aria-disabled', 'true');
  await expect(option).toContainText('Watching');
  await inBothSchemes(page, 'settings-catalog-search', 'catalogue search open');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Stripe is already on your watchlist.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(watchlist(page).locator(':scope > li')).toHaveCount(2);
  await inBothSchemes(page, 'settings-vendors', 'watchlist');
});

test('notifications: quiet hours and the default threshold are saved by the engine', async ({ page }) => {
  await page.goto(served.url);
  await openSettings(page, 'notifications');
  const quiet = page.getByRole('group', { name: 'Quiet hours' });
  await quiet.getByRole('switch', { name: 'Hold notifications during quiet hours' }).check();
  await expect(quiet).toContainText('Quiet from 22:00 to 07:00');
  await quiet.getByLabel('From').fill('23:30');
  await quiet.getByLabel('To').focus();
  await expect(quiet).toContainText('Quiet from 23:30 to 07:00');
  await page.getByRole('group', { name: 'Default rules' }).getByRole('radio', { name: 'Major and critical' }).check();
  await expect(page.getByRole('group', { name: 'Default rules' })).toContainText('Saved');
  await page.reload();
  await expect(page.getByRole('group', { name: 'Quiet hours' }).getByLabel('From')).toHaveValue('23:30');
  await expect(page.getByRole('group', { name: 'Default rules' }).getByRole('radio', { name: 'Major and critical' })).toBeChecked();
  await inBothSchemes(page, 'settings-notifications', 'notifications');
});

test('switching the theme to dark turns the whole page dark at once', async ({ page }) => {
  await page.goto(served.url);
  await openSettings(page, 'appearance');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await page.getByRole('radio', { name: /Dark/ }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
  await expect(page.getByText('Dark theme')).toBeVisible();
  await expectAccessible(page, 'appearance, dark theme');
  // The browser asks for light; the setting wins.
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-theme-set-to-dark.png'), fullPage: true });
  await page.getByRole('radio', { name: /Light/ }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('radio', { name: /System/ }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await inBothSchemes(page, 'settings-appearance', 'appearance');
});

test('exports the watchlist and imports it into a fresh home, with a report', async ({ page }) => {
  await page.goto(served.url);
  await openSettings(page, 'data');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export watchlist' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('upstream-watchlist.json');
  const path = join(mkdtempSync(join(tmpdir(), 'upstream-export-')), download.suggestedFilename());
  await download.saveAs(path);
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.format).toBe('upstream-watchlist');
  expect(exported.vendors.map((v: { name: string }) => v.name)).toEqual(['GitHub', 'Stripe']);
  await expect(page.getByText('Exported 2 vendors to upstream-watchlist.json')).toBeVisible();
  await inBothSchemes(page, 'settings-data', 'data');

  // A second home that already watches Stripe: GitHub is added, Stripe skipped as already there.
  const stripe = findCatalogEntry('stripe')!;
  second = await startServe({ home: await homeWith([{ id: stripe.id, name: stripe.name, url: stripe.url, platform: stripe.platform, adapter: stripe.adapter, base: stripe.base }]) });
  await page.goto(second.url);
  await openSettings(page, 'data', second.origin);
  await page.getByLabel('Import a watchlist file…').setInputFiles(path);
  const report = page.getByRole('group', { name: 'What importing upstream-watchlist.json did' });
  await expect(report).toContainText('added 1 vendor, skipped 1');
  await expect(report).toContainText('GitHub');
  await expect(report).toContainText(/stripe.*already/i);
  await inBothSchemes(page, 'settings-data-imported', 'data after import');
  await openSettings(page, 'vendors', second.origin);
  await expect(watchlist(page).locator(':scope > li')).toHaveCount(2);
  const imported = vendorRow(page, 'GitHub');
  await expect(imported).toContainText('Every 15 min');
  await expect(imported).toContainText('2 components');
});

/** The id detection gave the fixture GitHub (named after its host and path). */
async function githubId(): Promise<string> {
  const saved = JSON.parse(readFileSync(`${served.home}/config.json`, 'utf8')) as { watchlist: { id: string; name: string }[] };
  return saved.watchlist.find((v) => v.name === 'GitHub')!.id;
}
