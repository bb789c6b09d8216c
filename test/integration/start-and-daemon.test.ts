import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../electron/headless/start-support.ts';
import { HistoryStore } from '../../electron/core/history/index.ts';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { REPO_ROOT } from '../support/paths.ts';

function run(script: string, args: string[], until?: (stderr: string) => boolean): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(REPO_ROOT, script), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      // Still alive well after start-up (nothing pending must not end the daemon), then asked to stop.
      if (until?.(stderr)) setTimeout(() => child.kill('SIGTERM'), 1500);
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

  it.runIf(electronBinary() === null)('npm start without the Electron runtime says so and runs headless', async () => {
    const { home } = await makeHome([feedVendor('maint', 'GitHub (2025)', `${server.url}/maint/history.atom`)]);
    const result = await run('electron/headless/start.ts', ['--once', '--no-notify', '--home', home]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('the Electron runtime is not installed');
    expect(result.stderr).toContain('running headless instead');
    expect(result.stdout).toContain('incident.opened');
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
