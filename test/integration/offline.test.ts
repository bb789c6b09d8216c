import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedNotification } from '../../electron/core/changes/rules.ts';
import { Engine, type EngineSignal } from '../../electron/core/engine/engine.ts';
import { HistoryStore, type VendorRow } from '../../electron/core/history/index.ts';
import { closeHttpAgents } from '../../electron/core/polling/http.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { listenOn, versionsWithNewIncidents } from '../support/comeback.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { replayVersions } from '../support/replay.ts';

const MIN = 60_000;

/**
 * Every vendor's history.atom from one loopback server, one replay version at a time, with a real
 * ETag per version so unchanged feeds answer 304.
 */
function feeds(versions: Buffer[]): { handler: RequestListener; set(index: number): void } {
  let index = 0;
  const handler: RequestListener = (req, res) => {
    if (!/^\/[a-z]+\/history\.atom$/.test(req.url ?? '')) return void res.writeHead(404).end();
    const etag = `"v${index}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', etag }).end(versions[index]);
  };
  return { handler, set: (i) => void (index = i) };
}

interface Harness {
  store: HistoryStore;
  engine: Engine;
  notified: PlannedNotification[];
  signals: EngineSignal[];
  cycle(): Promise<{ at: string; vendors: Map<string, VendorRow> }>;
}

async function harness(ids: string[], server: FixtureServer, start: string): Promise<Harness> {
  const { home, settings } = await makeHome(ids.map((id) => feedVendor(id, `Vendor ${id.toUpperCase()}`, `${server.url}/${id}/history.atom`)));
  const opened = HistoryStore.open(join(home, 'history.db'));
  if (!opened.ok) throw new Error(opened.message);
  const store = opened.store;
  let clock = Date.parse(start);
  const notified: PlannedNotification[] = [];
  const signals: EngineSignal[] = [];
  const engine = new Engine({
    settings, history: store, timeZone: 'UTC', now: () => new Date(clock).toISOString(),
    fetchOptions: { totalTimeoutMs: 2_000, connectTimeoutMs: 1_000 }, maxRetries: 1, retryDelayMs: 20,
    // The loopback server stands for the whole Internet here: its hosts count as public, so these
    // stories run the rules for public vendors (public-offline.test.ts covers intranet answers).
    isPrivateHost: () => false,
    notify: async (n) => {
      notified.push(n);
      return true;
    },
  });
  engine.subscribe((s) => signals.push(s));
  return {
    store, engine, notified, signals,
    async cycle() {
      clock += 5 * MIN;
      await engine.runOnce();
      return { at: new Date(clock).toISOString(), vendors: new Map(store.vendors().map((v) => [v.id, v])) };
    },
  };
}

/** Stop what one scenario started; every part is optional because a failed beforeAll leaves some unset. */
async function tearDown(h: Harness | undefined, revived: { close(): Promise<void> } | undefined): Promise<void> {
  await h?.engine.stop();
  h?.store.close();
  await revived?.close();
  await closeHttpAgents();
}

const connectivity = (signals: EngineSignal[]): string[] => signals.flatMap((s) => (s.type === 'connectivity' ? [s.connectivity] : []));
const count = (store: HistoryStore, sql: string, ...params: string[]): number => Number((store.get(sql, ...params) as { n: number }).n);

describe('offline: the whole network goes away, then comes back', () => {
  const versions = replayVersions();
  const picks = versionsWithNewIncidents(versions, 5);
  const ids = ['a', 'b', 'c', 'd'];
  const GOOD = 3;
  const OFFLINE = 4;
  const feed = feeds(versions);
  let server: FixtureServer;
  let revived: Awaited<ReturnType<typeof listenOn>>;
  let h: Harness;
  let beforeOutage: { at: string; vendors: Map<string, VendorRow>; events: number; notified: number; opened: number };
  const outage: { at: string; vendors: Map<string, VendorRow> }[] = [];
  let signalsWhileOffline: string[] = [];
  let stateWhileOffline = '';
  let back: { at: string; vendors: Map<string, VendorRow> };
  let notifiedOnReturn: PlannedNotification[] = [];
  let next: PlannedNotification[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    for (const id of ids) server.route(`/${id}/history.atom`, feed.handler);
    h = await harness(ids, server, '2026-04-01T08:00:00Z');
    let last!: Awaited<ReturnType<Harness['cycle']>>;
    for (let i = 0; i < GOOD; i++) {
      feed.set(picks[i]!);
      last = await h.cycle();
    }
    beforeOutage = {
      ...last, events: count(h.store, 'SELECT count(*) AS n FROM events'), notified: h.notified.length,
      opened: count(h.store, "SELECT count(*) AS n FROM events WHERE kind = 'incident.opened'"),
    };

    await server.close(); // every connection refused from now on
    for (let i = 0; i < OFFLINE; i++) outage.push(await h.cycle());
    signalsWhileOffline = connectivity(h.signals);
    stateWhileOffline = h.engine.state;

    // The same server comes back on the same port with news for everyone.
    revived = await listenOn(server.port, feed.handler);
    feed.set(picks[GOOD]!);
    const shown = h.notified.length;
    back = await h.cycle();
    notifiedOnReturn = h.notified.slice(shown);
    feed.set(picks[GOOD + 1]!);
    await h.cycle();
    next = h.notified.slice(shown + notifiedOnReturn.length);
  }, 30_000);

  afterAll(() => tearDown(h, revived));

  it('goes offline once, and says so to its faces', () => {
    expect(signalsWhileOffline).toEqual(['offline']);
    expect(stateWhileOffline).toBe('offline');
  });

  it('keeps every vendor at its last known level, marked stale, while offline', () => {
    for (const id of ids) {
      const known = beforeOutage.vendors.get(id)!;
      expect(known.health).toBe('ok');
      expect(known.level).not.toBeNull();
      for (const c of outage) {
        expect(c.vendors.get(id), id).toMatchObject({ health: 'stale', level: known.level, lastSuccessAt: beforeOutage.at });
        expect(c.vendors.get(id)?.lastError, id).toMatch(/refused|reset/);
      }
    }
  });

  it('declares no vendor unreachable and notifies nothing while offline', () => {
    expect(count(h.store, "SELECT count(*) AS n FROM events WHERE kind = 'vendor.unreachable'")).toBe(0);
    expect(count(h.store, 'SELECT count(*) AS n FROM events WHERE detected_at > ? AND detected_at <= ?', beforeOutage.at, outage.at(-1)!.at)).toBe(0);
    expect(h.notified.length).toBeGreaterThan(0); // the good cycles did notify: the sink works
    expect(beforeOutage.notified).toBe(h.notified.length - notifiedOnReturn.length - next.length);
    // Only the failures before the outage was evident count against a vendor; all later polls are "offline".
    const outcomes = h.store.get(`SELECT sum(outcome = 'offline') AS offline, sum(outcome = 'fetch_error') AS failed, count(*) AS n
      FROM poll_log WHERE at > ? AND at <= ?`, beforeOutage.at, outage.at(-1)!.at) as { offline: number; failed: number; n: number };
    expect(Number(outcomes.n)).toBe(ids.length * OFFLINE);
    expect(Number(outcomes.failed)).toBe(2);
    expect(Number(outcomes.offline)).toBe(ids.length * OFFLINE - 2);
  });

  it('comes back online once, with no recovery storm', () => {
    expect(connectivity(h.signals)).toEqual(['offline', 'online']);
    expect(h.engine.state).toBe('online');
    expect(count(h.store, "SELECT count(*) AS n FROM events WHERE kind = 'vendor.recovered'")).toBe(0);
    for (const id of ids) expect(back.vendors.get(id), id).toMatchObject({ health: 'ok', consecutiveFailures: 0, lastSuccessAt: back.at });
  });

  it('records each incident once across the outage', () => {
    const opened = count(h.store, "SELECT count(*) AS n FROM events WHERE kind = 'incident.opened'");
    expect(opened).toBeGreaterThan(beforeOutage.opened);
    expect(opened).toBe(count(h.store, 'SELECT count(*) AS n FROM incidents'));
    expect(count(h.store, 'SELECT count(*) AS n FROM (SELECT vendor_id, kind, subject_id, at, body FROM events GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1)')).toBe(0);
    for (const id of ids) {
      expect(count(h.store, "SELECT count(*) AS n FROM events WHERE vendor_id = ? AND kind = 'incident.opened'", id)).toBe(opened / ids.length);
    }
  });

  it('summarises what happened meanwhile on the first poll back (catch-up), then notifies normally', () => {
    const fresh = h.store.recentEvents({ limit: 10_000 }).filter((e) => e.detectedAt === back.at);
    expect(fresh.length).toBeGreaterThan(ids.length); // news at every vendor
    // Catch-up: what is already over is old news, the rest is ONE "ongoing" summary, never a per-event replay.
    expect(notifiedOnReturn.length).toBeLessThanOrEqual(1);
    for (const n of notifiedOnReturn) expect(n.title).toMatch(/^\d+ ongoing issues? at \d+ vendors?$/);
    const handled = h.store.get("SELECT sum(handled = 'suppressed') AS suppressed, sum(handled IS NULL) AS pending FROM events WHERE detected_at = ?", back.at) as { suppressed: number; pending: number };
    expect(Number(handled.pending)).toBe(0);
    expect(Number(handled.suppressed) + (notifiedOnReturn[0]?.eventIds.length ?? 0)).toBe(fresh.length);
    // The cycle after is a normal one: four vendors' news is one "updates" summary.
    expect(next).toHaveLength(1);
    expect(next[0]!.title).toMatch(/^\d+ updates from 4 vendors$/);
  });
});

describe('offline: a single watched vendor that stops answering', () => {
  const versions = replayVersions();
  const feed = feeds(versions);
  let server: FixtureServer;
  let revived: Awaited<ReturnType<typeof listenOn>>;
  let h: Harness;
  let lastGood = '';
  const outage: { at: string; vendors: Map<string, VendorRow> }[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/solo/history.atom', feed.handler);
    h = await harness(['solo'], server, '2026-05-01T08:00:00Z');
    lastGood = (await h.cycle()).at;
    await h.cycle();
    lastGood = (await h.cycle()).at;
    await server.close();
    for (let i = 0; i < 5; i++) outage.push(await h.cycle());
    revived = await listenOn(server.port, feed.handler);
    await h.cycle();
  }, 30_000);

  afterAll(() => tearDown(h, revived));

  it('treats the silence as possibly ours: offline, stale, never unreachable, nothing notified', () => {
    for (const c of outage) expect(c.vendors.get('solo')).toMatchObject({ health: 'stale', lastSuccessAt: lastGood });
    const outcomes = h.store.get("SELECT count(*) AS n, sum(outcome = 'offline') AS offline FROM poll_log WHERE at > ? AND at <= ?", lastGood, outage.at(-1)!.at) as { n: number; offline: number };
    expect(Number(outcomes.n)).toBe(5);
    // Its own earlier answer cannot vouch for the network: not even the first failure is held against it.
    expect(Number(outcomes.offline)).toBe(5);
    expect(count(h.store, "SELECT count(*) AS n FROM events WHERE kind IN ('vendor.unreachable', 'vendor.recovered')")).toBe(0);
    expect(connectivity(h.signals)).toEqual(['offline', 'online']);
    expect(h.notified.flatMap((n) => n.eventIds).filter((id) => id.includes('vendor.'))).toEqual([]);
  });
});
