import type { FeedErrorKind, FetchErrorKind, Platform, Snapshot } from '../../../shared/model/index.ts';
import type { FetchFn, FetchOptions } from '../polling/http.ts';
import { decodeBody } from './common/decode.ts';
import { matchDirect, normaliseInput, pageBase } from './detect/direct.ts';
import { readPageHints, type PageHints } from './detect/hints.ts';
import { endpointsFor, type AdapterId } from './endpoints.ts';
import { ADAPTERS } from './registry.ts';
import type { EndpointSpec, FeedAdapter, FeedDocument } from './types.ts';

/**
 * Probe order when nothing names the platform: cheap and most common first (Statuspage runs about
 * 70 % of the catalogue), JSON before feeds (feeds carry no components), and the generic feed
 * paths OSS tools use last (statusphere's order). One request per adapter: its primary document.
 */
export const PROBE_ORDER: readonly AdapterId[] = [
  'statuspage-json', 'instatus-json', 'incidentio-widget', 'incidentio-proxy', 'cachet-v2', 'cachet-v3',
  'betterstack', 'slack', 'stripe', 'gcp', 'aws-currentevents',
];
export const FEED_PATHS: readonly string[] = ['/history.atom', '/history.rss', '/feed.atom', '/feed.rss', '/feed', '/rss'];

export interface DetectOptions {
  /** Per-probe total deadline; short, because a probe is a guess. Default 5 s. */
  probeTimeoutMs?: number;
  /** Other fetch settings for probes (cap, connect timeout). */
  fetchOptions?: Omit<FetchOptions, 'etag' | 'lastModified' | 'totalTimeoutMs'>;
  /** Where status.io's API lives; tests point it at the loopback server. */
  statusioApi?: string;
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
    const hit = await session.tryAdapter(direct.adapter, direct.base);
    if (hit) return { ok: true, value: hit };
    if (direct.adapter !== 'feed-xml' && direct.adapter !== 'statusio') base = direct.base;
    else base = pageBase(new URL(url.href.replace(/\/[^/]*$/, '/')));
  } else {
    const page = await session.readPage();
    if (page.detection) return { ok: true, value: page.detection };
    hints = page.hints;
  }
  if (session.unreachable) return session.failure('unreachable');

  const statusioApi = (opts.statusioApi ?? 'https://api.status.io').replace(/\/+$/, '');
  const candidates: { adapter: AdapterId; base: string }[] = [];
  if (hints.statusioPageId) candidates.push({ adapter: 'statusio', base: `${statusioApi}/1.0/status/${hints.statusioPageId}` });
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

  constructor(url: URL, http: FetchFn, opts: DetectOptions) {
    this.url = url;
    this.http = http;
    this.opts = opts;
    this.fetchedAt = opts.fetchedAt ?? new Date().toISOString();
  }

  private async get(target: string, adapter: AdapterId | 'page'): Promise<FeedDocument | undefined> {
    if (this.tried.some((t) => t.url === target)) return undefined;
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
    return { url: out.value.url, body: out.value.body, contentType: out.value.contentType };
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
    return { adapterId, adapter, platform: parsed.snapshot.source.platform, base, endpoints, snapshot: parsed.snapshot, documents: { [primary.url]: doc }, tried: this.tried };
  }

  /**
   * The page itself: a feed or status.io JSON served at the URL reads directly; HTML yields hints
   * that reorder the probes. One request that usually saves several.
   */
  async readPage(): Promise<{ detection?: Detection; hints: PageHints }> {
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
        return { hints: readPageHints(text, doc.url) };
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
