import type { FeedHealth, VendorEvent, VendorSource } from '../../../shared/model/index.ts';
import type { KnownState } from '../changes/known-state.ts';
import type { ReachabilityState } from '../changes/reachability.ts';
import type { FeedDocument } from '../feeds/types.ts';

/**
 * How a poll went, in the words the poll log, the scheduler, reachability and the UI share.
 * `offline` replaces `fetch_error` when no server answers us at all: our outage, not the vendor's.
 */
export type PollOutcome = 'ok' | 'not_modified' | 'fetch_error' | 'feed_error' | 'offline';

/** What the poller remembers about a vendor between polls, stored with the vendor in history. */
export interface StoredVendorState {
  known: KnownState | null;
  reachability: ReachabilityState | null;
}

/**
 * What the engine holds per vendor between polls (engine.ts): a few hundred bytes, whatever the
 * size of the vendor's feed, loaded from the history on the vendor's first poll.
 */
export interface PollerMemory {
  reachability: ReachabilityState | null;
  /** A known state is stored: only then do the validators stand for something. */
  hasKnown: boolean;
  /** Validators by endpoint URL, for the next conditional GET. */
  validators: Record<string, { etag: string | null; lastModified: string | null }>;
}

/**
 * What a poll leaves for the next conditional GET of one endpoint. Validators both null: forget
 * the endpoint (the server stopped sending any). `document`: the body, kept only for adapters of
 * several documents (a partial 304 must parse the unchanged document again), else null; absent
 * when only the validators changed (a 304 with a new ETag) and the stored body still stands.
 */
export interface EndpointMemory {
  url: string;
  etag: string | null;
  lastModified: string | null;
  document?: FeedDocument | null;
}

/**
 * One poll of one vendor, the one shape it has from the read to the store: the engine builds it,
 * the history writes it in one transaction, the scheduler picks the next delay from it and the
 * faces hear about it. Keeping one shape means a field added for the UI cannot be lost between
 * layers.
 */
export interface PollResult {
  vendor: VendorSource;
  /** When the poll started (UTC ISO). */
  at: string;
  outcome: PollOutcome;
  /** Status of the main document's answer; null when no server answered. */
  httpStatus: number | null;
  /** Slowest endpoint of the read. */
  latencyMs: number;
  bytes: number;
  /** Quick retries spent inside this poll (a flaky feed shows as flaky even when one succeeded). */
  retries: number;
  /** From Retry-After on 429/503; null when the server did not say. */
  retryAfterMs: number | null;
  /** For a person: what failed, naming the document. Null on success. */
  error: string | null;
  health: FeedHealth;
  /**
   * The poller's memory after this poll when this poll changed it (a read folded in; null: nothing
   * read yet). Absent (undefined) when it is the memory already stored (a 304, a failure): the
   * engine does not hold known states between polls (≈75 KB each, see engine.ts), so a quiet poll
   * neither loads nor rewrites one.
   */
  known?: KnownState | null;
  reachability: ReachabilityState;
  /** Every event this poll derived; the store keeps the ones it did not hold yet. */
  events: VendorEvent[];
  /** This was the vendor's first successful read: its feed is old news, to be summarised. */
  firstRead: boolean;
  /**
   * Items of this poll's known state exactly as the previous known state had them, keyed
   * `incident:<id>` / `maintenance:<id>`: the store holds them already and only stamps them as seen
   * (98 % of a feed's entries are unchanged from one version to the next). Absent: write every item.
   */
  unchangedItems?: ReadonlySet<string>;
  /**
   * Events of a first read whose subject is over (resolved, completed): what a first-run plan
   * marks `old_news` whatever the settings say (rules.ts `oldNews`), stored as handled with the
   * poll instead of read back by delivery (≈230 such events per busy feed).
   */
  oldNews?: ReadonlySet<string>;
  /**
   * The known state's absent items (known-state.ts `splitKnown`) are the very ones already stored:
   * the store rewrites only the part the read listed. Absent: write it all.
   */
  absentUnchanged?: boolean;
  /** Endpoint validators (and bodies) to remember for the next conditional GET; only what changed. */
  endpoints?: EndpointMemory[];
}

/** True when the vendor answered with something we could read (fresh or unchanged). */
export function pollSucceeded(outcome: PollOutcome): boolean {
  return outcome === 'ok' || outcome === 'not_modified';
}
