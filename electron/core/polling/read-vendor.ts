import type { FeedError, FeedWarning, FetchError, Snapshot } from '../../../shared/model/index.ts';
import { endpointsFor, type AdapterId } from '../feeds/endpoints.ts';
import type { EndpointSpec, FeedAdapter, FeedDocument, FeedDocuments } from '../feeds/types.ts';
import type { FeedEntryCache } from '../feeds/feed/entry-cache.ts';
import type { FeedParseContext } from '../feeds/feed/adapter.ts';
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
  /**
   * Previous validators by endpoint URL: sent as If-None-Match / If-Modified-Since. Give them only
   * while the caller holds what they stand for (the snapshot read from those bodies): when every
   * endpoint answers 304 the read is `unchanged` and nothing is parsed.
   */
  validators?: Readonly<Record<string, Validators>>;
  /**
   * Previous bodies by endpoint URL, or a function that finds one (the poller keeps them in the
   * history, not in memory): needed only when some endpoints answer 304 and others changed, to parse
   * the whole set again. An endpoint without one is then re-fetched plainly.
   */
  cached?: Readonly<Record<string, FeedDocument>> | ((url: string) => FeedDocument | undefined);
  /** Bodies already fetched this round by URL (detection's probe): not fetched again. */
  prefetched?: Readonly<Record<string, FeedDocument>>;
  /** The URL the user watches; defaults to the base. */
  sourceUrl?: string;
  /** UTC ISO instant of this read; defaults to now. */
  fetchedAt?: string;
  timeZone?: string;
  /** The feed's entry cache (feed-xml only; feeds/feed/entry-cache.ts): the poller keeps one per recently changed feed. */
  entryCache?: FeedEntryCache;
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
  return readEndpoints(() => adapterFor(adapterId), endpointsFor(adapterId, base), { sourceUrl: base, ...opts });
}

let registry: Promise<{ ADAPTERS: Record<AdapterId, FeedAdapter> }> | undefined;

/**
 * An adapter, its registry imported on the first parse: a process whose feeds all answer 304
 * (`daemon --once` run again) never needs one, and importing every adapter was ≈300 ms of CPU and
 * ≈15 MB of RSS of such a run.
 */
export function adapterFor(id: AdapterId): Promise<FeedAdapter> {
  registry ??= import('../feeds/registry.ts');
  return registry.then((r) => r.ADAPTERS[id]);
}

/**
 * readVendor for an explicit adapter and endpoint list (tests, detection, custom endpoints). The
 * adapter may be given as a loader, called only when there is something to parse.
 */
export async function readEndpoints(adapter: FeedAdapter | (() => Promise<FeedAdapter>), endpoints: readonly EndpointSpec[], opts: ReadVendorOptions = {}): Promise<ReadVendorResult> {
  const limit = opts.concurrency ?? 3;
  const reads = await mapLimit(endpoints, limit, (spec) => readOne(spec, opts));
  const failedRequired = reads.find((r) => r.outcome === 'failed' && !r.optional);
  if (failedRequired?.error) return { ok: false, failure: { source: 'fetch', role: failedRequired.role, error: failedRequired.error }, endpoints: reads };
  if (reads.every((r) => r.outcome === 'not_modified')) return { ok: true, unchanged: true, endpoints: reads };
  // A partial 304: the unchanged documents are parsed again with the changed ones, from the bodies
  // the caller kept, or read again in full when it kept none.
  const missing = reads.flatMap((r, i) => (r.outcome === 'not_modified' && !r.document ? [i] : []));
  for (const i of missing) {
    const document = cachedDocument(opts, reads[i]!.url);
    if (document) reads[i] = { ...reads[i]!, document };
  }
  const refetch = missing.filter((i) => !reads[i]!.document);
  if (refetch.length > 0) {
    const again = await mapLimit(refetch, limit, (i) => readOne(endpoints[i]!, { ...opts, validators: {} }));
    refetch.forEach((i, k) => (reads[i] = again[k]!));
    const failed = again.find((r) => r.outcome === 'failed' && !r.optional);
    if (failed?.error) return { ok: false, failure: { source: 'fetch', role: failed.role, error: failed.error }, endpoints: reads };
  }

  const docs: FeedDocuments = {};
  for (const read of reads) if (read.document) docs[read.role] = read.document;
  const ctx: FeedParseContext = {
    sourceUrl: opts.sourceUrl ?? endpoints[0]?.url ?? '',
    fetchedAt: opts.fetchedAt ?? new Date().toISOString(),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    ...(opts.entryCache ? { entryCache: opts.entryCache } : {}),
  };
  const parsed = (typeof adapter === 'function' ? await adapter() : adapter).parse(docs, ctx);
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
  const conditional = sent ? { etag: sent.etag, lastModified: sent.lastModified } : {};
  const out = await fetch(spec.url, { ...opts.fetchOptions, ...conditional });
  if (!out.ok) return { ...base, outcome: 'failed', validators: sent ?? { etag: null, lastModified: null }, error: out.error, ...(out.error.status ? { status: out.error.status } : {}) };
  if (out.notModified) {
    const validators = { etag: out.value.etag ?? sent?.etag ?? null, lastModified: out.value.lastModified ?? sent?.lastModified ?? null };
    // A body kept in memory comes along (cheap); one kept elsewhere is looked up only if needed.
    const cached = typeof opts.cached === 'function' ? undefined : opts.cached?.[spec.url];
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

function cachedDocument(opts: ReadVendorOptions, url: string): FeedDocument | undefined {
  return typeof opts.cached === 'function' ? opts.cached(url) : opts.cached?.[url];
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
