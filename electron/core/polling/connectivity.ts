/**
 * Are *we* offline? A request that no server answered (refused, DNS, reset, timeout) says nothing
 * about the vendor unless other servers are answering us at the same time. So:
 * - any server answer (even a 500 or garbage) proves the network works: online;
 * - network-level failures at several vendors with no answer from anyone since: offline. The app
 *   then keeps each vendor's last known status, marked stale, and reports no vendor as down;
 * - a network-level failure counts against a vendor only when another server answered us
 *   recently (`blame` = 'vendor'); with one watched vendor, or while offline, it never does.
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
  record(vendorId: string, networkLevelFailure: boolean, watched: number, nowMs: number): Connectivity | undefined {
    const before = this.state;
    if (networkLevelFailure) {
      this.failing.add(vendorId);
      if (this.failing.size >= Math.max(1, Math.min(this.opts.vendorsToDeclareOffline, watched))) this.state = 'offline';
    } else {
      this.failing.clear();
      this.lastAnswerAt = nowMs;
      this.state = 'online';
    }
    return this.state !== before ? this.state : undefined;
  }

  /** Whose fault is a network-level failure now: the vendor's, or (maybe) our network's. */
  blame(nowMs: number): 'vendor' | 'network' {
    return this.state === 'online' && nowMs - this.lastAnswerAt <= this.opts.answerWindowMs ? 'vendor' : 'network';
  }

  /** Forget evidence (after sleep/wake: the network may have changed under us). */
  reset(): void {
    this.failing.clear();
    this.lastAnswerAt = -Infinity;
    this.state = 'online';
  }
}
