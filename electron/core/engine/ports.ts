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
  /** The merged known snapshot to persist (incidents, updates, maintenances, components). */
  snapshot?: Snapshot;
  events: VendorEvent[];
}

/** What the engine needs from the history store. */
export interface HistoryPort {
  applyPoll(poll: PollRecord): VendorEvent[];
  loadVendorState(vendorId: string): { knownState: unknown } | null;
  pendingNotifications(): VendorEvent[];
  markHandled(ids: string[], how: 'notified' | 'suppressed' | 'failed', at: string): void;
}
