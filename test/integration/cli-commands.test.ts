import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { REPO_ROOT, SHARED_FIXTURES } from '../support/paths.ts';
import { replayVersions, serveReplay } from '../support/replay.ts';
import { parseFeedXml } from '../../electron/core/feeds/feed/adapter.ts';

const BIN = join(REPO_ROOT, 'electron/headless/bin.ts');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The headless CLI end to end: real processes, a real settings file and database, loopback feeds. */
describe('upstream watch | daemon | history | export', () => {
  let server: FixtureServer;
  let home: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/acme/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
    server.route('/maint/history.atom', file('rss_atom/github-statuspage-history-2025-07-08-with-maintenance.atom'));
    serveReplay(server, '/github/history.atom', replayVersions()).set(30);
    ({ home } = await makeHome([]));
  }, 30_000);

  afterAll(async () => {
    await server?.close();
  });

  it('adds vendors by catalogue id and by detected URL, refuses duplicates, lists and removes them', async () => {
    expect((await cli(['watch', 'add', 'github', '--home', home])).stdout).toContain('Watching GitHub (github, statuspage');
    const added = await cli(['watch', 'add', `${server.url}/acme`, '--interval', '120', '--home', home]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Watching GitHub \(127-0-0-1-\d+-acme, statuspage, every 120s\)/);
    const dup = await cli(['watch', 'add', 'github', '--home', home]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/already/i);
    const list = JSON.parse((await cli(['watch', 'list', '--json', '--home', home])).stdout) as { source: { id: string }; health: string }[];
    expect(list.map((v) => v.source.id)).toEqual(['github', expect.stringMatching(/acme$/)]);
    expect(list[0]!.health).toBe('pending');
    const removed = await cli(['watch', 'remove', 'github', '--home', home]);
    expect(removed.stdout).toContain('Stopped watching GitHub');
    const unknown = await cli(['watch', 'add', 'http://127.0.0.1:1/nothing', '--home', home]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/127\.0\.0\.1:1/);
  }, 60_000);

  it('records history with daemon --once and answers search, stats and the ics export', async () => {
    const { home: h } = await makeHome([
      feedVendor('github', 'GitHub', `${server.url}/github/history.atom`),
      feedVendor('maint', 'GitHub (2025)', `${server.url}/maint/history.atom`),
    ]);
    const run = await cli(['daemon', '--once', '--no-notify', '--json', '--home', h]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; event?: { kind: string } });
    expect(lines.filter((l) => l.event?.kind === 'incident.opened').length).toBeGreaterThanOrEqual(40);

    const search = await cli(['history', 'search', 'codespaces', '--json', '--home', h]);
    const hits = JSON.parse(search.stdout) as { vendorId: string; title: string; field: string; snippet: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ vendorId: expect.any(String), field: expect.stringMatching(/title|update|postmortem/) });
    expect(hits[0]!.snippet).toMatch(/«codespaces»/i);
    expect((await cli(['history', 'search', 'AND OR "', '--home', h])).code).toBe(0); // hostile FTS syntax is just words

    const stats = JSON.parse((await cli(['history', 'stats', '--vendor', 'github', '--json', '--home', h])).stdout) as { vendorId: string; incidents: number; resolved: number; meanMinutesToResolve: number }[];
    expect(stats).toHaveLength(1);
    const v30 = parseFeedXml(replayVersions()[30]!, 'http://x/history.atom', '2026-01-01T00:00:00.000Z');
    const incidents = v30.ok ? v30.snapshot.incidents.length : -1;
    expect(incidents).toBeGreaterThan(20); // 25 entries, some of them maintenances
    expect(stats[0]!.incidents).toBe(incidents);
    expect(stats[0]!.resolved).toBe(incidents);
    expect(stats[0]!.meanMinutesToResolve).toBeGreaterThan(0);

    const ics = await cli(['export', 'ics', '--days-back', '3650', '--home', h]);
    expect(ics.code, ics.stderr).toBe(0);
    expect(ics.stdout).toContain('BEGIN:VCALENDAR');
    expect(ics.stdout).toContain('SUMMARY:GitHub (2025): Codespaces Scheduled Maintenance');
    expect(ics.stdout).toContain('DTSTART:20250529T213000Z');
  }, 60_000);

  it('shows progress on a long first run', async () => {
    const vendors = Array.from({ length: 12 }, (_, i) => feedVendor(`v${i}`, `Vendor ${i}`, `${server.url}/maint/history.atom`));
    const { home: h } = await makeHome(vendors);
    const run = await cli(['daemon', '--once', '--no-notify', '--home', h]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('checking 10 of 12 vendors');
    expect(run.stderr).toContain('checking 12 of 12 vendors');
  }, 60_000);

  it('a hand-broken settings file gives a clear message, is kept as a backup, and loses nothing else', async () => {
    const { home: h } = await makeHome([feedVendor('maint', 'GitHub (2025)', `${server.url}/maint/history.atom`)]);
    const path = join(h, 'config.json');
    const broken = readFileSync(path, 'utf8').replace('"intervalSeconds": 300', '"intervalSeconds": "often"').replace(/"watchlist": \[/, '"watchlist": [{"id": 7},');
    writeFileSync(path, broken);
    const list = await cli(['watch', 'list', '--home', h]);
    expect(list.code).toBe(0);
    expect(list.stderr).toMatch(/config\.json/);
    expect(list.stdout).toContain('GitHub (2025)');
    const backups = readdirSync(h).filter((f) => f.startsWith('config.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(h, backups[0]!), 'utf8')).toBe(broken);
  }, 30_000);

  it('refuses a history file that is not a database, naming it and leaving it untouched', async () => {
    const { home: h } = await makeHome([]);
    writeFileSync(join(h, 'history.db'), '{"not": "sqlite"}');
    const run = await cli(['history', 'stats', '--home', h]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(h, 'history.db'));
    expect(readFileSync(join(h, 'history.db'), 'utf8')).toBe('{"not": "sqlite"}');
    expect(existsSync(join(SHARED_FIXTURES, 'PROVENANCE.md'))).toBe(true);
  }, 30_000);
});
