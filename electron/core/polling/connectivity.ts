/**
 * Are *we* offline? When requests fail at the network level across several vendors and nothing
 * succeeds, the fault is our connection, not the vendors: the app must then say "offline", keep
 * each vendor's last known status (marked stale) and report no vendor as down.
 */
export type Connectivity = 'online' | 'offline';

export interface ConnectivityOptions {
  /** Distinct vendors that must fail at the network level, with no success in between. */
  vendorsToDeclareOffline: number;
}

export class ConnectivityTracker {
  private state: Connectivity = 'online';
  private readonly failing = new Set<string>();
  private readonly opts: ConnectivityOptions;

  constructor(opts: Partial<ConnectivityOptions> = {}) {
    this.opts = { vendorsToDeclareOffline: 2, ...opts };
  }

  get connectivity(): Connectivity {
    return this.state;
  }

  /**
   * Record one poll's outcome; returns the new state when it changed. Any answer from a server
   * (even a 500 or garbage) proves the network works, so only `network`/`timeout` count as
   * network-level failures. With a single watched vendor, one failure cannot tell us apart from
   * the vendor, so offline needs `min(vendorsToDeclareOffline, watched)` failing vendors.
   */
  record(vendorId: string, networkLevelFailure: boolean, watchedVendors: number): Connectivity | undefined {
    const before = this.state;
    if (networkLevelFailure) {
      this.failing.add(vendorId);
      const needed = Math.max(1, Math.min(this.opts.vendorsToDeclareOffline, watchedVendors));
      if (watchedVendors > 1 && this.failing.size >= needed) this.state = 'offline';
    } else {
      this.failing.clear();
      this.state = 'online';
    }
    return this.state !== before ? this.state : undefined;
  }

  /** Forget evidence (after sleep/wake: the network may have changed under us). */
  reset(): void {
    this.failing.clear();
    this.state = 'online';
  }
}
