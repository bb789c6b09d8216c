import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WatchedVendor } from '../../../../shared/contract/settings.ts';
import { settingsSchema } from '../../../../shared/contract/settings.ts';
import { Engine } from '../../../../electron/core/engine/engine.ts';
import { HistoryStore } from '../../../../electron/core/history/index.ts';
import type { FeedParseContext } from '../../../../electron/core/feeds/feed/adapter.ts';
import { ADAPTERS } from '../../../../electron/core/feeds/registry.ts';
import { closeHttpAgents } from '../../../../electron/core/polling/http.ts';
import { startFixtureServer, type FixtureServer, type RouteHandler } from '../../../support/fixture-server.ts';
import { SHARED_FIXTURES } from '../../../support/paths.ts';
import { replayVersions } from '../../../support/replay.ts';
import { tempDir } from '../history/factories.ts';

/**
 * The poller's conditional GETs, and what it keeps for them: validators in the history (written
 * with the known state they stand for), bodies only for adapters of several documents. A changed
 * document is read again, an unchanged one is not (and its known state is not even loaded), a
 * restart loses nothing, and a vendor's `Cache-Control: max-age` never stops the next poll from
 * reaching the server: a monitor revalidates every time.
 */

/** A document the test moves from version to version; ETag per version, 304 when it matches. */
function versioned(bodies: Buffer[], headers: Record<string, string> = {}): { handler: RouteHandler; set(v: number): void; hits: () => number } {
  let at = 0;
  let hits = 0;
  return {
    handler: (req, res) => {
      hits++;
      const etag = `"v${at}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag, ...headers }).end();
      res.writeHead(200, { etag, 'content-type': 'application/json; charset=utf-8', ...headers }).end(bodies[at]);
    },
    set: (v) => void (at = v),
    hits: () => hits,
  };
}

let server: FixtureServer;
const versions = replayVersions();
const atom = versioned(versions.slice(0, 3), { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=3600' });
const fixture = (path: string): Buffer => readFileSync(resolve(SHARED_FIXTURES, path));
const summary = versioned([fixture('statuspage/github-summary-2022-11-25-partial-outage.json')]);
const incidents = versioned([fixture('statuspage/github-incident-gqx5l06jjxhp-critical.json'), fixture('statuspage/github-incident-rgy28jwprr1c-critical-all-statuses.json')]);

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/feed/history.atom', atom.handler);
  server.route('/sp/api/v2/summary.json', summary.handler);
  server.route('/sp/api/v2/incidents.json', incidents.handler);
});
afterAll(async () => {
  await closeHttpAgents();
  await server.close();
});

const tmp: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of tmp.splice(0)) t.cleanup();
});

function vendor(id: string, adapter: string, base: string): WatchedVendor {
  return { id, name: id, url: base, platform: 'statuspage', adapter, base, intervalSeconds: 300, components: [], addedAt: '2026-01-01T00:00:00.000Z' };
}

/** An engine over one history file; `restart()` drops everything in memory and opens the file again. */
function rig(watchlist: WatchedVendor[]): { engine: () => Engine; store: () => HistoryStore; restart: () => Promise<void>; close: () => Promise<void> } {
  const dir = tempDir();
  tmp.push(dir);
  const current = settingsSchema.parse({ version: 1 });
  current.watchlist.push(...watchlist);
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const open = (): { engine: Engine; store: HistoryStore } => {
    const opened = HistoryStore.open(dir.file());
    if (!opened.ok) throw new Error(opened.message);
    const engine = new Engine({ settings: { current }, history: opened.store, timeZone: 'UTC', notify: async () => true, now: () => new Date((clock += 60_000)).toISOString(), isPrivateHost: () => false });
    return { engine, store: opened.store };
  };
  let run = open();
  const close = async (): Promise<void> => {
    await run.engine.stop();
    run.store.close();
  };
  return {
    engine: () => run.engine,
    store: () => run.store,
    restart: async () => {
      await close();
      run = open();
    },
    close,
  };
}

describe('conditional GET across polls and restarts', () => {
  it('an unchanged document is not read again, a changed one is, and a restart loses nothing', async () => {
    atom.set(0);
    const r = rig([vendor('gh', 'feed-xml', `${server.url}/feed/history.atom`)]);
    const first = await r.engine().runOnce();
    expect(first[0]?.outcome).toBe('ok');
    const firstEvents = first[0]!.newEvents;
    expect(firstEvents).toBeGreaterThan(0);

    // Unchanged: one conditional request, answered 304; nothing parsed, the known state not loaded.
    const loadKnown = vi.spyOn(r.store(), 'loadKnown');
    const from = server.requests.length;
    const quiet = await r.engine().runOnce();
    expect(quiet[0]).toMatchObject({ outcome: 'not_modified', newEvents: 0 });
    expect(server.requests.slice(from).map((q) => q.ifNoneMatch)).toEqual(['"v0"']);
    expect(loadKnown).not.toHaveBeenCalled();

    // A restart: the validators come back from the history, so the first poll is a 304 too.
    await r.restart();
    const afterRestart = server.requests.length;
    const again = await r.engine().runOnce();
    expect(again[0]).toMatchObject({ outcome: 'not_modified', newEvents: 0 });
    expect(server.requests.slice(afterRestart).map((q) => q.ifNoneMatch)).toEqual(['"v0"']);

    // Changed: read in full and diffed against the stored known state (only what is new).
    atom.set(1);
    const changed = await r.engine().runOnce();
    expect(changed[0]?.outcome).toBe('ok');
    expect(changed[0]!.newEvents).toBeLessThan(firstEvents);
    const stored = r.store().all('SELECT url, etag FROM endpoint_cache');
    expect(stored).toEqual([{ url: `${server.url}/feed/history.atom`, etag: '"v1"' }]);
    // A single-document feed keeps no body: its 304 is the whole answer.
    expect(r.store().get('SELECT count(*) AS n FROM endpoint_cache WHERE body IS NOT NULL')).toEqual({ n: 0 });
    await r.close();
  });

  it("a vendor's Cache-Control: max-age=3600 does not stop the next poll from reaching the server", async () => {
    atom.set(0);
    const r = rig([vendor('gh', 'feed-xml', `${server.url}/feed/history.atom`)]);
    await r.engine().runOnce();
    const hits = atom.hits();
    await r.engine().runOnce();
    await r.engine().runOnce();
    expect(atom.hits()).toBe(hits + 2);
    atom.set(2);
    expect((await r.engine().runOnce())[0]?.outcome).toBe('ok');
    await r.close();
  });

  it('a partial 304 of a several-document adapter parses the unchanged document from its stored body, after a restart too', async () => {
    summary.set(0);
    incidents.set(0);
    const r = rig([vendor('sp', 'statuspage-json', `${server.url}/sp`)]);
    expect((await r.engine().runOnce())[0]?.outcome).toBe('ok');
    expect(r.store().get('SELECT count(*) AS n FROM endpoint_cache WHERE body IS NOT NULL')).toEqual({ n: 2 });
    await r.restart();
    incidents.set(1);
    const from = server.requests.length;
    const result = await r.engine().runOnce();
    expect(result[0]?.outcome).toBe('ok');
    const sent = server.requests.slice(from).filter((q) => q.path.startsWith('/sp/api/v2/') && !q.path.includes('scheduled'));
    // Summary revalidated (304) and not fetched again; incidents read anew.
    expect(sent.map((q) => [q.path, q.ifNoneMatch])).toEqual([['/sp/api/v2/summary.json', '"v0"'], ['/sp/api/v2/incidents.json', '"v0"']]);
    const view = r.store().vendor('sp');
    expect(view?.summary?.components.length).toBe(11);
    expect(r.store().getIncident('sp', 'rgy28jwprr1c')).not.toBeNull();
    await r.close();
  });

  it('remembers no validators from a read that failed, so the broken document is read again', async () => {
    const broken = versioned([Buffer.from('<feed><entry>')], { 'content-type': 'application/atom+xml' });
    server.route('/broken/history.atom', broken.handler);
    const r = rig([vendor('b', 'feed-xml', `${server.url}/broken/history.atom`)]);
    expect((await r.engine().runOnce())[0]?.outcome).toBe('feed_error');
    const from = server.requests.length;
    expect((await r.engine().runOnce())[0]?.outcome).toBe('feed_error');
    expect(server.requests.slice(from).map((q) => q.ifNoneMatch)).toEqual([null]);
    expect(r.store().all('SELECT * FROM endpoint_cache')).toEqual([]);
    await r.close();
  });
});

describe('known states kept after a write (the engine keeps the last few)', () => {
  it('a vendor changing again is diffed against the copy it kept, not re-read; a copy replaced by another process is re-read', async () => {
    atom.set(0);
    const r = rig([vendor('gh', 'feed-xml', `${server.url}/feed/history.atom`)]);
    await r.engine().runOnce();
    const loadKnown = vi.spyOn(r.store(), 'loadKnown');
    atom.set(1);
    expect((await r.engine().runOnce())[0]?.outcome).toBe('ok');
    expect(loadKnown).not.toHaveBeenCalled();

    // Another process (its own connection and engine) reads version 2 and writes its known state.
    const other = HistoryStore.open(r.store().file);
    if (!other.ok) throw new Error(other.message);
    const current = settingsSchema.parse({ version: 1 });
    current.watchlist.push(vendor('gh', 'feed-xml', `${server.url}/feed/history.atom`));
    const elsewhere = new Engine({ settings: { current }, history: other.store, timeZone: 'UTC', notify: async () => true, now: () => '2026-06-01T00:00:00.000Z', isPrivateHost: () => false });
    atom.set(2);
    expect((await elsewhere.runOnce())[0]?.outcome).toBe('ok');
    await elsewhere.stop();
    other.store.close();

    // Ours sees a stamp that is not its copy's: it reads the stored state, and finds nothing new.
    const events = r.store().get('SELECT count(*) AS n FROM events') as { n: number };
    const again = await r.engine().runOnce();
    expect(again[0]).toMatchObject({ outcome: 'ok', newEvents: 0 });
    expect(loadKnown).toHaveBeenCalledTimes(1);
    expect(r.store().get('SELECT count(*) AS n FROM events')).toEqual(events);
    expect(r.store().loadKnown('gh')?.readAt).toBe(r.store().knownReadAt('gh'));
    await r.close();
  });
});

describe('entry caches of the feeds that change', () => {
  it('a feed read again after a change re-reads only the entries that changed', async () => {
    atom.set(0);
    const parse = vi.spyOn(ADAPTERS['feed-xml'], 'parse');
    const r = rig([vendor('gh', 'feed-xml', `${server.url}/feed/history.atom`)]);
    await r.engine().runOnce();
    atom.set(1);
    await r.engine().runOnce();
    const caches = parse.mock.calls.map(([, ctx]) => (ctx as FeedParseContext).entryCache);
    expect(caches).toHaveLength(2);
    expect(caches[1]).toBe(caches[0]);
    expect(caches[1]?.lastParse.reused).toBeGreaterThan(20);
    parse.mockRestore();
    await r.close();
  });
});

describe('a first read', () => {
  it('stores its old news as handled with the poll: delivery reads back only what is still going on', async () => {
    atom.set(0);
    const r = rig([vendor('gh', 'feed-xml', `${server.url}/feed/history.atom`)]);
    const pending = vi.spyOn(r.store(), 'pendingNotifications');
    await r.engine().runOnce();
    const read = pending.mock.results.map((x) => (x.value as unknown[]).length);
    const stored = r.store().get("SELECT count(*) AS n FROM events WHERE handled = 'suppressed'") as { n: number };
    expect(stored.n).toBeGreaterThan(100);
    // GitHub's first version holds resolved incidents only: nothing was left for delivery to read.
    expect(read).toEqual([0]);
    expect(r.store().get('SELECT count(*) AS n FROM events WHERE handled IS NULL')).toEqual({ n: 0 });
    await r.close();
  });
});

describe('migration 2', () => {
  it("moves a version-1 file's poller memory out of the vendors row, and reads it back the same", async () => {
    const dir = tempDir();
    tmp.push(dir);
    const { DatabaseSync } = await import('node:sqlite');
    const { MIGRATIONS } = await import('../../../../electron/core/history/migrations.ts');
    const db = new DatabaseSync(dir.file());
    db.exec(MIGRATIONS[0]!);
    db.exec('PRAGMA user_version = 1');
    const known = { version: 1, snapshot: { source: { url: 'u', platform: 'feed', format: 'atom', fetchedAt: 't' }, page: { name: 'n', url: 'u' }, status: { level: 'operational', description: 'ok' }, components: [], incidents: [], maintenances: [], warnings: [] }, lastSeen: {}, missingSince: {}, noLongerReported: [] };
    const reachability = { reachable: true, since: 't', failures: 1, failingSince: 't2' };
    db.prepare(`INSERT INTO vendors (id, name, url, platform, adapter, base, known_state, health, first_seen_at) VALUES ('gh', 'GitHub', 'u', 'feed', 'feed-xml', 'u', ?, 'ok', 't')`)
      .run(JSON.stringify({ known, reachability }));
    db.close();
    const opened = HistoryStore.open(dir.file());
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.store.loadVendorState('gh')).toEqual({ known, reachability });
    expect(opened.store.loadPollerMemory('gh')).toEqual({ reachability, hasKnown: true, validators: {} });
    expect(opened.store.get('SELECT known_state FROM vendors')).toEqual({ known_state: null });
    opened.store.close();
  });
});

