/**
 * When to poll a vendor next. Successes keep the user's interval with ±10 % jitter so vendors that
 * started together drift apart; failures back off exponentially with full jitter ("Exponential
 * Backoff And Jitter", AWS Architecture Blog), never sooner than a server's Retry-After.
 */
export interface BackoffPolicy {
  /** First retry delay after a failure. */
  baseMs: number;
  /** Ceiling for any failure delay (a broken feed is still re-checked this often). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 30 * 60_000 };

/** Delay after a successful poll: the interval, jittered by ±10 %. */
export function nextDelayAfterSuccess(intervalMs: number, random: () => number): number {
  return Math.round(intervalMs * (0.9 + 0.2 * random()));
}

/**
 * Delay after the `failures`-th consecutive failure (1-based). Never longer than the larger of the
 * policy ceiling and the user's interval (a 1-hour interval is not shortened by backing off), never
 * shorter than Retry-After.
 */
export function nextDelayAfterFailure(
  failures: number,
  intervalMs: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  retryAfterMs?: number,
): number {
  const ceiling = Math.max(policy.maxMs, intervalMs);
  const exp = Math.min(ceiling, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 20)));
  // Full jitter, floored at half so a retry is never an immediate hammering.
  const jittered = Math.round(exp / 2 + (exp / 2) * random());
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After header (delta-seconds or an HTTP date) → milliseconds from now, capped at a day. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - nowMs;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 86_400_000) : undefined;
}
