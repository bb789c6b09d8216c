import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { respond, serveFile, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { OWN_FIXTURES } from '../support/paths.ts';
import { homeWith, startServe, type Served } from './support/serve.ts';

/* What `upstream serve` refuses, tried from outside as an attacker would, and hostile vendor text
   rendered in the real browser without any script running. */

let fixtures: FixtureServer;
let served: Served;

test.beforeAll(async () => {
  fixtures = await startFixtureServer();
  fixtures.route('/hostile/api/v2/summary.json', serveFile({ file: join(OWN_FIXTURES, 'hostile/statuspage-xss-summary.json') }));
  fixtures.route('/hostile/api/v2/incidents.json', respond(404));
  fixtures.route('/hostile/api/v2/scheduled-maintenances.json', respond(404));
  const home = await homeWith([{ id: 'hostile', name: 'Hostile', url: `${fixtures.url}/hostile`, platform: 'statuspage', adapter: 'statuspage-json', base: `${fixtures.url}/hostile` }]);
  served = await startServe({ home });
});

test.afterAll(async () => {
  await served?.stop();
  await fixtures?.close();
});

/** A raw HTTP request with any Host/Origin/Cookie, which browsers and fetch would not let us forge. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(served.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: Number(port), path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function cookie(): Promise<string> {
  const first = await raw(new URL(served.url).pathname + new URL(served.url).search);
  expect(first.status).toBe(303);
  const set = String(first.headers['set-cookie']);
  expect(set).toMatch(/HttpOnly/);
  expect(set).toMatch(/SameSite=Strict/);
  expect(first.headers.location).toBe('/');
  return set.split(';')[0]!;
}

test('refuses every request without the token, and a wrong token', async () => {
  expect((await raw('/')).status).toBe(401);
  expect((await raw('/api/events')).status).toBe(401);
  expect((await raw('/api/call/settings.get', { method: 'POST', headers: { 'content-type': 'application/json', origin: served.origin }, body: '{}' })).status).toBe(401);
  expect((await raw('/?token=not-the-token')).status).toBe(403);
  expect((await raw('/', { headers: { cookie: 'upstream_token_1=wrong' } })).status).toBe(401);
});

test('refuses a foreign Host header (DNS rebinding), even with the right cookie', async () => {
  const session = await cookie();
  const { port } = new URL(served.origin);
  expect((await raw('/', { headers: { host: `evil.example:${port}`, cookie: session } })).status).toBe(421);
  expect((await raw('/', { headers: { host: `127.0.0.1:${Number(port) + 1}`, cookie: session } })).status).toBe(421);
  expect((await raw('/', { headers: { cookie: session } })).status).toBe(200);
});

test('refuses a command from another origin or without one, and never sends CORS headers', async () => {
  const session = await cookie();
  const call = (headers: Record<string, string>) => raw('/api/call/vendors.add', { method: 'POST', headers: { 'content-type': 'application/json', cookie: session, ...headers }, body: JSON.stringify({ idOrUrl: 'github' }) });
  const foreign = await call({ origin: 'http://evil.example' });
  expect(foreign.status).toBe(403);
  expect((await call({ origin: 'http://127.0.0.1:1' })).status).toBe(403);
  expect((await call({})).status).toBe(403);
  const list = await raw('/api/call/vendors.list', { method: 'POST', headers: { 'content-type': 'application/json', cookie: session, origin: served.origin }, body: '{}' });
  expect(list.status).toBe(200);
  expect((JSON.parse(list.body) as { value: { source: { id: string } }[] }).value.map((v) => v.source.id)).toEqual(['hostile']);
  for (const response of [foreign, list, await raw('/', { headers: { cookie: session, origin: 'http://evil.example' } })]) {
    expect(Object.keys(response.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  }
  const csp = String(list.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
});

test('a page on another local port cannot make the server act, even though the browser sends the cookie', async ({ page }) => {
  await page.goto(served.url);
  fixtures.route('/evil.html', respond(200, `<!doctype html><script>
    fetch(${JSON.stringify(served.origin)} + '/api/call/vendors.add', { method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ idOrUrl: 'github' }) }).finally(() => { document.title = 'sent'; });
  </script>`, { 'content-type': 'text/html' }));
  await page.goto(`${fixtures.url}/evil.html`);
  await expect(page).toHaveTitle('sent');
  await page.goto(served.origin);
  await expect(page.getByRole('region', { name: 'Vendors' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Vendors' })).not.toContainText('GitHub');
});

test('hostile vendor text renders as text, and no script of it runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Refresh all' }).click();
  const card = page.getByRole('region', { name: /Active incidents/ }).getByRole('listitem').first();
  await expect(card).toContainText('Payments');
  await card.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Payments');
  await expect(page.getByText('We are investigating', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Postmortem' })).toBeVisible();
  await page.goto(`${served.origin}/#/vendor/hostile`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto(`${served.origin}/#/vendor/hostile/incident/xss1`);
  await expect(page.getByRole('heading', { name: 'Postmortem' })).toBeVisible();

  const main = page.locator('#main');
  expect(await main.locator('script, iframe, object, embed, img, svg[onload]').count()).toBe(0);
  expect(await page.locator('[onerror], [onload], [onclick]').count()).toBe(0);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => !/^(https?:\/\/|#|\.\/|\/)/.test(h))).toEqual([]);
  // The raw HTML in the postmortem is shown as text, not parsed.
  await expect(main).toContainText('<iframe');
  await expect(page.getByRole('link', { name: 'a fine link' })).toHaveAttribute('href', 'https://example.com/postmortem');
  await expect(main.getByText('a javascript: link')).toBeVisible();
  expect(await main.getByText('a javascript: link').evaluate((el) => el.closest('a'))).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
