import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannedNotification } from '../../electron/core/changes/rules.ts';
import { Engine, type EngineSignal } from '../../electron/core/engine/engine.ts';
import { HistoryStore, type VendorRow } from '../../electron/core/history/index.ts';
import { nextDelayAfterFailure } from '../../electron/core/polling/backoff.ts';
import { closeHttpAgents } from '../../electron/core/polling/http.ts';
import type { PollResult } from '../../electron/core/polling/poll-result.ts';
import { hang, htmlPage, hugeBody, redirect, respond, slowDrip, startFixtureServer, type FixtureServer, type RouteHandler } from '../support/fixture-server.ts';
import { listenOn, versionsWithNewIncidents } from '../support/comeback.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { replayVersions, serveReplay } from '../support/replay.ts';

const MIN = 60_000;
const ATOM = { 'content-type': 'application/atom+xml; charset=utf-8' };

/** Every fault one vendor can throw at the poller, each on its own feed-xml vendor. */
const FAULTS = ['timeout', 'refused', 'http500', 'http429', 'loop', 'html', 'toolarge', 'drip'] as const;
type Fault = (typeof FAULTS)[number];
/** The faults that fail the request itself: three in a row make the vendor unreachable. */
const FAILING: Fault[] = ['timeout', 'refused', 'http500', 'http429', 'loop', 'toolarge', 'drip'];
const FAULT_CYCLES = 4;

/**
 * A watchlist of nine vendors through the real engine, HTTP client, feed adapter and SQLite store:
 * one healthy vendor whose feed gains incidents every cycle, and eight that first answer a valid
 * feed, then fail in one way each for four cycles, then heal.
 */
describe('faults: one healthy vendor among eight failing ones', () => {
  const versions = replayVersions();
  const healthyPicks = versionsWithNewIncidents(versions, 1 + FAULT_CYCLES + 2);
  let server: FixtureServer;
  let refused: Awaited<ReturnType<typeof listenOn>>;
  let store: HistoryStore;
  let engine: Engine;
  let clock = Date.parse('2026-03-02T09:00:00Z');
  const faulty = new Set<Fault>();
  const notified: PlannedNotification[] = [];
  const signals: EngineSignal[] = [];
  const cycles: { at: string; ms: number; vendors: Map<string, VendorRow>; healthyIncidents: number; healthyOpened: number; events: Record<string, Record<string, number>> }[] = [];
  let faultStart = '';
  let retry429: PollResult;
  let retry500: PollResult;
  let before: { healthyIds: string[]; faultyIncidents: Record<string, number> };

  const eventsByVendor = (): Record<string, Record<string, number>> => {
    const out: Record<string, Record<string, number>> = {};
    for (const e of store.recentEvents({ limit: 100_000 })) {
      const kinds = (out[e.vendorId] ??= {});
      kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    }
    return out;
  };
  const cycle = async (): Promise<void> => {
    clock += 5 * MIN;
    const started = performance.now();
    await engine.runOnce();
    cycles.push({
      at: new Date(clock).toISOString(),
      ms: performance.now() - started,
      vendors: new Map(store.vendors().map((v) => [v.id, v])),
      healthyIncidents: store.listIncidents({ vendorId: 'healthy', limit: 10_000 }).length,
      healthyOpened: store.recentEvents({ vendorId: 'healthy', limit: 10_000 }).filter((e) => e.kind === 'incident.opened').length,
      events: eventsByVendor(),
    });
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    const healthy = serveReplay(server, '/healthy/history.atom', versions);
    // The vendor whose port is closed: it answers once, then its server goes away.
    refused = await listenOn(0, (_req, res) => void res.writeHead(200, ATOM).end(versions[0]));
    const faults: Record<Exclude<Fault, 'refused'>, RouteHandler> = {
      timeout: hang(),
      http500: respond(500, 'Internal Server Error'),
      http429: respond(429, 'slow down', { 'retry-after': '120' }),
      loop: redirect('/loop/b.atom'),
      html: htmlPage('Oops, something went wrong'),
      toolarge: (req, res) => hugeBody(5 * 1024 * 1024)(req, res), // fresh byte count per request
      drip: slowDrip(50),
    };
    const good = respond(200, versions[0]!, ATOM);
    for (const [fault, handler] of Object.entries(faults) as [Fault, RouteHandler][]) {
      const path = fault === 'loop' ? '/loop/a.atom' : `/${fault}/history.atom`;
      server.route(path, (req, res) => (faulty.has(fault) ? handler : good)(req, res));
    }
    server.route('/loop/b.atom', redirect('/loop/a.atom'));

    const urlOf = (f: Fault): string => (f === 'refused' ? `http://127.0.0.1:${refused.port}/history.atom` : f === 'loop' ? `${server.url}/loop/a.atom` : `${server.url}/${f}/history.atom`);
    const { home, settings } = await makeHome([
      feedVendor('healthy', 'Healthy', `${server.url}/healthy/history.atom`),
      ...FAULTS.map((f) => feedVendor(f, `Vendor ${f}`, urlOf(f))),
    ]);
    const opened = HistoryStore.open(join(home, 'history.db'));
    if (!opened.ok) throw new Error(opened.message);
    store = opened.store;
    engine = new Engine({
      settings, history: store, timeZone: 'UTC', now: () => new Date(clock).toISOString(),
      fetchOptions: { totalTimeoutMs: 800, connectTimeoutMs: 500, maxBytes: 256 * 1024 },
      maxRetries: 1, retryDelayMs: 20,
      // The loopback server stands for the Internet: its hosts count as public (see public-offline.test.ts).
      isPrivateHost: () => false,
      notify: async (n) => {
        notified.push(n);
        return true;
      },
    });
    engine.subscribe((s) => signals.push(s));

    // Cycle 0: everyone answers a valid feed, so each faulty vendor has a known level and incidents.
    healthy.set(healthyPicks[0]!);
    await cycle();
    before = {
      healthyIds: store.listIncidents({ vendorId: 'healthy', limit: 10_000 }).map((r) => r.incident.id),
      faultyIncidents: Object.fromEntries(FAULTS.map((f) => [f, store.listIncidents({ vendorId: f, limit: 10_000 }).length])),
    };

    // Cycles 1..4: every fault at once, the healthy feed gaining incidents each time.
    for (const f of FAULTS) faulty.add(f);
    await refused.close();
    faultStart = new Date(clock + 5 * MIN).toISOString();
    for (let i = 1; i <= FAULT_CYCLES; i++) {
      healthy.set(healthyPicks[i]!);
      await cycle();
    }
    clock += MIN;
    const vendorOf = (id: string) => settings.settings.watchlist.find((v) => v.id === id)!;
    retry429 = await engine.poll(vendorOf('http429'));
    retry500 = await engine.poll(vendorOf('http500'));

    // Heal: valid feeds again, the refused vendor back on its old port.
    faulty.clear();
    refused = await listenOn(refused.port, (_req, res) => void res.writeHead(200, ATOM).end(versions[0]));
    for (let i = FAULT_CYCLES + 1; i < healthyPicks.length; i++) {
      healthy.set(healthyPicks[i]!);
      await cycle();
    }
  }, 60_000);

  afterAll(async () => {
    await engine?.stop();
    store?.close();
    await refused?.close();
    await server?.close();
    await closeHttpAgents();
  });

  const during = (): typeof cycles => cycles.slice(1, 1 + FAULT_CYCLES);
  const healed = (): typeof cycles => cycles.slice(1 + FAULT_CYCLES);

  it('finishes every cycle, each within a bounded time, despite hanging and dripping servers', () => {
    expect(cycles).toHaveLength(1 + FAULT_CYCLES + 2);
    for (const c of cycles) expect(c.ms).toBeLessThan(6_000);
    expect(signals.filter((s) => s.type === 'progress' && s.done === s.total)).toHaveLength(cycles.length);
  });

  it('keeps updating the healthy vendor every cycle, losing nothing it stored before', () => {
    const incidents = cycles.map((c) => c.healthyIncidents);
    const opened = cycles.map((c) => c.healthyOpened);
    for (let i = 1; i < cycles.length; i++) {
      expect(incidents[i]).toBeGreaterThan(incidents[i - 1]!);
      expect(opened[i]).toBeGreaterThan(opened[i - 1]!);
    }
    for (const c of cycles) expect(c.vendors.get('healthy')).toMatchObject({ health: 'ok', consecutiveFailures: 0 });
    const now = new Set(store.listIncidents({ vendorId: 'healthy', limit: 10_000 }).map((r) => r.incident.id));
    expect(before.healthyIds.length).toBeGreaterThan(0);
    for (const id of before.healthyIds) expect(now.has(id)).toBe(true);
  });

  it('shows an HTML error page as a broken feed, never as unreachable', () => {
    for (const c of during()) {
      expect(c.vendors.get('html')).toMatchObject({ health: 'feed_broken', lastError: expect.stringMatching(/html_page/) });
      expect(c.events.html?.['vendor.unreachable']).toBeUndefined();
    }
    expect(healed()[0]!.vendors.get('html')?.health).toBe('ok');
  });

  it('marks each failing vendor stale, then unreachable on the third failed poll, with one event naming the failure', () => {
    const messages: Record<string, RegExp> = {
      timeout: /timed out/, refused: /refused \(ECONNREFUSED\)/, http500: /HTTP 500/, http429: /HTTP 429/,
      loop: /Redirect loop/, toolarge: /larger than 256 KiB/, drip: /timed out/,
    };
    const [first, second, third, fourth] = during();
    for (const f of FAILING) {
      expect(first!.vendors.get(f), f).toMatchObject({ health: 'stale', consecutiveFailures: 1, lastError: expect.stringMatching(messages[f]!) });
      expect(second!.vendors.get(f)?.health, f).toBe('stale');
      expect(third!.vendors.get(f)?.health, f).toBe('unreachable');
      expect(fourth!.vendors.get(f)?.health, f).toBe('unreachable');
      expect(second!.events[f]?.['vendor.unreachable'], f).toBeUndefined();
      expect(fourth!.events[f]?.['vendor.unreachable'], f).toBe(1);
      const [event] = store.recentEvents({ vendorId: f }).filter((e) => e.kind === 'vendor.unreachable');
      expect(event?.body, f).toMatch(messages[f]!);
      expect(event?.at, f).toBe(faultStart);
    }
  });

  it('blames the refused connection on its vendor while other servers answer, and never goes offline', () => {
    expect(signals.filter((s) => s.type === 'connectivity')).toEqual([]);
    expect(engine.state).toBe('online');
    expect(store.get("SELECT count(*) AS n FROM poll_log WHERE outcome = 'offline'")).toMatchObject({ n: 0 });
  });

  it('counts quick retries for transient failures only, not for 429 or a broken answer', () => {
    const retries = Object.fromEntries(FAULTS.map((f) => [f, store.retriesSince(f, faultStart)]));
    // Four fault cycles, plus the direct poll of the 500 vendor, one retry each for transient failures.
    expect(retries).toEqual({ timeout: 4, refused: 4, http500: 5, drip: 4, http429: 0, loop: 0, html: 0, toolarge: 0 });
    expect(store.retriesSince('healthy', cycles[0]!.at)).toBe(0);
  });

  it('hands the 429\'s Retry-After to the scheduler, which waits at least that long', () => {
    expect(retry429).toMatchObject({ outcome: 'fetch_error', httpStatus: 429, retryAfterMs: 120_000 });
    expect(retry500).toMatchObject({ outcome: 'fetch_error', httpStatus: 500, retryAfterMs: null });
    expect(nextDelayAfterFailure(1, 5 * MIN, () => 0, undefined, retry429.retryAfterMs ?? undefined)).toBe(120_000);
  });

  it('never turns a fault into an incident, an incident event or a level change', () => {
    const base = cycles[0]!;
    for (const f of FAULTS) {
      expect(store.listIncidents({ vendorId: f, limit: 10_000 }).length, f).toBe(before.faultyIncidents[f]);
      expect(before.faultyIncidents[f], f).toBeGreaterThan(0);
      for (const c of [...during(), ...healed()]) {
        expect(c.vendors.get(f)?.level, f).toBe(base.vendors.get(f)?.level);
        const kinds = Object.keys(c.events[f] ?? {}).filter((k) => (base.events[f]?.[k] ?? 0) !== c.events[f]?.[k]);
        expect(kinds.every((k) => k === 'vendor.unreachable' || k === 'vendor.recovered'), `${f}: ${kinds.join()}`).toBe(true);
      }
    }
  });

  it('once healed, records exactly one recovery per vendor that had been unreachable', () => {
    const [first, second] = healed();
    for (const f of FAILING) {
      expect(first!.vendors.get(f), f).toMatchObject({ health: 'ok', consecutiveFailures: 0 });
      expect(first!.events[f]?.['vendor.recovered'], f).toBe(1);
      expect(second!.events[f]?.['vendor.recovered'], f).toBe(1);
      expect(second!.events[f]?.['vendor.unreachable'], f).toBe(1);
    }
    expect(second!.events.html?.['vendor.recovered']).toBeUndefined();
    expect(second!.events.healthy?.['vendor.recovered']).toBeUndefined();
    const recoveries = notified.filter((n) => n.eventIds.some((id) => id.includes('vendor.recovered')));
    expect(recoveries.flatMap((n) => n.eventIds.filter((id) => id.includes('vendor.recovered')))).toHaveLength(FAILING.length);
  });
});
