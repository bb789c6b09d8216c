import type { AdapterId } from '../endpoints.ts';

/**
 * A URL the user pasted that already names a document: the adapter that reads it and the base its
 * endpoints hang off. Recognising these saves the probe round (one request instead of up to 17).
 */
export interface DirectMatch {
  adapter: AdapterId;
  base: string;
}

/**
 * Path suffixes → adapter, most specific first: Statuspage's `/api/v2/incidents.json` must win over
 * GCP's bare `/incidents.json`, and `/api/v2/summary.json` over Instatus' `/summary.json`. The
 * prefix before the suffix is the page's base, so pages under a path prefix keep it.
 */
const SUFFIXES: readonly { suffix: RegExp; adapter: AdapterId }[] = [
  { suffix: /\/api\/v2\/(summary|status|components|incidents(\/unresolved)?|scheduled-maintenances(\/(upcoming|active))?)\.json$/, adapter: 'statuspage-json' },
  { suffix: /\/api\/v2\.0\.0\/(current|history)$/, adapter: 'slack' },
  { suffix: /\/api\/v1\/summary$/, adapter: 'incidentio-widget' },
  { suffix: /\/api\/v1\/(components(\/groups)?|incidents|schedules|ping)$/, adapter: 'cachet-v2' },
  { suffix: /\/api\/(components|component-groups|incidents|schedules|ping|status|version)$/, adapter: 'cachet-v3' },
  { suffix: /\/v3\/(summary|components)\.json$/, adapter: 'instatus-v3' },
  { suffix: /\/v2\/components\.json$/, adapter: 'instatus-json' },
  { suffix: /\/summary\.json$/, adapter: 'instatus-json' },
  { suffix: /\/incidents\.json$/, adapter: 'gcp' },
  { suffix: /\/public\/currentevents$/, adapter: 'aws-currentevents' },
  { suffix: /\/current\/full$/, adapter: 'stripe' },
  { suffix: /\/index\.json$/, adapter: 'betterstack' },
  // PagerDuty-hosted pages serve their data documents under /api [C].
  { suffix: /\/api\/(data|posts|post_enums)$/, adapter: 'pagerduty' },
];

/**
 * APIs whose base keeps the page id: Checkly's `/v1/status-page/<id>/statuses` and Sorry's
 * `/v1/pages/<id>/(components|notices)` (also a single component or notice under them).
 */
const ID_APIS: readonly { re: RegExp; adapter: AdapterId }[] = [
  { re: /^(.*\/v1\/status-page\/\d+)\/(statuses|metadata)$/, adapter: 'checkly' },
  { re: /^(.*\/v1\/pages\/[\w-]+)\/(components|notices)(\/[\w-]+)?$/, adapter: 'sorry' },
];

/** Feed documents: their own URL is the base (the adapter's path is empty). */
const FEED_PATH = /(\/(history|feed)\.(atom|rss)|\/feed(\/rss|\/atom)?|\/rss|\.(atom|rss))$/i;

/** status.io's public API: `api.status.io/1.0/status/<24-hex page id>` [F]. */
const STATUSIO_PATH = /^\/1\.0\/status\/[0-9a-f]{24}$/i;

export function matchDirect(url: URL): DirectMatch | undefined {
  const path = url.pathname.replace(/\/+$/, '');
  const clean = `${url.origin}${url.pathname}${url.search}`;
  if (STATUSIO_PATH.test(path)) return { adapter: 'statusio', base: `${url.origin}${path}` };
  // incident.io's page proxy names its own host: /proxy/<host>.
  const proxy = /^(.*)\/proxy\/([^/]+)$/.exec(path);
  if (proxy && proxy[2]?.toLowerCase() === url.host.toLowerCase()) return { adapter: 'incidentio-proxy', base: `${url.origin}${proxy[1] ?? ''}` };
  for (const { re, adapter } of ID_APIS) {
    const m = re.exec(path);
    if (m?.[1] !== undefined) return { adapter, base: `${url.origin}${m[1]}` };
  }
  // StatusCast's open-incidents list is a page of its own, named by its query.
  if (/\/incidents$/i.test(path) && /[?&]IncidentStatus=/i.test(url.search)) return { adapter: 'statuscast', base: `${url.origin}${path.replace(/\/incidents$/i, '')}` };
  for (const { suffix, adapter } of SUFFIXES) {
    const m = suffix.exec(path);
    if (m) return { adapter, base: `${url.origin}${path.slice(0, m.index)}` };
  }
  if (FEED_PATH.test(path)) return { adapter: 'feed-xml', base: clean };
  return undefined;
}

/**
 * What a person types → an absolute http(s) URL: a bare host (`www.githubstatus.com`) or
 * host/path means https. Anything else (a catalogue id, garbage) is undefined.
 */
export function normaliseInput(input: string): URL | undefined {
  const text = input.trim();
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : /^[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/.test(text) ? `https://${text}` : undefined;
  if (candidate === undefined) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The base to probe for a page URL: no query or fragment, no trailing slash, and no trailing
 * file name (`/index.html`), so `http://host/github/` probes `http://host/github/api/v2/…`.
 */
export function pageBase(url: URL): string {
  const path = url.pathname.replace(/\/[^/]+\.(html?|php|aspx?)$/i, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}
