import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, CycleFigures } from './poll-cycle-child.ts';
import { fmt, type BenchSection } from './report.ts';

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
}

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

interface ChildRun {
  messages: ChildMessage[];
  /** True when the parent stopped the child at the delivery cap. */
  stopped: boolean;
}

function runChild(args: string[], deliveryCapMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = fork(here('./poll-cycle-child.ts'), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

function only<P extends ChildMessage['phase']>(run: ChildRun, phase: P): Extract<ChildMessage, { phase: P }> | undefined {
  return run.messages.find((m): m is Extract<ChildMessage, { phase: P }> => m.phase === phase);
}

function check(figures: CycleFigures | undefined, expected: number, what: string): CycleFigures {
  if (!figures) throw new Error(`${what}: no figures`);
  if (figures.expected !== expected) throw new Error(`${what}: ${figures.expected} of ${expected} requests had the expected outcome`);
  return figures;
}

export async function benchPollCycle(opts: PollCycleOptions = {}): Promise<BenchSection> {
  const vendors = opts.vendors ?? 1000;
  const concurrencies = opts.concurrencies ?? [6, 16];
  const deliveryCapMs = opts.deliveryCapMs ?? 45_000;
  const scaling = opts.scaling ?? [100, 200];
  const warmBatch = opts.warmBatch ?? 50;
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
  try {
    for (const c of concurrencies) {
      const base = only(await runChild(['undici', String(c), server.url, String(vendors)], deliveryCapMs), 'cycles')?.figures ?? [];
      const b200 = check(base[0], vendors, 'undici 200');
      const b304 = check(base[1], vendors, 'undici 304');
      const first = await runChild(['engine-first', String(c), server.url, String(vendors), home()], deliveryCapMs);
      const polled = check(only(first, 'polled')?.figures, vendors, 'engine first cycle');
      const done = only(first, 'done')?.figures;
      if (c === 6) firstRuns.push({ vendors, polled, ...(done ? { done } : {}) });
      const steadyRun = await runChild(['engine-steady', String(c), server.url, String(vendors), home(), String(warmBatch)], deliveryCapMs);
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
  return {
    title: `Poll cycle: ${vendors.toLocaleString('en-US')} Atom feeds on loopback`,
    baseline: `the same ${vendors.toLocaleString('en-US')} GETs made with undici \`request\` alone (same pool settings, same number of workers, bodies read and dropped; the second cycle sends the first cycle's ETags and gets 304)`,
    columns: ['scenario', 'client', 'concurrency', 'wall (s)', 'CPU (s)', 'peak RSS (MB)', 'wall vs baseline', 'CPU vs baseline'],
    rows,
    notes: [
      `Each of the ${vendors.toLocaleString('en-US')} routes serves the real GitHub history.atom capture (97 KB, 25 entries) with its own ETag, from a node:http server in a separate process. Every run is a fresh child process with a fresh history database; the notification sink shows nothing. One run per row (a first cycle can only be measured once per process).`,
      '"all 200" is the first cycle: every feed is new (first read, summarised rather than notified one by one). The poll phase ends when the last vendor\'s poll is committed; the rest of runOnce is notification delivery for the whole cycle.',
      `"all 304" is measured after warm-up cycles that add ${warmBatch} vendors at a time (so no warm-up delivery is huge); its peak RSS therefore includes the warm-up, as the baseline's 304 row includes its 200 cycle.`,
      `First-cycle delivery vs vendor count (concurrency 6): ${growth.join('; ')}. Delivery is stopped after ${s(deliveryCapMs)} s to keep the run short.`,
    ],
  };
}
