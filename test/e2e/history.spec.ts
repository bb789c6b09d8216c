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

/*
 * The look back, on REAL history: GitHub's /history.atom (25 incidents, July-August 2026) and
 * StreamYard's (17 incidents, 2022-2024), served by a loopback server and read once by the
 * daemon before `upstream serve` starts, as a person who has been running Upstream would have.
 * Feeds carry no impact, so every incident is "Minor"; the impact filter is checked against that.
 */
let fixtures: FixtureServer;
let served: Served;

test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  fixtures.route('/github/history.atom', file('rss_atom/github-statuspage-history.atom'));
  fixtures.route('/streamyard/history.atom', file('rss_atom/streamyard-statuspage-history-2024-06-10.atom'));
  const home = await homeWith([
    feedVendor('github', 'GitHub', `${fixtures.url}/github/history.atom`),
    feedVendor('streamyard', 'StreamYard', `${fixtures.url}/streamyard/history.atom`),
  ]);
  // Async, not execFileSync: the fixture server answering the daemon lives in this process.
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'electron/headless/bin.ts'), 'daemon', '--once', '--no-notify', '--home', home], { cwd: REPO_ROOT });
  served = await startServe({ home });
});

test.afterAll(async () => {
  await served?.stop();
  await fixtures?.close();
});

/** axe and a screenshot in the light and the dark scheme. */
async function checkBothSchemes(page: Page, name: string, shot?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `${name} (${colorScheme})`);
    if (shot) await shoot(page, shot);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openHistory(page: Page): Promise<void> {
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'Upstream' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
}

test('search the real history: highlighted matches, impact, vendor and dates, cleared, and a hit opened', async ({ page }) => {
  await openHistory(page);
  const results = page.getByRole('region', { name: 'Incidents' });
  // Without words: every incident, newest first, under its month.
  await expect(results.getByRole('heading', { name: 'August 2026' })).toBeVisible();
  await expect(results.getByRole('link', { name: 'Intermittent failures creating agent tasks' })).toBeVisible();

  // Search as you type: the words are marked in each snippet.
  await page.getByRole('searchbox', { name: 'Search incidents' }).click();
  await page.keyboard.type('copilot');
  const matches = page.getByRole('list', { name: 'Matches for “copilot”' });
  await expect(matches).toBeVisible();
  await expect(matches.locator('mark').first()).toHaveText(/^copilot$/i);
  expect(await matches.locator('mark').count()).toBeGreaterThan(5);
  await expect(matches).toContainText('In an update');
  await expect(matches).toContainText(/Matched in the title and \d+ updates/);
  await expect(matches.getByRole('link', { name: 'Incident with Copilot', exact: true }).locator('mark')).toHaveText('Copilot');
  await expect(matches).toContainText(/Aug \d+, \d\d:\d\d UTC\+2/);
  await expect(page).toHaveURL(/#\/history\?q=copilot$/);
  await checkBothSchemes(page, 'history search', 'history-search');

  // Impact: feeds say nothing of impact, so every incident is Minor and "Major" finds nothing.
  await page.getByRole('button', { name: 'Major', exact: true }).click();
  const empty = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'No matches for “copilot”' }) });
  await expect(empty).toBeVisible();
  await expect(empty.getByRole('list', { name: 'Filters in use' })).toHaveText('Impact: Major');
  await checkBothSchemes(page, 'history no results', 'history-empty');
  await page.getByRole('button', { name: 'Minor', exact: true }).click();
  await expect(matches).toBeVisible();
  await expect(page).toHaveURL(/impact=major%2Cminor/);

  // Vendor: StreamYard never mentions Copilot; GitHub does.
  await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'StreamYard' });
  await expect(empty.getByRole('list', { name: 'Filters in use' })).toContainText('Vendor: StreamYard');
  await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'GitHub' });
  await expect(matches).toBeVisible();

  // Dates: August 1 to 10 keeps the incidents of early August and drops August 13.
  await expect(matches.getByRole('link', { name: 'Errors with the Fable 5 Model in Copilot' })).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill('2026-08-01');
  await page.getByLabel('To', { exact: true }).fill('2026-08-10');
  await expect(matches.getByRole('link', { name: 'Errors with the Fable 5 Model in Copilot' })).toHaveCount(0);
  await expect(matches.getByRole('link', { name: 'Incident with Copilot', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/from=2026-08-01&to=2026-08-10/);

  // A reload keeps it all: the address is the state.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search incidents' })).toHaveValue('copilot');
  await expect(page.getByRole('combobox', { name: 'Vendor' })).toHaveValue('github');
  await expect(page.getByRole('button', { name: 'Minor', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-08-10');

  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveText(/Vendor: GitHub.*Impact: Minor or Major.*Dates: Aug 1, 2026 – Aug 10, 2026/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/#\/history\?q=copilot$/);
  await expect(matches.getByRole('link', { name: 'Errors with the Fable 5 Model in Copilot' })).toBeVisible();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('');

  // Open a hit by keyboard: it lands on that incident's page.
  await matches.getByRole('link', { name: 'Incident with Copilot', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/vendor\/github\/incident\/7s119p1yxttr$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Incident with Copilot' })).toBeVisible();
  await expect(page.getByRole('list', { name: /Updates, / }).getByRole('listitem').first()).toBeVisible();
});

test('reliability: every vendor at a glance, then one vendor\'s figures and charts', async ({ page }) => {
  await openHistory(page);
  const stats = page.getByRole('region', { name: 'Reliability' });
  const byVendor = stats.getByRole('table', { name: 'Reliability by vendor' });
  await expect(byVendor.getByRole('row', { name: /GitHub/ })).toContainText('25');
  await expect(byVendor.getByRole('row', { name: /StreamYard/ })).toContainText('17');
  await checkBothSchemes(page, 'history, all vendors');

  await stats.getByRole('link', { name: /^GitHub/ }).click();
  await expect(page).toHaveURL(/vendor=github/);
  await expect(page.getByRole('combobox', { name: 'Vendor' })).toHaveValue('github');
  await expect(stats.getByRole('heading', { name: 'GitHub', level: 3 })).toBeVisible();
  const figures = stats.locator('dl');
  // 25 incidents, all resolved: 138 min mean and 74 min median, as `upstream history stats` says.
  await expect(figures).toContainText('Incidents25');
  await expect(figures).toContainText('Resolved25');
  await expect(figures).toContainText('Mean time to resolve2 h 18 min');
  await expect(figures).toContainText('Median time to resolve1 h 14 min');
  await expect(figures).toContainText('Uptimeno component data');
  await expect(stats.getByRole('img', { name: /^Incidents per month at GitHub\. Jul 2026: 7, Aug 2026: 18/ })).toBeVisible();
  await expect(stats.getByRole('table', { name: /GitHub by month/ }).getByRole('row', { name: /Aug 2026/ })).toContainText('18');
  // The incident list beside it follows the vendor too.
  await expect(page.getByRole('region', { name: 'Incidents' }).getByText('StreamYard')).toHaveCount(0);
  await checkBothSchemes(page, 'history stats', 'history-stats');

  // A long history is gathered into quarters rather than cut off.
  await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'StreamYard' });
  await expect(stats.getByRole('img', { name: /^Incidents per quarter at StreamYard\. Q1 2022: 6/ })).toBeVisible();
});

test.describe('the demo: impacts and time in each status', () => {
  const demo = serveDemoForTheseTests(40);

  test('filters ninety days of incidents by impact, and shows the component time the checks observed', async ({ page }) => {
    await page.goto(demo().url);
    await page.goto(`${demo().origin}/#/history?vendor=skyline`);
    const results = page.getByRole('region', { name: 'Incidents' });
    const stats = page.getByRole('region', { name: 'Reliability' });
    // The live incident and maintenance move components through degraded and maintenance within seconds.
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh all' }).click();
      await expect(stats.getByRole('list', { name: /Legend/ })).toContainText('Degraded performance', { timeout: 2_000 });
    }).toPass({ timeout: 45_000 });
    await expect(results.getByRole('link', { name: 'Card payments failing in all regions' })).toBeVisible();

    await page.getByRole('button', { name: 'Critical', exact: true }).click();
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(results.getByRole('link', { name: 'Card payments failing in all regions' })).toBeVisible();
    await page.getByRole('button', { name: 'No impact', exact: true }).click();
    await expect(results.getByRole('link', { name: 'Report exports taking longer than usual' })).toBeVisible();
    await expect(results.getByRole('link', { name: 'Dashboard charts not loading' })).toBeVisible();
    await expect(results.getByRole('link', { name: 'Delayed webhook deliveries' })).toHaveCount(0);

    const legend = stats.getByRole('list', { name: /Legend/ });
    await expect(legend).toContainText('Operational');
    await expect(stats.getByRole('img', { name: /^Time in each status at Skyline Payments, whole period: Operational \d/ })).toBeVisible();
    await expect(stats.getByText('Monthly uptime').locator('..')).toContainText(/\d{2,3}(\.\d\d)? %/);
    await checkBothSchemes(page, 'history stats with component data', 'history-stats-demo');
  });
});
