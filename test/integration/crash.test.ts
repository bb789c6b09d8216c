import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/core/engine/engine.ts';
import { HistoryStore } from '../../electron/core/history/index.ts';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { replayVersions, serveReplay } from '../support/replay.ts';

const BIN = join(REPO_ROOT, 'electron/headless/bin.ts');
const VERSIONS = 40;

/** Everything the history says, in a form two runs can be compared by. */
function fingerprint(store: HistoryStore): Record<string, unknown> {
  const rows = (sql: string): unknown[] => store.all(sql);
  return {
    incidents: rows('SELECT vendor_id, id, title, status, started_at, resolved_at, postmortem FROM incidents ORDER BY vendor_id, id'),
    updates: rows('SELECT vendor_id, incident_id, key, status, label, body, at FROM incident_updates ORDER BY vendor_id, incident_id, key'),
    maintenances: rows('SELECT vendor_id, id, status, scheduled_for FROM maintenances ORDER BY vendor_id, id'),
    events: rows('SELECT id, kind, subject_id, at FROM events ORDER BY id'),
  };
}

/**
 * Deterministic "random" kill delays, so a failure can be reproduced: spread over the time one
 * uninterrupted run takes on this machine, so the kills land inside the run however fast it is.
 */
function* delays(seed: number, runMs: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield 20 + (x % Math.max(50, Math.round(runMs * 0.95)));
  }
}

function runDaemon(home: string, killAfterMs: number | null): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'daemon', '--once', '--no-notify', '--home', home], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/**
 * kill -9 at random moments during a replay: the database opens cleanly every time, and the
 * final history equals an uninterrupted run's, event for event.
 */
describe('crash safety: a daemon killed with SIGKILL during a replay', () => {
  let server: FixtureServer;
  const versions = replayVersions().slice(0, VERSIONS);
  let baseline: Record<string, unknown>;
  let crashed: Record<string, unknown>;
  let kills = 0;
  const integrity: string[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    const feedA = serveReplay(server, '/a/history.atom', versions);
    const feedB = serveReplay(server, '/b/history.atom', versions);

    // Uninterrupted run, in process.
    const a = await makeHome([feedVendor('github', 'GitHub', `${server.url}/a/history.atom`)]);
    const storeA = HistoryStore.open(join(a.home, 'history.db'));
    if (!storeA.ok) throw new Error(storeA.message);
    const engine = new Engine({ settings: a.settings, history: storeA.store, notify: async () => true, timeZone: 'UTC' });
    for (let i = 0; i < versions.length; i++) {
      feedA.set(i);
      await engine.runOnce();
    }
    baseline = fingerprint(storeA.store);
    storeA.store.close();

    // The same replay through real daemon processes, every other version killed at a random moment
    // (and re-run until one run completes, as cron or a service manager would).
    const b = await makeHome([feedVendor('github', 'GitHub', `${server.url}/b/history.atom`)]);
    // How long one daemon run takes here, measured on a throwaway home of its own: a run after the
    // first, as most of the killed runs are (a first read costs several times a later one, and
    // kills spread over its length would mostly land after the later runs had ended).
    const probe = await makeHome([feedVendor('github', 'GitHub', `${server.url}/b/history.atom`)]);
    await runDaemon(probe.home, null);
    feedB.set(1);
    const probeStarted = Date.now();
    await runDaemon(probe.home, null);
    feedB.set(0);
    const next = delays(7, Date.now() - probeStarted);
    for (let i = 0; i < versions.length; i++) {
      feedB.set(i);
      let killAfter: number | null = i % 2 === 0 ? next.next().value : null;
      for (;;) {
        const run = await runDaemon(b.home, killAfter);
        if (run.signal === 'SIGKILL') {
          kills++;
          const check = HistoryStore.open(join(b.home, 'history.db'));
          if (!check.ok) throw new Error(check.message);
          integrity.push((check.store.get('PRAGMA integrity_check') as { integrity_check: string }).integrity_check);
          check.store.close();
          // Half the time, let the retry finish (as a service manager's next start usually does).
          killAfter = kills % 2 === 0 ? null : next.next().value;
          continue;
        }
        if (run.code !== 0) throw new Error(`daemon failed: ${run.stderr}`);
        break;
      }
    }
    const storeB = HistoryStore.open(join(b.home, 'history.db'));
    if (!storeB.ok) throw new Error(storeB.message);
    crashed = fingerprint(storeB.store);
    expect(storeB.store.pendingNotifications()).toHaveLength(0);
    storeB.store.close();
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  it('was really killed many times, and the database was intact after every kill', () => {
    expect(kills).toBeGreaterThanOrEqual(15);
    expect(integrity).toHaveLength(kills);
    expect(new Set(integrity)).toEqual(new Set(['ok']));
  });

  it('ends with exactly the history of an uninterrupted run', () => {
    expect((baseline.incidents as unknown[]).length).toBeGreaterThan(25);
    expect(crashed.incidents).toEqual(baseline.incidents);
    expect(crashed.updates).toEqual(baseline.updates);
    expect(crashed.maintenances).toEqual(baseline.maintenances);
    expect(crashed.events).toEqual(baseline.events);
  });
});
