import type { VendorEvent } from '../../../shared/model/index.ts';
import type { PollResult, StoredVendorState } from '../polling/poll-result.ts';

/**
 * What the engine needs from the history store: narrow, so the engine's rules can be read without
 * the SQL, and so a face can never reach past the engine into the database.
 */
export interface HistoryPort {
  applyPoll(poll: PollResult): VendorEvent[];
  loadVendorState(vendorId: string): StoredVendorState;
  pendingNotifications(): VendorEvent[];
  markHandled(ids: string[], how: 'notified' | 'suppressed' | 'failed', at: string): void;
  /** Forget history older than `days` (never ongoing incidents). */
  retention(days: number, now: string): unknown;
}
