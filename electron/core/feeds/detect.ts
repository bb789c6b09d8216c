import type { FeedErrorKind, FetchErrorKind, Platform, Snapshot } from '../../../shared/model/index.ts';
import type { FetchFn, FetchOptions } from '../polling/http.ts';
import { decodeBody } from './common/decode.ts';
import { asRecord, asString, readJson } from './common/json.ts';
import { matchDirect, normaliseInput, pageBase } from './detect/direct.ts';
import { readPageHints, type PageHints } from './detect/hints.ts';
import { endpointsFor, type AdapterId } from './endpoints.ts';
import { ADAPTERS } from './registry.ts';
import type { EndpointSpec, FeedAdapter, FeedDocument } from './types.ts';

/**
 * Probe order when nothing names the platform: cheap and most common first (Statuspage runs about
 * 70 % of the catalogue), JSON before feeds (feeds carry no components), and the generic feed
 * paths OSS tools use last (statusphere's order). One request per adapter: its primary document.
 * `incidentio-compat` reads the same URL as `statuspage-json` (fetched once) and claims only
 * summaries with incident.io's ids. PagerDuty, Checkly, Sorry and StatusCast are not guessed:
 * their pages name themselves (page hints), and Checkly's and Sorry's data live on their own API
 * hosts, which only a page id found in the page can address.
 */
export const PROBE_ORDER: readonly AdapterId[] = [
  'incidentio-compat', 'statuspage-json', 'instatus-json', 'incidentio-widget', 'incidentio-proxy', 'cachet-v2', 'cachet-v3',
  'betterstack', 'slack', 'stripe', 'gcp', 'aws-currentevents',
];

/**
 * Readers of the page itself, tried on the HTML the user's URL already returned (no request),
 * each only when its cheap marker is in the page. `json` lists the same platform's JSON adapters:
 * they are asked first (an API is smaller to poll and steadier than a page's rendering), and the
 * page's own reading is kept when they are missing, refused or disabled.
 */
const PAGE_READERS: readonly { adapter: AdapterId; marker: RegExp; json: readonly AdapterId[] }[] = [
  { adapter: 'incidentio-html', marker: /self\.__next_f\.push/, json: ['incidentio-proxy', 'incidentio-widget', 'incidentio-compat'] },
  { adapter: 'instatus-html', marker: /activeIncidents/, json: ['instatus-json'] },
  { adapter: 'betterstack-html', marker: /\/favicons\/[a-z_]+-/, json: ['betterstack'] },
  { adapter: 'statuscast', marker: /status-list-component-status-text/, json: [] },
];
export const FEED_PATHS: readonly string[] = ['/history.atom', '/history.rss', '/feed.atom', '/feed.rss', '/feed', '/rss'];

export interface DetectOptions {
  /** Per-probe total deadline; short, because a probe is a guess. Default 5 s. */
  probeTimeoutMs?: number;
  /** Other fetch settings for probes (cap, connect timeout). */
  fetchOptions?: Omit<FetchOptions, 'etag' | 'lastModified' | 'totalTimeoutMs'>;
  /** Where status.io's API lives; tests point it at the loopback server. */
  statusioApi?: string;
  /** Where Checkly's public status-page API lives (default https://api.checklyhq.com). */
  checklyApi?: string;
  /** Where Sorry's API lives (default https://api.sorryapp.com). */
  sorryApi?: string;
  /** UTC ISO instant stamped on the probe's snapshot; defaults to now. */
  fetchedAt?: string;
}

/** One URL detection tried and what it answered. */
export interface ProbeAttempt {
  url: string;
  /** The adapter the URL was tried for, or `page` for the page itself. */
  adapter: AdapterId | 'page';
  status?: number;
  outcome: 'ok' | FetchErrorKind | FeedErrorKind;
  message: string;
}

export interface Detection {
  adapterId: AdapterId;
  adapter: FeedAdapter;
  /** The adapter's verdict: a feed adapter names the platform that wrote the feed. */
  platform: Platform;
  base: string;
  endpoints: EndpointSpec[];
  /** The probe's parse of the primary document only (optional documents not fetched yet). */
  snapshot: Snapshot;
  /** Bodies fetched during detection by URL, so a full read need not fetch them again. */
  documents: Record<string, FeedDocument>;
  tried: ProbeAttempt[];
}

export interface DetectError {
  /** `unreachable`: the host never answered (offline, DNS, refused) — not evidence of no page. */
  kind: 'invalid_url' | 'unreachable' | 'not_found';
  url: string;
  message: string;
  tried: ProbeAttempt[];
}

export type DetectResult = { ok: true; value: Detection } | { ok: false; error: DetectError };

/**
 * Any status-page URL (home page, custom domain, direct feed or API URL) → the adapter that reads
 * it. A URL that names a document is confirmed by parsing its adapter's primary endpoint; else
 * the page's HTML is read for hints and the known endpoints are probed until one parses. Stops at
 * the first success and as soon as the host proves unreachable.
 */
export async function detect(input: string, http: FetchFn, opts: DetectOptions = {}): Promise<DetectResult> {
  const url = normaliseInput(input);
  if (!url) return { ok: false, error: { kind: 'invalid_url', url: input, message: 'not an http(s) URL', tried: [] } };
  const session = new Probe(url, http, opts);
  const direct = matchDirect(url);
  let base = pageBase(url);
  let hints: PageHints = { preferred: [], statusioPageId: undefined, feeds: [] };
  if (direct) {
    // A Statuspage-shaped URL may be incident.io's compatible API: the same document decides.
    for (const adapter of direct.adapter === 'statuspage-json' ? ['incidentio-compat', 'statuspage-json'] as const : [direct.adapter]) {
      const hit = await session.tryAdapter(adapter, direct.base);
      if (hit) return { ok: true, value: hit };
    }
    if (direct.adapter !== 'feed-xml' && direct.adapter !== 'statusio') base = direct.base;
    else base = pageBase(new URL(url.href.replace(/\/[^/]*$/, '/')));
  } else {
    const page = await session.readPage();
    if (page.detection) return { ok: true, value: page.detection };
    hints = page.hints;
    if (page.reading) {
      // The HTML the user's URL returned already reads: ask only its platform's JSON, then settle.
      for (const adapter of page.reading.json) {
        const hit = await session.tryAdapter(adapter, base);
        if (hit) return { ok: true, value: hit };
        if (session.unreachable) break;
      }
      return { ok: true, value: page.reading.detection };
    }
  }
  if (session.unreachable) return session.failure('unreachable');

  const candidates: { adapter: AdapterId; base: string }[] = [];
  const statusioApi = (opts.statusioApi ?? 'https://api.status.io').replace(/\/+$/, '');
  if (hints.statusioPageId) candidates.push({ adapter: 'statusio', base: `${statusioApi}/1.0/status/${hints.statusioPageId}` });
  const checklyApi = (opts.checklyApi ?? 'https://api.checklyhq.com').replace(/\/+$/, '');
  const checklyId = hints.checklyPageId ?? (hints.checkly ? await session.checklyPageId(checklyApi) : undefined);
  if (checklyId) candidates.push({ adapter: 'checkly', base: `${checklyApi}/v1/status-page/${checklyId}` });
  const sorryApi = (opts.sorryApi ?? 'https://api.sorryapp.com').replace(/\/+$/, '');
  if (hints.sorryPageId) candidates.push({ adapter: 'sorry', base: `${sorryApi}/v1/pages/${hints.sorryPageId}` });
  for (const adapter of [...hints.preferred, ...PROBE_ORDER]) candidates.push({ adapter, base });
  for (const feed of hints.feeds) candidates.push({ adapter: 'feed-xml', base: feed });
  for (const path of FEED_PATHS) candidates.push({ adapter: 'feed-xml', base: base + path });

  for (const candidate of candidates) {
    const hit = await session.tryAdapter(candidate.adapter, candidate.base);
    if (hit) return { ok: true, value: hit };
    if (session.unreachable) return session.failure('unreachable');
  }
  return session.failure('not_found');
}

/** The state of one detection: what was tried, and whether the host has proved unreachable. */
class Probe {
  readonly tried: ProbeAttempt[] = [];
  unreachable = false;
  private timeouts = 0;
  private readonly url: URL;
  private readonly http: FetchFn;
  private readonly opts: DetectOptions;
  private readonly fetchedAt: string;
  /** Bodies already fetched, by URL: two readers of one document (Statuspage, incident.io's compatible API) cost one request. */
  private readonly bodies = new Map<string, FeedDocument>();

  constructor(url: URL, http: FetchFn, opts: DetectOptions) {
    this.url = url;
    this.http = http;
    this.opts = opts;
    this.fetchedAt = opts.fetchedAt ?? new Date().toISOString();
  }

  private async get(target: string, adapter: AdapterId | 'page'): Promise<FeedDocument | undefined> {
    if (this.tried.some((t) => t.url === target)) return this.bodies.get(target);
    const out = await this.http(target, { ...this.opts.fetchOptions, totalTimeoutMs: this.opts.probeTimeoutMs ?? 5_000 });
    if (!out.ok || out.notModified) {
      const error = out.ok ? { kind: 'http_status' as const, message: 'Unexpected 304.', status: 304 } : out.error;
      this.tried.push({ url: target, adapter, outcome: error.kind, message: error.message, ...(error.status ? { status: error.status } : {}) });
      // Only failures on the page's own host say anything about the page's host.
      if (new URL(target).host === this.url.host) {
        if (error.kind === 'network') this.unreachable = true;
        if (error.kind === 'timeout' && ++this.timeouts >= 2) this.unreachable = true;
      }
      return undefined;
    }
    this.tried.push({ url: target, adapter, status: out.value.status, outcome: 'ok', message: `HTTP ${out.value.status}` });
    const doc = { url: out.value.url, body: out.value.body, contentType: out.value.contentType };
    this.bodies.set(target, doc);
    return doc;
  }

  /** Fetch the adapter's primary endpoint at `base` and parse it; a Detection when it reads. */
  async tryAdapter(adapterId: AdapterId, base: string): Promise<Detection | undefined> {
    const endpoints = endpointsFor(adapterId, base);
    const primary = endpoints.find((e) => !e.optional) ?? endpoints[0];
    if (!primary) return undefined;
    const doc = await this.get(primary.url, adapterId);
    return doc ? this.parse(adapterId, base, endpoints, primary, doc) : undefined;
  }

  private parse(adapterId: AdapterId, base: string, endpoints: EndpointSpec[], primary: EndpointSpec, doc: FeedDocument): Detection | undefined {
    const adapter = ADAPTERS[adapterId];
    const parsed = adapter.parse({ [primary.role]: doc }, { sourceUrl: this.url.href, fetchedAt: this.fetchedAt });
    const attempt = this.tried.findLast((t) => t.url === primary.url);
    if (!parsed.ok) {
      if (attempt) Object.assign(attempt, { outcome: parsed.error.kind, message: parsed.error.message });
      return undefined;
    }
    // Another reader of the same body may have refused it first; this one's verdict stands.
    if (attempt && attempt.outcome !== 'ok') Object.assign(attempt, { outcome: 'ok', message: `HTTP ${attempt.status ?? 200}` });
    return { adapterId, adapter, platform: parsed.snapshot.source.platform, base, endpoints, snapshot: parsed.snapshot, documents: { [primary.url]: doc }, tried: this.tried };
  }

  /**
   * The page itself: a feed or status.io JSON served at the URL reads directly; HTML yields hints
   * that reorder the probes and, where the platform embeds its data in the page, a reading of the
   * page itself. One request that usually saves several.
   */
  async readPage(): Promise<{ detection?: Detection; reading?: { detection: Detection; json: readonly AdapterId[] }; hints: PageHints }> {
    const none: PageHints = { preferred: [], statusioPageId: undefined, feeds: [] };
    const href = this.url.href;
    const doc = await this.get(href, 'page');
    if (!doc) return { hints: none };
    const decoded = decodeBody(doc.body);
    const attempt = this.tried[this.tried.length - 1];
    if (!decoded.ok) {
      if (decoded.error.kind === 'html_page') {
        const text = new TextDecoder().decode(doc.body);
        if (attempt) attempt.message = 'HTML page (read for hints)';
        return { hints: readPageHints(text, doc.url), ...this.readPageData(text, href, doc) };
      }
      if (attempt) Object.assign(attempt, { outcome: decoded.error.kind, message: decoded.error.message });
      return { hints: none };
    }
    const head = decoded.text.trimStart();
    const asFeed = head.startsWith('<') ? 'feed-xml' : head.startsWith('{') ? 'statusio' : undefined;
    if (asFeed) {
      const endpoints = endpointsFor(asFeed, href);
      const primary = endpoints[0];
      const hit = primary ? this.parse(asFeed, href, endpoints, primary, doc) : undefined;
      if (hit) return { detection: hit, hints: none };
    }
    return { hints: none };
  }

  /** The first page reader whose marker is in the page and which reads it; no request. */
  private readPageData(text: string, href: string, doc: FeedDocument): { reading?: { detection: Detection; json: readonly AdapterId[] } } {
    for (const reader of PAGE_READERS) {
      if (!reader.marker.test(text)) continue;
      const endpoints = endpointsFor(reader.adapter, href);
      const parsed = ADAPTERS[reader.adapter].parse({ main: doc }, { sourceUrl: href, fetchedAt: this.fetchedAt });
      if (!parsed.ok) continue;
      const attempt = this.tried.findLast((t) => t.url === href);
      if (attempt) attempt.message = `HTML page (its data read by ${reader.adapter})`;
      const detection: Detection = {
        adapterId: reader.adapter, adapter: ADAPTERS[reader.adapter], platform: parsed.snapshot.source.platform, base: href, endpoints,
        snapshot: parsed.snapshot, documents: { [href]: doc }, tried: this.tried,
      };
      return { reading: { detection, json: reader.json } };
    }
    return {};
  }

  /**
   * Checkly's page id for this page's host: `<api>/v1/status-page/<host>/metadata?type=customDomain`,
   * or `<slug>/metadata?type=customUrl` on Checkly's own domain [C: public client code].
   */
  async checklyPageId(api: string): Promise<string | undefined> {
    const host = this.url.host;
    const slug = /^([\w-]+)\.checkly-status-pages?\.com$/i.exec(host)?.[1];
    const target = `${api}/v1/status-page/${encodeURIComponent(slug ?? host)}/metadata?type=${slug ? 'customUrl' : 'customDomain'}`;
    const doc = await this.get(target, 'checkly');
    if (!doc) return undefined;
    const read = readJson(doc, 'Checkly metadata');
    const id = read.ok ? asString(asRecord(read.value)?.id) : undefined;
    const attempt = this.tried.findLast((t) => t.url === target);
    if (attempt && !(id && /^\d{1,12}$/.test(id))) Object.assign(attempt, { outcome: 'wrong_format', message: 'No Checkly page id in the answer.' });
    return id && /^\d{1,12}$/.test(id) ? id : undefined;
  }

  failure(kind: 'unreachable' | 'not_found'): DetectResult {
    const lines = this.tried.map((t) => `  ${t.url}: ${describeAttempt(t)}`);
    const what = kind === 'unreachable' ? 'the status page could not be reached' : 'no status page found';
    return { ok: false, error: { kind, url: this.url.href, message: `${what}; tried ${this.tried.length} URL${this.tried.length === 1 ? '' : 's'}:\n${lines.join('\n')}`, tried: this.tried } };
  }
}

/** "HTTP 404", "HTTP 200, html_page (…)", "network (The connection was refused…)". */
export function describeAttempt(t: ProbeAttempt): string {
  if (t.outcome === 'http_status') return `HTTP ${t.status ?? '?'}`;
  const status = t.status !== undefined ? `HTTP ${t.status}, ` : '';
  return t.outcome === 'ok' ? `${status}${t.message}` : `${status}${t.outcome} (${t.message})`;
}
