import type { FeedHealth } from '../../../shared/model/index.ts';
import type { PollResult } from '../polling/poll-result.ts';
import type { ReadVendorResult } from '../polling/read-vendor.ts';

/**
 * How one read went: the poll result's own fields (before "offline" can be decided, which needs
 * every vendor's reads), plus two hints for the retry loop and the connectivity tracker.
 */
export type ReadVerdict = Pick<PollResult, 'httpStatus' | 'retryAfterMs' | 'error' | 'bytes' | 'latencyMs'> & {
  outcome: Exclude<PollResult['outcome'], 'offline'>;
  /** No server answered (refused, DNS, reset, timeout): the network, maybe ours, is the suspect. */
  networkLevel: boolean;
  /** Worth one quick retry within the same poll (a reset or a 502 often is gone a second later). */
  transient: boolean;
};

/** Classify a read. Pure, so the rules for "offline" versus "vendor broken" are testable alone. */
export function classifyRead(result: ReadVendorResult): ReadVerdict {
  const bytes = result.endpoints.reduce((n, e) => n + (e.bytes ?? 0), 0);
  const latencyMs = result.endpoints.reduce((n, e) => Math.max(n, e.latencyMs ?? 0), 0);
  const mainStatus = result.endpoints.find((e) => !e.optional)?.status ?? null;
  const base = { bytes, latencyMs, httpStatus: mainStatus, retryAfterMs: null, error: null, networkLevel: false, transient: false };
  if (result.ok) return { ...base, outcome: result.unchanged ? 'not_modified' : 'ok' };
  const failure = result.failure;
  if (failure.source === 'feed') {
    return { ...base, outcome: 'feed_error', error: `The feed could not be read (${failure.error.kind}): ${failure.error.message}` };
  }
  const e = failure.error;
  const networkLevel = e.kind === 'network' || e.kind === 'timeout';
  const status = e.status ?? null;
  return {
    ...base,
    outcome: 'fetch_error',
    networkLevel,
    transient: networkLevel || (status !== null && status >= 500 && status !== 503 && status < 600),
    httpStatus: status,
    retryAfterMs: e.retryAfterSeconds !== undefined ? e.retryAfterSeconds * 1000 : null,
    error: `${e.message} (${e.url})`,
  };
}

/**
 * The feed's health after a poll. An answer we cannot parse is `feed_broken` (shown apart from the
 * vendor's own status); a request that fails keeps the last known status, `stale`, until the
 * vendor has failed long enough alone to be `unreachable`. Offline never makes anything unreachable.
 */
export function healthAfter(verdict: ReadVerdict, reachable: boolean, offline: boolean): FeedHealth {
  if (verdict.outcome === 'ok' || verdict.outcome === 'not_modified') return 'ok';
  if (verdict.outcome === 'feed_error') return 'feed_broken';
  if (offline) return 'stale';
  return reachable ? 'stale' : 'unreachable';
}
