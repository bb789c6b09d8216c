import { spawn, type ChildProcess } from 'node:child_process';
import { test } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsStore } from '../../../electron/core/settings/index.ts';
import type { WatchedVendor } from '../../../shared/contract/settings.ts';
import { REPO_ROOT } from '../../support/paths.ts';

export interface Served {
  /** The tokenised URL `upstream serve` printed. */
  url: string;
  origin: string;
  home: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

export type VendorEntry = Omit<WatchedVendor, 'addedAt' | 'components' | 'intervalSeconds'> & Partial<Pick<WatchedVendor, 'components' | 'intervalSeconds'>>;

/** A fresh home whose watchlist is `vendors`, written through the real settings store. */
export async function homeWith(vendors: VendorEntry[]): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'upstream-e2e-'));
  const settings = new SettingsStore(home);
  await settings.load();
  const saved = await settings.update((s) => {
    s.watchlist = vendors.map((v) => ({ intervalSeconds: 300, components: [], addedAt: '2026-01-01T00:00:00.000Z', ...v }));
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return home;
}

/**
 * Run the real `upstream serve --no-open` in a child process (as a user would) and wait for the
 * address it prints. Extra args: `--demo`, `--port`.
 */
export async function startServe(opts: { home?: string; args?: string[]; env?: Record<string, string> } = {}): Promise<Served> {
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'upstream-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, 'electron/headless/bin.ts'), 'serve', '--no-open', '--home', home, ...(opts.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`upstream serve printed no address in 20 s; stderr:\n${stderr}`)), 20_000);
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`upstream serve exited with ${code}; stderr:\n${stderr}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    home,
    stderr: () => stderr,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/**
 * `upstream serve --demo` for the tests of the describe block that calls it: started before them,
 * stopped after. `speed` runs the demo's story that many times faster than real time. Returns a
 * getter (the server exists only once the block's tests run).
 */
export function serveDemoForTheseTests(speed: number): () => Served {
  let served: Served | undefined;
  test.beforeAll(async () => {
    served = await startServe({ args: ['--demo'], env: { UPSTREAM_DEMO_SPEED: String(speed) } });
  });
  test.afterAll(async () => {
    await served?.stop();
  });
  return () => {
    if (!served) throw new Error('the demo server is not running: call serveDemoForTheseTests inside test.describe');
    return served;
  };
}
