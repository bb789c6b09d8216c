import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/model/index.ts';
import { file, hang, htmlPage, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { OWN_FIXTURES, REPO_ROOT } from '../support/paths.ts';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/github/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
  server.route('/github/api/v2/incidents.json', file('statuspage/github-incident-gqx5l06jjxhp-critical.json'));
  server.route('/gcp/incidents.json', file('gcp/gcp-incidents-json-3-incidents-trimmed-text.json'));
  server.route('/gh-feed/history.atom', file('rss_atom/github-statuspage-history-2025-07-08-with-maintenance.atom'));
  server.route('/slack/api/v2.0.0/current', file(resolve(OWN_FIXTURES, 'slack/current-active.json')));
  server.route('/slack/api/v2.0.0/history', file(resolve(OWN_FIXTURES, 'slack/history.json')));
  server.route('/nothing/', htmlPage('A shop, not a status page'));
  server.route('/hang/api/v2/summary.json', hang());
  server.route('/hang/summary.json', hang());
});
afterAll(async () => {
  await server.close();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The real CLI in a child process (async, so this process's fixture server keeps serving). */
function upstream(...args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'electron/headless/bin.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('upstream check', () => {
  it('detects a Statuspage page under a path prefix and prints its snapshot as JSON, exit 1 for a partial outage', async () => {
    const run = await upstream('check', `${server.url}/github`, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const snapshot = JSON.parse(run.stdout) as Snapshot;
    expect(snapshot.source).toMatchObject({ url: `${server.url}/github`, platform: 'statuspage', format: 'statuspage-json' });
    expect(snapshot.page.name).toBe('GitHub');
    expect(snapshot.status.level).toBe('partial_outage');
    expect(snapshot.components).toHaveLength(11);
    // The history document was read after detection: its incident is there too.
    expect(snapshot.incidents.map((i) => i.id)).toEqual(expect.arrayContaining(['ljwdk6qml8z8', 'gqx5l06jjxhp']));
    expect(snapshot.warnings.map((w) => w.path)).toContain('maintenances');
  });

  it('prints a readable summary: status words, broken components, the latest update of each active incident', async () => {
    const run = await upstream('check', `${server.url}/github`);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('GitHub: Partial outage (Minor Service Outage)');
    expect(run.stdout).toContain('Components not operational (1 of 11):\n  - Packages: Partial outage\n');
    expect(run.stdout).toContain('Active incidents (1):\n  - Incident with Packages and Pages [Major impact], since 25 Nov 2022, 14:39 UTC\n');
    expect(run.stdout).toContain('    Update at 25 Nov 2022, 15:50 UTC: Packages is now experiencing degraded performance.');
    expect(run.stdout).toMatch(/1 warning while reading the feed/);
  });

  it('exits 0 for an operational vendor (GCP, real incidents.json)', async () => {
    const run = await upstream('check', `${server.url}/gcp/`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Google Cloud: Operational\n/);
    expect(run.stdout).toContain('No active incidents.');
  });

  it('reads a direct feed URL (GitHub history.atom, real) with its maintenance, exit 0 when all is over', async () => {
    const run = await upstream('check', `${server.url}/gh-feed/history.atom`, '--json');
    const snapshot = JSON.parse(run.stdout) as Snapshot;
    expect(snapshot.source).toMatchObject({ platform: 'statuspage', format: 'feed-xml' });
    expect(snapshot.maintenances.map((m) => [m.title, m.status])).toContainEqual(['Codespaces Scheduled Maintenance', 'completed']);
    expect(snapshot.status.level).toBe('operational');
    expect(run.code).toBe(0);
  });

  it('shows in-progress maintenance and grouped incidents for Slack, exit 1', async () => {
    const run = await upstream('check', `${server.url}/slack`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Slack: Major outage\n/);
    expect(run.stdout).toContain('Maintenance (1):\n  - Scheduled maintenance for Workflows: In progress, 1 Aug 2026, 11:00 UTC');
  });

  it('exits 2 with every URL tried on stderr when no status page is found', async () => {
    const run = await upstream('check', `${server.url}/nothing/`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^upstream: ${server.url}/nothing/: no status page found; tried 18 URLs:\n`));
    expect(run.stderr).toContain(`  ${server.url}/nothing/api/v2/summary.json: HTTP 404\n`);
    expect(run.stderr).toContain(`  ${server.url}/nothing/rss: HTTP 404`);
  });

  it('exits 2 and says the page could not be reached when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((d) => probe.listen(0, '127.0.0.1', d));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((d) => probe.close(() => d()));
    const run = await upstream('check', `http://127.0.0.1:${port}/`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^upstream: http://127.0.0.1:${port}/: the status page could not be reached; tried 1 URL:`));
    expect(run.stderr).toContain('ECONNREFUSED');
  });

  it('honours --timeout: a server that never answers fails in about the given seconds', async () => {
    const run = await upstream('check', `${server.url}/hang/api/v2/summary.json`, '--timeout', '1');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('timeout');
    expect(run.ms).toBeLessThan(8_000);
  });

  it('exits 2 for a word that is neither a URL nor a catalogue vendor', async () => {
    const run = await upstream('check', 'no-such-vendor-xyz');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('upstream: no-such-vendor-xyz: not a URL and not a vendor in the catalogue\n');
  });

  it('exits 2 with usage on a bad option', async () => {
    const run = await upstream('check', `${server.url}/gcp/`, '--frobnicate');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('upstream check: unknown option --frobnicate');
    expect(run.stderr).toContain('Usage: upstream check <url-or-catalog-id>');
  });
});

describe('upstream help', () => {
  it('prints usage for --help and exits 0', async () => {
    const run = await upstream('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: upstream <command>/);
    expect(run.stdout).toContain('check');
  });

  it('prints the check usage for `help check`', async () => {
    const run = await upstream('help', 'check');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: upstream check <url-or-catalog-id> \[--json\] \[--timeout SECONDS\]/);
    expect(run.stdout).toContain('Exit code: 0 operational or under maintenance, 1 degraded or worse, 2 error.');
  });

  it('puts usage on stderr and exits 2 for an unknown command', async () => {
    const run = await upstream('frobnicate');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^upstream: unknown command "frobnicate"\n\nUsage: upstream <command>/);
  });
});
