import type { FeedHealth } from '../../../shared/model/index.ts';
import type { ReadVendorResult } from '../polling/read-vendor.ts';

/** How one read went, in the terms the poll log, the scheduler and the connectivity tracker use. */
export interface ReadVerdict {
  outcome: 'ok' | 'not_modified' | 'fetch_error' | 'feed_error';
  /** No server answered (refused, DNS, reset, timeout): the network, maybe ours, is the suspect. */
  networkLevel: boolean;
  /** Worth one quick retry within the same poll (a reset or a 502 often is gone a second later). */
  transient: boolean;
  httpStatus: number | null;
  retryAfterMs: number | undefined;
  /** For a person: what failed, naming the document. Null on success. */
  error: string | null;
  bytes: number;
  latencyMs: number;
}

/** Classify a read. Pure, so the rules for "offline" versus "vendor broken" are testable alone. */
export function classifyRead(result: ReadVendorResult): ReadVerdict {
  const bytes = result.endpoints.reduce((n, e) => n + (e.bytes ?? 0), 0);
  const latencyMs = result.endpoints.reduce((n, e) => Math.max(n, e.latencyMs ?? 0), 0);
  const mainStatus = result.endpoints.find((e) => !e.optional)?.status ?? null;
  const base = { bytes, latencyMs, httpStatus: mainStatus, retryAfterMs: undefined, error: null, networkLevel: false, transient: false };
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
    retryAfterMs: e.retryAfterSeconds !== undefined ? e.retryAfterSeconds * 1000 : undefined,
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
