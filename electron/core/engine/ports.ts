import type { FeedHealth, VendorEvent, VendorSource } from '../../../shared/model/index.ts';
import type { Snapshot } from '../../../shared/model/index.ts';

/** One poll as the history store records it (one transaction). */
export interface PollRecord {
  vendor: VendorSource;
  at: string;
  outcome: 'ok' | 'not_modified' | 'fetch_error' | 'feed_error' | 'offline';
  latencyMs: number;
  bytes: number;
  httpStatus?: number;
  error?: string;
  retries: number;
  health: FeedHealth;
  /** The poller's memory of the vendor (known state + reachability), as JSON. */
  knownState?: unknown;
  /**
   * What this poll saw, merged with what we knew: every incident and maintenance present in the
   * feed now, each with every update ever seen of it. Absent ones are left out (their stored rows
   * stay as they were). Undefined when nothing was read.
   */
  snapshot?: Snapshot;
  /** Unresolved incidents the vendor stopped listing past the grace period (never "resolved"). */
  noLongerReported?: string[];
  events: VendorEvent[];
}

/** What the engine needs from the history store. */
export interface HistoryPort {
  applyPoll(poll: PollRecord): VendorEvent[];
  loadVendorState(vendorId: string): { knownState: unknown } | null;
  pendingNotifications(): VendorEvent[];
  markHandled(ids: string[], how: 'notified' | 'suppressed' | 'failed', at: string): void;
  /** Forget history older than `days` (never ongoing incidents). */
  retention(days: number, now: string): unknown;
}
