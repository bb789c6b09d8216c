import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../electron/core/history/index.ts';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { REPO_ROOT } from '../support/paths.ts';

function run(script: string, args: string[], until?: (output: string) => boolean, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(REPO_ROOT, script), ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let stopping = false;
    const check = (): void => {
      // Still alive well after start-up (nothing pending must not end the daemon), then asked to stop.
      if (!stopping && until?.(stdout + stderr)) {
        stopping = true;
        setTimeout(() => child.kill('SIGTERM'), 1500);
      }
    };
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      check();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      check();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('npm start and the long-running daemon', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/maint/history.atom', file('rss_atom/github-statuspage-history-2025-07-08-with-maintenance.atom'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('npm start without the Electron runtime says so in one line and serves the window in the browser', async () => {
    const { home } = await makeHome([feedVendor('maint', 'GitHub (2025)', `${server.url}/maint/history.atom`)]);
    // The absence is simulated, so this runs the same on a machine where Electron is installed.
    const result = await run('electron/headless/start.ts', ['--no-open', '--home', home], (out) => out.includes('?token='), { UPSTREAM_ELECTRON_PATH: join(home, 'no-electron-here') });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe('upstream: the Electron runtime is not installed (its binary could not be downloaded here); opening Upstream in your browser instead (upstream serve).');
    const url = /Upstream is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(result.stdout)?.[1];
    expect(url, result.stdout).toBeDefined();
  }, 30_000);

  it('the daemon keeps running until SIGTERM, then stops cleanly with its history intact', async () => {
    const { home } = await makeHome([feedVendor('maint', 'GitHub (2025)', `${server.url}/maint/history.atom`)]);
    const result = await run('electron/headless/bin.ts', ['daemon', '--no-notify', '--home', home], (stderr) => stderr.includes('Ctrl-C to stop'));
    expect(result.code).toBe(0);
    expect(result.ms).toBeGreaterThan(1500);
    expect(result.stderr).toMatch(/watching 1 vendor\(s\); history in /);
    const opened = HistoryStore.open(join(home, 'history.db'));
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      expect(opened.store.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
      opened.store.close();
    }
  }, 30_000);
});
