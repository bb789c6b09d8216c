import { expect, test, type Page } from '@playwright/test';
import { file, htmlPage, respond, serveFile, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { expectAccessible } from './support/a11y.ts';
import { homeWith, startServe, type Served } from './support/serve.ts';
import { shoot } from './support/shots.ts';

/*
 * The vendor's own status and our ability to read it are shown apart: a feed that answers garbage
 * is "feed broken", a vendor whose checks start failing keeps its last known status marked stale,
 * and when nothing answers (we are offline) a banner says so and no vendor is reported down.
 * Real captures, served from loopback.
 */
let fixtures: FixtureServer;
let served: Served;
let failing = false;

test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  fixtures.route('/gh/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
  fixtures.route('/gh/api/v2/incidents.json', file('statuspage/github-incidents-unresolved-empty.json'));
  fixtures.route('/gh/api/v2/scheduled-maintenances.json', respond(404));
  const streamyard = serveFile(file('rss_atom/streamyard-statuspage-history-2024-06-10.atom'));
  fixtures.route('/sy/history.atom', (req, res) => (failing ? respond(500, 'Internal Server Error')(req, res) : streamyard(req, res)));
  fixtures.route('/broken/history.atom', htmlPage('Status — Acme'));
  const vendor = (id: string, name: string, path: string, adapter: string) => ({ id, name, url: `${fixtures.url}${path}`, platform: 'statuspage' as const, adapter, base: `${fixtures.url}${path}` });
  const home = await homeWith([
    vendor('github', 'GitHub', '/gh', 'statuspage-json'),
    vendor('streamyard', 'StreamYard', '/sy/history.atom', 'feed-xml'),
    vendor('acme', 'Acme Broken Feed', '/broken/history.atom', 'feed-xml'),
  ]);
  served = await startServe({ home });
});

test.afterAll(async () => {
  await served?.stop();
  await fixtures?.close().catch(() => undefined);
});

const row = (page: Page, name: string) => page.getByRole('region', { name: 'Vendors' }).getByRole('listitem').filter({ hasText: name });

test('feed broken, stale and offline are each said, apart from the vendor\'s own status', async ({ page }) => {
  await page.goto(served.url);
  const refresh = page.getByRole('button', { name: 'Refresh all' });
  await refresh.click();
  await expect(row(page, 'GitHub')).toContainText('Partial outage');
  await expect(row(page, 'StreamYard')).toContainText('Operational');
  await expect(row(page, 'Acme Broken Feed')).toContainText('Feed broken: the page answers but could not be read');
  await expect(row(page, 'Acme Broken Feed')).not.toContainText('outage');

  failing = true;
  await refresh.click();
  await expect(row(page, 'StreamYard')).toContainText('Stale: the last check failed, showing the last known status');
  await expect(row(page, 'StreamYard')).toContainText('Operational');
  await expectAccessible(page, 'overview with broken and stale vendors');
  await shoot(page, 'overview-states');

  await row(page, 'StreamYard').getByRole('link', { name: 'StreamYard', exact: true }).click();
  await expect(page.getByText(/Stale: the last check failed.*HTTP 500/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Upstream' }).getByRole('link', { name: 'Overview' }).click();

  // Now nothing answers: our connection, not the vendors.
  await fixtures.close();
  await refresh.click();
  await expect(page.getByText('You are offline. Vendors show their last known status')).toBeVisible({ timeout: 20_000 });
  await expect(row(page, 'GitHub')).toContainText('Partial outage');
  await expect(row(page, 'GitHub')).toContainText('Last known status (you are offline)');
  await expect(page.getByRole('region', { name: 'Vendors' })).not.toContainText('unreachable');
  await expect(page.getByRole('navigation', { name: 'Upstream' })).toContainText('You are offline');
  await expectAccessible(page, 'overview offline');
  await shoot(page, 'overview-offline');
});
