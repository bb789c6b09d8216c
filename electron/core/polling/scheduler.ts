import { nextDelayAfterFailure, nextDelayAfterSuccess, type BackoffPolicy, DEFAULT_BACKOFF } from './backoff.ts';
import { pollSucceeded, type PollResult } from './poll-result.ts';

/** The part of a poll's result the scheduler reads to pick the next delay. */
type PollTiming = Pick<PollResult, 'outcome' | 'retryAfterMs'>;

export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random(): number;
}

export const REAL_CLOCK: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  random: Math.random,
};

export interface SchedulerOptions {
  /** Most polls in flight at once; the rest wait their turn (2 cores, and polite to vendors). */
  concurrency: number;
  /** First polls are spread over this window so many vendors never fire at once. */
  staggerMs: number;
  /** After resume or a return online, catch-up polls are spread over this window. */
  catchUpMs: number;
  backoff: BackoffPolicy;
  clock: SchedulerClock;
}

interface Entry {
  intervalMs: number;
  failures: number;
  timer: unknown;
  running: boolean;
  /** A refresh asked while running: poll again right after. */
  again: boolean;
}

/**
 * One chained timer per vendor (after GitHub Desktop's BackgroundFetcher): no fixed-rate ticks to
 * pile up, a `stopped`/`paused` check after every await, and log-and-continue on failure. A
 * semaphore bounds concurrency; jitter and staggering keep a large watchlist from firing at once.
 */
export class PollScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: string[] = [];
  private active = 0;
  private paused = false;
  private stopped = false;
  private readonly opts: SchedulerOptions;
  private readonly poll: (vendorId: string) => Promise<PollTiming>;

  constructor(poll: (vendorId: string) => Promise<PollTiming>, opts: Partial<SchedulerOptions> = {}) {
    this.poll = poll;
    this.opts = { concurrency: 6, staggerMs: 30_000, catchUpMs: 30_000, backoff: DEFAULT_BACKOFF, clock: REAL_CLOCK, ...opts };
  }

  /** Watch a vendor; its first poll lands at a random point of the stagger window. */
  add(vendorId: string, intervalMs: number, firstDelayMs?: number): void {
    if (this.entries.has(vendorId)) return this.setInterval(vendorId, intervalMs);
    const entry: Entry = { intervalMs, failures: 0, timer: undefined, running: false, again: false };
    this.entries.set(vendorId, entry);
    this.arm(vendorId, firstDelayMs ?? this.opts.clock.random() * Math.min(this.opts.staggerMs, intervalMs));
  }

  remove(vendorId: string): void {
    const entry = this.entries.get(vendorId);
    if (entry) this.opts.clock.clearTimeout(entry.timer);
    this.entries.delete(vendorId);
  }

  setInterval(vendorId: string, intervalMs: number): void {
    const entry = this.entries.get(vendorId);
    if (entry) entry.intervalMs = intervalMs;
  }

  /**
   * Poll now: one vendor at once, or all spread over a short window so "refresh all" is not a
   * burst (a quarter second per vendor, at most 5 s: a person pressed a button and is waiting).
   */
  refresh(vendorId?: string): void {
    if (vendorId) return this.arm(vendorId, 0);
    const window = Math.min(5_000, this.opts.catchUpMs, 250 * this.entries.size);
    for (const id of this.entries.keys()) this.arm(id, this.opts.clock.random() * window);
  }

  /** Sleep: stop every timer; nothing polls until resume. */
  pause(): void {
    this.paused = true;
    for (const entry of this.entries.values()) this.opts.clock.clearTimeout(entry.timer);
  }

  /** Wake: catch up every vendor once, spread with jitter over the catch-up window. */
  resume(): void {
    this.paused = false;
    this.catchUp();
  }

  /** Re-poll everyone soon but jittered (also used when the network comes back). */
  catchUp(): void {
    for (const id of this.entries.keys()) this.arm(id, this.opts.clock.random() * this.opts.catchUpMs);
  }

  stop(): void {
    this.stopped = true;
    this.pause();
    this.queue.length = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private arm(vendorId: string, delayMs: number): void {
    const entry = this.entries.get(vendorId);
    if (!entry || this.stopped || this.paused) return;
    if (entry.running) {
      if (delayMs === 0) entry.again = true;
      return;
    }
    this.opts.clock.clearTimeout(entry.timer);
    entry.timer = this.opts.clock.setTimeout(() => this.enqueue(vendorId), Math.max(0, Math.round(delayMs)));
  }

  private enqueue(vendorId: string): void {
    if (!this.queue.includes(vendorId)) this.queue.push(vendorId);
    this.drain();
  }

  private drain(): void {
    while (!this.stopped && !this.paused && this.active < this.opts.concurrency && this.queue.length > 0) {
      const id = this.queue.shift()!;
      const entry = this.entries.get(id);
      if (!entry || entry.running) continue;
      void this.runOne(id, entry);
    }
  }

  private async runOne(vendorId: string, entry: Entry): Promise<void> {
    this.active++;
    entry.running = true;
    let timing: PollTiming;
    try {
      timing = await this.poll(vendorId);
    } catch {
      timing = { outcome: 'fetch_error', retryAfterMs: null }; // a bug in one poll must not stop the loop
    }
    const ok = pollSucceeded(timing.outcome);
    entry.running = false;
    this.active--;
    if (this.stopped || !this.entries.has(vendorId)) return this.drain();
    const { clock, backoff } = this.opts;
    entry.failures = ok ? 0 : entry.failures + 1;
    const delay = entry.again
      ? 0
      : ok
        ? nextDelayAfterSuccess(entry.intervalMs, clock.random)
        : nextDelayAfterFailure(entry.failures, entry.intervalMs, clock.random, backoff, timing.retryAfterMs ?? undefined);
    entry.again = false;
    this.arm(vendorId, delay);
    this.drain();
  }
}
