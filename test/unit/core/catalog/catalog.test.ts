import { describe, expect, it } from 'vitest';
import { CATALOG, CATEGORIES, DEFAULT_WATCHLIST, findCatalogEntry, searchCatalog } from '../../../../electron/core/catalog/index.ts';
import { ADAPTER_ENDPOINTS, isAdapterId } from '../../../../electron/core/feeds/endpoints.ts';
import { PLATFORMS } from '../../../../shared/model/index.ts';
import { catalogEntrySchema } from '../../../../shared/contract/catalog.ts';

const isHttpsUrl = (value: string): boolean => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

describe('the embedded catalogue', () => {
  it('offers at least 150 vendors, each with a unique id', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CATALOG.map((e) => e.id)).size).toBe(CATALOG.length);
  });

  it('gives every vendor a known adapter, a known platform, https URLs and a listed category', () => {
    const bad = CATALOG.filter((e) => !isAdapterId(e.adapter) || !PLATFORMS.includes(e.platform)
      || !isHttpsUrl(e.url) || !isHttpsUrl(e.base) || !(CATEGORIES as readonly string[]).includes(e.category)
      || !catalogEntrySchema.safeParse(e).success);
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it("matches each vendor's platform to its adapter's platform, except feeds read for another platform", () => {
    const mismatched = CATALOG.filter((e) => isAdapterId(e.adapter) && e.adapter !== 'feed-xml'
      && ADAPTER_ENDPOINTS[e.adapter].platform !== e.platform);
    expect(mismatched.map((e) => e.id)).toEqual([]);
  });

  it.each([
    ['github', 'GitHub', 'statuspage', 'statuspage-json', 'https://www.githubstatus.com'],
    ['cloudflare', 'Cloudflare', 'statuspage', 'statuspage-json', 'https://www.cloudflarestatus.com'],
    ['stripe', 'Stripe', 'stripe', 'stripe', 'https://status.stripe.com'],
    ['slack', 'Slack', 'slack', 'slack', 'https://slack-status.com'],
    ['aws', 'AWS', 'aws', 'aws-currentevents', 'https://health.aws.amazon.com'],
    ['google-cloud', 'Google Cloud', 'gcp', 'gcp', 'https://status.cloud.google.com'],
    ['maestra', 'Maestra', 'instatus', 'feed-xml', 'https://status.maestra.io/history.atom'],
    ['stripo', 'Stripo', 'statuspage', 'statuspage-json', 'https://status.stripo.email'],
    ['batch', 'Batch', 'statuspage', 'statuspage-json', 'https://status.batch.com'],
  ])('knows %s as %s on %s, read by %s from %s', (id, name, platform, adapter, base) => {
    const entry = findCatalogEntry(id);
    expect(entry).toMatchObject({ id, name, platform, adapter, base });
  });

  it('maps stts platforms to our adapters: status.io by page id, incident.io via the page proxy', () => {
    expect(findCatalogEntry('docker')).toMatchObject({
      platform: 'statusio', adapter: 'statusio', base: 'https://api.status.io/1.0/status/533c6539221ae15e3f000031',
      url: 'https://status.docker.com',
    });
    expect(findCatalogEntry('openai')).toMatchObject({ platform: 'incidentio', adapter: 'incidentio-proxy', base: 'https://status.openai.com' });
    expect(findCatalogEntry('railway')).toMatchObject({ platform: 'instatus', adapter: 'instatus-json' });
    expect(findCatalogEntry('plausible-analytics')).toMatchObject({ platform: 'betterstack', adapter: 'betterstack' });
  });

  it('reads a regional incident.io sub-page from its own feed, not the host-wide proxy', () => {
    expect(findCatalogEntry('intercom-eu-hosting')).toMatchObject({
      adapter: 'feed-xml', base: 'https://www.intercomstatus.com/eu-hosting/history.atom',
    });
  });

  it('files well-known vendors under sensible categories', () => {
    expect(findCatalogEntry('stripe')?.category).toBe('Payments');
    expect(findCatalogEntry('github')?.category).toBe('Developer tools');
    expect(findCatalogEntry('aws')?.category).toBe('Cloud & hosting');
    expect(findCatalogEntry('slack')?.category).toBe('Communication');
    expect(findCatalogEntry('datadog')?.category).toBe('Monitoring');
    expect(findCatalogEntry('cloudflare')?.category).toBe('CDN & DNS');
    expect(findCatalogEntry('openai')?.category).toBe('Data & AI');
    expect(findCatalogEntry('notion')?.category).toBe('Productivity');
  });

  it('has a default watchlist made only of catalogue ids', () => {
    expect(DEFAULT_WATCHLIST).toEqual(['github', 'stripe', 'slack', 'cloudflare', 'aws']);
    expect(DEFAULT_WATCHLIST.every((id) => findCatalogEntry(id)?.id === id)).toBe(true);
  });
});

describe('findCatalogEntry', () => {
  it('finds a vendor by name in any case, and by a former name', () => {
    expect(findCatalogEntry('GITHUB')?.id).toBe('github');
    expect(findCatalogEntry('  Google Cloud ')?.id).toBe('google-cloud');
    expect(findCatalogEntry('Sendinblue')?.id).toBe('brevo');
    expect(findCatalogEntry('letsencrypt')?.id).toBe('lets-encrypt');
  });

  it('finds a vendor from a URL or bare host on its status page', () => {
    expect(findCatalogEntry('https://www.githubstatus.com/incidents/abc123')?.id).toBe('github');
    expect(findCatalogEntry('githubstatus.com')?.id).toBe('github');
    expect(findCatalogEntry('status.stripe.com')?.id).toBe('stripe');
    expect(findCatalogEntry('https://health.aws.amazon.com/health/status')?.id).toBe('aws');
  });

  it('picks the regional page whose path the URL is under when pages share a host', () => {
    expect(findCatalogEntry('https://www.intercomstatus.com/au-hosting/incidents/1')?.id).toBe('intercom-au-hosting');
    expect(findCatalogEntry('https://www.intercomstatus.com/eu-hosting')?.id).toBe('intercom-eu-hosting');
  });

  it('answers undefined for a vendor it does not know', () => {
    expect(findCatalogEntry('no such vendor')).toBeUndefined();
    expect(findCatalogEntry('status.unknown-vendor.test')).toBeUndefined();
    expect(findCatalogEntry('')).toBeUndefined();
  });
});

describe('searchCatalog', () => {
  it('ranks a name prefix above a word prefix above a substring above the category', () => {
    const ids = searchCatalog('cloud', 14).map((e) => e.id);
    expect(ids).toEqual([
      // name starts with "cloud", by name
      'cloud66', 'cloudamqp', 'cloudapp', 'cloudflare', 'cloudinary',
      // a later word starts with "cloud"
      'confluent-cloud', 'elastic-cloud', 'google-cloud', 'mongodb-cloud', 'teleport-cloud',
      // "cloud" inside a word
      'jumpcloud', 'primcloud',
      // category "Cloud & hosting" only
      'acquia', 'aiven',
    ]);
  });

  it('puts the exact name first', () => {
    expect(searchCatalog('github')[0]?.id).toBe('github');
    expect(searchCatalog('Stripe')[0]?.id).toBe('stripe');
  });

  it('finds vendors by a word inside their name and by substring', () => {
    expect(searchCatalog('service').map((e) => e.id)).toContain('jira-service-management');
    expect(searchCatalog('ithu').map((e) => e.id)).toContain('github');
  });

  it('finds vendors by category, after name matches', () => {
    const payments = searchCatalog('payments', 100);
    expect(payments.length).toBeGreaterThanOrEqual(10);
    expect(payments.every((e) => e.category === 'Payments')).toBe(true);
    expect(payments.map((e) => e.id)).toContain('stripe');
  });

  it('respects the limit and lists the catalogue by name for an empty query', () => {
    expect(searchCatalog('s', 3)).toHaveLength(3);
    expect(searchCatalog('', 2).map((e) => e.name)).toEqual([CATALOG[0]?.name, CATALOG[1]?.name]);
  });

  it('returns nothing for a query that matches nothing', () => {
    expect(searchCatalog('zzzqqq')).toEqual([]);
  });
});
