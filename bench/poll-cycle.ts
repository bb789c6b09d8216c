import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SettingsStore } from '../electron/core/settings/index.ts';
import { LEAN_START } from './lean-start.ts';
import type { ChildMessage, CycleFigures } from './poll-cycle-child.ts';
import type { ProcessFigures } from './process-report.ts';
import { runProcess } from './run-process.ts';
import { fmt, median, type BenchSection } from './report.ts';

/**
 * One engine cycle (Engine.runOnce) over many vendors on loopback, against the same requests made
 * with undici alone. Three processes: the feed server (bench/poll-cycle-server.ts), and one child
 * per measured run (bench/poll-cycle-child.ts), so the server's CPU is never counted and each
 * run's peak RSS is its own.
 *
 * The first cycle's notification delivery is stopped after `deliveryCapMs`: at 1,000 vendors it
 * takes minutes (see the notes the section prints), and the poll phase is still reported.
 */
export interface PollCycleOptions {
  vendors?: number;
  concurrencies?: number[];
  /** How long the first cycle's delivery may run after its last poll is written. */
  deliveryCapMs?: number;
  /** Smaller first cycles (concurrency 6) that show how delivery grows with the vendor count. */
  scaling?: number[];
  /** Vendors added per warm-up cycle before the all-304 cycle. */
  warmBatch?: number;
  /** Vendors of the per-process rows (`upstream daemon --once` run again vs a plain fetch process). */
  processVendors?: number;
  /** Measured runs per per-process row (medians are reported). */
  processRuns?: number;
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

interface ChildRun {
  messages: ChildMessage[];
  /** True when the parent stopped the child at the delivery cap. */
  stopped: boolean;
}

function runChild(args: string[], deliveryCapMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = fork(here('./poll-cycle-child.ts'), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], ...LEAN_START });
    const messages: ChildMessage[] = [];
    let stopped = false;
    let cap: NodeJS.Timeout | undefined;
    child.on('message', (msg: ChildMessage) => {
      messages.push(msg);
      if (msg.phase === 'polled') cap = setTimeout(() => {
        stopped = true;
        child.kill('SIGKILL');
      }, deliveryCapMs);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(cap);
      if (code !== 0 && !stopped) reject(new Error(`poll-cycle-child ${args.join(' ')} exited with ${code}`));
      else resolve({ messages, stopped });
    });
  });
}

async function startServer(vendors: number): Promise<{ url: string; close(): void }> {
  const server = fork(here('./poll-cycle-server.ts'), [String(vendors)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('message', (msg: { port: number }) => resolve(msg.port));
    server.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}`, close: () => void server.send('close') };
}

/** Outcomes of the polls a `daemon --once --json` run printed, counted. */
function outcomes(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const msg = JSON.parse(line) as { type?: string; outcome?: string };
    if (msg.type === 'poll' && msg.outcome) counts[msg.outcome] = (counts[msg.outcome] ?? 0) + 1;
  }
  return counts;
}

/**
 * The per-process path: `upstream daemon --once` (the real CLI, as cron or a restart runs it) over
 * N vendors, a first run and then runs that find every feed unchanged, each a whole process,
 * against a fresh process that fetches the same N feeds with undici alone.
 */
async function perProcess(serverUrl: string, vendors: number, runs: number, dir: string): Promise<BenchSection> {
  const report = join(dir, 'figures.json');
  const home = join(dir, 'home');
  const settings = new SettingsStore(home);
  await settings.load();
  const saved = await settings.update((s) => void (s.watchlist = Array.from({ length: vendors }, (_, i) => {
    const url = `${serverUrl}/v/${i}/history.atom`;
    return { id: `vendor-${i}`, name: `Vendor ${i}`, url, platform: 'statuspage' as const, adapter: 'feed-xml', base: url, intervalSeconds: 300, components: [], addedAt: '2026-01-01T00:00:00.000Z' };
  })));
  if (!saved.ok) throw new Error(saved.error.message);
  const daemon = ['electron/headless/bin.ts', 'daemon', '--once', '--no-notify', '--json', '--home', home].map((a, i) => (i === 0 ? fileURLToPath(new URL(`../${a}`, import.meta.url)) : a));
  const fetchRun = (): Promise<{ figures: ProcessFigures }> => runProcess([here('./fetch-process.ts'), '6', serverUrl, String(vendors)], report);
  const medianOf = (list: ProcessFigures[]): ProcessFigures => ({
    cpuMs: median(list.map((f) => f.cpuMs)), maxRssMb: median(list.map((f) => f.maxRssMb)), wallMs: median(list.map((f) => f.wallMs)),
  });
  const baseline: ProcessFigures[] = [];
  const later: ProcessFigures[] = [];
  await fetchRun(); // warms Node's compile cache for undici, as the first daemon run warms ours
  const first = await runProcess(daemon, report);
  const firstOutcomes = outcomes(first.stdout);
  if (firstOutcomes.ok !== vendors) throw new Error(`daemon --once, first run: ${JSON.stringify(firstOutcomes)}`);
  let laterOutcomes: Record<string, number> = {};
  for (let r = 0; r < runs; r++) {
    baseline.push((await fetchRun()).figures);
    const run = await runProcess(daemon, report);
    laterOutcomes = outcomes(run.stdout);
    later.push(run.figures);
  }
  const base = medianOf(baseline);
  const again = medianOf(later);
  const row = (what: string, f: ProcessFigures): (string | number)[] =>
    [what, fmt(f.wallMs / 1000, 2), fmt(f.cpuMs / 1000, 2), fmt(f.maxRssMb, 0), `${fmt(f.wallMs / base.wallMs, 1)}×`, `${fmt(f.cpuMs / base.cpuMs, 1)}×`];
  const counted = Object.entries(laterOutcomes).map(([k, n]) => `${n} ${k}`).join(', ');
  return {
    title: `Per process: \`upstream daemon --once\` over ${vendors} Atom feeds, run again`,
    baseline: `a fresh Node process that GETs the same ${vendors} feeds once with undici \`request\` (6 workers, bodies read and dropped) and exits; whole-process CPU (startup and imports included) and peak RSS, median of ${runs}`,
    columns: ['process', 'wall (s)', 'CPU (s)', 'peak RSS (MB)', 'wall vs baseline', 'CPU vs baseline'],
    rows: [
      row('plain fetch process (baseline)', base),
      row('`daemon --once`, first run (every feed new)', first.figures),
      row(`\`daemon --once\`, later runs (median of ${runs})`, again),
    ],
    notes: [
      `Each row is a whole process measured from its own start (bench/process-report.ts, preloaded): the real CLI (electron/headless/bin.ts) with \`--no-notify --json\`, one home for every run, feeds unchanged between runs; the last later run's polls: ${counted || 'none'}.`,
    ],
  };
}

/** The per-process rows alone, with a feed server of their own (for a quick look while working). */
export async function benchPerProcess(vendors = 200, runs = 3): Promise<BenchSection> {
  const server = await startServer(vendors);
  const dir = mkdtempSync(join(tmpdir(), 'upstream-bench-process-'));
  try {
    return await perProcess(server.url, vendors, runs, dir);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak RSS of a process that only loads the engine, and of one that loads a tiny .ts file. */
async function rssFloors(dir: string): Promise<{ engine: number; tiny: number }> {
  const report = join(dir, 'figures.json');
  const tiny = join(dir, 'tiny.ts');
  writeFileSync(tiny, 'export const tiny: number = 1;\n');
  const peak = async (file: string): Promise<number> => {
    await runProcess([file], report); // fills Node's compile cache, as a second start finds it
    return (await runProcess([file], report)).figures.maxRssMb;
  };
  return { engine: await peak(here('./import-engine.ts')), tiny: await peak(tiny) };
}

function only<P extends ChildMessage['phase']>(run: ChildRun, phase: P): Extract<ChildMessage, { phase: P }> | undefined {
  return run.messages.find((m): m is Extract<ChildMessage, { phase: P }> => m.phase === phase);
}

function check(figures: CycleFigures | undefined, expected: number, what: string): CycleFigures {
  if (!figures) throw new Error(`${what}: no figures`);
  if (figures.expected !== expected) throw new Error(`${what}: ${figures.expected} of ${expected} requests had the expected outcome`);
  return figures;
}

export async function benchPollCycle(opts: PollCycleOptions = {}): Promise<BenchSection[]> {
  const vendors = opts.vendors ?? 1000;
  const concurrencies = opts.concurrencies ?? [6, 16];
  const deliveryCapMs = opts.deliveryCapMs ?? 45_000;
  const scaling = opts.scaling ?? [100, 200];
  const warmBatch = opts.warmBatch ?? 50;
  const processVendors = opts.processVendors ?? 200;
  const processRuns = opts.processRuns ?? 3;
  const server = await startServer(vendors);
  const homes: string[] = [];
  const home = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-bench-poll-'));
    homes.push(dir);
    return dir;
  };
  const rows: (string | number)[][] = [];
  const s = (ms: number): string => fmt(ms / 1000, 2);
  const ratio = (a: number, b: number): string => `${fmt(a / b, 1)}×`;
  const firstRuns: { vendors: number; polled: CycleFigures; done?: CycleFigures }[] = [];
  let processSection: BenchSection | undefined;
  let floors = { engine: 0, tiny: 0 };
  try {
    floors = await rssFloors(home());
    processSection = await perProcess(server.url, Math.min(processVendors, vendors), processRuns, home());
    for (const c of concurrencies) {
      const base = only(await runChild(['undici', String(c), server.url, String(vendors)], deliveryCapMs), 'cycles')?.figures ?? [];
      const b200 = check(base[0], vendors, 'undici 200');
      const b304 = check(base[1], vendors, 'undici 304');
      const first = await runChild(['engine-first', String(c), server.url, String(vendors), home()], deliveryCapMs);
      const polled = check(only(first, 'polled')?.figures, vendors, 'engine first cycle');
      const done = only(first, 'done')?.figures;
      if (c === 6) firstRuns.push({ vendors, polled, ...(done ? { done } : {}) });
      const steadyHome = home();
      await runChild(['engine-warm', String(c), server.url, String(vendors), steadyHome, String(warmBatch)], deliveryCapMs);
      const steadyRun = await runChild(['engine-steady', String(c), server.url, String(vendors), steadyHome], deliveryCapMs);
      const steady = check(only(steadyRun, 'done')?.figures, vendors, 'engine 304 cycle');
      const row = (scenario: string, client: string, f: CycleFigures, baseline: CycleFigures): (string | number)[] =>
        [scenario, client, c, s(f.wallMs), s(f.cpuMs), fmt(f.maxRssMb, 0), ratio(f.wallMs, baseline.wallMs), ratio(f.cpuMs, baseline.cpuMs)];
      rows.push(row('all 200', 'undici `request` (baseline)', b200, b200));
      rows.push(row('all 200', 'engine, poll phase (fetch, parse, diff, store)', polled, b200));
      rows.push(done
        ? row('all 200', 'engine, whole runOnce (+ notification delivery)', done, b200)
        : ['all 200', 'engine, whole runOnce (+ notification delivery)', c, `> ${s(polled.wallMs + deliveryCapMs)} (stopped)`, '—', '—', `> ${ratio(polled.wallMs + deliveryCapMs, b200.wallMs)}`, '—']);
      rows.push(row('all 304', 'undici `request` (baseline)', b304, b304));
      rows.push(row('all 304', 'engine, whole runOnce', steady, b304));
    }
    for (const n of scaling) {
      const run = await runChild(['engine-first', '6', server.url, String(n), home()], deliveryCapMs);
      const polled = check(only(run, 'polled')?.figures, n, `engine first cycle ×${n}`);
      const done = only(run, 'done')?.figures;
      firstRuns.unshift({ vendors: n, polled, ...(done ? { done } : {}) });
    }
  } finally {
    server.close();
    for (const dir of homes) rmSync(dir, { recursive: true, force: true });
  }
  firstRuns.sort((a, b) => a.vendors - b.vendors);
  const growth = firstRuns.map((r) => {
    const delivery = r.done ? `${s(r.done.wallMs - r.polled.wallMs)} s` : `> ${s(deliveryCapMs)} s (stopped)`;
    return `${r.vendors} vendors: poll phase ${s(r.polled.wallMs)} s, delivery ${delivery}, ${r.polled.events ?? 0} events`;
  });
  const cycleSection: BenchSection = {
    title: `Poll cycle: ${vendors.toLocaleString('en-US')} Atom feeds on loopback`,
    baseline: `the same ${vendors.toLocaleString('en-US')} GETs made with undici \`request\` alone (same pool settings, same number of workers, bodies read and dropped; the second cycle sends the first cycle's ETags and gets 304)`,
    columns: ['scenario', 'client', 'concurrency', 'wall (s)', 'CPU (s)', 'peak RSS (MB)', 'wall vs baseline', 'CPU vs baseline'],
    rows,
    notes: [
      `Each of the ${vendors.toLocaleString('en-US')} routes serves the real GitHub history.atom capture (97 KB, 25 entries) with its own ETag, from a node:http server in a separate process. Every run is a fresh child process with a fresh history database; the notification sink shows nothing. One run per row (a first cycle can only be measured once per process).`,
      '"all 200" is the first cycle: every feed is new (first read, summarised rather than notified one by one). The poll phase ends when the last vendor\'s poll is committed; the rest of runOnce is notification delivery for the whole cycle.',
      `"all 304" (steady state) is measured in a fresh process on a history warmed up by another one (warm-up cycles adding ${warmBatch} vendors at a time): one quiet cycle, then the measured one; its peak RSS is that process's own, as a daemon's after its first day. The baseline's 304 row comes after its 200 cycle in one process, so its peak includes that cycle.`,
      `Every measured process runs the TypeScript sources directly (the app runs a bundle), so each RSS figure includes Node's type stripper and the modules as loaded from source: ${fmt(floors.engine, 0)} MB peak for a process that only imports the engine, against ${fmt(floors.tiny, 0)} MB for one that imports one tiny .ts file (measured in this run, started the same way).`,
      `First-cycle delivery vs vendor count (concurrency 6): ${growth.join('; ')}. Delivery is stopped after ${s(deliveryCapMs)} s to keep the run short.`,
    ],
  };
  return [cycleSection, ...(processSection ? [processSection] : [])];
}
