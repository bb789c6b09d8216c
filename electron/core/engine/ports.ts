import type { VendorEvent } from '../../../shared/model/index.ts';
import type { KnownState } from '../changes/known-state.ts';
import type { FeedDocument } from '../feeds/types.ts';
import type { PollerMemory, PollResult, StoredVendorState } from '../polling/poll-result.ts';

/**
 * What the engine needs from the history store: narrow, so the engine's rules can be read without
 * the SQL, and so a face can never reach past the engine into the database.
 */
export interface HistoryPort {
  applyPoll(poll: PollResult): VendorEvent[];
  loadVendorState(vendorId: string): StoredVendorState;
  /** Read when a poll has something new to fold in, and by delivery's component filters. */
  loadKnown(vendorId: string): KnownState | null;
  /** The stored known state's `readAt`, to check a copy held in memory (engine.ts `recentKnown`). */
  knownReadAt(vendorId: string): string | null;
  /** Once per vendor per engine: reachability, known state present, validators. */
  loadPollerMemory(vendorId: string): PollerMemory;
  /** A stored body for a partial 304 (adapters of several documents). */
  cachedDocument(vendorId: string, url: string): FeedDocument | undefined;
  pendingNotifications(): VendorEvent[];
  markHandled(ids: string[], how: 'notified' | 'suppressed' | 'failed', at: string): void;
  /** Forget history older than `days` (never ongoing incidents). */
  retention(days: number, now: string): unknown;
}
