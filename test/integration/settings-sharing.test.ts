import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineMessage } from '../../shared/contract/events.ts';
import { openUpstream, type Upstream } from '../../electron/core/upstream/open.ts';
import { file, startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { makeHome } from '../support/home.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { until } from '../support/wait.ts';

const BIN = join(REPO_ROOT, 'electron/headless/bin.ts');
const WRITER = join(REPO_ROOT, 'test/support/settings-writer.ts');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}


describe('one watchlist shared by every process', () => {
  let server: FixtureServer;
  let upstream: Upstream;
  let home: string;
  const messages: EngineMessage[] = [];

  beforeAll(async () => {
    server = await startFixtureServer();
    server.route('/gh/api/v2/summary.json', file('statuspage/github-summary-2022-11-25-partial-outage.json'));
    ({ home } = await makeHome([]));
    const opened = await openUpstream({ home, settingsCheckMs: 200, engine: { staggerMs: 0 } });
    if (!opened.ok) throw new Error(opened.message);
    upstream = opened.upstream;
    upstream.subscribe((m) => messages.push(m));
    upstream.start();
  });
  afterAll(async () => {
    await upstream?.stop();
    await server?.close();
  });

  it('a running engine polls a vendor added by `upstream watch add` in another process, within seconds', async () => {
    const added = await run([BIN, 'watch', 'add', `${server.url}/gh/api/v2/summary.json`, '--home', home]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const started = Date.now();
    const view = await until('the new vendor\'s view', () => messages.find((m) => m.type === 'vendor' && m.vendor.level === 'partial_outage'));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(view).toMatchObject({ vendor: { source: { name: 'GitHub' }, health: 'ok' } });
    expect(messages.some((m) => m.type === 'settings' && m.settings.watchlist.length === 1)).toBe(true);
  });

  it('refuses a broken hand edit with a notice, keeps the settings in force and the person\'s file as written', async () => {
    const path = join(home, 'config.json');
    const good = await readFile(path, 'utf8');
    const broken = good.replace('"watchlist": [', '"watchlist": [,');
    await writeFile(path, broken);
    const notice = await until('a notice', () => messages.find((m) => m.type === 'notice'));
    expect(notice).toMatchObject({ notice: { level: 'warning', message: expect.stringMatching(/config\.json was changed but is not valid JSON.*not applied/) } });
    expect(await readFile(path, 'utf8')).toBe(broken);
    expect(await upstream.call('vendors.list', {})).toMatchObject({ ok: true, value: [{ source: { name: 'GitHub' } }] });
    // Said once, not every second.
    await new Promise((r) => setTimeout(r, 600));
    expect(messages.filter((m) => m.type === 'notice')).toHaveLength(1);
  });

  it('applies a valid hand edit (an interval change) and says so on the stream', async () => {
    const path = join(home, 'config.json');
    const current = await upstream.call('settings.get', {});
    if (!current.ok) throw new Error(current.error.message);
    const edited = { ...current.value, watchlist: current.value.watchlist.map((v) => ({ ...v, intervalSeconds: 600 })) };
    await writeFile(path, JSON.stringify(edited, null, 2));
    await until('the edited settings', () => messages.find((m) => m.type === 'settings' && m.settings.watchlist[0]?.intervalSeconds === 600));
    expect(await upstream.call('vendors.list', {})).toMatchObject({ ok: true, value: [{ intervalSeconds: 600 }] });
  });

  it('never loses a change when two processes write the settings at the same time', async () => {
    const shared = (await makeHome([])).home;
    const [a, b] = await Promise.all([run([WRITER, shared, 'a', '25']), run([WRITER, shared, 'b', '25'])]);
    expect([a.stderr, b.stderr]).toEqual(['', '']);
    expect([a.stdout, b.stdout]).toEqual(['done 25\n', 'done 25\n']);
    const doc = JSON.parse(await readFile(join(shared, 'config.json'), 'utf8')) as { watchlist: { id: string }[] };
    const ids = doc.watchlist.map((v) => v.id).sort();
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
  }, 30_000);
});
