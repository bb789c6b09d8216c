import type { HostScope } from './host-scope.ts';

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
 *
 * Offline is not down, everywhere (issue 8 §6): answers are weighed by the scope of the host that
 * gave them (host-scope.ts). A public host's failure is excused only by a public answer: an
 * intranet or loopback status page answering proves the LAN works, not the Internet, so with the
 * Internet gone the public vendors are offline, not each unreachable. A private host's failure is
 * excused by any answer (the Internet answering while the intranet page does not is that page's
 * problem, or its VPN's). Each scope keeps its own failing set and state; `connectivity` is the
 * Internet's (the public scope's) as soon as any public vendor has been polled, else the intranet's.
 */
export type Connectivity = 'online' | 'offline';

export interface ConnectivityOptions {
  /** Distinct vendors failing at the network level, with no answer since, to declare offline. */
  vendorsToDeclareOffline: number;
  /** An answer from any server within this window makes a network failure the vendor's fault. */
  answerWindowMs: number;
}

interface ScopeState {
  state: Connectivity;
  failing: Set<string>;
  lastAnswerAt: number;
  /** Last answer per vendor: a vendor's own earlier answer cannot vouch for the network on its failure. */
  answers: Map<string, number>;
}

const freshScope = (): ScopeState => ({ state: 'online', failing: new Set(), lastAnswerAt: -Infinity, answers: new Map() });

export class ConnectivityTracker {
  private scopes: Record<HostScope, ScopeState> = { public: freshScope(), private: freshScope() };
  private publicSeen = false;
  private readonly opts: ConnectivityOptions;

  constructor(opts: Partial<ConnectivityOptions> = {}) {
    this.opts = { vendorsToDeclareOffline: 2, answerWindowMs: 10 * 60_000, ...opts };
  }

  get connectivity(): Connectivity {
    if (this.scopes.public.state === 'offline') return 'offline';
    return this.publicSeen ? 'online' : this.scopes.private.state;
  }

  /**
   * Record one poll; returns the new state when it changed. `watched` is how many watched vendors
   * share this host scope, because with a single one a failure cannot tell our outage from theirs:
   * offline then needs that vendor to fail alone, which `blame` never pins on it either.
   */
  record(vendorId: string, networkLevelFailure: boolean, watched: number, nowMs: number, startedMs = nowMs, scope: HostScope = 'public'): Connectivity | undefined {
    const before = this.connectivity;
    if (scope === 'public') this.publicSeen = true;
    const own = this.scopes[scope];
    if (networkLevelFailure) {
      // Answered by someone who can vouch for this host since this request went out: the network
      // worked, this vendor did not.
      if (this.vouchers(scope).some((s) => s.lastAnswerAt >= startedMs)) return undefined;
      own.failing.add(vendorId);
      if (own.failing.size >= Math.max(1, Math.min(this.opts.vendorsToDeclareOffline, watched))) own.state = 'offline';
    } else {
      // A public answer proves the whole network; a private one only the intranet.
      for (const s of scope === 'public' ? Object.values(this.scopes) : [own]) {
        s.failing.clear();
        s.state = 'online';
      }
      own.lastAnswerAt = nowMs;
      own.answers.set(vendorId, nowMs);
    }
    const after = this.connectivity;
    return after !== before ? after : undefined;
  }

  /**
   * Whose fault is a network-level failure now: the vendor's, or (maybe) our network's. Given the
   * failing vendor, only other servers' answers count: with one watched vendor its own answer a
   * minute ago says nothing about whether our connection dropped since. Only answers that can
   * vouch for the host's scope count (see the module comment).
   */
  blame(nowMs: number, vendorId?: string, scope: HostScope = 'public'): 'vendor' | 'network' {
    for (const s of this.vouchers(scope)) {
      if (s.state !== 'online') continue;
      for (const [id, at] of s.answers) if (id !== vendorId && nowMs - at <= this.opts.answerWindowMs) return 'vendor';
    }
    return 'network';
  }

  /** Forget evidence (after sleep/wake: the network may have changed under us). */
  reset(): void {
    this.scopes = { public: freshScope(), private: freshScope() };
    this.publicSeen = false;
  }

  /** The scopes whose answers prove the network a host of `scope` needs. */
  private vouchers(scope: HostScope): ScopeState[] {
    return scope === 'public' ? [this.scopes.public] : [this.scopes.public, this.scopes.private];
  }
}
