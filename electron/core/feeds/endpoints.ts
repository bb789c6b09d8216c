import type { Platform } from '../../../shared/model/index.ts';
import type { EndpointSpec } from './types.ts';

/**
 * The documents each adapter reads, by role, relative to a status page's base URL. Detection, the
 * catalogue and the poller all go through this one table, so "what to poll for a Statuspage page"
 * is written once.
 */
export const ADAPTER_ENDPOINTS = {
  'statuspage-json': { platform: 'statuspage', docs: [
    { role: 'summary', path: '/api/v2/summary.json', optional: false },
    { role: 'incidents', path: '/api/v2/incidents.json', optional: true },
    { role: 'maintenances', path: '/api/v2/scheduled-maintenances.json', optional: true },
  ] },
  'instatus-json': { platform: 'instatus', docs: [
    { role: 'summary', path: '/summary.json', optional: false },
    { role: 'components', path: '/v2/components.json', optional: true },
  ] },
  /** Instatus's newer public API paths, the same documents under other names [D: Instatus docs]. */
  'instatus-v3': { platform: 'instatus', docs: [
    { role: 'summary', path: '/v3/summary.json', optional: false },
    { role: 'components', path: '/v3/components.json', optional: true },
  ] },
  'instatus-api-v2': { platform: 'instatus', docs: [
    { role: 'summary', path: '/api/v2/summary.json', optional: false },
    { role: 'components', path: '/api/v2/components.json', optional: true },
  ] },
  'incidentio-widget': { platform: 'incidentio', docs: [{ role: 'main', path: '/api/v1/summary', optional: false }] },
  /** incident.io's Statuspage-compatible API: Statuspage's paths, incident.io's ids (ULIDs). */
  'incidentio-compat': { platform: 'incidentio', docs: [
    { role: 'summary', path: '/api/v2/summary.json', optional: false },
    { role: 'incidents', path: '/api/v2/incidents.json', optional: true },
    { role: 'maintenances', path: '/api/v2/scheduled-maintenances.json', optional: true },
  ] },
  'incidentio-proxy': { platform: 'incidentio', docs: [{ role: 'main', path: '/proxy/{host}', optional: false }] },
  'cachet-v2': { platform: 'cachet', docs: [
    { role: 'components', path: '/api/v1/components?per_page=100', optional: false },
    { role: 'groups', path: '/api/v1/components/groups?per_page=100', optional: true },
    { role: 'incidents', path: '/api/v1/incidents?per_page=50&sort=id&order=desc', optional: true },
    { role: 'schedules', path: '/api/v1/schedules?per_page=50', optional: true },
  ] },
  'cachet-v3': { platform: 'cachet', docs: [
    { role: 'components', path: '/api/components?per_page=100', optional: false },
    { role: 'groups', path: '/api/component-groups?per_page=100', optional: true },
    { role: 'incidents', path: '/api/incidents?per_page=50&sort=-id&include=updates,components', optional: true },
    { role: 'schedules', path: '/api/schedules?per_page=50&include=updates,components', optional: true },
  ] },
  'statusio': { platform: 'statusio', docs: [{ role: 'main', path: '', optional: false }] },
  'betterstack': { platform: 'betterstack', docs: [{ role: 'main', path: '/index.json', optional: false }] },
  'gcp': { platform: 'gcp', docs: [{ role: 'main', path: '/incidents.json', optional: false }] },
  'aws-currentevents': { platform: 'aws', docs: [{ role: 'main', path: '/public/currentevents', optional: false }] },
  'slack': { platform: 'slack', docs: [
    { role: 'current', path: '/api/v2.0.0/current', optional: false },
    { role: 'history', path: '/api/v2.0.0/history', optional: true },
  ] },
  'stripe': { platform: 'stripe', docs: [{ role: 'main', path: '/current/full', optional: false }] },
  /**
   * The page a browser gets, read for the data its platform embeds (Next.js data on Instatus and
   * incident.io, rendered markup on Better Stack): used when the page's JSON endpoints are missing,
   * refused or disabled. The base is the page URL itself, hence the empty path.
   */
  'instatus-html': { platform: 'instatus', docs: [{ role: 'main', path: '', optional: false }] },
  'incidentio-html': { platform: 'incidentio', docs: [{ role: 'main', path: '', optional: false }] },
  'betterstack-html': { platform: 'betterstack', docs: [{ role: 'main', path: '', optional: false }] },
  /** Checkly's public status-page API; base `https://api.checklyhq.com/v1/status-page/<page id>`. */
  'checkly': { platform: 'checkly', docs: [{ role: 'main', path: '/statuses?page=1&limit=100', optional: false }] },
  /** PagerDuty-hosted status pages: the page's own data document, its posts and their enum names. */
  'pagerduty': { platform: 'pagerduty', docs: [
    { role: 'main', path: '/api/data', optional: false },
    { role: 'posts', path: '/api/posts', optional: true },
    { role: 'enums', path: '/api/post_enums', optional: true },
  ] },
  /** StatusCast renders its status into the page; open incidents are listed on their own page. */
  'statuscast': { platform: 'statuscast', docs: [
    { role: 'main', path: '', optional: false },
    { role: 'incidents', path: '/incidents?IncidentStatus=OpenStarted', optional: true },
  ] },
  /** Sorry's API; base `https://api.sorryapp.com/v1/pages/<page id>`. */
  'sorry': { platform: 'sorry', docs: [
    { role: 'components', path: '/components', optional: false },
    { role: 'notices', path: '/notices?include=updates,components', optional: true },
    { role: 'page', path: '', optional: true },
  ] },
  /** Atom or RSS; the URL is the feed itself, so the path is empty. */
  'feed-xml': { platform: 'feed', docs: [{ role: 'main', path: '', optional: false }] },
} as const satisfies Record<string, { platform: Platform; docs: readonly { role: string; path: string; optional: boolean }[] }>;

export type AdapterId = keyof typeof ADAPTER_ENDPOINTS;

export function isAdapterId(value: unknown): value is AdapterId {
  return typeof value === 'string' && Object.hasOwn(ADAPTER_ENDPOINTS, value);
}

/**
 * Absolute endpoint URLs for an adapter. `base` is the page origin (plus path prefix, if the page
 * lives under one); for adapters with an empty path (`feed-xml`, `statusio`, the HTML readers) it is
 * the document URL.
 */
export function endpointsFor(adapter: AdapterId, base: string): EndpointSpec[] {
  const url = new URL(base);
  // A page URL may carry a query or fragment (HTML adapters keep it for the page itself); the
  // documents beside the page hang off its path alone.
  const root = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  return ADAPTER_ENDPOINTS[adapter].docs.map((doc) => ({
    role: doc.role,
    url: doc.path === '' ? base : root + doc.path.replace('{host}', url.host),
    optional: doc.optional,
  }));
}
