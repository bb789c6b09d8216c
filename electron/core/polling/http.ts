import { Agent, request, type Dispatcher } from 'undici';
import type { FetchError } from '../../../shared/model/index.ts';
import pkg from '../../../package.json' with { type: 'json' };
import { parseRetryAfter } from './backoff.ts';
import { decoderFor, discard, readCappedBody } from './http-body.ts';
import { classifyRequestError } from './http-errors.ts';

/** Identifies us to vendors (some rate-limit anonymous clients harder) and gives them a way to reach us. */
export const USER_AGENT = `Upstream/${pkg.version} (+status monitor)`;

/** Feeds and APIs first; `*\/*` last because vendors mislabel feeds (text/plain, text/html). */
export const DEFAULT_ACCEPT = 'application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export interface FetchOptions {
  /** TCP (+TLS) connect. Short: a dead host should fail fast. Default 5 s. */
  connectTimeoutMs?: number;
  /** From request sent to all headers received. Default 10 s. */
  headersTimeoutMs?: number;
  /** Longest silence between body chunks. Default 10 s. */
  bodyTimeoutMs?: number;
  /**
   * Whole request including redirects and body. The idle timeouts alone never cut a body that
   * drips one byte a second, so this deadline is what bounds a poll. Default 20 s.
   */
  totalTimeoutMs?: number;
  /** Decoded body cap. Default 5 MiB (GCP's incidents.json is the largest real feed, ~2-3 MiB). */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Validators from the previous response, sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Cancels the request from outside (app quitting, vendor removed); reported as a timeout. */
  signal?: AbortSignal;
  /** Pool to use; by default one shared keep-alive agent per connect timeout. */
  dispatcher?: Dispatcher;
  /** Clock for Retry-After HTTP dates. */
  now?: () => number;
}

/** A 2xx answer with its body, ready for an adapter. */
export interface FetchedDocument {
  /** Final URL after redirects: adapters resolve relative links against it. */
  url: string;
  status: number;
  body: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Decoded body size. */
  bytes: number;
  latencyMs: number;
}

/** A 304: the document is unchanged since the validators we sent. */
export interface NotModified {
  url: string;
  status: 304;
  etag: string | null;
  lastModified: string | null;
  latencyMs: number;
}

export type FetchOutcome =
  | { ok: true; notModified: false; value: FetchedDocument }
  | { ok: true; notModified: true; value: NotModified }
  | { ok: false; error: FetchError };

/** The function shape detection and the poller depend on, so tests and callers can wrap it. */
export type FetchFn = (url: string, opts?: FetchOptions) => Promise<FetchOutcome>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const agents = new Map<number, Agent>();

function agentFor(connectTimeoutMs: number): Agent {
  let agent = agents.get(connectTimeoutMs);
  if (!agent) {
    agent = new Agent({ connect: { timeout: connectTimeoutMs }, keepAliveTimeout: 10_000 });
    agents.set(connectTimeoutMs, agent);
  }
  return agent;
}

/** Close the shared agents (CLI exit, test teardown) so no keep-alive socket holds the process. */
export async function closeHttpAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close().catch(() => undefined)));
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/**
 * Absolute request URLs already parsed: the poller asks for the same few thousand URLs over and
 * over, and a URL parse was a measurable share of a quiet poll. Only ever read (never mutated),
 * and cleared past a bound so an unusual caller cannot grow it without end.
 */
const parsedUrls = new Map<string, URL | null>();

function httpUrl(text: string, base?: string): URL | null {
  if (base === undefined) {
    const known = parsedUrls.get(text);
    if (known !== undefined) return known;
  }
  let url: URL | null;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') url = null;
  } catch {
    url = null;
  }
  if (base === undefined) {
    if (parsedUrls.size >= 10_000) parsedUrls.clear();
    parsedUrls.set(text, url);
  }
  return url;
}

/**
 * GET one document. Never throws: every outcome is a value, and network-level failures (refused,
 * reset, DNS) are `network` so the poller can tell "we are offline" from "the vendor is broken".
 * Redirects are followed by hand (only to http/https, at most `maxRedirects`, loops detected) so
 * each hop gets the same deadline and cap as the first.
 */
export async function fetchDocument(url: string, opts: FetchOptions = {}): Promise<FetchOutcome> {
  const started = performance.now();
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? 5;
  const dispatcher = opts.dispatcher ?? agentFor(opts.connectTimeoutMs ?? 5_000);
  const now = opts.now ?? Date.now;
  const first = httpUrl(url);
  if (!first) return { ok: false, error: { kind: 'invalid_url', message: 'Only http:// and https:// URLs can be read.', url } };

  const deadline = new AbortController();
  let deadlineHit = false;
  const timer = setTimeout(() => {
    deadlineHit = true;
    deadline.abort();
  }, opts.totalTimeoutMs ?? 20_000);
  const signal = opts.signal ? AbortSignal.any([deadline.signal, opts.signal]) : deadline.signal;
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: opts.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

  let current: URL = first;
  const visited = new Set<string>();
  let status: number | undefined;
  try {
    for (let hop = 0; ; hop++) {
      visited.add(current.href);
      status = undefined;
      const res = await request(current, { method: 'GET', headers, dispatcher, signal, headersTimeout: opts.headersTimeoutMs ?? 10_000, bodyTimeout: opts.bodyTimeoutMs ?? 10_000 });
      status = res.statusCode;
      const latencyMs = () => Math.round(performance.now() - started);
      const etag = header(res.headers, 'etag');
      const lastModified = header(res.headers, 'last-modified');

      if (REDIRECTS.has(status)) {
        discard(res.body);
        const location = header(res.headers, 'location');
        const next: URL | null = location === null ? null : httpUrl(location, current.href);
        if (!next) return fail({ kind: 'invalid_url', message: `Redirect to an unusable location (${location ?? 'none'}).`, url: current.href });
        if (visited.has(next.href)) return fail({ kind: 'too_many_redirects', message: `Redirect loop back to ${next.href}.`, url });
        if (hop + 1 > maxRedirects) return fail({ kind: 'too_many_redirects', message: `More than ${maxRedirects} redirects.`, url });
        current = next;
        continue;
      }
      if (status === 304) {
        discard(res.body);
        return { ok: true, notModified: true, value: { url: current.href, status: 304, etag, lastModified, latencyMs: latencyMs() } };
      }
      if (status < 200 || status > 299) {
        discard(res.body);
        const error: FetchError = { kind: 'http_status', status, message: `The server answered HTTP ${status}.`, url: current.href };
        if (status === 429 || status === 503) {
          const ms = parseRetryAfter(header(res.headers, 'retry-after'), now());
          if (ms !== undefined) error.retryAfterSeconds = Math.ceil(ms / 1000);
        }
        return fail(error);
      }
      const declared = Number(header(res.headers, 'content-length') ?? NaN);
      const encoding = header(res.headers, 'content-encoding') ?? undefined;
      const decoder = decoderFor(encoding);
      if (decoder === undefined) {
        discard(res.body);
        return fail({ kind: 'http_status', status, message: `The server used an unsupported Content-Encoding (${encoding}).`, url: current.href });
      }
      // An honest Content-Length over the cap is refused before a single body byte is read.
      if (!decoder && Number.isFinite(declared) && declared > maxBytes) {
        discard(res.body);
        return fail(tooLarge(current.href, maxBytes));
      }
      const read = await readCappedBody(res.body, decoder, maxBytes);
      if (!read.ok) return fail(tooLarge(current.href, maxBytes));
      return {
        ok: true,
        notModified: false,
        value: { url: current.href, status, body: read.body, contentType: header(res.headers, 'content-type'), etag, lastModified, bytes: read.body.length, latencyMs: latencyMs() },
      };
    }
  } catch (err) {
    return fail(classifyRequestError(err, current.href, deadlineHit || (opts.signal?.aborted ?? false), status));
  } finally {
    clearTimeout(timer);
  }
}

function fail(error: FetchError): FetchOutcome {
  return { ok: false, error };
}

function tooLarge(url: string, maxBytes: number): FetchError {
  return { kind: 'too_large', message: `The document is larger than ${Math.round(maxBytes / 1024)} KiB.`, url };
}
