import type { VendorEvent } from '../../../shared/model/index.ts';
import type { DiffContext } from './event-factory.ts';
import { makeEvent, readableUtc } from './event-factory.ts';
import { shortHash } from './text.ts';
import type { PollOutcome } from '../polling/poll-result.ts';

/**
 * Whether a vendor's status page answers, as plain JSON the store can keep per vendor.
 * `since` is when the current state began: the first failed poll of the run that made it
 * unreachable, or the first success after it.
 */
export interface ReachabilityState {
  reachable: boolean;
  since: string;
  /** Consecutive failed polls while others succeed (0 when the last poll succeeded). */
  failures: number;
  /** Instant of the first failure of the current run, or null. */
  failingSince: string | null;
}

export interface ReachabilityOptions {
  /** Consecutive failed polls before a vendor is declared unreachable. Default 3. */
  failuresToUnreachable?: number;
}

/** The state of a vendor we have not polled yet: reachable until proven otherwise. */
export function initialReachability(now: string): ReachabilityState {
  return { reachable: true, since: now, failures: 0, failingSince: null };
}

/**
 * Next reachability state and its events (at most one), from the poll's outcome: any answer
 * (even one we cannot parse) proves the page reachable; `fetch_error` is this vendor failing while
 * the network works; `offline` is Upstream itself offline (see polling/connectivity.ts).
 *
 * - `failed` N times in a row (default 3) → one `vendor.unreachable`, id keyed by the run's first
 *   failure. One slow answer must not page anyone; three in a row is a pattern.
 * - the first `ok` after that → one `vendor.recovered`, id keyed by the same instant, so the pair
 *   matches and a restart re-emits neither.
 * - `offline` changes nothing and emits nothing, and it discards a failure run in progress: those
 *   failures may have been the connection going down, and when we come back online there is no
 *   recovery storm because no vendor was declared unreachable for our own outage.
 *
 * Impact is `minor` and level `unknown`: an unreachable status page says nothing certain about
 * the vendor's service (status.ts: unknown must never read as an outage).
 */
export function reachabilityEvents(prev: ReachabilityState, outcome: PollOutcome, error: string | null, ctx: DiffContext & { url?: string | null }, opts: ReachabilityOptions = {}): { state: ReachabilityState; events: VendorEvent[] } {
  const threshold = Math.max(1, opts.failuresToUnreachable ?? 3);
  const url = ctx.url ?? null;
  if (outcome === 'offline') {
    return { state: { ...prev, failures: 0, failingSince: prev.reachable ? null : prev.failingSince }, events: [] };
  }
  if (outcome !== 'fetch_error') {
    if (prev.reachable) return { state: { ...prev, failures: 0, failingSince: null }, events: [] };
    const downSince = prev.failingSince ?? prev.since;
    return {
      state: { reachable: true, since: ctx.now, failures: 0, failingSince: null },
      events: [makeEvent(ctx, {
        kind: 'vendor.recovered',
        subjectId: null,
        suffix: shortHash(downSince),
        at: ctx.now,
        subjectTitle: 'status page reachable again',
        body: `Answering again after being unreachable since ${readableUtc(downSince)}.`,
        impact: 'minor',
        level: 'unknown',
        url,
      })],
    };
  }
  const failingSince = prev.failingSince ?? ctx.now;
  const failures = prev.failures + 1;
  if (!prev.reachable || failures < threshold) return { state: { ...prev, failures, failingSince }, events: [] };
  const detail = error !== null && error.trim() !== '' ? ` Last error: ${error.trim()}` : '';
  return {
    state: { reachable: false, since: failingSince, failures, failingSince },
    events: [makeEvent(ctx, {
      kind: 'vendor.unreachable',
      subjectId: null,
      suffix: shortHash(failingSince),
      at: failingSince,
      subjectTitle: 'status page unreachable',
      body: `No answer for ${failures} polls in a row since ${readableUtc(failingSince)}, while other vendors answer.${detail}`,
      impact: 'minor',
      level: 'unknown',
      url,
    })],
  };
}
