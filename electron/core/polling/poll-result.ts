import type { FeedHealth, VendorEvent, VendorSource } from '../../../shared/model/index.ts';
import type { KnownState } from '../changes/known-state.ts';
import type { ReachabilityState } from '../changes/reachability.ts';

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
  /** The poller's memory after this poll (null until a first successful read). */
  known: KnownState | null;
  reachability: ReachabilityState;
  /** Every event this poll derived; the store keeps the ones it did not hold yet. */
  events: VendorEvent[];
  /** This was the vendor's first successful read: its feed is old news, to be summarised. */
  firstRead: boolean;
}

/** True when the vendor answered with something we could read (fresh or unchanged). */
export function pollSucceeded(outcome: PollOutcome): boolean {
  return outcome === 'ok' || outcome === 'not_modified';
}
