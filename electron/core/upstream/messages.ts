import type { EngineMessage, Notice } from '../../../shared/contract/events.ts';
import type { Settings, WatchedVendor } from '../../../shared/contract/settings.ts';
import type { EngineState, VendorView } from '../../../shared/contract/vendors.ts';
import { worstOf, type StatusLevel } from '../../../shared/model/index.ts';
import type { EngineSignal } from '../engine/engine.ts';
import type { Connectivity } from '../polling/connectivity.ts';

/** How many notices the root keeps for a face that connects late. */
const KEPT_NOTICES = 50;

/**
 * The root's message stream: turns what the engine and the settings store say into the contract's
 * messages, and keeps what a late subscriber needs (the overall state, recent notices). Every
 * message goes out typed as the contract's `EngineMessage`, so `tsc` refuses one the schema does
 * not describe; `translate` is exhaustive over the engine's signals, so a new signal cannot be
 * forgotten here either.
 */
export class MessageHub {
  private readonly listeners = new Set<(message: EngineMessage) => void>();
  private readonly levels = new Map<string, StatusLevel>();
  private readonly noticeList: Notice[] = [];
  private connectivity: Connectivity = 'online';
  private paused = false;
  private vendorCount = 0;
  private lastCycleAt: string | null = null;
  private progress: EngineState['progress'] = null;
  private lastStateKey = '';
  private noticeSeq = 0;
  private readonly now: () => string;

  constructor(now: () => string) {
    this.now = now;
  }

  subscribe(listener: (message: EngineMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The overall state: what `engine.state` answers and the tray icon shows. */
  state(): EngineState {
    return {
      connectivity: this.paused ? 'paused' : this.connectivity,
      // Our being offline never raises this: only the vendors' own levels count.
      worst: worstOf([...this.levels.values()].filter((l) => l !== 'unknown')),
      vendorCount: this.vendorCount,
      lastCycleAt: this.lastCycleAt,
      progress: this.progress,
    };
  }

  notices(): Notice[] {
    return [...this.noticeList].reverse();
  }

  /** Start from what history says (levels and last polls of watched vendors). */
  seed(watchlist: readonly WatchedVendor[], rows: readonly { id: string; level: StatusLevel | null; lastPollAt: string | null }[]): void {
    const watched = new Set(watchlist.map((v) => v.id));
    this.vendorCount = watched.size;
    for (const row of rows) {
      if (!watched.has(row.id)) continue;
      if (row.level) this.levels.set(row.id, row.level);
      if (row.lastPollAt && (!this.lastCycleAt || row.lastPollAt > this.lastCycleAt)) this.lastCycleAt = row.lastPollAt;
    }
    this.lastStateKey = this.stateKey();
  }

  /**
   * An engine signal, with the vendor's fresh view when it was a poll. The view is built only when
   * someone listens (a `daemon --once` without a face, a benchmark): it costs two queries a poll.
   */
  translate(signal: EngineSignal, viewOf?: () => VendorView | undefined): void {
    switch (signal.type) {
      case 'poll': {
        const r = signal.result;
        for (const event of signal.newEvents) this.send({ type: 'event', event });
        this.send({ type: 'poll', poll: { vendorId: r.vendor.id, vendorName: r.vendor.name, at: r.at, outcome: r.outcome, health: r.health, retries: r.retries, error: r.error } });
        if (r.known) this.levels.set(r.vendor.id, r.known.snapshot.status.level);
        if (!this.lastCycleAt || r.at > this.lastCycleAt) this.lastCycleAt = r.at;
        const view = this.listeners.size > 0 ? viewOf?.() : undefined;
        if (view) this.send({ type: 'vendor', vendor: view });
        break;
      }
      case 'connectivity':
        this.connectivity = signal.connectivity;
        break;
      case 'progress':
        this.progress = signal.done >= signal.total ? null : { done: signal.done, total: signal.total };
        this.send({ type: 'progress', done: signal.done, total: signal.total });
        break;
      case 'notified':
        break; // shown by the notify sink; the events themselves were already sent
      default:
        return signal satisfies never;
    }
    this.sendStateIfChanged();
  }

  /** New settings in force: who is watched changed, and so may the vendors' views. */
  settingsChanged(settings: Readonly<Settings>, before: readonly WatchedVendor[], viewOf: (vendor: WatchedVendor) => VendorView): void {
    const now = new Map(settings.watchlist.map((v) => [v.id, v]));
    for (const old of before) {
      if (now.has(old.id)) continue;
      this.levels.delete(old.id);
      this.send({ type: 'vendor_removed', vendorId: old.id });
    }
    const previous = new Map(before.map((v) => [v.id, v]));
    for (const vendor of settings.watchlist) {
      const was = previous.get(vendor.id);
      if (!was || JSON.stringify(was) !== JSON.stringify(vendor)) this.send({ type: 'vendor', vendor: viewOf(vendor) });
    }
    this.vendorCount = settings.watchlist.length;
    this.send({ type: 'settings', settings: settings as Settings });
    this.sendStateIfChanged();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.sendStateIfChanged();
  }

  notice(level: Notice['level'], message: string): void {
    const notice: Notice = { id: `n${++this.noticeSeq}`, level, message, at: this.now() };
    this.noticeList.push(notice);
    if (this.noticeList.length > KEPT_NOTICES) this.noticeList.shift();
    this.send({ type: 'notice', notice });
  }

  private stateKey(): string {
    const s = this.state();
    return `${s.connectivity}|${s.worst}|${s.vendorCount}`;
  }

  private sendStateIfChanged(): void {
    const key = this.stateKey();
    if (key === this.lastStateKey) return;
    this.lastStateKey = key;
    this.send({ type: 'state', state: this.state() });
  }

  private send(message: EngineMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        // A face's bug must not stop the engine or the other faces.
      }
    }
  }
}
