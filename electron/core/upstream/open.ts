import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract/api.ts';
import type { EngineMessage } from '../../../shared/contract/events.ts';
import type { ApiResult } from '../../../shared/contract/result.ts';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import { Engine, type EngineOptions } from '../engine/engine.ts';
import type { NotifySink } from '../engine/notify-plan.ts';
import { HistoryStore } from '../history/index.ts';
import { closeHttpAgents, fetchDocument, type FetchFn } from '../polling/http.ts';
import { SettingsStore } from '../settings/index.ts';
import { dispatch } from './dispatch.ts';
import { createHandlers, summaryOf, viewOf } from './handlers.ts';
import { MessageHub } from './messages.ts';
import { vendorView } from './vendor-view.ts';

/** Engine tuning a face may set (tests and benchmarks set timing; the app leaves the defaults). */
export type EngineTuning = Pick<EngineOptions, 'fetchOptions' | 'maxRetries' | 'retryDelayMs' | 'concurrency' | 'clock' | 'staggerMs' | 'isPrivateHost'>;

export interface UpstreamOptions {
  /**
   * The folder with config.json and history.db, created if missing. Null opens a scratch root:
   * an empty watchlist and a history in memory, nothing read or written (`upstream check`).
   */
  home: string | null;
  /** Where notifications go: node-notifier headless, Electron's Notification in the app. */
  notify?: NotifySink;
  now?: () => string;
  /** The user's IANA zone, for quiet hours. */
  timeZone?: string;
  /** The HTTP client; tests and `check --timeout` pass a wrapper. */
  http?: FetchFn;
  engine?: EngineTuning;
  /** How often the settings file is checked for edits made elsewhere. Default 1 s. */
  settingsCheckMs?: number;
}

/** The engine as every face sees it: the contract's calls and messages, a loop to start and stop. */
export interface Upstream {
  readonly home: string | null;
  /** A typed call, for faces in this process (the CLI, the daemon). */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ApiResult<ResponseOf<C>>>;
  /** An untrusted call from a transport (HTTP, IPC): channel and payload are validated. */
  dispatch(channel: string, payload: unknown): Promise<ApiResult<unknown>>;
  /** The message stream: events, vendor views, state, polls, progress, settings, notices. */
  subscribe(listener: (message: EngineMessage) => void): () => void;
  /** Start the polling loop and the settings watch. */
  start(): void;
  /** Poll every watched vendor once and deliver notifications (`daemon --once`). */
  runOnce(): Promise<void>;
  /** System sleep: stop polling until resume(). */
  pause(): void;
  /** Wake: catch everyone up, jittered, and summarise what was missed. */
  resume(): void;
  /** Stop the loop, let polls under way commit, close the history. Idempotent. */
  stop(): Promise<void>;
}

export type OpenResult = { ok: true; upstream: Upstream } | { ok: false; message: string };

/** Roots open in this process: the HTTP agents are shared, so only the last one closes them. */
let openRoots = 0;

/**
 * The one composition root: settings, history and the engine, wired once. The CLI, the daemon,
 * `upstream serve` and the Electron IPC bridge are transports over what this returns and nothing
 * else. Settings are the single source of who is watched: a change from any face, another process
 * or a hand edit reaches the loop through the settings store's change stream, within a second.
 * A history that cannot be opened is the only failure; a repaired settings file is a notice.
 */
export async function openUpstream(options: UpstreamOptions): Promise<OpenResult> {
  const now = options.now ?? (() => new Date().toISOString());
  const http = options.http ?? fetchDocument;
  if (options.home !== null) mkdirSync(options.home, { recursive: true });
  const settings = options.home === null ? new SettingsStore('', { persist: false }) : new SettingsStore(options.home);
  const loaded = await settings.load();
  const opened = HistoryStore.open(options.home === null ? ':memory:' : join(options.home, 'history.db'));
  if (!opened.ok) return { ok: false, message: opened.message };
  const history = opened.store;
  openRoots++;

  const hub = new MessageHub(now);
  hub.seed(settings.current.watchlist, history.vendors());
  if (loaded.message) hub.notice('warning', loaded.message);

  const engine = new Engine({
    settings, history, now,
    notify: options.notify ?? (async () => false),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...options.engine,
  });
  const retriesSinceDayAgo = (id: string): number => history.retriesSince(id, new Date(Date.parse(now()) - 86_400_000).toISOString());
  engine.subscribe((signal) => {
    // The row just written holds the summary of the last read: no known state is parsed per poll.
    const viewOf = signal.type === 'poll'
      ? () => watched(signal.result.vendor.id, (v) => {
        const row = history.vendor(v.id);
        return vendorView(v, row, summaryOf(history, v.id, row), retriesSinceDayAgo(v.id));
      })
      : undefined;
    hub.translate(signal, viewOf);
  });
  // By id, rebuilt when the watchlist changes: a linear search per poll was O(vendors²) per cycle.
  let byId = new Map<string, WatchedVendor>();
  let indexed: readonly WatchedVendor[] | null = null;
  const watched = <T>(id: string, fn: (vendor: WatchedVendor) => T): T | undefined => {
    const list = settings.current.watchlist;
    if (indexed !== list || byId.size !== list.length) {
      byId = new Map(list.map((v) => [v.id, v]));
      indexed = list;
    }
    const vendor = byId.get(id);
    return vendor ? fn(vendor) : undefined;
  };

  let before = settings.current.watchlist;
  settings.subscribe((change) => {
    if (change.type === 'refused') return hub.notice('warning', change.message);
    engine.syncWatchlist();
    hub.settingsChanged(change.settings, before, (v) => viewOf({ history, now }, v));
    before = change.settings.watchlist;
  });

  const handlers = createHandlers({
    settings, history, http, now,
    state: () => hub.state(),
    notices: () => hub.notices(),
    refresh: (vendorId) => (engine.running ? engine.refresh(vendorId) : null),
  });
  let stopWatching: (() => void) | null = null;
  let stopped: Promise<void> | null = null;

  const upstream: Upstream = {
    home: options.home,
    call: (channel, request) => dispatch(handlers, channel, request) as never,
    dispatch: (channel, payload) => dispatch(handlers, channel, payload),
    subscribe: (listener) => hub.subscribe(listener),
    start() {
      stopWatching ??= settings.watch(options.settingsCheckMs ?? 1_000);
      engine.start();
    },
    async runOnce() {
      await engine.runOnce();
    },
    pause() {
      engine.pause();
      hub.setPaused(true);
    },
    resume() {
      hub.setPaused(false);
      engine.resume();
    },
    stop() {
      stopped ??= (async () => {
        stopWatching?.();
        await engine.stop();
        history.close();
        // Keep-alive sockets would hold the process open after its last root is gone.
        if (--openRoots === 0) await closeHttpAgents();
      })();
      return stopped;
    },
  };
  return { ok: true, upstream };
}
