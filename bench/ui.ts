import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import type { Incident, Snapshot } from '../shared/model/index.ts';
import { initialReachability } from '../electron/core/changes/reachability.ts';
import { HistoryStore } from '../electron/core/history/index.ts';
import { SettingsStore } from '../electron/core/settings/index.ts';
import { openUpstream, type Upstream } from '../electron/core/upstream/open.ts';
import { startUiServer, type UiServer } from '../electron/headless/serve/server.ts';
import { startFixtureServer } from '../test/support/fixture-server.ts';
import { REPO_ROOT } from '../test/support/paths.ts';
import { prng } from '../test/support/prng.ts';
import { chromiumPath } from '../test/e2e/support/browser.ts';
import { serveProgressiveIncident } from '../test/e2e/support/progressive-incident.ts';
import { fmt, median, percentile, type BenchSection } from './report.ts';

/**
 * The window's costs, each against a baseline measured in the same run:
 * - bundle: the production build gzipped, against the smallest React page built the same way;
 * - first render: the overview with 200 vendors and 1,000 stored incidents, from the first data
 *   to React's commit and from navigation start, against the same page with an empty watchlist;
 * - event to screen: from the moment the root emits a poll's event to the moment the overview
 *   shows it, over Server-Sent Events, against a bare EventSource message on loopback.
 * All in Debian's Chromium through playwright-core, like the e2e tests.
 */
export interface UiBenchOptions {
  vendors?: number;
  incidents?: number;
  runs?: number;
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function benchUi(opts: UiBenchOptions = {}): Promise<BenchSection[]> {
  const work = mkdtempSync(join(tmpdir(), 'upstream-bench-ui-'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
  try {
    const dist = join(work, 'dist');
    const bundle = await benchBundle(dist, join(work, 'baseline'));
    const render = await benchFirstRender(browser, dist, work, opts);
    const latency = await benchEventLatency(browser, dist, work);
    return [bundle, render, latency];
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Sum of gzipped sizes of a build's JS and CSS files. */
function gzippedSizes(dir: string): { js: number; css: number; files: number } {
  const out = { js: 0, css: 0, files: 0 };
  for (const file of readdirSync(join(dir, 'assets'))) {
    const size = gzipSync(readFileSync(join(dir, 'assets', file)), { level: 9 }).length;
    if (file.endsWith('.js')) out.js += size;
    else if (file.endsWith('.css')) out.css += size;
    out.files++;
  }
  return out;
}

async function benchBundle(dist: string, baselineDist: string): Promise<BenchSection> {
  const quiet = { logLevel: 'silent' as const };
  await build({ ...quiet, configFile: join(REPO_ROOT, 'renderer/vite.config.ts'), build: { outDir: dist, emptyOutDir: true } });
  await build({ ...quiet, configFile: join(REPO_ROOT, 'renderer/vite.config.ts'), root: join(REPO_ROOT, 'bench/react-baseline'), build: { outDir: baselineDist, emptyOutDir: true } });
  const ours = gzippedSizes(dist);
  const base = gzippedSizes(baselineDist);
  const kb = (n: number): string => fmt(n / 1024, 1);
  const raw = readdirSync(join(dist, 'assets')).reduce((n, f) => n + statSync(join(dist, 'assets', f)).size, 0);
  return {
    title: 'Renderer bundle size (production build, gzip -9)',
    baseline: 'the smallest React 19 page (`createRoot().render(<p>Hello</p>)`) built with the same Vite config',
    columns: ['bundle', 'JS (KB gz)', 'CSS (KB gz)', 'total (KB gz)', 'ratio vs baseline'],
    rows: [
      ['Upstream renderer (every view)', kb(ours.js), kb(ours.css), kb(ours.js + ours.css), `${fmt((ours.js + ours.css) / (base.js + base.css), 2)}×`],
      ['React baseline', kb(base.js), kb(base.css), kb(base.js + base.css), '1.00×'],
    ],
    notes: [`Upstream: ${ours.files} asset files, ${fmt(raw / 1024, 0)} KB before compression. The renderer carries React, zustand, zod (the contract's schemas validate every answer) and react-markdown with remark-gfm.`],
  };
}

/** A home with `vendors` watched and `incidents` stored (some still open), written as the engine would. */
export async function populatedHome(dir: string, vendors: number, incidents: number): Promise<string> {
  const home = mkdtempSync(join(dir, 'home-'));
  const rand = prng(42);
  const settings = new SettingsStore(home);
  await settings.load();
  const list = Array.from({ length: vendors }, (_, v) => ({
    id: `vendor-${v}`, name: `Vendor ${String(v).padStart(3, '0')} Cloud`, url: `https://status.vendor-${v}.example`,
    platform: 'statuspage' as const, adapter: 'statuspage-json', base: `https://status.vendor-${v}.example`,
  }));
  const saved = await settings.update((s) => {
    s.watchlist = list.map((v) => ({ ...v, intervalSeconds: 300, components: [], addedAt: '2026-01-01T00:00:00.000Z' }));
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const opened = HistoryStore.open(join(home, 'history.db'));
  if (!opened.ok) throw new Error(opened.message);
  const now = Date.now();
  const perVendor = Math.ceil(incidents / vendors);
  list.forEach((vendor, v) => {
    const at = new Date(now - 60_000).toISOString();
    const open = v % 20 === 0;
    const items: Incident[] = Array.from({ length: perVendor }, (_, k) => {
      const startedAt = new Date(now - (k + 1) * 86_400_000 * (1 + rand())).toISOString();
      const stillOpen = open && k === 0;
      return {
        id: `inc-${v}-${k}`, title: `Elevated error rates for API requests in region ${k % 4}`, url: `${vendor.url}/incidents/inc-${v}-${k}`,
        impact: (['minor', 'major', 'critical'] as const)[k % 3]!, status: stillOpen ? 'identified' : 'resolved', startedAt,
        resolvedAt: stillOpen ? null : new Date(Date.parse(startedAt) + 3_600_000).toISOString(), components: ['API'],
        updates: [
          { id: null, status: 'investigating', label: 'Investigating', body: 'We are investigating elevated error rates for API requests.', at: startedAt },
          ...(stillOpen ? [] : [{ id: null, status: 'resolved' as const, label: 'Resolved', body: 'This incident has been resolved.', at: new Date(Date.parse(startedAt) + 3_600_000).toISOString() }]),
        ],
        postmortem: null,
      };
    });
    const snapshot: Snapshot = {
      source: { url: vendor.url, platform: 'statuspage', format: 'statuspage-json', fetchedAt: at },
      page: { name: vendor.name, url: vendor.url },
      status: open ? { level: 'partial_outage', description: 'Partial System Outage' } : { level: 'operational', description: 'All Systems Operational' },
      components: Array.from({ length: 10 }, (_, c) => ({ id: `c${c}`, name: `Component ${c}`, group: c < 5 ? 'Core' : null, status: open && c === 0 ? 'partial_outage' : 'operational' })),
      incidents: items,
      maintenances: [],
      warnings: [],
    };
    opened.store.applyPoll({
      vendor, at, outcome: 'ok', httpStatus: 200, latencyMs: 50, bytes: 10_000, retries: 0, retryAfterMs: null, error: null, health: 'ok',
      known: { version: 1, snapshot, lastSeen: Object.fromEntries(items.map((i) => [`incident:${i.id}`, at])), missingSince: {}, noLongerReported: [] },
      reachability: initialReachability(at), events: [], firstRead: false,
    });
  });
  opened.store.close();
  return home;
}

interface RenderTimes { dataToCommitMs: number; navigationToCommitMs: number }

async function measureOverview(browser: Browser, ui: UiServer, runs: number): Promise<RenderTimes[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(ui.url); // the token → cookie; warms the HTTP cache as an installed app's files would be
  await page.waitForFunction(() => performance.getEntriesByName('upstream:overview-rendered').length > 0);
  const times: RenderTimes[] = [];
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('upstream:overview-rendered').length > 0);
    times.push(await page.evaluate(() => {
      const data = performance.getEntriesByName('upstream:first-data')[0]!.startTime;
      const rendered = performance.getEntriesByName('upstream:overview-rendered')[0]!.startTime;
      return { dataToCommitMs: rendered - data, navigationToCommitMs: rendered };
    }));
  }
  await context.close();
  return times;
}

async function benchFirstRender(browser: Browser, dist: string, work: string, opts: UiBenchOptions): Promise<BenchSection> {
  const vendors = opts.vendors ?? 200;
  const incidents = opts.incidents ?? 1_000;
  const runs = opts.runs ?? 9;
  const measure = async (home: string): Promise<RenderTimes[]> => {
    const opened = await openUpstream({ home });
    if (!opened.ok) throw new Error(opened.message);
    const ui = await startUiServer({ upstream: opened.upstream, staticDir: dist });
    try {
      return await measureOverview(browser, ui, runs);
    } finally {
      await ui.close();
      await opened.upstream.stop();
    }
  };
  const full = await measure(await populatedHome(work, vendors, incidents));
  const emptyHome = mkdtempSync(join(work, 'empty-'));
  const empty = new SettingsStore(emptyHome);
  await empty.load();
  await empty.update((s) => void (s.watchlist = []));
  const base = await measure(emptyHome);
  const med = (t: RenderTimes[], k: keyof RenderTimes): number => median(t.map((x) => x[k]));
  return {
    title: `Overview first render: ${vendors} vendors, ${incidents.toLocaleString('en-US')} stored incidents (Chromium)`,
    baseline: 'the same page with an empty watchlist (the first-run screen), same server and browser',
    columns: ['page', 'first data → React commit (ms)', 'navigation → React commit (ms)', 'ratio vs baseline (navigation)'],
    rows: [
      [`overview, ${vendors} vendors`, fmt(med(full, 'dataToCommitMs')), fmt(med(full, 'navigationToCommitMs')), `${fmt(med(full, 'navigationToCommitMs') / med(base, 'navigationToCommitMs'), 2)}×`],
      ['first-run screen (baseline)', fmt(med(base, 'dataToCommitMs')), fmt(med(base, 'navigationToCommitMs')), '1.00×'],
    ],
    notes: [
      `Median of ${runs} reloads after one warm-up load (files in the HTTP cache, as an installed app's are on disk). Marks: \`upstream:first-data\` when the store has read the engine, \`upstream:overview-rendered\` in the overview's first effect after commit. Goal: first render ≤ 100 ms.`,
      `${vendors / 20} vendors have an open incident; each vendor has 10 components and ${Math.ceil(incidents / vendors)} stored incidents.`,
    ],
  };
}

/** Bare loopback Server-Sent Events: the floor any UI update over SSE sits on. */
async function rawSseLatency(browser: Browser, samples: number): Promise<number[]> {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': open\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>sse</title><body></body>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(() => {
    const w = window as unknown as { got: number[]; es: EventSource };
    w.got = [];
    w.es = new EventSource('/events');
    w.es.onmessage = (e: MessageEvent<string>) => w.got.push(performance.timeOrigin + performance.now() - Number(e.data));
  });
  await page.waitForFunction(() => (window as unknown as { es: EventSource }).es.readyState === 1);
  for (let i = 0; i < samples; i++) {
    for (const c of clients) c.write(`data: ${performance.timeOrigin + performance.now()}\n\n`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.waitForFunction((n) => (window as unknown as { got: number[] }).got.length >= n, samples);
  const got = await page.evaluate(() => (window as unknown as { got: number[] }).got);
  await page.close();
  for (const c of clients) c.end();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  return got;
}

async function benchEventLatency(browser: Browser, dist: string, work: string): Promise<BenchSection> {
  const fixtures = await startFixtureServer();
  const incident = serveProgressiveIncident(fixtures, 'gh', 'ljwdk6qml8z8.json');
  const home = mkdtempSync(join(work, 'latency-'));
  const settings = new SettingsStore(home);
  await settings.load();
  await settings.update((s) => void (s.watchlist = [{ id: 'github', name: 'GitHub', url: `${fixtures.url}/gh`, platform: 'statuspage', adapter: 'statuspage-json', base: `${fixtures.url}/gh`, intervalSeconds: 3600, components: [], addedAt: '2026-01-01T00:00:00.000Z' }]));
  const opened = await openUpstream({ home, engine: { staggerMs: 0 } });
  if (!opened.ok) throw new Error(opened.message);
  const upstream: Upstream = opened.upstream;
  const emitted: number[] = [];
  upstream.subscribe((m) => {
    if (m.type === 'event' && m.event.kind === 'incident.updated') emitted.push(performance.timeOrigin + performance.now());
  });
  upstream.start();
  const ui = await startUiServer({ upstream, staticDir: dist });
  const page = await browser.newPage();
  const latencies: number[] = [];
  try {
    await page.goto(ui.url);
    await page.waitForFunction(() => performance.getEntriesByName('upstream:overview-rendered').length > 0);
    await page.waitForFunction(() => document.querySelector('.vendor-rows')?.textContent?.includes('Operational'));
    for (let k = 1; k < incident.total; k++) {
      incident.show(k);
      const expected = incident.bodies[k - 1]!.slice(0, 40);
      const seen = page.evaluate((text) => new Promise<number>((resolve) => {
        const check = (): boolean => {
          if (!document.querySelector('.incident-cards')?.textContent?.includes(text)) return false;
          resolve(performance.timeOrigin + performance.now());
          return true;
        };
        if (check()) return;
        const observer = new MutationObserver(() => {
          if (check()) observer.disconnect();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }), expected);
      const before = emitted.length;
      await upstream.call('vendors.refresh', { vendorId: 'github' });
      const shownAt = await seen;
      const emittedAt = emitted[before] ?? emitted.at(-1)!;
      latencies.push(shownAt - emittedAt);
    }
  } finally {
    await page.close();
    await ui.close();
    await upstream.stop();
    await fixtures.close();
  }
  const raw = await rawSseLatency(browser, latencies.length * 4);
  const p50 = median(latencies);
  const rawP50 = median(raw);
  return {
    title: 'Event to screen over Server-Sent Events (Chromium)',
    baseline: 'a bare EventSource message on loopback (server write → onmessage), same browser',
    columns: ['path', 'samples', 'p50 (ms)', 'p95 (ms)', 'max (ms)', 'ratio vs baseline (p50)'],
    rows: [
      ['root emits the event → overview shows it', latencies.length, fmt(p50), fmt(percentile(latencies, 95)), fmt(Math.max(...latencies)), `${fmt(p50 / rawP50, 1)}×`],
      ['bare SSE message (baseline)', raw.length, fmt(rawP50), fmt(percentile(raw, 95)), fmt(Math.max(...raw)), '1.00×'],
    ],
    notes: [
      `A real GitHub incident (ljwdk6qml8z8) served one update at a time; each poll is asked for through the API and the event is timed when the root emits it (after it is stored), until its text is in the overview's DOM (MutationObserver). Both clocks are the machine's (performance.timeOrigin + now). Goal: ≤ 1 s after the poll.`,
    ],
  };
}
