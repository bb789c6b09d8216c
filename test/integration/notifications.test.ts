import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.ts';
import { feedVendor, makeHome } from '../support/home.ts';
import { missingForNotificationBus, startNotificationBus, type NotificationBus } from '../support/notification-bus.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { replayTruth, replayVersions, serveReplay } from '../support/replay.ts';

const BIN = join(REPO_ROOT, 'electron/headless/bin.ts');

function daemonOnce(home: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'daemon', '--once', '--json', '--home', home], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * Real notifications on Linux: `upstream daemon --once` runs as a child process, node-notifier
 * calls notify-send, which talks to a real notification server on a private D-Bus session bus;
 * dbus-monitor captures what arrives. .ci/run installs the Debian packages this needs.
 */
describe('native notifications through notify-send on a D-Bus session', () => {
  let server: FixtureServer;
  let bus: NotificationBus;
  let home: string;
  let feed: ReturnType<typeof serveReplay>;
  const versions = replayVersions();

  beforeAll(async () => {
    // Never a silent skip: a machine without the tools is told, in one line, what to install.
    const missing = missingForNotificationBus();
    if (missing.length) throw new Error(`This test needs a real notification server; install the Debian package(s): ${missing.join(' ')} (see the README's set-up).`);
    bus = await startNotificationBus();
    server = await startFixtureServer();
    feed = serveReplay(server, '/github/history.atom', versions);
    ({ home } = await makeHome([feedVendor('github', 'GitHub', `${server.url}/github/history.atom`)]));
  }, 30_000);

  afterAll(async () => {
    await bus?.close();
    await server?.close();
  });

  it('a first run of old news pops nothing, then new incident activity pops notifications', async () => {
    feed.set(0);
    const first = await daemonOnce(home, bus.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('"kind":"incident.opened"');
    await new Promise((r) => setTimeout(r, 500));
    expect(bus.captured()).toHaveLength(0);

    // The next version with new updates: notifications titled by vendor, sent once.
    const next = versions.findIndex((_v, i) => i > 0 && replayTruth(versions, i + 1).updates > replayTruth(versions, 1).updates);
    feed.set(next);
    const second = await daemonOnce(home, bus.env);
    expect(second.code, second.stderr).toBe(0);
    const events = second.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string }).filter((l) => l.type === 'event');
    expect(events.length).toBeGreaterThan(0);
    const got = await bus.waitFor(1);
    expect(got[0]!.appName).toBe('Upstream');
    expect(got[0]!.summary).toMatch(/^GitHub: /);
    expect(got[0]!.body.length).toBeGreaterThan(10);
  }, 60_000);

  it('a restart re-notifies nothing: the same feed again pops nothing new', async () => {
    const before = bus.captured().length;
    const again = await daemonOnce(home, bus.env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('"type":"event"');
    await new Promise((r) => setTimeout(r, 500));
    expect(bus.captured()).toHaveLength(before);
  }, 60_000);

  it('hostile feed text reaches the desktop as text, never as markup', async () => {
    const entry = (id: string, title: string, body: string): string => `<entry><id>tag:evil.example,2005:Incident/${id}</id>
      <published>2026-03-01T10:30:00Z</published><updated>2026-03-01T10:30:00Z</updated>
      <link rel="alternate" type="text/html" href="https://evil.example/incidents/${id}"/><title>${title}</title>
      <content type="html">&lt;p&gt;&lt;small&gt;Mar &lt;var data-var='date'&gt;1&lt;/var&gt;, &lt;var data-var='time'&gt;10:30&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - ${body}&lt;/p&gt;</content></entry>`;
    const feedOf = (entries: string[]): string => `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:evil.example,2005:/history</id>
      <title>Evil Status - Incident History</title><updated>2026-03-01T10:30:00Z</updated>${entries.join('')}</feed>`;
    let body = feedOf([entry('1', 'Old incident', 'old')]);
    server.route('/evil/history.atom', (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(body));
    const { home: evilHome } = await makeHome([feedVendor('evil', 'Evil', `${server.url}/evil/history.atom`)]);
    await daemonOnce(evilHome, bus.env); // first run: baseline, old news
    const before = bus.captured().length;
    // Escaped once more than markup, these decode to literal <b>/<a>/<img> text in our model.
    body = feedOf([entry('2', 'Login &lt;b&gt;down&lt;/b&gt;', 'See &amp;lt;a href="https://evil.example"&amp;gt;here&amp;lt;/a&amp;gt; &amp;lt;img src=x&amp;gt;'), entry('1', 'Old incident', 'old')]);
    const run = await daemonOnce(evilHome, bus.env);
    expect(run.code, run.stderr).toBe(0);
    const got = (await bus.waitFor(before + 1)).slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.summary).toBe('Evil: Login <b>down</b>'); // plain text by the spec: shown literally
    expect(got[0]!.body).toContain('&lt;a href=');
    expect(got[0]!.body).not.toMatch(/<a |<img /);
  }, 60_000);
});
