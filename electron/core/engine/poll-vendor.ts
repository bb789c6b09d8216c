import type { VendorEvent } from '../../../shared/model/index.ts';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import { diffKnown } from '../changes/diff.ts';
import { mergeKnown } from '../changes/known-state.ts';
import { initialReachability, reachabilityEvents } from '../changes/reachability.ts';
import { isAdapterId } from '../feeds/endpoints.ts';
import type { FetchOptions } from '../polling/http.ts';
import type { PollResult, StoredVendorState } from '../polling/poll-result.ts';
import { readVendor, type ReadVendorResult } from '../polling/read-vendor.ts';
import type { FeedDocument } from '../feeds/types.ts';
import { classifyRead, healthAfter, type ReadVerdict } from './classify.ts';

/** Per-vendor memory that is not worth persisting: conditional-GET validators and the bodies they stand for. */
export interface VendorRuntime {
  validators: Record<string, { etag: string | null; lastModified: string | null }>;
  cached: Record<string, FeedDocument>;
}

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
  timeZone?: string;
}

/**
 * One poll of one vendor, without side effects on storage: read (with counted quick retries),
 * classify, fold into the known state, diff, and derive reachability. The caller writes the result
 * in one transaction, so a crash loses at most this poll.
 */
export async function pollVendor(vendor: WatchedVendor, stored: StoredVendorState, runtime: VendorRuntime, deps: PollVendorDeps): Promise<PollResult> {
  const at = deps.now();
  if (!isAdapterId(vendor.adapter)) throw new Error(`unknown adapter ${vendor.adapter}`); // settings validation makes this a bug
  let result: ReadVendorResult;
  let verdict: ReadVerdict;
  let retries = 0;
  for (;;) {
    result = await readVendor(vendor.adapter, vendor.base, {
      validators: runtime.validators,
      cached: runtime.cached,
      fetchedAt: at,
      sourceUrl: vendor.url,
      ...(deps.fetchOptions ? { fetchOptions: deps.fetchOptions } : {}),
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
    });
    verdict = classifyRead(result);
    if (!verdict.transient || retries >= deps.maxRetries) break;
    retries++;
    await deps.sleep(deps.retryDelayMs);
  }
  remember(runtime, result);

  const blame = deps.recordConnectivity(vendor.id, verdict.networkLevel, at);
  // An HTTP error proves a server answered: always the vendor's. No answer at all is the vendor's
  // only while other servers answer us.
  const offline = verdict.outcome === 'fetch_error' && verdict.networkLevel && blame === 'network';
  const outcome = offline ? 'offline' : verdict.outcome;
  const ctx = { vendorId: vendor.id, vendorName: vendor.name, now: at };
  const events: VendorEvent[] = [];
  let known = stored.known;
  if (result.ok && !result.unchanged) {
    events.push(...diffKnown(known, result.snapshot, ctx));
    known = mergeKnown(known, result.snapshot, at);
  }
  const reach = reachabilityEvents(stored.reachability ?? initialReachability(at), outcome, verdict.error, { ...ctx, url: vendor.url });
  events.push(...reach.events);
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
    known,
    reachability: reach.state,
    events,
    firstRead: stored.known === null && known !== null,
  };
}

/** Keep validators and bodies for the next conditional GET; forget them when a server stops sending validators. */
function remember(runtime: VendorRuntime, result: ReadVendorResult): void {
  for (const read of result.endpoints) {
    if (read.outcome !== 'fetched' && read.outcome !== 'not_modified') continue;
    const { etag, lastModified } = read.validators;
    if ((etag || lastModified) && read.document) {
      runtime.validators[read.url] = read.validators;
      runtime.cached[read.url] = read.document;
    } else {
      delete runtime.validators[read.url];
      delete runtime.cached[read.url];
    }
  }
}
