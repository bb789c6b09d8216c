import type { FeedError, FeedWarning, FetchError, Snapshot } from '../../../shared/model/index.ts';
import { endpointsFor, type AdapterId } from '../feeds/endpoints.ts';
import { ADAPTERS } from '../feeds/registry.ts';
import type { EndpointSpec, FeedAdapter, FeedDocument, FeedDocuments } from '../feeds/types.ts';
import { fetchDocument, type FetchFn, type FetchOptions } from './http.ts';

/** HTTP validators of one endpoint, carried from one poll to the next. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface ReadVendorOptions {
  /** Defaults to fetchDocument; tests and detection pass wrappers. */
  fetch?: FetchFn;
  /** Timeouts and caps for every endpoint (validators are per endpoint, below). */
  fetchOptions?: Omit<FetchOptions, 'etag' | 'lastModified'>;
  /** Endpoints fetched at once. Default 3: polite to one vendor, and most adapters read ≤ 4 documents. */
  concurrency?: number;
  /** Previous validators by endpoint URL: sent as If-None-Match / If-Modified-Since. */
  validators?: Readonly<Record<string, Validators>>;
  /** Previous bodies by endpoint URL: what a 304 means. Without one, a 304 is re-fetched plainly. */
  cached?: Readonly<Record<string, FeedDocument>>;
  /** Bodies already fetched this round by URL (detection's probe): not fetched again. */
  prefetched?: Readonly<Record<string, FeedDocument>>;
  /** The URL the user watches; defaults to the base. */
  sourceUrl?: string;
  /** UTC ISO instant of this read; defaults to now. */
  fetchedAt?: string;
  timeZone?: string;
}

/** What happened to one endpoint: what the poller stores for next time and shows in diagnostics. */
export interface EndpointRead {
  role: string;
  url: string;
  optional: boolean;
  outcome: 'fetched' | 'not_modified' | 'prefetched' | 'failed';
  /** Validators to send next time (unchanged ones carried over on a 304). */
  validators: Validators;
  /** The body used for this read (fresh, or the cached one on a 304). */
  document?: FeedDocument;
  error?: FetchError;
  status?: number;
  bytes?: number;
  latencyMs?: number;
}

/** Why a read produced no snapshot: the network's verdict or the adapter's. */
export type ReadFailure = { source: 'fetch'; role: string; error: FetchError } | { source: 'feed'; error: FeedError };

export type ReadVendorResult =
  /** Every endpoint answered 304: nothing to parse, keep the previous snapshot. */
  | { ok: true; unchanged: true; endpoints: EndpointRead[] }
  | { ok: true; unchanged: false; snapshot: Snapshot; endpoints: EndpointRead[] }
  | { ok: false; failure: ReadFailure; endpoints: EndpointRead[] };

/**
 * One read of a vendor: fetch the adapter's endpoints for `base`, parse them together. A failed
 * optional endpoint (Statuspage's history, Cachet's schedules) becomes a snapshot warning so the
 * vendor still shows its status; a failed required one is the read's failure. Shared by the
 * `check` command and the poller, which keeps `endpoints[].validators` and `.document` per URL.
 */
export async function readVendor(adapterId: AdapterId, base: string, opts: ReadVendorOptions = {}): Promise<ReadVendorResult> {
  return readEndpoints(ADAPTERS[adapterId], endpointsFor(adapterId, base), { sourceUrl: base, ...opts });
}

/** readVendor for an explicit adapter and endpoint list (tests, detection, custom endpoints). */
export async function readEndpoints(adapter: FeedAdapter, endpoints: readonly EndpointSpec[], opts: ReadVendorOptions = {}): Promise<ReadVendorResult> {
  const reads = await mapLimit(endpoints, opts.concurrency ?? 3, (spec) => readOne(spec, opts));
  const failedRequired = reads.find((r) => r.outcome === 'failed' && !r.optional);
  if (failedRequired?.error) return { ok: false, failure: { source: 'fetch', role: failedRequired.role, error: failedRequired.error }, endpoints: reads };
  if (reads.every((r) => r.outcome === 'not_modified')) return { ok: true, unchanged: true, endpoints: reads };

  const docs: FeedDocuments = {};
  for (const read of reads) if (read.document) docs[read.role] = read.document;
  const parsed = adapter.parse(docs, {
    sourceUrl: opts.sourceUrl ?? endpoints[0]?.url ?? '',
    fetchedAt: opts.fetchedAt ?? new Date().toISOString(),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  });
  if (!parsed.ok) return { ok: false, failure: { source: 'feed', error: parsed.error }, endpoints: reads };
  const warnings: FeedWarning[] = reads
    .filter((r) => r.outcome === 'failed' && r.error)
    .map((r) => ({ code: `endpoint_${r.error?.kind ?? 'failed'}`, message: `The ${r.role} document could not be read (${r.url}): ${r.error?.message ?? 'failed'}`, path: r.role }));
  if (warnings.length > 0) parsed.snapshot.warnings.push(...warnings);
  return { ok: true, unchanged: false, snapshot: parsed.snapshot, endpoints: reads };
}

async function readOne(spec: EndpointSpec, opts: ReadVendorOptions): Promise<EndpointRead> {
  const base = { role: spec.role, url: spec.url, optional: spec.optional };
  const pre = opts.prefetched?.[spec.url];
  if (pre) return { ...base, outcome: 'prefetched', validators: { etag: null, lastModified: null }, document: pre };
  const fetch = opts.fetch ?? fetchDocument;
  const sent = opts.validators?.[spec.url];
  const cached = opts.cached?.[spec.url];
  // Validators are only worth sending when we still hold the body a 304 stands for.
  const conditional = sent && cached ? { etag: sent.etag, lastModified: sent.lastModified } : {};
  const out = await fetch(spec.url, { ...opts.fetchOptions, ...conditional });
  if (!out.ok) return { ...base, outcome: 'failed', validators: sent ?? { etag: null, lastModified: null }, error: out.error, ...(out.error.status ? { status: out.error.status } : {}) };
  if (out.notModified) {
    const validators = { etag: out.value.etag ?? sent?.etag ?? null, lastModified: out.value.lastModified ?? sent?.lastModified ?? null };
    return { ...base, outcome: 'not_modified', validators, status: 304, latencyMs: out.value.latencyMs, ...(cached ? { document: cached } : {}) };
  }
  const v = out.value;
  return {
    ...base,
    outcome: 'fetched',
    validators: { etag: v.etag, lastModified: v.lastModified },
    document: { url: v.url, body: v.body, contentType: v.contentType },
    status: v.status,
    bytes: v.bytes,
    latencyMs: v.latencyMs,
  };
}

/** Map with at most `limit` promises in flight; results keep input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
