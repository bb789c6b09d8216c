import type { CatalogEntry } from '../../../shared/model/index.ts';

/**
 * Vendors our users asked for that stts' services.json does not list (or lists under a platform
 * we cannot read). Each line says where the fact comes from; the generator merges these over the
 * stts entries, so a hand-written fact wins if stts later adds the same id.
 */
export const HAND_ADDED: readonly Omit<CatalogEntry, 'category'>[] = [
  // Stripe runs its own page; `/current/full` is the JSON its status page loads (endpoints.ts 'stripe').
  { id: 'stripe', name: 'Stripe', url: 'https://status.stripe.com', platform: 'stripe', adapter: 'stripe',
    base: 'https://status.stripe.com', aliases: [] },
  // Slack's own status API, documented at api.slack.com/docs/slack-status (feed-formats.md §7).
  { id: 'slack', name: 'Slack', url: 'https://slack-status.com', platform: 'slack', adapter: 'slack',
    base: 'https://slack-status.com', aliases: [] },
  // AWS Health Dashboard public JSON, captured in fixtures/aws (PROVENANCE.md).
  { id: 'aws', name: 'AWS', url: 'https://health.aws.amazon.com/health/status', platform: 'aws',
    adapter: 'aws-currentevents', base: 'https://health.aws.amazon.com', aliases: ['Amazon Web Services'] },
  // Google Cloud's incidents.json, captured in fixtures/gcp (PROVENANCE.md).
  { id: 'google-cloud', name: 'Google Cloud', url: 'https://status.cloud.google.com', platform: 'gcp', adapter: 'gcp',
    base: 'https://status.cloud.google.com', aliases: ['GCP', 'Google Cloud Platform'] },
  // Azure's status RSS (feed-formats.md §7: real, items only while an issue is active).
  { id: 'azure', name: 'Microsoft Azure', url: 'https://azure.status.microsoft/en-us/status', platform: 'azure',
    adapter: 'feed-xml', base: 'https://azure.status.microsoft/en-us/status/feed/', aliases: ['Azure'] },
  // Statuspage: status.stripo.email incident pages read "Incident Report for Stripo" with 12-character
  // Statuspage incident codes (e.g. /incidents/ghsp9sht7fty), seen via the search tool's public pages.
  { id: 'stripo', name: 'Stripo', url: 'https://status.stripo.email', platform: 'statuspage', adapter: 'statuspage-json',
    base: 'https://status.stripo.email', aliases: [] },
  // Statuspage: status.batch.com incident pages read "Incident Report for Batch" (/incidents/rpylj0pys0wv),
  // and Batch's own postmortem names https://status.batch.com as its status page.
  { id: 'batch', name: 'Batch', url: 'https://status.batch.com', platform: 'statuspage', adapter: 'statuspage-json',
    base: 'https://status.batch.com', aliases: ['Batch.com'] },
  // Instatus page; its Atom feed's self link is https://status.maestra.io/history.atom (the public feed,
  // seen via the search tool). Instatus' summary.json has no timeline, the feed does, so we read the feed.
  { id: 'maestra', name: 'Maestra', url: 'https://status.maestra.io', platform: 'instatus', adapter: 'feed-xml',
    base: 'https://status.maestra.io/history.atom', aliases: [] },
];
