import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/core/engine/engine.ts';
import type { PlannedNotification } from '../../electron/core/changes/rules.ts';
import { HistoryStore } from '../../electron/core/history/index.ts';
import { SettingsStore } from '../../electron/core/settings/index.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { replayTruth, replayVersions, serveReplay } from '../support/replay.ts';

const DAY = 86_400_000;

/**
 * The year of GitHub incidents in the replay corpus, served one history.atom version per poll from
 * a loopback server, through the real engine, HTTP client, adapter, diff and SQLite store, with a
 * restart (new engine, new store connection, fresh settings read) halfway.
 */
describe('replay: 373 successive versions of GitHub history.atom', () => {
  const versions = replayVersions();
  const truth = replayTruth(versions);
  let server: FixtureServer;
  let home: string;
  const notified: PlannedNotification[] = [];
  let clock = Date.parse('2022-06-11T00:00:00Z');
  let counts: Record<string, number> = {};
  let store: HistoryStore;

  const startEngine = async (): Promise<{ engine: Engine; store: HistoryStore }> => {
    const settings = new SettingsStore(home);
    await settings.load();
    const opened = HistoryStore.open(join(home, 'history.db'));
    if (!opened.ok) throw new Error(opened.message);
    const engine = new Engine({
      settings, history: opened.store, timeZone: 'UTC', now: () => new Date(clock).toISOString(),
      notify: async (n) => {
        notified.push(n);
        return true;
      },
    });
    return { engine, store: opened.store };
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    const feed = serveReplay(server, '/github/history.atom', versions);
    const made = await makeHome([feedVendor('github', 'GitHub', `${server.url}/github/history.atom`)]);
    home = made.home;
    // The replay spans a year of (simulated) days: keep all of it, so counts compare with the corpus.
    await made.settings.update((s) => {
      s.history.retentionDays = 36_500;
    });
    let run = await startEngine();
    const half = Math.floor(versions.length / 2);
    for (let i = 0; i < versions.length; i++) {
      if (i === half) {
        // Restart: everything in memory is gone; only the settings file and the database remain.
        await run.engine.stop();
        run.store.close();
        run = await startEngine();
      }
      feed.set(i);
      clock += DAY;
      await run.engine.runOnce();
    }
    await run.engine.stop();
    store = run.store;
    counts = store.eventCounts();
  }, 240_000);

  afterAll(async () => {
    store?.close();
    await server?.close();
  });

  it('the corpus is what we think it is', () => {
    expect(versions).toHaveLength(373);
    expect(truth).toMatchObject({ incidents: 191, updates: 929, resolved: 191, maintenances: 10 });
  });

  it('stores every incident and update that appeared in any version exactly once', () => {
    expect(store.get('SELECT count(*) AS n FROM incidents')).toMatchObject({ n: truth.incidents });
    expect(store.get('SELECT count(*) AS n FROM incident_updates')).toMatchObject({ n: truth.updates });
    expect(store.get('SELECT count(*) AS n FROM maintenances')).toMatchObject({ n: truth.maintenances });
    expect(store.get('SELECT count(*) AS n FROM (SELECT vendor_id, incident_id, at, label, body FROM incident_updates GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1)')).toMatchObject({ n: 0 });
  });

  it('logs one incident.opened per incident, one incident.updated per update and one incident.resolved per resolution', () => {
    expect(counts['incident.opened']).toBe(truth.incidents);
    expect(counts['incident.updated']).toBe(truth.updates);
    expect(counts['incident.resolved']).toBe(truth.resolved);
    expect(counts['incident.reopened'] ?? 0).toBe(0);
    expect(counts['maintenance.completed']).toBe(truth.maintenances);
  });

  it('keeps every timeline chronological with the vendor\'s final text', () => {
    const record = store.getIncident('github', 'zhtplv7zd052');
    expect(record?.incident.updates.length).toBeGreaterThan(5);
    const ats = record!.incident.updates.map((u) => u.at);
    expect([...ats].sort()).toEqual(ats);
    expect(record!.incident.status).toBe('resolved');
  });

  it('notifies each event at most once across the restart, and leaves nothing pending', () => {
    const covered = notified.flatMap((n) => n.eventIds);
    expect(new Set(covered).size).toBe(covered.length);
    expect(new Set(notified.map((n) => n.id)).size).toBe(notified.length);
    expect(store.pendingNotifications()).toHaveLength(0);
    expect(store.get("SELECT count(*) AS n FROM events WHERE handled IS NULL")).toMatchObject({ n: 0 });
  });

  it('summarises the first run instead of replaying the feed\'s 25 old incidents', () => {
    const first = notified.filter((n) => n.eventIds.some((id) => id.includes(':incident.opened:fbx6ysfb4mff')));
    // The first version's newest incident was already resolved: old news, no pop-up at all.
    expect(first).toHaveLength(0);
    expect(notified.length).toBeLessThan(truth.incidents + 20);
    expect(notified.length).toBeGreaterThan(100);
  });

  it('answers full-text search over the replayed history', () => {
    const hits = store.search({ query: 'codespaces degraded', limit: 5 });
    expect(hits.length).toBe(5);
    expect(hits.every((h) => /codespaces/i.test(`${h.title} ${h.snippet}`))).toBe(true);
  });
});

describe('retention during a replay', () => {
  it('forgets incidents resolved longer ago than the retention setting, keeping the rest', async () => {
    const versions = replayVersions().slice(0, 60);
    const server = await startFixtureServer();
    const feed = serveReplay(server, '/github/history.atom', versions);
    const made = await makeHome([feedVendor('github', 'GitHub', `${server.url}/github/history.atom`)]);
    await made.settings.update((s) => {
      s.history.retentionDays = 30;
    });
    const opened = HistoryStore.open(join(made.home, 'history.db'));
    if (!opened.ok) throw new Error(opened.message);
    let clock = Date.parse('2022-06-12T00:00:00Z');
    const engine = new Engine({ settings: made.settings, history: opened.store, notify: async () => true, timeZone: 'UTC', now: () => new Date(clock).toISOString() });
    for (let i = 0; i < versions.length; i++) {
      feed.set(i);
      clock += 2 * 3_600_000 + i * 3_600_000; // uneven steps, ~90 days in all
      await engine.runOnce();
    }
    const cutoff = new Date(clock - 30 * DAY).toISOString();
    // Old and no longer in the feed: forgotten. Old but still listed by the feed: kept (the next
    // poll would only write it again).
    const old = opened.store.get('SELECT count(*) AS n FROM incidents WHERE resolved_at < ? AND last_seen_at < ?', cutoff, cutoff) as { n: number };
    const kept = opened.store.get('SELECT count(*) AS n FROM incidents') as { n: number };
    expect(kept.n).toBeLessThan(replayTruth(versions).incidents);
    const orphans = opened.store.get('SELECT count(*) AS n FROM incident_updates u WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.vendor_id = u.vendor_id AND i.id = u.incident_id)') as { n: number };
    expect(old.n).toBe(0);
    expect(kept.n).toBeGreaterThan(5);
    expect(orphans.n).toBe(0);
    opened.store.close();
    await server.close();
  }, 60_000);
});
