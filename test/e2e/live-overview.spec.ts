import { expect, test } from '@playwright/test';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { expectAccessible } from './support/a11y.ts';
import { serveProgressiveIncident, type ProgressiveIncident } from './support/progressive-incident.ts';
import { homeWith, startServe, type Served } from './support/serve.ts';

/*
 * The glance, live: a real GitHub incident (ljwdk6qml8z8, 9 updates) is served one update at a
 * time by a loopback server; the overview, never reloaded, shows it appear, gain updates and
 * resolve. Polls are asked for by clicking "Refresh all", as a person would.
 */
let fixtures: FixtureServer;
let served: Served;
let incident: ProgressiveIncident;

test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  incident = serveProgressiveIncident(fixtures, 'gh', 'ljwdk6qml8z8.json');
  const quiet = serveProgressiveIncident(fixtures, 'quiet', 'ljwdk6qml8z8.json');
  quiet.show(0);
  incident.show(0);
  const home = await homeWith([
    { id: 'github', name: 'GitHub', url: `${fixtures.url}/gh`, platform: 'statuspage', adapter: 'statuspage-json', base: `${fixtures.url}/gh` },
    { id: 'quietco', name: 'Quiet Co', url: `${fixtures.url}/quiet`, platform: 'statuspage', adapter: 'statuspage-json', base: `${fixtures.url}/quiet` },
  ]);
  served = await startServe({ home });
});

test.afterAll(async () => {
  await served?.stop();
  await fixtures?.close();
});

test('the overview shows an incident appear, gain updates and resolve, without a reload', async ({ page }) => {
  await page.goto(served.url);
  // The token in the URL was traded for a cookie and taken out of the address bar.
  await expect(page).toHaveURL(`${served.origin}/`);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  const refresh = page.getByRole('button', { name: 'Refresh all' });
  const active = page.getByRole('region', { name: /Active incidents/ });
  const vendors = page.getByRole('region', { name: 'Vendors' });

  await refresh.click();
  await expect(vendors.getByRole('listitem').filter({ hasText: 'GitHub' })).toContainText('Operational');
  await expect(active).toContainText('No active incidents');
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

  incident.show(1);
  await refresh.click();
  const card = active.getByRole('listitem').filter({ hasText: incident.title });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Investigating');
  await expect(card).toContainText(incident.bodies[0]!.slice(0, 40));
  await expect(vendors.getByRole('listitem').filter({ hasText: 'GitHub' })).toContainText('Partial outage');
  await expect(page.getByRole('navigation', { name: 'Upstream' })).toContainText('Partial outage');

  incident.show(4);
  await refresh.click();
  await expect(card).toContainText(incident.bodies[3]!.slice(0, 40));

  incident.show(incident.total);
  await refresh.click();
  await expect(active).toContainText('No active incidents');
  await expect(vendors.getByRole('listitem').filter({ hasText: 'GitHub' })).toContainText('Operational');
  await expect(page.getByRole('region', { name: 'Recent activity' })).toContainText(incident.title);
  // Never reloaded: the marker set on the page is still there.
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  await expectAccessible(page, 'overview');
});

test('the incident page tells the whole story, oldest or newest first, and remembers the choice', async ({ page }) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/#/vendor/github/incident/${incident.id}`);
  await expect(page.getByRole('heading', { level: 1, name: incident.title })).toBeVisible();
  const timeline = page.getByRole('list', { name: /Updates, oldest first/ });
  await expect(timeline.getByRole('listitem')).toHaveCount(incident.total);
  await expect(timeline.getByRole('listitem').first()).toContainText(incident.bodies[0]!.slice(0, 40));
  await expect(page.getByText('Detected by Upstream')).toBeVisible();
  await expect(page.locator('.facts')).toContainText('Resolved');
  await expect(page.locator('.facts')).toContainText(/Duration\s*\d+ h|\d+ min/);
  // Times in the browser's zone (Europe/Berlin in this test), with the zone shown.
  await expect(timeline.getByRole('listitem').first()).toContainText(/UTC\+1/);

  await page.getByRole('button', { name: 'Newest first' }).click();
  const newest = page.getByRole('list', { name: /Updates, newest first/ });
  await expect(newest.getByRole('listitem').first()).toContainText(incident.bodies.at(-1)!.slice(0, 40));
  await page.reload();
  await expect(page.getByRole('list', { name: /Updates, newest first/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Newest first' })).toHaveAttribute('aria-pressed', 'true');

  const external = page.getByRole('link', { name: /View on GitHub's status page/ });
  await expect(external).toHaveAttribute('href', /^https:\/\/(www\.)?githubstatus\.com\/incidents\/ljwdk6qml8z8|^https:\/\/stspg\.io\//);
  await expect(external).toHaveAttribute('target', '_blank');
  await expectAccessible(page, 'incident page');
});
