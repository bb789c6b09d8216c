import type { VendorEvent } from '../../../shared/model/index.ts';
import type { Settings, WatchedVendor } from '../../../shared/contract/settings.ts';
import type { KnownState } from '../changes/known-state.ts';
import { FeedEntryCache } from '../feeds/feed/entry-cache.ts';
import type { PlanMode, PlannedNotification } from '../changes/rules.ts';
import { ConnectivityTracker, type Connectivity } from '../polling/connectivity.ts';
import { isPrivateHost, scopeOfUrl, type HostScope } from '../polling/host-scope.ts';
import type { FetchOptions } from '../polling/http.ts';
import type { PollerMemory, PollResult } from '../polling/poll-result.ts';
import { PollScheduler, type SchedulerClock, REAL_CLOCK } from '../polling/scheduler.ts';
import { deliverPending, type NotifySink } from './notify-plan.ts';
import { pollVendor } from './poll-vendor.ts';
import type { HistoryPort } from './ports.ts';

/** Where the watchlist and rules come from (the settings file, headless or in the app). */
export interface SettingsPort {
  /** Read on every poll: must be cheap, and is never mutated by the engine. */
  readonly current: Readonly<Settings>;
}

export interface EngineOptions {
  settings: SettingsPort;
  history: HistoryPort;
  notify: NotifySink;
  /** User's IANA zone (quiet hours). */
  timeZone?: string;
  now?: () => string;
  fetchOptions?: Omit<FetchOptions, 'etag' | 'lastModified'>;
  maxRetries?: number;
  retryDelayMs?: number;
  concurrency?: number;
  /** Scheduler timing; tests and the daemon's `--once` never start it. */
  clock?: SchedulerClock;
  staggerMs?: number;
  /**
   * Which hosts are private (loopback, intranet): their answers do not prove the Internet
   * reachable (polling/host-scope.ts). Default `isPrivateHost`. Tests in which a loopback server
   * stands for the whole Internet pass `() => false`.
   */
  isPrivateHost?: (hostname: string) => boolean;
}

/** Known states kept after a poll wrote them (see `Engine.recentKnown`): ≤ 16 × ≈0.1–0.4 MB. */
const RECENT_KNOWN = 16;
/** Feeds whose entry cache is kept (see `Engine.entryCaches`): ≤ 32 × ≈30–60 KB. */
const RECENT_FEEDS = 32;

/** How one poll of a cycle went, without what it read (runOnce keeps these until the cycle ends). */
export type CycleResult = Pick<PollResult, 'vendor' | 'at' | 'outcome' | 'httpStatus' | 'latencyMs' | 'bytes' | 'retries' | 'error' | 'health'> & {
  /** Events this poll stored that the history did not hold before. */
  newEvents: number;
};

/** What the engine tells its faces as it works. */
export type EngineSignal =
  | { type: 'poll'; result: PollResult; newEvents: VendorEvent[] }
  | { type: 'connectivity'; connectivity: Connectivity }
  | { type: 'notified'; notification: PlannedNotification }
  | { type: 'progress'; done: number; total: number };

/**
 * The engine's composition root: watchlist → poll → diff → store → notify. It runs the same in
 * Electron's main process and in plain Node. History is the source of truth for what was already
 * seen and notified, and for the poller's memory.
 *
 * Memory, bounded by design: per vendor the engine holds only its `PollerMemory` (reachability,
 * whether a known state exists, the endpoints' validators: a few hundred bytes, loaded from the
 * history on the vendor's first poll). Known states (≈75 KB of JSON for a busy feed, ≈400 KB as
 * objects) and response bodies stay in the history: a poll loads the known state only when a
 * document changed, and only the last RECENT_KNOWN known states written are kept, for vendors that
 * change again soon. Nothing here grows with incidents, history or time; only with the number of
 * watched vendors.
 */
export class Engine {
  private readonly opts: Required<Pick<EngineOptions, 'maxRetries' | 'retryDelayMs' | 'concurrency'>> & EngineOptions;
  /** Per watched vendor: what the next poll needs before it reads (see the class comment). */
  private readonly memory = new Map<string, PollerMemory>();
  /**
   * The known states this engine wrote last, for the RECENT_KNOWN vendors that changed most
   * recently, oldest first: a vendor in the middle of an incident changes poll after poll, and
   * parsing its known state back each time grew with its history (GitHub's replay: 0.17 → 0.69 ms
   * per version over the year). Checked against the stored `readAt` before use, so a copy another
   * process has since replaced is read again; bounded, so memory stays flat with vendors.
   */
  private readonly recentKnown = new Map<string, KnownState>();
  /**
   * Entry caches (feeds/feed/entry-cache.ts) of the RECENT_FEEDS feed-xml vendors that changed most
   * recently, oldest first: a feed read with its previous version's cache re-reads only the entries
   * that changed (97.7 % of GitHub's are reused from one version to the next). A cache holds one
   * version's entries (≈30–60 KB of heap for GitHub's 25 entries), so they are kept for the feeds that change,
   * not for every vendor: a quiet feed's next read costs one full parse.
   */
  private readonly entryCaches = new Map<string, FeedEntryCache>();
  private readonly connectivity = new ConnectivityTracker();
  /** Host scope per base URL, computed once (the watchlist is filtered by it on every poll). */
  private readonly scopes = new Map<string, HostScope>();
  private scopeCounts: { list: readonly WatchedVendor[] | null; length: number; counts: Map<HostScope, number> } = { list: null, length: 0, counts: new Map() };
  private readonly listeners = new Set<(signal: EngineSignal) => void>();
  /** Vendors whose next plan summarises (after sleep or an offline spell). */
  private readonly catchingUp = new Set<string>();
  /** Vendors whose pending events came from their first successful read. */
  private readonly firstReads = new Set<string>();
  private scheduler: PollScheduler | null = null;
  /** Vendors the scheduler holds, so one removed before its first poll leaves it too. */
  private readonly scheduled = new Set<string>();
  /** Polls under way: stop() lets them commit before the history is closed. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private delivering: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private lastRetentionAt: number | null = null;
  /** Vendors polled since the last delivery: their first-run/catch-up mode ends with it. */
  private polledSinceDelivery = new Set<string>();

  constructor(opts: EngineOptions) {
    this.opts = { maxRetries: 1, retryDelayMs: 2_000, concurrency: 6, ...opts };
  }

  get state(): Connectivity {
    return this.connectivity.connectivity;
  }

  subscribe(listener: (signal: EngineSignal) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One poll of one vendor, written in one transaction, then notifications for what is new. */
  async poll(vendor: WatchedVendor): Promise<PollResult> {
    const { result } = await this.pollOnly(vendor);
    await this.deliver();
    this.applyRetention();
    return result;
  }

  /**
   * Poll every watched vendor once (bounded concurrency), then deliver notifications once for the
   * whole cycle: `upstream daemon --once`, and the first run, which must summarise, not replay.
   */
  async runOnce(): Promise<CycleResult[]> {
    const vendors = this.opts.settings.current.watchlist;
    // What each poll read is let go as soon as it is written: only these few fields stay.
    const results: CycleResult[] = [];
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < vendors.length && !this.stopped) {
        const vendor = vendors[next++]!;
        const { result, newEvents } = await this.pollOnly(vendor);
        results.push({
          vendor: result.vendor, at: result.at, outcome: result.outcome, httpStatus: result.httpStatus, latencyMs: result.latencyMs,
          bytes: result.bytes, retries: result.retries, error: result.error, health: result.health, newEvents: newEvents.length,
        });
        this.emit({ type: 'progress', done: ++done, total: vendors.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.opts.concurrency, Math.max(1, vendors.length)) }, worker));
    await this.deliver();
    this.applyRetention();
    return results;
  }

  /**
   * The user's retention setting, applied at most once an hour: after a `--once` cycle (cron) and
   * from the running loop. Cheap (indexed deletes), but no reason to do it every poll.
   */
  private applyRetention(): void {
    const now = (this.opts.now ?? (() => new Date().toISOString()))();
    if (this.lastRetentionAt !== null && Date.parse(now) - this.lastRetentionAt < 3_600_000) return;
    this.lastRetentionAt = Date.parse(now);
    this.opts.history.retention(this.opts.settings.current.history.retentionDays, now);
  }

  /** Start the scheduler over the watchlist; re-reads the watchlist on `syncWatchlist`. */
  start(): void {
    this.stopped = false;
    this.scheduler = new PollScheduler((id) => {
      const vendor = this.opts.settings.current.watchlist.find((v) => v.id === id);
      return vendor ? this.track(this.poll(vendor)) : Promise.resolve({ outcome: 'ok' as const, retryAfterMs: null });
    }, {
      concurrency: this.opts.concurrency,
      ...(this.opts.clock ? { clock: this.opts.clock } : { clock: REAL_CLOCK }),
      ...(this.opts.staggerMs !== undefined ? { staggerMs: this.opts.staggerMs } : {}),
    });
    this.syncWatchlist();
    // Anything committed but not shown before a crash or quit is offered again now.
    void this.deliver();
  }

  /** Align the scheduler with the watchlist after a vendor is added or removed or an interval changes. */
  syncWatchlist(): void {
    const vendors = this.opts.settings.current.watchlist;
    const ids = new Set(vendors.map((v) => v.id));
    for (const id of new Set([...this.scheduled, ...this.memory.keys()])) if (!ids.has(id)) {
      this.scheduler?.remove(id);
      this.scheduled.delete(id);
      this.memory.delete(id);
      this.recentKnown.delete(id);
      this.entryCaches.delete(id);
    }
    if (!this.scheduler) return;
    for (const vendor of vendors) {
      this.scheduler.add(vendor.id, vendor.intervalSeconds * 1000);
      this.scheduled.add(vendor.id);
    }
  }

  /** True while the loop runs (start() called, stop() not yet). */
  get running(): boolean {
    return this.scheduler !== null && !this.stopped;
  }

  refresh(vendorId?: string): number {
    this.scheduler?.refresh(vendorId);
    return vendorId ? 1 : this.opts.settings.current.watchlist.length;
  }

  /** System sleep: stop polling. */
  pause(): void {
    this.scheduler?.pause();
  }

  /** Wake: the network may have changed; catch everyone up, jittered, and summarise what we missed. */
  resume(): void {
    this.connectivity.reset();
    for (const v of this.opts.settings.current.watchlist) this.catchingUp.add(v.id);
    this.scheduler?.resume();
  }

  /** Stop polling; polls already under way commit, and their notifications are delivered. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.scheduler?.stop();
    this.scheduler = null;
    this.scheduled.clear();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.delivering;
  }

  private pollOnly(vendor: WatchedVendor): Promise<{ result: PollResult; newEvents: VendorEvent[] }> {
    return this.track(this.readAndStore(vendor));
  }

  /** Count a promise as work under way until it settles (stop() waits for it). */
  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private async readAndStore(vendor: WatchedVendor): Promise<{ result: PollResult; newEvents: VendorEvent[] }> {
    const { history } = this.opts;
    const now = this.opts.now ?? (() => new Date().toISOString());
    let memory = this.memory.get(vendor.id);
    if (!memory) this.memory.set(vendor.id, (memory = history.loadPollerMemory(vendor.id)));
    // Only vendors of the same host scope can tell our outage from theirs (connectivity.ts).
    const scope = this.scopeOf(vendor);
    const watched = this.watchedIn(scope);
    const entryCache = vendor.adapter === 'feed-xml' ? (this.entryCaches.get(vendor.id) ?? new FeedEntryCache()) : undefined;
    const result = await pollVendor(vendor, memory, {
      now,
      maxRetries: this.opts.maxRetries,
      retryDelayMs: this.opts.retryDelayMs,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      recordConnectivity: (id, failed, startedAt) => {
        const nowMs = Date.parse(now());
        const blame = this.connectivity.blame(nowMs, id, scope);
        const change = this.connectivity.record(id, failed, watched, nowMs, Date.parse(startedAt), scope);
        if (change) this.onConnectivity(change);
        return blame;
      },
      loadKnown: () => this.knownOf(vendor.id),
      ...(entryCache ? { entryCache } : {}),
      cachedDocument: (url) => history.cachedDocument(vendor.id, url),
      ...(this.opts.fetchOptions ? { fetchOptions: this.opts.fetchOptions } : {}),
      ...(this.opts.timeZone ? { timeZone: this.opts.timeZone } : {}),
    });
    const newEvents = history.applyPoll(result);
    // Committed: the memory follows (never before, or a failed write would leave validators
    // standing for a known state that was not stored).
    remember(memory, result);
    if (result.known) this.keepKnown(vendor.id, result.known);
    // A cache that read this poll's document becomes the most recent; one that read nothing stays as it was.
    if (entryCache && entryCache.size > 0 && result.known) keepRecent(this.entryCaches, vendor.id, entryCache, RECENT_FEEDS);
    if (result.firstRead) this.firstReads.add(vendor.id);
    this.polledSinceDelivery.add(vendor.id);
    this.emit({ type: 'poll', result, newEvents });
    return { result, newEvents };
  }

  /**
   * How many watched vendors share a host scope, counted once per watchlist (the settings store
   * replaces the list on every change; the benchmarks grow it in place, hence the length too):
   * filtering the whole watchlist on every poll made a cycle O(vendors²).
   */
  private watchedIn(scope: HostScope): number {
    const list = this.opts.settings.current.watchlist;
    if (this.scopeCounts.list !== list || this.scopeCounts.length !== list.length) {
      const counts = new Map<HostScope, number>();
      for (const v of list) counts.set(this.scopeOf(v), (counts.get(this.scopeOf(v)) ?? 0) + 1);
      this.scopeCounts = { list, length: list.length, counts };
    }
    return this.scopeCounts.counts.get(scope) ?? 0;
  }

  /** The stored known state: the copy this engine wrote last when it is still the stored one. */
  private knownOf(vendorId: string): KnownState | null {
    const recent = this.recentKnown.get(vendorId);
    if (recent?.readAt !== undefined && this.opts.history.knownReadAt(vendorId) === recent.readAt) {
      this.keepKnown(vendorId, recent);
      return recent;
    }
    this.recentKnown.delete(vendorId);
    return this.opts.history.loadKnown(vendorId);
  }

  private keepKnown(vendorId: string, known: KnownState): void {
    keepRecent(this.recentKnown, vendorId, known, RECENT_KNOWN);
  }

  /** Public or private, from the vendor's base URL: every endpoint of an adapter is read from it. */
  private scopeOf(vendor: WatchedVendor): HostScope {
    let scope = this.scopes.get(vendor.base);
    if (!scope) this.scopes.set(vendor.base, (scope = scopeOfUrl(vendor.base, this.opts.isPrivateHost ?? isPrivateHost)));
    return scope;
  }

  private onConnectivity(change: Connectivity): void {
    this.emit({ type: 'connectivity', connectivity: change });
    if (change === 'online') {
      // Back online: what happened meanwhile is summarised, and everyone is re-read soon, jittered.
      for (const v of this.opts.settings.current.watchlist) this.catchingUp.add(v.id);
      this.scheduler?.catchUp();
    }
  }

  /** Serialised: two polls finishing together must not plan the same pending events twice. */
  private deliver(): Promise<unknown> {
    const run = async (): Promise<void> => {
      const { history, settings } = this.opts;
      const now = (this.opts.now ?? (() => new Date().toISOString()))();
      const modeOf = (id: string): PlanMode => (this.firstReads.has(id) ? 'first_run' : this.catchingUp.has(id) ? 'catch_up' : 'normal');
      const pending = history.pendingNotifications();
      // Modes last for one delivery after the poll that set them, whether or not it had news.
      const polled = this.polledSinceDelivery;
      this.polledSinceDelivery = new Set();
      const { shown } = await deliverPending({
        pending: () => pending,
        markHandled: (ids, how, at) => history.markHandled(ids, how, at),
        knownOf: (id) => this.knownOf(id),
      }, { now, timeZone: this.opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, settings: settings.current, modeOf }, this.opts.notify);
      for (const id of polled) {
        this.firstReads.delete(id);
        this.catchingUp.delete(id);
      }
      for (const notification of shown) this.emit({ type: 'notified', notification });
    };
    this.delivering = this.delivering.then(run, run);
    return this.delivering;
  }

  private emit(signal: EngineSignal): void {
    for (const listener of this.listeners) {
      try {
        listener(signal);
      } catch {
        // A face's bug must not stop the engine.
      }
    }
  }
}

/** Put `value` last (most recent) in an insertion-ordered map, dropping the oldest past `limit`. */
function keepRecent<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= limit) break;
    map.delete(oldest);
  }
}

/** The poller's memory after a committed poll: reachability, known state present, validators. */
function remember(memory: PollerMemory, result: PollResult): void {
  memory.reachability = result.reachability;
  if (result.known !== undefined) memory.hasKnown = result.known !== null;
  for (const e of result.endpoints ?? []) {
    if (e.etag === null && e.lastModified === null) delete memory.validators[e.url];
    else memory.validators[e.url] = { etag: e.etag, lastModified: e.lastModified };
  }
}
