import { create } from 'zustand';
import type { UpstreamClient } from '../../shared/contract/client.ts';
import type { EngineMessage, Notice } from '../../shared/contract/events.ts';
import type { Settings } from '../../shared/contract/settings.ts';
import type { EngineState, VendorView } from '../../shared/contract/vendors.ts';
import type { VendorEvent } from '../../shared/model/index.ts';
import { markOnce } from '../lib/marks.ts';
import type { Connection } from '../transport/connect.ts';

/** Recent events kept for the live views; older ones are a history query away. */
const KEPT_EVENTS = 200;

export interface EngineStore {
  client: UpstreamClient | null;
  /** `loading` until the first read; `failed` when the engine could not be read at all. */
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /** The live link (event stream); false shows a banner and the data may be behind. */
  connected: boolean;
  state: EngineState | null;
  /** The watchlist's vendors, in watchlist order. */
  vendors: VendorView[];
  settings: Settings | null;
  notices: Notice[];
  /** Newest first. */
  events: VendorEvent[];
  /** Bumped by every message that may change what a page shows, so pages re-read their data. */
  revision: number;
  start(connection: Connection): Promise<void>;
  reload(): Promise<void>;
  apply(message: EngineMessage): void;
}

/**
 * The renderer's cache of the engine (the history is the source of truth): filled by reading the
 * API once, then kept current by the message stream. After the stream reconnects it is read again,
 * since messages sent while disconnected are gone.
 */
export const useEngine = create<EngineStore>()((set, get) => ({
  client: null,
  status: 'loading',
  loadError: null,
  connected: true,
  state: null,
  vendors: [],
  settings: null,
  notices: [],
  events: [],
  revision: 0,

  async start(connection) {
    set({ client: connection.client });
    let wasDown = false;
    connection.onConnection((up) => {
      set({ connected: up });
      if (up && wasDown) void get().reload();
      wasDown = !up;
    });
    connection.client.subscribe((message) => get().apply(message));
    await get().reload();
  },

  async reload() {
    const client = get().client;
    if (!client) return;
    const [state, vendors, settings, notices, events] = await Promise.all([
      client.engine.state(), client.vendors.list(), client.settings.get(), client.notices.list(), client.events.recent({ limit: 50 }),
    ]);
    const failed = [state, vendors, settings, notices, events].find((r) => !r.ok);
    if (failed && !failed.ok) {
      set({ status: get().status === 'ready' ? 'ready' : 'failed', loadError: failed.error.message });
      return;
    }
    set((s) => ({
      status: 'ready',
      loadError: null,
      state: state.ok ? state.value : s.state,
      vendors: vendors.ok ? vendors.value : s.vendors,
      settings: settings.ok ? settings.value : s.settings,
      notices: notices.ok ? notices.value : s.notices,
      events: events.ok ? events.value : s.events,
      revision: s.revision + 1,
    }));
    markOnce('upstream:first-data');
  },

  apply(message) {
    set((s) => {
      switch (message.type) {
        case 'event':
          return { events: [message.event, ...s.events.filter((e) => e.id !== message.event.id)].slice(0, KEPT_EVENTS), revision: s.revision + 1 };
        case 'vendor': {
          const id = message.vendor.source.id;
          const index = s.vendors.findIndex((v) => v.source.id === id);
          const vendors = index === -1 ? [...s.vendors, message.vendor] : s.vendors.map((v, i) => (i === index ? message.vendor : v));
          return { vendors, revision: s.revision + 1 };
        }
        case 'vendor_removed':
          return { vendors: s.vendors.filter((v) => v.source.id !== message.vendorId), revision: s.revision + 1 };
        case 'state':
          return { state: message.state };
        case 'progress':
          return s.state ? { state: { ...s.state, progress: message.done >= message.total ? null : { done: message.done, total: message.total } } } : {};
        case 'settings': {
          // Keep the watchlist's order for the vendor list.
          const order = new Map(message.settings.watchlist.map((v, i) => [v.id, i]));
          const vendors = [...s.vendors].sort((a, b) => (order.get(a.source.id) ?? 0) - (order.get(b.source.id) ?? 0));
          return { settings: message.settings, vendors };
        }
        case 'notice':
          return { notices: [message.notice, ...s.notices] };
        case 'poll':
          return {};
        default:
          return message satisfies never;
      }
    });
  },
}));
