import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { expectAccessible } from './support/a11y.ts';
import { homeWith, serveDemoForTheseTests, startServe, type Served } from './support/serve.ts';
import { shoot } from './support/shots.ts';

/*
 * The maintenance calendar on real history feeds: GitHub's capture holds a Codespaces maintenance
 * (Scheduled → In progress → Completed, 29-31 May 2025), Symantec WSS's holds maintenances
 * announced weeks ahead (January 2020), Sauce Labs' a year of planned windows (2020). Each feed is
 * served by a loopback server and read by the real `upstream serve`, polled when the test clicks
 * "Refresh all". The browser runs in Europe/Berlin (see playwright.config.ts).
 *
 * Then the built-in demo, whose maintenance goes Scheduled → In progress → Completed in its first
 * minutes: the calendar follows it live, and the screenshots are taken while it is under way.
 */
const FEEDS = [
  { id: 'github', name: 'GitHub', path: '/github/history.atom', file: 'rss_atom/github-statuspage-history-2025-07-08-with-maintenance.atom' },
  { id: 'symantec-wss', name: 'Symantec WSS', path: '/wss/history.atom', file: 'rss_atom/symantec-wss-statuspage-history-2020-01-02-future-maintenance.atom' },
  { id: 'saucelabs-us-west', name: 'Sauce Labs US West', path: '/saucelabs/history.atom', file: 'rss_atom/saucelabs-uswest-statuspage-history-2020-11-15-pacific.atom' },
];
const CODESPACES = 'Codespaces Scheduled Maintenance';

/** The month the browser's clock is in, in its zone. */
function currentMonth(): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', year: 'numeric', month: 'numeric' }).formatToParts(new Date());
  return { year: Number(parts.find((p) => p.type === 'year')!.value), month: Number(parts.find((p) => p.type === 'month')!.value) };
}

function dayCell(grid: Locator, label: string): Locator {
  return grid.getByRole('cell').filter({ has: grid.page().getByText(label, { exact: true }) });
}

async function openCalendar(page: Page, served: Served): Promise<void> {
  await page.goto(served.url);
  await page.getByRole('navigation', { name: 'Upstream' }).getByRole('link', { name: 'Maintenance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Maintenance' })).toBeVisible();
}

test.describe('on real history feeds', () => {
  let fixtures: FixtureServer;
  let served: Served;

  test.beforeAll(async () => {
    fixtures = await startFixtureServer();
    for (const f of FEEDS) fixtures.route(f.path, file(f.file));
    const home = await homeWith(FEEDS.map((f) => ({ id: f.id, name: f.name, url: `${fixtures.url}${f.path}`, platform: 'statuspage', adapter: 'feed-xml', base: `${fixtures.url}${f.path}` })));
    // One poll before serving, so every test finds the history filled whichever runs first.
    await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'electron/headless/bin.ts'), 'daemon', '--once', '--no-notify', '--home', home], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    served = await startServe({ home });
  });

  test.afterAll(async () => {
    await served?.stop();
    await fixtures?.close();
  });

  test('find a real maintenance in its month, read its updates, list it, filter by vendor, export it', async ({ page }) => {
    await openCalendar(page, served);
    await page.getByRole('button', { name: 'Refresh all' }).click();
    const period = page.getByRole('heading', { level: 2 });
    const now = currentMonth();
    await expect(period).toHaveText(new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(new Date(now.year, now.month - 1, 15)));

    // Back, month by month, to May 2025.
    const back = (now.year - 2025) * 12 + (now.month - 5);
    for (let i = 0; i < back; i += 1) await page.getByRole('button', { name: 'Previous month' }).click();
    await expect(period).toHaveText('May 2025');
    await expect(page).toHaveURL(/#\/calendar\?view=month&month=2025-05$/);
    const grid = page.getByRole('table', { name: 'May 2025' });
    expect(await grid.locator('th .visually-hidden').allTextContents()).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

    // 21:30 UTC on the 29th to 04:30 UTC on the 31st is 23:30 to 06:30 in Berlin: three days.
    const on = (label: string) => dayCell(grid, label).getByRole('button', { name: new RegExp(CODESPACES) });
    await expect(on('Thursday, May 29, 2025')).toBeVisible({ timeout: 30_000 });
    await expect(on('Thursday, May 29, 2025')).toContainText('23:30');
    await expect(on('Friday, May 30, 2025')).toContainText('all day');
    await expect(on('Saturday, May 31, 2025')).toContainText('until 06:30');
    await expect(on('Wednesday, May 28, 2025')).toHaveCount(0);
    await expect(dayCell(grid, 'Thursday, May 29, 2025')).toHaveCSS('vertical-align', 'top');
    await expectAccessible(page, 'calendar month (light)');

    // Open it from the keyboard, read every update, close with Escape: focus comes back.
    const entry = on('Friday, May 30, 2025');
    await entry.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: CODESPACES });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await expect(dialog).toContainText('GitHub maintenance');
    await expect(dialog).toContainText('May 29, 2025, 23:30 – May 31, 2025, 06:30 UTC+2');
    await expect(dialog).toContainText('1 d 7 h');
    const updates = dialog.getByRole('list', { name: 'Updates, oldest first' }).getByRole('listitem');
    await expect(updates).toHaveCount(3);
    await expect(updates.locator('.stage')).toHaveText(['Scheduled', 'In progress', 'Completed']);
    await expect(updates.nth(0)).toContainText('Codespaces will be undergoing global maintenance from May 29, 2025 21:30 UTC');
    await expect(updates.nth(2)).toContainText('The scheduled maintenance has been completed.');
    const link = dialog.getByRole('link', { name: "View on GitHub's status page" });
    await expect(link).toHaveAttribute('href', 'https://www.githubstatus.com/incidents/nwjwwhj118sf');
    await expect(link).toHaveAttribute('target', '_blank');
    await expectAccessible(page, 'calendar detail (light)');
    await shoot(page, 'calendar-detail-captures');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(entry).toBeFocused();

    // The agenda: nothing ahead in these old feeds, so it says so; the past is one click away.
    await page.getByRole('button', { name: 'Agenda', exact: true }).click();
    await expect(page).toHaveURL(/view=agenda&month=2025-05/);
    await expect(page.getByText('No maintenance scheduled in the next 365 days')).toBeVisible();
    await page.getByRole('button', { name: 'Show past maintenance' }).click();
    const past = page.getByRole('list', { name: /Past maintenance by day, most recent first/ });
    await expect(past).toBeVisible();
    const days = past.getByRole('heading', { level: 3 });
    await expect(days.first()).toHaveText('Thursday, May 29, 2025');
    await expect(days.nth(1)).toHaveText('Saturday, October 24, 2020');
    const github = past.locator('.calendar-agenda-item').filter({ has: page.getByRole('button', { name: `GitHub: ${CODESPACES}` }) });
    await expect(github).toContainText('May 29, 2025, 23:30 – May 31, 2025, 06:30 UTC+2');
    await expect(github).toContainText('1 d 7 h');
    await expect(github).toContainText('Completed');
    await expect(past).toContainText('Sauce Labs Planned Maintenance');
    await expect(past).toContainText('Network Maintenance in Sao Paulo (GRU1) Data Center January 8, 2020');
    await expectAccessible(page, 'calendar agenda (light)');

    // Only GitHub's.
    await page.getByRole('combobox', { name: 'Vendor' }).selectOption({ label: 'GitHub' });
    await expect(page).toHaveURL(/vendor=github/);
    await expect(past.getByRole('button')).toHaveCount(1);
    await expect(past.getByRole('button')).toHaveText(`GitHub: ${CODESPACES}`);
    await shoot(page, 'calendar-agenda-captures');

    // Back to the month, still filtered, and export what it shows.
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await expect(period).toHaveText('May 2025 for GitHub');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export .ics' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('upstream-maintenance-github.ics');
    const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain(`SUMMARY:GitHub: ${CODESPACES}`);
    expect(ics).toContain('DTSTART:20250529T213000Z');
    expect(ics).toContain('DTEND:20250531T043000Z');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  test('a link to a month shows it: planned windows announced weeks ahead, on the days they cover', async ({ page }) => {
    await page.goto(served.url);
    await page.goto(`${served.origin}/#/calendar?view=month&month=2020-01`);
    const grid = page.getByRole('table', { name: 'January 2020' });
    await expect(grid).toBeVisible();
    const jan9 = dayCell(grid, 'Thursday, January 9, 2020');
    await expect(jan9.getByRole('button')).toHaveCount(3);
    // São Paulo: 21:00 UTC on the 8th to 01:00 UTC on the 9th, so 22:00 to 02:00 in Berlin.
    await expect(dayCell(grid, 'Wednesday, January 8, 2020').getByRole('button', { name: /Sao Paulo/ })).toContainText('22:00');
    await expect(jan9.getByRole('button', { name: /Sao Paulo/ })).toContainText('until 02:00');
    await jan9.getByRole('button', { name: /Johannesburg/ }).click();
    const dialog = page.getByRole('dialog', { name: /Johannesburg/ });
    await expect(dialog).toContainText('Jan 9, 2020, 15:00 – 19:00 UTC+1');
    await expect(dialog.getByRole('listitem').locator('.stage')).toHaveText(['Scheduled', 'Update']);
    await expect(dialog).toContainText('Please note: This scheduled maintenance has changed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    // December 2019 holds the most: a real month for the eye.
    await page.getByRole('button', { name: 'Previous month' }).click();
    await expect(page.getByRole('table', { name: 'December 2019' }).getByRole('button', { name: /Unified Agent/ })).toHaveCount(3);
    await shoot(page, 'calendar-month-captures');
  });

  test.describe('in dark', () => {
    test.use({ colorScheme: 'dark' });

    test('month, detail and agenda are accessible in the dark theme', async ({ page }) => {
      await page.goto(served.url);
      await page.goto(`${served.origin}/#/calendar?view=month&month=2019-12`);
      const grid = page.getByRole('table', { name: 'December 2019' });
      await expect(grid.getByRole('button', { name: /Unified Agent/ })).toHaveCount(3);
      await expectAccessible(page, 'calendar month (dark)');
      await shoot(page, 'calendar-month-captures');
      await grid.getByRole('button', { name: /Tel Aviv/ }).click();
      await expect(page.getByRole('dialog', { name: /Tel Aviv/ })).toBeVisible();
      await expectAccessible(page, 'calendar detail (dark)');
      await shoot(page, 'calendar-detail-captures');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Agenda', exact: true }).click();
      await page.getByRole('button', { name: 'Past', exact: true }).click();
      await expect(page.getByRole('list', { name: /Past maintenance/ })).toContainText(CODESPACES);
      await expectAccessible(page, 'calendar agenda (dark)');
      await shoot(page, 'calendar-agenda-captures');
    });
  });
});

test.describe('live, on the built-in demo', () => {
  // Four times real time: the window runs from 22.5 s to 52.5 s after start instead of 90 s to 210 s.
  const demo = serveDemoForTheseTests(4);

  test('a maintenance goes Scheduled → In progress → Completed on screen, highlighted while it runs', async ({ page }) => {
    test.setTimeout(360_000);
    const title = 'Reporting API database upgrade';
    await openCalendar(page, demo());
    const refresh = page.getByRole('button', { name: 'Refresh all' });
    await refresh.click();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    await page.getByRole('button', { name: 'Agenda', exact: true }).click();
    const agenda = page.getByRole('list', { name: /Upcoming maintenance by day/ });
    const item = agenda.locator('.calendar-agenda-item').filter({ has: page.getByRole('button', { name: `Skyline Payments: ${title}` }) });
    await expect(item).toBeVisible({ timeout: 30_000 });
    await expect(agenda.getByRole('heading', { level: 3 }).first()).toContainText('Today');
    await expect(agenda).toContainText('Dashboard sign-in provider migration');

    // The window opens soon after the demo starts: ask for polls as a person would, until it says so.
    await expect(async () => {
      await refresh.click();
      await expect(item).toContainText('In progress', { timeout: 4_000 });
    }).toPass({ timeout: 180_000, intervals: [3_000] });
    await expect(item).toHaveClass(/calendar-agenda-now/);
    await expect(item.getByText('In progress', { exact: true })).toBeVisible();

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'Agenda', exact: true }).click();
      await expect(item).toContainText('In progress');
      await expectAccessible(page, `calendar agenda, live (${scheme})`);
      await shoot(page, 'calendar-agenda');

      await page.getByRole('button', { name: 'Month', exact: true }).click();
      const today = page.locator('td[aria-current="date"]');
      const entry = today.getByRole('button', { name: new RegExp(title) });
      await expect(entry).toContainText('In progress');
      await expect(entry).toHaveClass(/calendar-entry-now/);
      await expect(today).toContainText('Today');
      await expectAccessible(page, `calendar month, live (${scheme})`);
      await shoot(page, 'calendar-month');

      await entry.click();
      const dialog = page.getByRole('dialog', { name: title });
      await expect(dialog.getByRole('list', { name: 'Updates, oldest first' }).getByRole('listitem').locator('.stage')).toHaveText(['Scheduled', 'In progress']);
      await expect(dialog).toContainText('The maintenance has started.');
      await expectAccessible(page, `calendar detail, live (${scheme})`);
      await shoot(page, 'calendar-detail');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(entry).toBeFocused();
    }

    // Then it closes: the highlight goes, the words say Completed, and the page was never reloaded.
    const entry = page.locator('td[aria-current="date"]').getByRole('button', { name: new RegExp(title) });
    await expect(async () => {
      await refresh.click();
      await expect(entry).toHaveAccessibleName(/Completed/, { timeout: 4_000 });
    }).toPass({ timeout: 180_000, intervals: [3_000] });
    await expect(entry).not.toHaveClass(/calendar-entry-now/);
    await expect(entry.getByText('In progress')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });
});
