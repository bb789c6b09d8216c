import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../../../electron/core/feeds/detect.ts';
import { closeHttpAgents, fetchDocument } from '../../../../electron/core/polling/http.ts';
import { file, htmlPage, json, startFixtureServer, type FixtureServer } from '../../../support/fixture-server.ts';
import { OWN_FIXTURES } from '../../../support/paths.ts';
import { COMPAT_SUMMARY } from './incidentio/compat-summary.ts';

let server: FixtureServer;
const own = (path: string): string => resolve(OWN_FIXTURES, path);

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await closeHttpAgents();
  await server.close();
});

let prefixes = 0;
/** A fresh path prefix, so routes never collide. */
function prefix(): string {
  return `/q${++prefixes}`;
}
function hitsSince(from: number): string[] {
  return server.paths().slice(from);
}

describe('detect: status pages read from their HTML', () => {
  const pages = [
    { name: 'incident.io (Aiven)', fixture: 'incidentio/html/aiven-page-minor-2026-03.html', adapter: 'incidentio-html', platform: 'incidentio', level: 'partial_outage', asked: (p: string) => [`${p}/proxy/127.0.0.1:${server.port}`, `${p}/api/v1/summary`, `${p}/api/v2/summary.json`] },
    { name: 'Instatus (Whereby, flight data)', fixture: 'instatus/html/whereby-page-good-2026-03.html', adapter: 'instatus-html', platform: 'instatus', level: 'operational', asked: (p: string) => [`${p}/summary.json`] },
    { name: 'Instatus (Whereby, __NEXT_DATA__)', fixture: 'instatus/html/whereby-page-notice-2023-08.html', adapter: 'instatus-html', platform: 'instatus', level: 'degraded', asked: (p: string) => [`${p}/summary.json`] },
    { name: 'Better Stack (BuildJet)', fixture: 'betterstack/html/buildjet-page-good-2026-03.html', adapter: 'betterstack-html', platform: 'betterstack', level: 'operational', asked: (p: string) => [`${p}/index.json`] },
  ];
  for (const c of pages) {
    it(`reads ${c.name} from the page it already fetched, asking only its own platform's JSON first`, async () => {
      const p = prefix();
      server.route(`${p}/`, file(c.fixture));
      const from = server.requests.length;
      const out = await detect(`${server.url}${p}/`, fetchDocument);
      if (!out.ok) throw new Error(out.error.message);
      expect(out.value).toMatchObject({ adapterId: c.adapter, platform: c.platform, base: `${server.url}${p}/` });
      expect(out.value.snapshot.status.level).toBe(c.level);
      expect(hitsSince(from)).toEqual([`${p}/`, ...c.asked(p)]);
      expect(out.value.documents[`${server.url}${p}/`]).toBeDefined();
    });
  }

  it('prefers the platform\'s JSON when the page serves it', async () => {
    const p = prefix();
    server.route(`${p}/`, file('instatus/html/whereby-page-good-2026-03.html'));
    server.route(`${p}/summary.json`, file(own('instatus/summary-incidents-maintenances.json')));
    const out = await detect(`${server.url}${p}/`, fetchDocument);
    expect(out.ok && out.value.adapterId).toBe('instatus-json');
  });
});

describe('detect: Checkly, PagerDuty, StatusCast and Sorry', () => {
  it('finds a Checkly page from its page URL through the page id in its HTML', async () => {
    const p = prefix();
    server.route(`${p}/`, htmlPage('Acme Status', '<script>window.__checkly = "https://api.checklyhq.com/v1/status-page/1284690/statuses";</script>'));
    server.route(`${p}-api/v1/status-page/1284690/statuses`, file(own('checkly/statuses-one-failing.json')));
    const from = server.requests.length;
    const out = await detect(`${server.url}${p}/`, fetchDocument, { checklyApi: `${server.url}${p}-api` });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ adapterId: 'checkly', platform: 'checkly', base: `${server.url}${p}-api/v1/status-page/1284690` });
    expect(hitsSince(from)).toEqual([`${p}/`, `${p}-api/v1/status-page/1284690/statuses?page=1&limit=100`]);
  });

  it('asks Checkly for the page id by the page\'s host when the page names Checkly but not its id', async () => {
    const p = prefix();
    server.route(`${p}/`, file(own('checkly/page.html')));
    server.route(`${p}-api/v1/status-page/${encodeURIComponent(`127.0.0.1:${server.port}`)}/metadata`, file(own('checkly/metadata.json')));
    server.route(`${p}-api/v1/status-page/1284690/statuses`, file(own('checkly/statuses-one-failing.json')));
    const out = await detect(`${server.url}${p}/`, fetchDocument, { checklyApi: `${server.url}${p}-api` });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.adapterId).toBe('checkly');
    expect(out.value.tried.map((t) => t.url.replace(server.url, ''))).toEqual([
      `${p}/`, `${p}-api/v1/status-page/${encodeURIComponent(`127.0.0.1:${server.port}`)}/metadata?type=customDomain`, `${p}-api/v1/status-page/1284690/statuses?page=1&limit=100`,
    ]);
  });

  it('reads a Checkly API URL directly', async () => {
    const p = prefix();
    server.route(`${p}/v1/status-page/42/statuses`, file(own('checkly/statuses-one-failing.json')));
    const out = await detect(`${server.url}${p}/v1/status-page/42/statuses?page=1&limit=15`, fetchDocument);
    expect(out.ok && [out.value.adapterId, out.value.base]).toEqual(['checkly', `${server.url}${p}/v1/status-page/42`]);
  });

  it('finds a PagerDuty page from its page URL (its data script names it) with one probe', async () => {
    const p = prefix();
    server.route(`${p}/`, file(own('pagerduty/page.html')));
    server.route(`${p}/api/data`, file(own('pagerduty/data.json')));
    const from = server.requests.length;
    const out = await detect(`${server.url}${p}/`, fetchDocument);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ adapterId: 'pagerduty', platform: 'pagerduty', base: `${server.url}${p}` });
    expect(hitsSince(from)).toEqual([`${p}/`, `${p}/api/data`]);
  });

  it('reads a PagerDuty /api/data URL directly, and a host that answers every path with its page', async () => {
    const p = prefix();
    server.route(`${p}/api/data`, file(own('pagerduty/data.json')));
    const out = await detect(`${server.url}${p}/api/data`, fetchDocument);
    expect(out.ok && [out.value.adapterId, out.value.base]).toEqual(['pagerduty', `${server.url}${p}`]);
    const q = prefix();
    server.route(`${q}/api/data`, file(own('pagerduty/page.html')));
    const page = await detect(`${server.url}${q}/api/data`, fetchDocument);
    expect(page.ok && page.value.snapshot.components).toHaveLength(3);
  });

  it('reads a StatusCast page from the page it already fetched, without any other request', async () => {
    const p = prefix();
    server.route(`${p}/`, file(own('statuscast/page.html')));
    const from = server.requests.length;
    const out = await detect(`${server.url}${p}/`, fetchDocument);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ adapterId: 'statuscast', platform: 'statuscast', base: `${server.url}${p}/` });
    expect(out.value.endpoints.map((e) => e.url.replace(server.url, ''))).toEqual([`${p}/`, `${p}/incidents?IncidentStatus=OpenStarted`]);
    expect(hitsSince(from)).toEqual([`${p}/`]);
  });

  it('reads a StatusCast open-incidents URL as the page beside it', async () => {
    const p = prefix();
    server.route(p, file(own('statuscast/page.html')));
    const out = await detect(`${server.url}${p}/incidents?IncidentStatus=OpenStarted`, fetchDocument);
    expect(out.ok && [out.value.adapterId, out.value.base]).toEqual(['statuscast', `${server.url}${p}`]);
  });

  it('finds a Sorry page from its page URL through the page id in its HTML', async () => {
    const p = prefix();
    server.route(`${p}/`, file(own('sorry/page.html')));
    server.route(`${p}-api/v1/pages/2273abcd/components`, file(own('sorry/components.json')));
    const from = server.requests.length;
    const out = await detect(`${server.url}${p}/`, fetchDocument, { sorryApi: `${server.url}${p}-api` });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ adapterId: 'sorry', platform: 'sorry', base: `${server.url}${p}-api/v1/pages/2273abcd` });
    expect(hitsSince(from)).toEqual([`${p}/`, `${p}-api/v1/pages/2273abcd/components`]);
  });

  it('reads a Sorry API URL directly', async () => {
    const p = prefix();
    server.route(`${p}/v1/pages/2273abcd/components`, file(own('sorry/components.json')));
    const out = await detect(`${server.url}${p}/v1/pages/2273abcd/notices`, fetchDocument);
    expect(out.ok && [out.value.adapterId, out.value.base]).toEqual(['sorry', `${server.url}${p}/v1/pages/2273abcd`]);
  });
});

describe('detect: incident.io\'s Statuspage-compatible API', () => {
  it('names a pasted /api/v2/summary.json with incident.io ids incident.io, in one request', async () => {
    const p = prefix();
    server.route(`${p}/api/v2/summary.json`, json(JSON.parse(COMPAT_SUMMARY)));
    const from = server.requests.length;
    const out = await detect(`${server.url}${p}/api/v2/summary.json`, fetchDocument);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ adapterId: 'incidentio-compat', platform: 'incidentio', base: `${server.url}${p}` });
    expect(hitsSince(from)).toEqual([`${p}/api/v2/summary.json`]);
  });

  it('names an incident.io home page incident.io when only its compatible API answers', async () => {
    const p = prefix();
    server.route(`${p}/`, htmlPage('Aiven Status', '<link rel="icon" href="https://storage.googleapis.com/incident-io-status-page-logos/x.png"><meta name="generator" content="incident.io">'));
    server.route(`${p}/api/v2/summary.json`, json(JSON.parse(COMPAT_SUMMARY)));
    const from = server.requests.length;
    const out = await detect(`${server.url}${p}/`, fetchDocument);
    expect(out.ok && [out.value.adapterId, out.value.platform]).toEqual(['incidentio-compat', 'incidentio']);
    expect(hitsSince(from)).toEqual([`${p}/`, `${p}/proxy/127.0.0.1:${server.port}`, `${p}/api/v1/summary`, `${p}/api/v2/summary.json`]);
  });

  it('still names a real Statuspage summary Statuspage, reading it once', async () => {
    const p = prefix();
    server.route(`${p}/api/v2/summary.json`, file('statuspage/github-summary-2022-11-25-partial-outage.json'));
    const from = server.requests.length;
    const out = await detect(`${server.url}${p}/`, fetchDocument);
    expect(out.ok && [out.value.adapterId, out.value.platform]).toEqual(['statuspage-json', 'statuspage']);
    expect(hitsSince(from)).toEqual([`${p}/`, `${p}/api/v2/summary.json`]);
    expect(out.ok && out.value.tried.map((t) => t.outcome)).toEqual(['http_status', 'ok']);
  });
});
