/**
 * Are *we* offline? A request that no server answered (refused, DNS, reset, timeout) says nothing
 * about the vendor unless other servers are answering us at the same time. So:
 * - any server answer (even a 500 or garbage) proves the network works: online;
 * - network-level failures at several vendors with no answer from anyone since: offline. The app
 *   then keeps each vendor's last known status, marked stale, and reports no vendor as down;
 * - a network-level failure counts against a vendor only when another server answered us
 *   recently (`blame` = 'vendor'); with one watched vendor, or while offline, it never does;
 * - a failure is no evidence of our outage when another server answered while that request was
 *   waiting: two vendors timing out together (20 s each) while the rest of the watchlist answers
 *   must not flip us offline, which would flap the offline banner and, worse, make the next
 *   failing vendor "possibly us", discarding its failure run so it never became unreachable.
 */
export type Connectivity = 'online' | 'offline';

export interface ConnectivityOptions {
  /** Distinct vendors failing at the network level, with no answer since, to declare offline. */
  vendorsToDeclareOffline: number;
  /** An answer from any server within this window makes a network failure the vendor's fault. */
  answerWindowMs: number;
}

export class ConnectivityTracker {
  private state: Connectivity = 'online';
  private readonly failing = new Set<string>();
  private lastAnswerAt = -Infinity;
  /** Last answer per vendor: a vendor's own earlier answer cannot vouch for the network on its failure. */
  private readonly answers = new Map<string, number>();
  private readonly opts: ConnectivityOptions;

  constructor(opts: Partial<ConnectivityOptions> = {}) {
    this.opts = { vendorsToDeclareOffline: 2, answerWindowMs: 10 * 60_000, ...opts };
  }

  get connectivity(): Connectivity {
    return this.state;
  }

  /**
   * Record one poll; returns the new state when it changed. `watched` matters because with a
   * single vendor one failure cannot tell our outage from theirs: offline then needs that vendor
   * to fail alone, which `blame` never pins on it either.
   */
  record(vendorId: string, networkLevelFailure: boolean, watched: number, nowMs: number, startedMs = nowMs): Connectivity | undefined {
    const before = this.state;
    if (networkLevelFailure) {
      // Answered by someone since this request went out: the network worked, this vendor did not.
      if (this.lastAnswerAt >= startedMs) return undefined;
      this.failing.add(vendorId);
      if (this.failing.size >= Math.max(1, Math.min(this.opts.vendorsToDeclareOffline, watched))) this.state = 'offline';
    } else {
      this.failing.clear();
      this.lastAnswerAt = nowMs;
      this.answers.set(vendorId, nowMs);
      this.state = 'online';
    }
    return this.state !== before ? this.state : undefined;
  }

  /**
   * Whose fault is a network-level failure now: the vendor's, or (maybe) our network's. Given the
   * failing vendor, only other servers' answers count: with one watched vendor its own answer a
   * minute ago says nothing about whether our connection dropped since.
   */
  blame(nowMs: number, vendorId?: string): 'vendor' | 'network' {
    if (this.state !== 'online') return 'network';
    for (const [id, at] of this.answers) if (id !== vendorId && nowMs - at <= this.opts.answerWindowMs) return 'vendor';
    return 'network';
  }

  /** Forget evidence (after sleep/wake: the network may have changed under us). */
  reset(): void {
    this.failing.clear();
    this.answers.clear();
    this.lastAnswerAt = -Infinity;
    this.state = 'online';
  }
}
