import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC } from '../../../shared/contract/ipc.ts';
import { startDesktop, type Desktop } from '../../../electron/main/app.ts';
import { respond, serveFile, startFixtureServer, type FixtureServer } from '../../support/fixture-server.ts';
import { makeHome } from '../../support/home.ts';
import { OWN_FIXTURES } from '../../support/paths.ts';
import { serveProgressiveIncident, type ProgressiveIncident } from '../../e2e/support/progressive-incident.ts';
import { APP_FRAME, fakeShell, type FakeShell } from './fake-shell.ts';
import { until } from '../../support/wait.ts';

/*
 * The desktop app's logic, run for real (engine root, loopback HTTP, SQLite) against a fake of the
 * Electron facade: Electron itself cannot run here. What a user would notice is asserted on what
 * the app asked the facade to show.
 */

describe('the desktop app through its facade', () => {
  let fixtures: FixtureServer;
  let incident: ProgressiveIncident;
  let shell: FakeShell;
  let desktop: Desktop;

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    incident = serveProgressiveIncident(fixtures, 'gh', 'ljwdk6qml8z8.json');
    incident.show(0);
    fixtures.route('/hostile/api/v2/summary.json', serveFile({ file: join(OWN_FIXTURES, 'hostile/statuspage-xss-summary.json') }));
    fixtures.route('/hostile/api/v2/incidents.json', respond(404));
    fixtures.route('/hostile/api/v2/scheduled-maintenances.json', respond(404));
    const { home } = await makeHome([
      { id: 'github', name: 'GitHub', url: `${fixtures.url}/gh`, platform: 'statuspage', adapter: 'statuspage-json', base: `${fixtures.url}/gh` },
      { id: 'hostile', name: 'Hostile', url: `${fixtures.url}/hostile`, platform: 'statuspage', adapter: 'statuspage-json', base: `${fixtures.url}/hostile` },
    ]);
    shell = fakeShell({ userDataDir: home });
    const started = await startDesktop(shell, { hidden: true, upstream: { engine: { staggerMs: 0 }, timeZone: 'UTC' } });
    if (!started) throw new Error('no lock');
    desktop = started;
    // First reads are old news (summarised); wait for both vendors to have been read.
    await until('first reads', () => shell.tray.tooltip.includes('Hostile'));
  });

  afterAll(async () => {
    await desktop?.quit();
    await fixtures?.close();
  });

  it('shows the worst state in the tray with a count, a tooltip naming the vendor, and a menu opening the incident', async () => {
    expect(shell.tray.image).toMatch(/assets\/tray\/badge\/partial_outage-1\.png$/);
    expect(shell.tray.tooltip).toBe('1 vendor with incidents: Hostile (major)');
    incident.show(1);
    await desktop.act({ type: 'refresh' });
    await until('the GitHub incident in the tray', () => /badge\/partial_outage-2\.png$/.test(shell.tray.image));
    expect(shell.tray.tooltip).toMatch(/^2 vendors with incidents: (GitHub|Hostile) \(major\), (GitHub|Hostile) \(major\)$/);
    const item = shell.tray.menu.find((i) => i.kind === 'item' && i.label.startsWith('GitHub: Incident with Packages'));
    expect(item).toMatchObject({ action: { type: 'open', route: `#/vendor/github/incident/${incident.id}` } });
    if (item?.kind !== 'item' || !item.action) throw new Error('no action');
    shell.tray.onAction(item.action);
    const main = await until('the main window', () => shell.windows.find((w) => w.options.kind === 'main'));
    expect(main.routes.at(-1)).toBe(`#/vendor/github/incident/${incident.id}`);
  });

  it('raises a native notification for new incident activity, and a click opens that incident\'s page', async () => {
    const before = shell.notifications.length;
    incident.show(3);
    await desktop.act({ type: 'refresh' });
    const n = await until('a notification', () => shell.notifications.slice(before).find((x) => x.title.includes('Incident with Packages')));
    expect(n.body).toContain(incident.bodies[2]!.slice(0, 30));
    n.onClick();
    const main = shell.windows.find((w) => w.options.kind === 'main')!;
    expect(main.routes.at(-1)).toBe(`#/vendor/github/incident/${incident.id}`);
    expect(main.visible).toBe(true);
  });

  it('forwards the engine\'s messages to open windows over IPC', async () => {
    const main = shell.windows.find((w) => w.options.kind === 'main')!;
    await until('messages in the window', () => main.sent.some((s) => (s.payload as { type: string }).type === 'vendor'));
    const types = new Set(main.sent.filter((s) => s.channel === IPC.message).map((s) => (s.payload as { type: string }).type));
    expect([...types]).toEqual(expect.arrayContaining(['event', 'vendor']));
  });

  it('answers IPC only from its own page\'s main frame, and validates every payload', async () => {
    expect(await shell.call(APP_FRAME, 'engine.state', {})).toMatchObject({ ok: true, value: { vendorCount: 2 } });
    expect(await shell.call({ url: 'https://evil.example/', isMainFrame: true }, 'vendors.list', {})).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(/did not come from the Upstream window/) } });
    expect(await shell.call({ url: 'app://upstream/index.html', isMainFrame: false }, 'vendors.list', {})).toMatchObject({ ok: false });
    expect(await shell.call(null, 'vendors.list', {})).toMatchObject({ ok: false });
    expect(await shell.call(APP_FRAME, 'vendors.remove', { vendorId: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await shell.call(APP_FRAME, 'vendors.add', 'github')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await shell.call(APP_FRAME, 'shell.openExternal', { url: 'https://x' })).toMatchObject({ ok: false, error: { message: 'Unknown channel "shell.openExternal".' } });
    expect(await shell.call(APP_FRAME, { toString: () => 'vendors.list' }, {})).toMatchObject({ ok: false });
  });

  it('opens outside the app only http(s) links found in stored data, asked for by ids', async () => {
    const open = (request: unknown) => shell.call(APP_FRAME, 'links.open', request);
    // Refused: file: and javascript: (even inside stored text), URLs not stored, and a bare URL.
    expect(await open({ vendorId: 'hostile', incidentId: 'xss1', url: 'file:///etc/passwd' })).toMatchObject({ ok: false });
    expect(await open({ vendorId: 'hostile', incidentId: 'xss1', url: "javascript:window.__xss='md-link'" })).toMatchObject({ ok: false });
    expect(await open({ vendorId: 'github', incidentId: incident.id, url: 'https://evil.example/phish' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await open({ vendorId: 'github', url: 'https://evil.example/' })).toMatchObject({ ok: false });
    expect(await open({ url: 'https://www.githubstatus.com' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await open({ vendorId: 'hostile', incidentId: 'xss1' })).toMatchObject({ ok: false }); // its stored page is javascript:
    expect(shell.opened).toEqual([]);
    // Opened: a link inside the incident's stored postmortem, the incident's own page, the vendor's page.
    expect(await open({ vendorId: 'hostile', incidentId: 'xss1', url: 'https://example.com/postmortem' })).toMatchObject({ ok: true });
    expect(await open({ vendorId: 'github', incidentId: incident.id })).toMatchObject({ ok: true });
    expect(await open({ vendorId: 'github' })).toMatchObject({ ok: true, value: { url: `${fixtures.url}/gh` } });
    expect(shell.opened).toEqual(['https://example.com/postmortem', expect.stringMatching(/^https?:\/\//), `${fixtures.url}/gh`]);
  });

  it('pauses polling when the machine sleeps and catches up when it wakes', async () => {
    shell.power('suspend');
    expect(await shell.call(APP_FRAME, 'engine.state', {})).toMatchObject({ ok: true, value: { connectivity: 'paused' } });
    const before = fixtures.requests.length;
    await desktop.act({ type: 'refresh' });
    await new Promise((r) => setTimeout(r, 600));
    expect(fixtures.requests.length).toBe(before);
    shell.power('resume');
    expect(await shell.call(APP_FRAME, 'engine.state', {})).toMatchObject({ ok: true, value: { connectivity: 'online' } });
  });

  it('pauses notifications for an hour from the tray, and resumes them', async () => {
    await desktop.act({ type: 'pause', minutes: 60 });
    await desktop.refreshTray();
    expect(shell.tray.menu.find((i) => i.kind === 'submenu' && i.label.startsWith('Notifications paused until'))).toBeDefined();
    await desktop.act({ type: 'resume' });
    await desktop.refreshTray();
    expect(shell.tray.menu.find((i) => i.kind === 'submenu' && i.label === 'Pause notifications')).toBeDefined();
  });

  it('turns launch at login on and off with an XDG autostart file on Linux', async () => {
    const file = join(shell.homeDir, '.config/autostart/upstream.desktop');
    await desktop.act({ type: 'launch-at-login', enabled: true });
    expect(existsSync(file)).toBe(true);
    // Started at login as the package's own desktop entry starts it: with the engine's V8 settings.
    expect(readFileSync(file, 'utf8')).toMatch(/^Exec=\S+ --js-flags=--max-semi-space-size=4 --hidden$/m);
    expect(shell.tray.menu.find((i) => i.kind === 'checkbox')).toMatchObject({ checked: true });
    await desktop.act({ type: 'launch-at-login', enabled: false });
    expect(existsSync(file)).toBe(false);
  });

  it('opens the popover next to the tray icon, and closes it on a second click', () => {
    desktop.togglePopover();
    const popover = shell.windows.find((w) => w.options.kind === 'popover')!;
    expect(popover.routes.at(-1)).toBe('#/popover');
    expect(popover.position).toEqual({ x: 1552, y: 28 });
    expect(popover.visible).toBe(true);
    desktop.togglePopover();
    expect(popover.visible).toBe(false);
  });

  it('"Open Upstream" in the popover shows the main window there instead of opening a new one', () => {
    desktop.togglePopover();
    const popover = shell.windows.find((w) => w.options.kind === 'popover')!;
    const windows = shell.windows.length;
    shell.openAppLink('#/settings');
    expect(shell.windows.length).toBe(windows);
    expect(shell.windows.find((w) => w.options.kind === 'main')?.routes.at(-1)).toBe('#/settings');
    expect(popover.visible).toBe(false);
  });

  it('a second launch shows the window of the first', () => {
    const main = shell.windows.find((w) => w.options.kind === 'main')!;
    main.hide();
    shell.secondInstance();
    expect(main.visible).toBe(true);
  });
});

describe('single instance and quitting', () => {
  it('a second instance quits at once, leaving the first to show itself', async () => {
    const { home } = await makeHome([]);
    const shell = fakeShell({ userDataDir: home, lock: false });
    expect(await startDesktop(shell)).toBeNull();
    expect(shell.quits).toBe(1);
    expect(shell.windows).toEqual([]);
  });

  it('started without the engine\'s V8 settings (opened from a file manager), starts again once with them, keeping its arguments', async () => {
    const { home } = await makeHome([]);
    const shell = fakeShell({ userDataDir: home, argv: ['/Applications/Upstream.app/Contents/MacOS/Upstream', '--hidden'] });
    expect(await startDesktop(shell)).toBeNull();
    expect(shell.relaunches).toEqual([['--hidden', '--js-flags=--max-semi-space-size=4']]);
    // Nothing of the app ran in the process that relaunched: no lock taken, no window, no tray.
    expect(shell.windows).toEqual([]);
    expect(shell.tray.image).toBe('');
  });

  it('holds the quit until the engine has stopped and closed its history, then quits', async () => {
    const { home } = await makeHome([]);
    const shell = fakeShell({ userDataDir: home });
    const desktop = (await startDesktop(shell))!;
    expect(shell.windows.find((w) => w.options.kind === 'main')?.routes).toEqual(['#/']);
    expect(shell.beforeQuit()).toBe(true);
    await until('the quit after stop', () => shell.quits === 1);
    expect(shell.beforeQuit()).toBe(false);
    await desktop.quit();
  });
});
