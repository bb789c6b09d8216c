import type { Incident, Maintenance, VendorEvent } from '../../../shared/model/index.ts';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import { diffKnown } from '../changes/diff.ts';
import { mergeKnown, sameAbsent, type KnownState } from '../changes/known-state.ts';
import { initialReachability, reachabilityEvents } from '../changes/reachability.ts';
import { oldNews } from '../changes/rules.ts';
import { sameTimeline } from '../changes/update-keys.ts';
import { endpointsFor, isAdapterId, type AdapterId } from '../feeds/endpoints.ts';
import type { FeedEntryCache } from '../feeds/feed/entry-cache.ts';
import type { EndpointSpec, FeedDocument } from '../feeds/types.ts';
import type { FetchOptions } from '../polling/http.ts';
import type { EndpointMemory, PollerMemory, PollResult } from '../polling/poll-result.ts';
import { adapterFor, readEndpoints, type ReadVendorResult } from '../polling/read-vendor.ts';
import { classifyRead, healthAfter, type ReadVerdict } from './classify.ts';

export interface PollVendorDeps {
  now: () => string;
  fetchOptions?: Omit<FetchOptions, 'etag' | 'lastModified'>;
  /** Quick retries within one poll for transient failures; each is counted and logged. */
  maxRetries: number;
  retryDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /**
   * Told of every read's network-level verdict; answers whether a network-level failure should
   * count against this vendor ('vendor') or is possibly our own connection ('network').
   * `startedAt` is when the poll began: an answer from elsewhere since then acquits the network.
   */
  recordConnectivity: (vendorId: string, networkLevelFailure: boolean, startedAt: string) => 'vendor' | 'network';
  /** The vendor's known state as last committed: read only when a document changed. */
  loadKnown: () => KnownState | null;
  /** The body an endpoint's validators stand for (several-document adapters), for a partial 304. */
  cachedDocument: (url: string) => FeedDocument | undefined;
  /** The feed's entry cache, for the adapters that take one (feed-xml). */
  entryCache?: FeedEntryCache;
  timeZone?: string;
}

/**
 * One poll of one vendor, without side effects on storage or memory: read (with counted quick
 * retries), classify, fold into the known state, diff, and derive reachability. The caller writes
 * the result in one transaction, then updates its memory from it, so a crash loses at most this
 * poll and the validators never get ahead of the stored known state.
 *
 * The known state is loaded only when a document changed: a quiet poll (every endpoint 304, or a
 * failure) costs the request and the poll's row, whatever the size of the vendor's feed.
 */
export async function pollVendor(vendor: WatchedVendor, memory: PollerMemory, deps: PollVendorDeps): Promise<PollResult> {
  const at = deps.now();
  const adapter = vendor.adapter;
  if (!isAdapterId(adapter)) throw new Error(`unknown adapter ${adapter}`); // settings validation makes this a bug
  const endpoints = endpointsOf(vendor, adapter);
  // Bodies are kept (in the history) only when a 304 of one document may come with a change in
  // another: a single-document adapter's 304 is the whole answer.
  const keepBodies = endpoints.length > 1;
  let result: ReadVendorResult;
  let verdict: ReadVerdict;
  let retries = 0;
  for (;;) {
    result = await readEndpoints(() => adapterFor(adapter), endpoints, {
      // Validators stand for the stored known state: without one, a 304 would mean nothing.
      validators: memory.hasKnown ? memory.validators : {},
      cached: deps.cachedDocument,
      fetchedAt: at,
      sourceUrl: vendor.url,
      ...(deps.fetchOptions ? { fetchOptions: deps.fetchOptions } : {}),
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
      ...(deps.entryCache ? { entryCache: deps.entryCache } : {}),
    });
    verdict = classifyRead(result);
    if (!verdict.transient || retries >= deps.maxRetries) break;
    retries++;
    await deps.sleep(deps.retryDelayMs);
  }

  const blame = deps.recordConnectivity(vendor.id, verdict.networkLevel, at);
  // An HTTP error proves a server answered: always the vendor's. No answer at all is the vendor's
  // only while other servers answer us.
  const offline = verdict.outcome === 'fetch_error' && verdict.networkLevel && blame === 'network';
  const outcome = offline ? 'offline' : verdict.outcome;
  const ctx = { vendorId: vendor.id, vendorName: vendor.name, now: at };
  const events: VendorEvent[] = [];
  const read: Partial<Pick<PollResult, 'known' | 'unchangedItems' | 'absentUnchanged' | 'oldNews' | 'endpoints'>> = {};
  let firstRead = false;
  if (result.ok && !result.unchanged) {
    // Read even when the memory says there is none: another process (the app and a `daemon --once`)
    // may have stored one since; for a vendor never read it is one indexed lookup, once.
    const previous = deps.loadKnown();
    events.push(...diffKnown(previous, result.snapshot, ctx));
    const known = mergeKnown(previous, result.snapshot, at);
    firstRead = previous === null;
    read.known = known;
    read.unchangedItems = unchangedItems(previous, known);
    if (previous && sameAbsent(previous, known)) read.absentUnchanged = true;
  }
  if (result.ok) read.endpoints = endpointChanges(memory, result, keepBodies);
  const reach = reachabilityEvents(memory.reachability ?? initialReachability(at), outcome, verdict.error, { ...ctx, url: vendor.url });
  events.push(...reach.events);
  if (firstRead) read.oldNews = new Set(oldNews(events));
  return {
    vendor,
    at,
    outcome,
    httpStatus: verdict.httpStatus,
    latencyMs: verdict.latencyMs,
    bytes: verdict.bytes,
    retryAfterMs: verdict.retryAfterMs,
    error: verdict.error,
    retries,
    health: healthAfter(verdict, reach.state.reachable, offline),
    reachability: reach.state,
    events,
    firstRead,
    ...read,
  };
}

/** Endpoint URLs per watched vendor (a URL parse per endpoint per poll, saved). */
const endpointLists = new WeakMap<WatchedVendor, { adapter: string; base: string; list: EndpointSpec[] }>();

function endpointsOf(vendor: WatchedVendor, adapter: AdapterId): EndpointSpec[] {
  let entry = endpointLists.get(vendor);
  if (!entry || entry.adapter !== adapter || entry.base !== vendor.base) {
    endpointLists.set(vendor, (entry = { adapter, base: vendor.base, list: endpointsFor(adapter, vendor.base) }));
  }
  return entry.list;
}

/**
 * What to remember of each endpoint after a successful read: validators that changed, bodies of a
 * several-document adapter's documents read anew, and endpoints to forget (a server that stopped
 * sending validators). Nothing is remembered from a failed read: its validators would stand for a
 * document whose snapshot was never stored, and the next poll's 304 would hide it.
 */
function endpointChanges(memory: PollerMemory, result: ReadVendorResult & { ok: true }, keepBodies: boolean): EndpointMemory[] {
  const changes: EndpointMemory[] = [];
  for (const read of result.endpoints) {
    if (read.outcome !== 'fetched' && read.outcome !== 'not_modified') continue;
    const { etag, lastModified } = read.validators;
    const before = memory.validators[read.url];
    if (!etag && !lastModified) {
      if (before) changes.push({ url: read.url, etag: null, lastModified: null, document: null });
      continue;
    }
    const same = before?.etag === etag && before.lastModified === lastModified;
    if (read.outcome === 'fetched') {
      if (keepBodies) changes.push({ url: read.url, etag, lastModified, document: read.document ?? null });
      else if (!same) changes.push({ url: read.url, etag, lastModified, document: null });
    } else if (!same) {
      // A 304 with new validators: the stored body still stands.
      changes.push({ url: read.url, etag, lastModified });
    }
  }
  return changes;
}

/**
 * Items of the new known state exactly as the previous one held them while the feed listed them:
 * the store already holds these and only stamps them as seen. Compared field by field (the adapter
 * builds new objects on every read, so identity says nothing).
 */
function unchangedItems(previous: KnownState | null, known: KnownState): Set<string> {
  const same = new Set<string>();
  if (!previous) return same;
  const listed = (key: string): boolean => previous.lastSeen[key] !== undefined && previous.lastSeen[key] === (previous.readAt ?? previous.snapshot.source.fetchedAt);
  const before = new Map(previous.snapshot.incidents.map((i) => [i.id, i]));
  for (const incident of known.snapshot.incidents) {
    const key = `incident:${incident.id}`;
    const old = before.get(incident.id);
    if (old && listed(key) && sameIncident(old, incident)) same.add(key);
  }
  const beforeM = new Map(previous.snapshot.maintenances.map((m) => [m.id, m]));
  for (const maintenance of known.snapshot.maintenances) {
    const key = `maintenance:${maintenance.id}`;
    const old = beforeM.get(maintenance.id);
    if (old && listed(key) && sameMaintenance(old, maintenance)) same.add(key);
  }
  return same;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameIncident(a: Incident, b: Incident): boolean {
  return a.title === b.title && a.url === b.url && a.impact === b.impact && a.status === b.status && a.startedAt === b.startedAt
    && a.resolvedAt === b.resolvedAt && a.postmortem === b.postmortem && sameList(a.components, b.components)
    && sameTimeline(a.updates, b.updates) && a.updates.every((u, i) => u.status === b.updates[i]!.status);
}

function sameMaintenance(a: Maintenance, b: Maintenance): boolean {
  return a.title === b.title && a.url === b.url && a.status === b.status && a.scheduledFor === b.scheduledFor
    && a.scheduledUntil === b.scheduledUntil && sameList(a.components, b.components)
    && sameTimeline(a.updates, b.updates) && a.updates.every((u, i) => u.status === b.updates[i]!.status);
}
