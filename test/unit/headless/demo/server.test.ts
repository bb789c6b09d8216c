import { afterEach, describe, expect, it } from 'vitest';
import { endpointsFor } from '../../../../electron/core/feeds/endpoints.ts';
import { startDemo, type DemoServer } from '../../../../electron/headless/demo/server.ts';

const START = Date.parse('2026-03-01T10:00:00.000Z');
const LIVE = 'Elevated decline rate for card payments';
const servers: DemoServer[] = [];

async function demo(options: Parameters<typeof startDemo>[0] = {}): Promise<DemoServer> {
  const server = await startDemo(options);
  servers.push(server);
  return server;
}
/** A demo standing still at `clock.at` (ms after START) until the test moves it. */
async function frozenDemo(): Promise<{ server: DemoServer; clock: { at: number } }> {
  const clock = { at: 0 };
  const server = await demo({ startedAt: START, now: () => START + clock.at });
  return { server, clock };
}
interface Summary { page: { name: string }; status: { indicator: string }; incidents: { name: string; status: string; shortlink: string; id: string }[] }
interface Incidents { incidents: { name: string; status: string; id: string; incident_updates: { created_at: string }[] }[] }
async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}
const skyline = (s: DemoServer) => s.vendors.find((v) => v.id === 'skyline')!;

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('the demo server over HTTP', () => {
  it('listens on 127.0.0.1 on a free port and offers two Statuspage vendors under their own paths', async () => {
    const server = await demo();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.vendors).toEqual([
      { id: 'skyline', name: 'Skyline Payments', url: `${server.url}/skyline`, platform: 'statuspage', adapter: 'statuspage-json', base: `${server.url}/skyline` },
      { id: 'northwind', name: 'Northwind Mail', url: `${server.url}/northwind`, platform: 'statuspage', adapter: 'statuspage-json', base: `${server.url}/northwind` },
    ]);
  });

  it('serves every endpoint the app polls as application/json with the vendor\'s page', async () => {
    const server = await demo();
    for (const vendor of server.vendors) {
      for (const endpoint of endpointsFor('statuspage-json', vendor.base)) {
        const res = await fetch(endpoint.url);
        expect(res.status, endpoint.url).toBe(200);
        expect(res.headers.get('content-type'), endpoint.url).toMatch(/^application\/json\b/);
        const body = (await res.json()) as { page: { name: string; url: string } };
        expect(body.page).toMatchObject({ name: vendor.name, url: vendor.base });
      }
    }
  });

  it('answers 404 for paths it does not serve, and 405 for anything but GET and HEAD', async () => {
    const server = await demo();
    for (const path of ['/nope', '/skyline/api/v2/components.jsonx', '/skyline/incidents/zzzzzzzzzzzz', '/acme/api/v2/summary.json', '/s/zzzzzzzzzzzz', '/__proto__/']) {
      expect((await fetch(server.url + path)).status, path).toBe(404);
    }
    expect((await fetch(`${server.url}/skyline/api/v2/summary.json`, { method: 'POST' })).status).toBe(405);
  });

  it('moves the documents through the story as its clock advances', async () => {
    const { server, clock } = await frozenDemo();
    const summaryUrl = `${skyline(server).base}/api/v2/summary.json`;
    expect((await json<Summary>(summaryUrl)).incidents).toEqual([]);
    clock.at = 30_000;
    expect((await json<Summary>(summaryUrl)).incidents.map((i) => [i.name, i.status])).toEqual([[LIVE, 'investigating']]);
    clock.at = 75_000;
    expect(await json<Summary>(summaryUrl)).toMatchObject({ status: { indicator: 'major' }, incidents: [{ status: 'identified' }] });
    clock.at = 250_000;
    expect((await json<Summary>(summaryUrl)).incidents).toEqual([]);
    const history = await json<Incidents>(`${skyline(server).base}/api/v2/incidents.json`);
    expect(history.incidents.find((i) => i.name === LIVE)!.status).toBe('postmortem');
  });

  it('plays the whole story in about a second at a high speed, dated before the wall clock', async () => {
    const server = await demo({ speed: 300 });
    const url = `${skyline(server).base}/api/v2/incidents.json`;
    const deadline = Date.now() + 10_000;
    let live: Incidents['incidents'][number] | undefined;
    while (Date.now() < deadline) {
      live = (await json<Incidents>(url)).incidents.find((i) => i.name === LIVE);
      if (live?.status === 'postmortem') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(live?.status).toBe('postmortem');
    expect(live!.incident_updates).toHaveLength(5);
    expect(live!.incident_updates.every((u) => Date.parse(u.created_at) <= Date.now())).toBe(true);
  });

  it('shows a plain HTML page for the vendor and for each incident the app links to', async () => {
    const { server, clock } = await frozenDemo();
    clock.at = 75_000;
    for (const url of [skyline(server).url, `${skyline(server).url}/`]) {
      const res = await fetch(url);
      expect(res.headers.get('content-type')).toMatch(/^text\/html\b/);
      const html = await res.text();
      expect(html).toContain('<h1>Skyline Payments</h1>');
      expect(html).toContain('Partial System Outage');
    }
    const incident = (await json<Summary>(`${skyline(server).base}/api/v2/summary.json`)).incidents[0]!;
    const page = await fetch(`${skyline(server).base}/incidents/${incident.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1>${LIVE}</h1>`);
    expect(html).toContain('We have identified the cause.');
    const short = await fetch(incident.shortlink, { redirect: 'manual' });
    expect([short.status, short.headers.get('location')]).toEqual([302, `${skyline(server).base}/incidents/${incident.id}`]);
  });

  it('answers 304 to a poller that already has the document, and 200 once the story moves on', async () => {
    const { server, clock } = await frozenDemo();
    const url = `${skyline(server).base}/api/v2/summary.json`;
    clock.at = 30_000;
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    clock.at = 75_000;
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('stops answering once closed', async () => {
    const server = await startDemo();
    const url = `${server.url}/skyline/api/v2/summary.json`;
    expect((await fetch(url)).status).toBe(200);
    await server.close();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a speed that is not a positive number', async () => {
    await expect(startDemo({ speed: 0 })).rejects.toThrow(RangeError);
    await expect(startDemo({ speed: -5 })).rejects.toThrow(RangeError);
  });
});
