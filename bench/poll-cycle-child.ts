import { join } from 'node:path';
import { Agent, request } from 'undici';
import { Engine } from '../electron/core/engine/engine.ts';
import { HistoryStore } from '../electron/core/history/index.ts';
import { closeHttpAgents } from '../electron/core/polling/http.ts';
import { settingsSchema, type WatchedVendor } from '../shared/contract/settings.ts';
import { peakRssMb } from './peak-rss.ts';

/**
 * One measured process of the poll-cycle benchmark (a process per run, so peak RSS and CPU are
 * this run's and nothing else's; the feed server is another process):
 *
 * - `undici C URL N`: the baseline. Two cycles of N GETs with undici's `request` (the client the
 *   engine uses), C workers, bodies read and dropped; the second sends the ETags of the first, so
 *   it is answered 304.
 * - `engine-first C URL N HOME`: Engine.runOnce() over N never-seen feeds (HTTP, parse, diff,
 *   SQLite, notification planning). Reports twice: when the last vendor's poll is written (the
 *   poll phase) and when runOnce returns (after delivery), so the parent can stop a run whose
 *   delivery takes too long and still report the poll phase.
 * - `engine-warm C URL N HOME BATCH`: the watchlist grows BATCH vendors per runOnce until it
 *   holds N (so no single delivery plans more than BATCH vendors' first reads); then exits.
 * - `engine-steady C URL N HOME`: a fresh process on that history: one quiet cycle, then ONE
 *   measured runOnce in which every feed answers 304 (peak RSS: this process's own).
 */
export interface CycleFigures {
  wallMs: number;
  cpuMs: number;
  /** The high-water mark of this process's own memory (peak-rss.ts). */
  maxRssMb: number;
  /** Requests (or vendor polls) whose outcome was the scenario's (200/ok, then 304/not_modified). */
  expected: number;
  /** Events the engine stored (engine modes only). */
  events?: number;
}

export type ChildMessage = { phase: 'polled'; figures: CycleFigures } | { phase: 'done'; figures: CycleFigures } | { phase: 'cycles'; figures: CycleFigures[] };

const [mode, concurrencyArg, baseUrl, countArg, home, batchArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const count = Number(countArg);
if (!baseUrl || !(concurrency > 0) || !(count > 0)) throw new Error('usage: poll-cycle-child.ts MODE CONCURRENCY BASE_URL COUNT [HOME [BATCH]]');
const urls = Array.from({ length: count }, (_, i) => `${baseUrl}/v/${i}/history.atom`);
const send = (msg: ChildMessage): void => void process.send?.(msg);

function since(cpu0: NodeJS.CpuUsage, t0: bigint, expected: number, events?: number): CycleFigures {
  const cpu = process.cpuUsage(cpu0);
  return {
    wallMs: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: peakRssMb(), expected, ...(events !== undefined ? { events } : {}),
  };
}

function openEngine(dir: string): { engine: Engine; store: HistoryStore; watchlist: WatchedVendor[] } {
  const opened = HistoryStore.open(join(dir, 'history.db'));
  if (!opened.ok) throw new Error(opened.message);
  // The engine reads the watchlist array on every cycle: the steady mode grows it in place, as adding vendors does.
  const current = settingsSchema.parse({ version: 1 });
  const settings = { current };
  const watchlist = current.watchlist;
  // The notification sink shows nothing: planning and marking are measured, the OS pop-up is not.
  const engine = new Engine({ settings, history: opened.store, timeZone: 'UTC', concurrency, notify: async () => true });
  return { engine, store: opened.store, watchlist };
}

function vendor(i: number): WatchedVendor {
  const url = urls[i]!;
  return { id: `vendor-${i}`, name: `Vendor ${i}`, url, platform: 'statuspage', adapter: 'feed-xml', base: url, intervalSeconds: 300, components: [], addedAt: '2026-01-01T00:00:00.000Z' };
}

async function engineFirst(dir: string): Promise<void> {
  const { engine, store, watchlist } = openEngine(dir);
  watchlist.push(...urls.map((_, i) => vendor(i)));
  let events = 0;
  let ok = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  engine.subscribe((signal) => {
    if (signal.type === 'poll') {
      events += signal.newEvents.length;
      if (signal.result.outcome === 'ok') ok++;
    }
    // The last poll is written: what follows is delivery (planning, marking) for the whole cycle.
    if (signal.type === 'progress' && signal.done === signal.total) send({ phase: 'polled', figures: since(cpu0, t0, ok, events) });
  });
  await engine.runOnce();
  send({ phase: 'done', figures: since(cpu0, t0, ok, events) });
  await engine.stop();
  store.close();
  await closeHttpAgents();
}

/** The warm-up of a steady-state run: the watchlist grows BATCH vendors per runOnce until it holds N. */
async function engineWarm(dir: string, batch: number): Promise<void> {
  const { engine, store, watchlist } = openEngine(dir);
  while (watchlist.length < count) {
    const from = watchlist.length;
    watchlist.push(...urls.slice(from, from + batch).map((_, j) => vendor(from + j)));
    await engine.runOnce();
  }
  await engine.stop();
  store.close();
  await closeHttpAgents();
  send({ phase: 'done', figures: since(process.cpuUsage(), process.hrtime.bigint(), count) });
}

/**
 * A fresh process on a warmed-up history: one quiet cycle (the engine reads each vendor's small
 * memory from the history on its first poll), then ONE measured runOnce in which every feed
 * answers 304. Its peak RSS is the process's own: what a daemon needs once its first day is over.
 */
async function engineSteady(dir: string): Promise<void> {
  const { engine, store, watchlist } = openEngine(dir);
  watchlist.push(...urls.map((_, i) => vendor(i)));
  await engine.runOnce();
  let events = 0;
  engine.subscribe((signal) => {
    if (signal.type === 'poll') events += signal.newEvents.length;
  });
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const results = await engine.runOnce();
  send({ phase: 'done', figures: since(cpu0, t0, results.filter((r) => r.outcome === 'not_modified').length, events) });
  await engine.stop();
  store.close();
  await closeHttpAgents();
}

async function undiciCycles(): Promise<void> {
  // Same pool settings as the engine's shared agent (electron/core/polling/http.ts).
  const dispatcher = new Agent({ connect: { timeout: 5_000 }, keepAliveTimeout: 10_000 });
  const etags = new Map<string, string>();
  const cycle = async (status: number): Promise<CycleFigures> => {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    let next = 0;
    let expected = 0;
    const worker = async (): Promise<void> => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const etag = etags.get(url);
        const res = await request(url, { method: 'GET', dispatcher, headers: { 'accept-encoding': 'gzip, deflate, br', ...(etag ? { 'if-none-match': etag } : {}) } });
        await res.body.arrayBuffer();
        const got = res.headers['etag'];
        if (typeof got === 'string') etags.set(url, got);
        if (res.statusCode === status) expected++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return since(cpu0, t0, expected);
  };
  const figures = [await cycle(200), await cycle(304)];
  await dispatcher.close();
  send({ phase: 'cycles', figures });
}

if (mode === 'undici') await undiciCycles();
else if (mode === 'engine-first' && home) await engineFirst(home);
else if (mode === 'engine-warm' && home && Number(batchArg) > 0) await engineWarm(home, Number(batchArg));
else if (mode === 'engine-steady' && home) await engineSteady(home);
else throw new Error(`unknown mode ${mode}`);
