import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../../../electron/core/feeds/detect.ts';
import { closeHttpAgents, fetchDocument } from '../../../../electron/core/polling/http.ts';
import { file, htmlPage, startFixtureServer, type FixtureServer } from '../../../support/fixture-server.ts';
import { OWN_FIXTURES } from '../../../support/paths.ts';

let server: FixtureServer;
const own = (path: string): string => resolve(OWN_FIXTURES, path);

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await closeHttpAgents();
  await server.close();
});

/** Paths the server saw since `from`, without the origin. */
function hitsSince(from: number): string[] {
  return server.paths().slice(from);
}

interface Case {
  name: string;
  /** Route path (under a unique prefix) and the fixture served there. */
  path: string;
  fixture: string;
  adapter: string;
  platform: string;
  pageName: string;
  level: string;
}

/** One real or hand-written document per platform, served where that platform serves it. */
const CASES: Case[] = [
  { name: 'Statuspage summary (GitHub, real)', path: '/api/v2/summary.json', fixture: 'statuspage/github-summary-2022-11-25-partial-outage.json', adapter: 'statuspage-json', platform: 'statuspage', pageName: 'GitHub', level: 'partial_outage' },
  { name: 'Instatus summary', path: '/summary.json', fixture: own('instatus/summary-incidents-maintenances.json'), adapter: 'instatus-json', platform: 'instatus', pageName: 'Acme', level: 'partial_outage' },
  { name: 'incident.io widget API', path: '/api/v1/summary', fixture: own('incidentio/widget-summary.json'), adapter: 'incidentio-widget', platform: 'incidentio', pageName: 'Linear', level: 'major_outage' },
  { name: 'incident.io page proxy', path: '/proxy/{host}', fixture: own('incidentio/proxy-summary.json'), adapter: 'incidentio-proxy', platform: 'incidentio', pageName: 'Acme Cloud', level: 'partial_outage' },
  { name: 'Cachet 2 components (Yoti, real)', path: '/api/v1/components', fixture: 'cachet/yoti-cachet2-api-v1-components.json', adapter: 'cachet-v2', platform: 'cachet', pageName: '127.0.0.1:{port}', level: 'operational' },
  { name: 'Cachet 3 components', path: '/api/components', fixture: own('cachet/v3-components.json'), adapter: 'cachet-v3', platform: 'cachet', pageName: '127.0.0.1:{port}', level: 'major_outage' },
  { name: 'Better Stack index.json', path: '/index.json', fixture: own('betterstack/index-incident-maintenance.json'), adapter: 'betterstack', platform: 'betterstack', pageName: 'Acme Hosting', level: 'major_outage' },
  { name: 'Slack current', path: '/api/v2.0.0/current', fixture: own('slack/current-active.json'), adapter: 'slack', platform: 'slack', pageName: 'Slack', level: 'major_outage' },
  { name: 'Stripe current/full', path: '/current/full', fixture: own('stripe/current-full-degraded.json'), adapter: 'stripe', platform: 'stripe', pageName: 'Stripe', level: 'degraded' },
  { name: 'GCP incidents.json (real)', path: '/incidents.json', fixture: 'gcp/gcp-incidents-json-3-incidents-trimmed-text.json', adapter: 'gcp', platform: 'gcp', pageName: 'Google Cloud', level: 'operational' },
  { name: 'AWS current events (real)', path: '/public/currentevents', fixture: 'aws/aws-health-currentevents-excerpt.json', adapter: 'aws-currentevents', platform: 'aws', pageName: 'AWS Health Dashboard', level: 'major_outage' },
];

const FEEDS = [
  { name: 'GitHub history.atom (real)', path: '/history.atom', fixture: 'rss_atom/github-statuspage-history.atom', platform: 'statuspage', pageName: 'GitHub', incidents: 25 },
  { name: 'Statuspage history.rss', path: '/history.rss', fixture: own('feed/statuspage-history.rss'), platform: 'statuspage', pageName: 'Acme Status', incidents: 1 },
  { name: 'Instatus history.atom', path: '/history.atom', fixture: own('feed/instatus-history.atom'), platform: 'instatus', pageName: 'Widgets status', incidents: 1 },
  { name: 'incident.io history.atom', path: '/history.atom', fixture: own('feed/incidentio-history.atom'), platform: 'incidentio', pageName: 'Gadgets Status', incidents: 2 },
  { name: 'AWS RSS (real)', path: '/rss/all.rss', fixture: 'aws/aws-health-history-rss-trimmed.rss', platform: 'aws', pageName: 'Amazon Web Services Service Status', incidents: 2 },
  { name: 'generic RSS at /feed', path: '/feed', fixture: own('feed/generic.rss'), platform: 'feed', pageName: 'Example Cloud status', incidents: 3 },
];

let prefixes = 0;
/** A fresh path prefix per test, so routes never collide and bases are tested with a prefix. */
function mount(path: string, fixture: string): { prefix: string; url: string } {
  const prefix = `/p${++prefixes}`;
  server.route(prefix + path.replace('{host}', `127.0.0.1:${server.port}`), file(fixture));
  return { prefix, url: server.url + prefix + path.replace('{host}', `127.0.0.1:${server.port}`) };
}

describe('detect: a URL that names a document', () => {
  for (const c of CASES) {
    it(`recognises ${c.name} by its path and confirms it with one request`, async () => {
      const { prefix, url } = mount(c.path, c.fixture);
      const from = server.requests.length;
      const out = await detect(url, fetchDocument);
      if (!out.ok) throw new Error(out.error.message);
      expect(out.value.adapterId).toBe(c.adapter);
      expect(out.value.platform).toBe(c.platform);
      expect(out.value.base).toBe(server.url + prefix);
      expect(out.value.snapshot.page.name).toBe(c.pageName.replace('{port}', String(server.port)));
      expect(out.value.snapshot.status.level).toBe(c.level);
      expect(hitsSince(from)).toHaveLength(1);
      expect(out.value.endpoints[0]?.url.startsWith(server.url + prefix)).toBe(true);
    });
  }

  for (const f of FEEDS) {
    it(`recognises ${f.name} as a feed and names the platform that wrote it`, async () => {
      const { url } = mount(f.path, f.fixture);
      const out = await detect(url, fetchDocument);
      if (!out.ok) throw new Error(out.error.message);
      expect(out.value.adapterId).toBe('feed-xml');
      expect(out.value.platform).toBe(f.platform);
      expect(out.value.base).toBe(url);
      expect(out.value.snapshot.page.name).toBe(f.pageName);
      expect(out.value.snapshot.incidents).toHaveLength(f.incidents);
    });
  }

  it('reads a status.io API URL (Docker, real) with the URL as the base', async () => {
    const path = '/1.0/status/533c6539221ae15e3f000031';
    server.route(path, file('statusio/docker-statusio-1.0-status-excerpt.json'));
    const out = await detect(server.url + path, fetchDocument);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ adapterId: 'statusio', platform: 'statusio', base: server.url + path });
    expect(out.value.snapshot.components.map((c) => c.name)).toContain('Docker Hub Registry');
  });

  it('takes a Statuspage history URL (incidents.json) back to the page base and reads the summary', async () => {
    const { prefix } = mount('/api/v2/summary.json', 'statuspage/github-summary-2022-11-25-partial-outage.json');
    const from = server.requests.length;
    const out = await detect(`${server.url}${prefix}/api/v2/incidents.json`, fetchDocument);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.adapterId).toBe('statuspage-json');
    expect(out.value.base).toBe(server.url + prefix);
    expect(hitsSince(from)).toEqual([`${prefix}/api/v2/summary.json`]);
    expect(out.value.endpoints.map((e) => e.role)).toEqual(['summary', 'incidents', 'maintenances']);
  });
});

describe('detect: a home page', () => {
  const order = ['/api/v2/summary.json', '/summary.json', '/api/v1/summary', '/proxy/{host}', '/api/v1/components?per_page=100', '/api/components?per_page=100', '/index.json', '/api/v2.0.0/current', '/current/full', '/incidents.json', '/public/currentevents'];

  for (const c of CASES) {
    it(`finds ${c.name} by probing, in the documented order, stopping at the first match`, async () => {
      const { prefix } = mount(c.path, c.fixture);
      const from = server.requests.length;
      const out = await detect(`${server.url}${prefix}/`, fetchDocument);
      if (!out.ok) throw new Error(out.error.message);
      expect(out.value.adapterId).toBe(c.adapter);
      expect(out.value.base).toBe(server.url + prefix);
      const probed = order.slice(0, order.findIndex((p) => p.split('?')[0] === c.path) + 1).map((p) => prefix + p.replace('{host}', `127.0.0.1:${server.port}`));
      expect(hitsSince(from)).toEqual([`${prefix}/`, ...probed]);
    });
  }

  it('falls back to the history feed of a page whose APIs all answer 404', async () => {
    const { prefix } = mount('/history.atom', 'rss_atom/github-statuspage-history-2025-07-08-with-maintenance.atom');
    const out = await detect(`${server.url}${prefix}`, fetchDocument);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value).toMatchObject({ adapterId: 'feed-xml', platform: 'statuspage', base: `${server.url}${prefix}/history.atom` });
    expect(out.value.snapshot.maintenances.map((m) => m.title)).toContain('Codespaces Scheduled Maintenance');
    expect(out.value.tried).toHaveLength(1 + 11 + 1);
  });

  it('follows the page\'s <link rel="alternate"> feed before guessing feed paths', async () => {
    const { prefix } = mount('/custom/incidents-feed.xml', own('feed/generic.rss'));
    server.route(`${prefix}/`, htmlPage('Example status', `<link rel="alternate" type="application/rss+xml" href="${prefix}/custom/incidents-feed.xml">`));
    const from = server.requests.length;
    const out = await detect(`${server.url}${prefix}/`, fetchDocument);
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.base).toBe(`${server.url}${prefix}/custom/incidents-feed.xml`);
    expect(hitsSince(from).at(-1)).toBe(`${prefix}/custom/incidents-feed.xml`);
    expect(hitsSince(from).some((p) => p.endsWith('/history.atom'))).toBe(false);
  });

  it('reads the status.io page id out of a custom-domain page and asks the status.io API first', async () => {
    const id = '533c6539221ae15e3f000031';
    server.route(`/api-statusio/1.0/status/${id}`, file('statusio/docker-statusio-1.0-status-excerpt.json'));
    server.route('/docker-status/', htmlPage('Docker System Status', `<script>var statuspageId = "${id}";</script>`));
    const from = server.requests.length;
    const out = await detect(`${server.url}/docker-status/`, fetchDocument, { statusioApi: `${server.url}/api-statusio` });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.adapterId).toBe('statusio');
    expect(hitsSince(from)).toEqual(['/docker-status/', `/api-statusio/1.0/status/${id}`]);
  });

  it('probes the platform the page HTML names before the usual order', async () => {
    const { prefix } = mount('/index.json', own('betterstack/index-incident-maintenance.json'));
    server.route(`${prefix}/`, htmlPage('Acme status', '<script src="https://uptime.betterstack.com/widgets/announcement.js"></script>'));
    const from = server.requests.length;
    const out = await detect(`${server.url}${prefix}/`, fetchDocument);
    expect(out.ok && out.value.adapterId).toBe('betterstack');
    expect(hitsSince(from)).toEqual([`${prefix}/`, `${prefix}/index.json`]);
  });

  it('treats a bare host as https and reports an unreachable host without probing on', async () => {
    const out = await detect('nonexistent.invalid', fetchDocument);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.kind).toBe('unreachable');
    expect(out.error.url).toBe('https://nonexistent.invalid/');
    expect(out.error.tried).toHaveLength(1);
    expect(out.error.tried[0]?.outcome).toBe('network');
  });
});

describe('detect: nothing found', () => {
  it('lists every URL it tried and what each answered', async () => {
    server.route('/nothing/', htmlPage('Just a shop'));
    server.route('/nothing/summary.json', htmlPage('SPA shell'));
    server.route('/nothing/index.json', file(own('slack/current-ok.json')));
    const out = await detect(`${server.url}/nothing/`, fetchDocument);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.kind).toBe('not_found');
    expect(out.error.tried.map((t) => t.url.replace(server.url, ''))).toEqual([
      '/nothing/', '/nothing/api/v2/summary.json', '/nothing/summary.json', '/nothing/api/v1/summary', `/nothing/proxy/127.0.0.1:${server.port}`,
      '/nothing/api/v1/components?per_page=100', '/nothing/api/components?per_page=100', '/nothing/index.json', '/nothing/api/v2.0.0/current',
      '/nothing/current/full', '/nothing/incidents.json', '/nothing/public/currentevents', '/nothing/history.atom', '/nothing/history.rss',
      '/nothing/feed.atom', '/nothing/feed.rss', '/nothing/feed', '/nothing/rss',
    ]);
    expect(out.error.tried[1]).toMatchObject({ outcome: 'http_status', status: 404 });
    expect(out.error.tried[2]).toMatchObject({ outcome: 'html_page', status: 200 });
    expect(out.error.tried[7]).toMatchObject({ outcome: 'wrong_format', status: 200 });
    expect(out.error.message).toMatch(/^no status page found; tried 18 URLs:\n/);
    expect(out.error.message).toContain(`${server.url}/nothing/api/v2/summary.json: HTTP 404`);
  });

  it('rejects a non-http URL without a request', async () => {
    const out = await detect('ftp://example.com/status', fetchDocument);
    expect(out).toMatchObject({ ok: false, error: { kind: 'invalid_url', tried: [] } });
  });
});
