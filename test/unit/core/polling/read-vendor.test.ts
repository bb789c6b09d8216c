import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedDocument } from '../../../../electron/core/feeds/types.ts';
import { closeHttpAgents, fetchDocument, type FetchFn } from '../../../../electron/core/polling/http.ts';
import { mapLimit, readVendor, type Validators } from '../../../../electron/core/polling/read-vendor.ts';
import { file, htmlPage, respond, startFixtureServer, type FixtureServer } from '../../../support/fixture-server.ts';
import { OWN_FIXTURES } from '../../../support/paths.ts';

let server: FixtureServer;
const FETCHED_AT = '2022-11-25T16:00:00.000Z';

beforeAll(async () => {
  server = await startFixtureServer();
  // GitHub's real summary, plus one real incident document served as the history.
  server.route('/gh/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
  server.route('/gh/api/v2/incidents.json', file('statuspage/github-incident-gqx5l06jjxhp-critical.json'));
  server.route('/gh/api/v2/scheduled-maintenances.json', respond(500, 'boom'));
});
afterAll(async () => {
  await closeHttpAgents();
  await server.close();
});

describe('readVendor', () => {
  it('merges every endpoint and turns a failed optional one into a warning', async () => {
    const out = await readVendor('statuspage-json', `${server.url}/gh`, { fetchedAt: FETCHED_AT });
    if (!out.ok || out.unchanged) throw new Error(JSON.stringify(out));
    expect(out.snapshot.page.name).toBe('GitHub');
    expect(out.snapshot.incidents.map((i) => i.id)).toEqual(expect.arrayContaining(['gqx5l06jjxhp']));
    expect(out.snapshot.incidents.length).toBeGreaterThanOrEqual(2);
    const warning = out.snapshot.warnings.find((w) => w.code === 'endpoint_http_status');
    expect(warning).toMatchObject({ path: 'maintenances' });
    expect(warning?.message).toContain('HTTP 500');
    expect(out.endpoints.map((e) => [e.role, e.outcome, e.status])).toEqual([
      ['summary', 'fetched', 200], ['incidents', 'fetched', 200], ['maintenances', 'failed', 500],
    ]);
    expect(out.endpoints[0]?.validators.etag).toMatch(/^"/);
  });

  it('fails with the network error when the required document cannot be fetched', async () => {
    const out = await readVendor('statuspage-json', `${server.url}/missing`);
    expect(out).toMatchObject({ ok: false, failure: { source: 'fetch', role: 'summary', error: { kind: 'http_status', status: 404 } } });
  });

  it('fails with the feed error when the required document is not the platform\'s', async () => {
    server.route('/spa/api/v2/summary.json', htmlPage('Loading…'));
    const out = await readVendor('statuspage-json', `${server.url}/spa`);
    expect(out).toMatchObject({ ok: false, failure: { source: 'feed', error: { kind: 'html_page' } } });
  });

  it('sends each endpoint its own validators and reports unchanged when everything is 304', async () => {
    server.route('/gcp/incidents.json', file('gcp/gcp-incidents-json-3-incidents-trimmed-text.json'));
    const fresh = await readVendor('gcp', `${server.url}/gcp`);
    if (!fresh.ok || fresh.unchanged) throw new Error('fresh read failed');
    const endpoint = fresh.endpoints[0];
    if (!endpoint?.document) throw new Error('no document');
    const validators: Record<string, Validators> = { [endpoint.url]: endpoint.validators };
    const cached: Record<string, FeedDocument> = { [endpoint.url]: endpoint.document };
    const again = await readVendor('gcp', `${server.url}/gcp`, { validators, cached });
    expect(again).toMatchObject({ ok: true, unchanged: true });
    expect(server.requests.at(-1)).toMatchObject({ path: '/gcp/incidents.json', ifNoneMatch: endpoint.validators.etag });
  });

  it('parses a 304 endpoint from its cached body when another endpoint changed', async () => {
    const base = `${server.url}/gh`;
    const fresh = await readVendor('statuspage-json', base);
    if (!fresh.ok || fresh.unchanged) throw new Error('fresh read failed');
    const summary = fresh.endpoints[0];
    if (!summary?.document) throw new Error('no summary');
    const out = await readVendor('statuspage-json', base, {
      validators: { [summary.url]: summary.validators },
      cached: { [summary.url]: summary.document },
    });
    if (!out.ok || out.unchanged) throw new Error(JSON.stringify(out));
    expect(out.endpoints.map((e) => e.outcome)).toEqual(['not_modified', 'fetched', 'failed']);
    expect(out.snapshot.components).toHaveLength(11);
    expect(out.endpoints[0]?.validators.etag).toBe(summary.validators.etag);
  });

  it('does not fetch documents detection already holds', async () => {
    const url = `${server.url}/cachet/api/v1/components?per_page=100`;
    const body = readFileSync(resolve(OWN_FIXTURES, 'cachet/v2-components-all-statuses.json'));
    const from = server.requests.length;
    const out = await readVendor('cachet-v2', `${server.url}/cachet`, { prefetched: { [url]: { url, body, contentType: 'application/json' } } });
    if (!out.ok || out.unchanged) throw new Error(JSON.stringify(out));
    expect(out.endpoints[0]?.outcome).toBe('prefetched');
    expect(server.paths().slice(from)).toEqual([
      '/cachet/api/v1/components/groups?per_page=100', '/cachet/api/v1/incidents?per_page=50&sort=id&order=desc', '/cachet/api/v1/schedules?per_page=50',
    ]);
    expect(out.snapshot.warnings.filter((w) => w.code === 'endpoint_http_status')).toHaveLength(3);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const slow: FetchFn = async (url, opts) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 30));
      inFlight--;
      return fetchDocument(url, opts);
    };
    await readVendor('cachet-v3', `${server.url}/nowhere`, { fetch: slow, concurrency: 2 });
    expect(peak).toBe(2);
  });
});

describe('mapLimit', () => {
  it('returns results in input order', async () => {
    const out = await mapLimit([30, 10, 20], 2, async (ms) => {
      await new Promise((r) => setTimeout(r, ms));
      return ms;
    });
    expect(out).toEqual([30, 10, 20]);
  });
});
