// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../shared/contract/api.ts';
import type { UpstreamClient } from '../../../shared/contract/client.ts';
import { fail, type ApiErrorCode } from '../../../shared/contract/result.ts';
import { settingsSchema, type Settings as SettingsDoc } from '../../../shared/contract/settings.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import type { Component, Snapshot, VendorSource } from '../../../shared/model/index.ts';
import { statuspageJsonAdapter } from '../../../electron/core/feeds/statuspage/adapter.ts';
import { useEngine } from '../../../renderer/stores/engine.ts';
import { Settings } from '../../../renderer/views/settings/Settings.tsx';
import { minutesUntilTomorrowMorning } from '../../../renderer/views/settings/prefs.ts';
import { SHARED_FIXTURES } from '../../support/paths.ts';
import { renderWith } from './support.tsx';

type CatalogEntry = ResponseOf<'catalog.search'>[number];

const source = (id: string, name: string): VendorSource => ({
  id, name, url: `https://status.${id}.example`, platform: 'statuspage', adapter: 'statuspage-json', base: `https://status.${id}.example`,
});

const COMPONENTS: Component[] = [
  { id: 'c-api', name: 'API Requests', group: null, status: 'operational' },
  { id: 'c-actions', name: 'Actions', group: null, status: 'partial_outage' },
  { id: 'c-pages', name: 'Pages', group: null, status: 'operational' },
];

function view(id: string, name: string, extra: Partial<VendorView> = {}): VendorView {
  return {
    source: source(id, name), level: 'operational', description: 'All Systems Operational', health: 'ok', stale: false,
    lastPollAt: '2026-04-21T12:00:00.000Z', lastSuccessAt: '2026-04-21T12:00:00.000Z', lastError: null, consecutiveFailures: 0,
    retriesLastDay: 0, intervalSeconds: 300, components: COMPONENTS, activeIncidents: [], maintenances: [], warnings: [], ...extra,
  };
}

function settingsWith(vendors: VendorView[], patch: (s: SettingsDoc) => void = () => undefined): SettingsDoc {
  const s = settingsSchema.parse({
    version: 1,
    watchlist: vendors.map((v) => ({ ...v.source, intervalSeconds: v.intervalSeconds, components: [], addedAt: '2026-01-01T00:00:00.000Z' })),
  });
  patch(s);
  return s;
}

/** The store as the engine left it: these vendors watched, these settings applied. */
function given(vendors: VendorView[], patch?: (s: SettingsDoc) => void): SettingsDoc {
  const settings = settingsWith(vendors, patch);
  useEngine.setState({ vendors, settings });
  return settings;
}

/** Make some channels of the fake client answer with a failure, as the engine does. */
function failing(failures: Record<string, { code: ApiErrorCode; message: string }>): void {
  const real = useEngine.getState().client!;
  const client = new Proxy(real, {
    get: (target, domain: string) => (domain === 'subscribe' ? target.subscribe : new Proxy({}, {
      get: (_u, method: string) => {
        const failure = failures[`${domain}.${method}`];
        const inner = (target as unknown as Record<string, Record<string, (r: unknown) => Promise<unknown>>>)[domain]![method]!;
        return failure ? async () => fail(failure.code, failure.message) : inner;
      },
    })),
  }) as UpstreamClient;
  useEngine.setState({ client });
}

const params = (section = 'vendors', extra: Record<string, string> = {}): URLSearchParams => new URLSearchParams({ section, ...extra });

const CATALOG: CatalogEntry[] = [
  { ...source('github', 'GitHub'), category: 'Developer tools', aliases: [] },
  { ...source('stripe', 'Stripe'), platform: 'stripe', category: 'Payments', aliases: [] },
  { ...source('statuspage', 'Statuspage'), category: 'Developer tools', aliases: [] },
];
const searchCatalog = ({ query }: { query: string }): CatalogEntry[] => CATALOG.filter((e) => e.name.toLowerCase().includes(query.toLowerCase()));

/** GitHub's real summary.json of 2022-11-25 (partial outage), read by our Statuspage adapter. */
function githubSnapshot(): Snapshot {
  const body = readFileSync(resolve(SHARED_FIXTURES, 'statuspage/github-summary-2022-11-25-partial-outage.json'));
  const read = statuspageJsonAdapter.parse({ summary: { url: 'https://www.githubstatus.com/api/v2/summary.json', body, contentType: 'application/json' } }, { sourceUrl: 'https://www.githubstatus.com', fetchedAt: '2022-11-25T12:00:00.000Z' });
  if (!read.ok) throw new Error(read.error.message);
  return read.snapshot;
}

describe('settings: adding vendors', () => {
  it('adds a vendor from the catalogue with the keyboard: type, arrow down, Enter', async () => {
    const user = userEvent.setup();
    given([]);
    const view = renderWith(<Settings params={params()} />, {
      catalog: { search: searchCatalog },
      vendors: { add: (r: { idOrUrl: string }) => ({ ...source(r.idOrUrl, 'Stripe'), intervalSeconds: 300, components: [], addedAt: '2026-04-21T12:00:00.000Z' }) },
    });
    const box = screen.getByRole('combobox', { name: 'From the catalogue' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await user.type(box, 'str');
    const list = await screen.findByRole('listbox', { name: 'Vendors in the catalogue' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('Stripe')]);
    expect(box.hasAttribute('aria-activedescendant')).toBe(false);
    await user.keyboard('{ArrowDown}');
    const option = within(list).getByRole('option', { name: /Stripe/ });
    expect(box.getAttribute('aria-activedescendant')).toBe(option.id);
    expect(option.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(view.calls.filter((c) => c.channel === 'vendors.add')).toEqual([{ channel: 'vendors.add', request: { idOrUrl: 'stripe' } }]));
    expect(await screen.findByText(/Added Stripe/)).toBeTruthy();
    expect((box as HTMLInputElement).value).toBe('');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('marks vendors already watched and does not add them again; Escape closes the list', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')]);
    const r = renderWith(<Settings params={params()} />, { catalog: { search: searchCatalog } });
    const box = screen.getByRole('combobox', { name: 'From the catalogue' });
    await user.type(box, 'git');
    const option = await screen.findByRole('option', { name: /GitHub/ });
    expect(option.getAttribute('aria-disabled')).toBe('true');
    expect(option.textContent).toContain('Watching');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByText('GitHub is already on your watchlist.')).toBeTruthy();
    await user.click(option);
    expect(r.calls.some((c) => c.channel === 'vendors.add')).toBe(false);
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('says when nothing in the catalogue matches, and points at the URL field', async () => {
    const user = userEvent.setup();
    given([]);
    renderWith(<Settings params={params()} />, { catalog: { search: searchCatalog } });
    await user.type(screen.getByRole('combobox', { name: 'From the catalogue' }), 'zzz');
    expect(await screen.findByText(/No vendor in the catalogue matches “zzz”/)).toBeTruthy();
  });

  it('previews a URL before adding it (name, platform, status, components, incidents), then adds it by that URL', async () => {
    const user = userEvent.setup();
    given([]);
    const snapshot = githubSnapshot();
    const detected = { source: { ...source('githubstatus-com', 'GitHub'), url: 'https://www.githubstatus.com/' }, platform: 'statuspage' as const, snapshot };
    let answerDetect: (v: unknown) => void = () => undefined;
    const r = renderWith(<Settings params={params()} />, {
      vendors: {
        detect: () => new Promise((done) => (answerDetect = done)),
        add: () => ({ ...detected.source, intervalSeconds: 300, components: [], addedAt: '2026-04-21T12:00:00.000Z' }),
      },
    });
    await user.type(screen.getByRole('textbox', { name: 'Or any status page by its URL' }), 'https://www.githubstatus.com');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    // Busy while detection runs: it can take seconds.
    expect(screen.getByRole('button', { name: /Checking/ }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/Reading https:\/\/www\.githubstatus\.com… this can take a few seconds/)).toBeTruthy();
    expect(r.calls.some((c) => c.channel === 'vendors.add')).toBe(false);
    await act(async () => answerDetect(detected));
    const preview = await screen.findByRole('region', { name: 'GitHub' });
    const facts = within(preview);
    expect(facts.getByText('Atlassian Statuspage')).toBeTruthy();
    expect(preview.textContent).toContain('Partial outage');
    expect(preview.textContent).toMatch(/Components\s*11/);
    expect(preview.textContent).toMatch(/Active incidents\s*1/);
    expect(r.calls.some((c) => c.channel === 'vendors.add')).toBe(false);
    await user.click(facts.getByRole('button', { name: 'Add GitHub' }));
    await waitFor(() => expect(r.calls.find((c) => c.channel === 'vendors.add')?.request).toEqual({ idOrUrl: 'https://www.githubstatus.com' }));
    expect(await screen.findByText(/Added GitHub/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'GitHub' })).toBeNull();
  });

  it('shows the warnings of a partly read page in the preview', async () => {
    const user = userEvent.setup();
    given([]);
    const snapshot = { ...githubSnapshot(), warnings: [{ code: 'document_http', message: 'The incidents history could not be fetched (HTTP 503).' }] };
    renderWith(<Settings params={params()} />, {
      vendors: { detect: () => ({ source: source('gh', 'GitHub'), platform: 'statuspage', snapshot }) },
    });
    await user.type(screen.getByRole('textbox', { name: 'Or any status page by its URL' }), 'https://gh.example{Enter}');
    expect(await screen.findByText('The incidents history could not be fetched (HTTP 503).')).toBeTruthy();
    expect(screen.getByText('1 part could not be read')).toBeTruthy();
  });

  it('shows a detection failure in place, with the engine message naming the URL and what was tried', async () => {
    const user = userEvent.setup();
    given([]);
    const r = renderWith(<Settings params={params()} />, { vendors: {} });
    const message = 'https://nothing.example/: no status page found (tried /api/v2/summary.json, /history.atom, /feed.rss)';
    failing({ 'vendors.detect': { code: 'detect_failed', message } });
    const field = screen.getByRole('textbox', { name: 'Or any status page by its URL' });
    await user.type(field, 'https://nothing.example/');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText('Upstream could not read this page.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('button', { name: /^Add / })).toBeNull();
    expect(r.calls.some((c) => c.channel === 'vendors.add')).toBe(false);
  });

  it('designs the empty watchlist: it says so and leads to the catalogue search', async () => {
    const user = userEvent.setup();
    given([]);
    renderWith(<Settings params={params()} />);
    expect(screen.getByText('No vendors watched yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Search the catalogue' }));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'From the catalogue' }));
  });

  it('removes a vendor only after confirming, saying its history is kept', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')]);
    const r = renderWith(<Settings params={params()} />, { vendors: { remove: () => ({ ...source('github', 'GitHub'), intervalSeconds: 300, components: [], addedAt: '2026-01-01T00:00:00.000Z' }) } });
    await user.click(screen.getByRole('button', { name: 'Remove GitHub' }));
    expect(r.calls.some((c) => c.channel === 'vendors.remove')).toBe(false);
    const confirm = screen.getByRole('group', { name: 'Remove GitHub?' });
    expect(confirm.textContent).toContain('Its history is kept');
    await user.click(within(confirm).getByRole('button', { name: 'Remove GitHub' }));
    await waitFor(() => expect(r.calls.find((c) => c.channel === 'vendors.remove')?.request).toEqual({ vendorId: 'github' }));
    expect(await screen.findByText('Removed GitHub')).toBeTruthy();
  });
});

describe('settings: one vendor', () => {
  const open = (): URLSearchParams => params('vendors', { vendor: 'github' });

  it('lists watched vendors with status and interval, and opens a vendor’s settings', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub', { level: 'partial_outage', intervalSeconds: 120 }), view('stripe', 'Stripe')]);
    renderWith(<Settings params={params()} />);
    const list = screen.getByRole('list', { name: /Watchlist/ });
    const rows = within(list).getAllByRole('listitem');
    expect(rows[0]!.textContent).toMatch(/GitHub.*Partial outage.*Every 2 min/);
    expect(rows[1]!.textContent).toMatch(/Stripe.*Operational.*Every 5 min/);
    const toggle = screen.getByRole('button', { name: 'Settings for GitHub' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(window.location.hash).toBe('#/settings?section=vendors&vendor=github');
  });

  it('sends the ticked component names to vendors.configure (none ticked = all)', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')]);
    const r = renderWith(<Settings params={open()} />, { vendors: { configure: (req: { vendorId: string; components?: string[] }) => ({ ...source('github', 'GitHub'), intervalSeconds: 300, components: req.components ?? [], addedAt: '2026-01-01T00:00:00.000Z' }) } });
    const detail = screen.getByRole('region', { name: 'GitHub settings' });
    expect(detail.textContent).toContain('None ticked: all 3 components are watched');
    await user.click(within(detail).getByRole('checkbox', { name: 'API Requests' }));
    await user.click(within(detail).getByRole('checkbox', { name: 'Actions' }));
    const sent = r.calls.filter((c) => c.channel === 'vendors.configure').map((c) => c.request);
    expect(sent).toEqual([{ vendorId: 'github', components: ['API Requests'] }, { vendorId: 'github', components: ['API Requests', 'Actions'] }]);
    expect((within(detail).getByRole('checkbox', { name: 'Actions' }) as HTMLInputElement).checked).toBe(true);
    expect(await within(detail).findByText('Watching 2 components')).toBeTruthy();
    await user.click(within(detail).getByRole('button', { name: 'Watch all' }));
    expect(r.calls.filter((c) => c.channel === 'vendors.configure').at(-1)?.request).toEqual({ vendorId: 'github', components: [] });
  });

  it('shows the saved component filter, matched by name or id', () => {
    given([view('github', 'GitHub')], (s) => (s.watchlist[0]!.components = ['Pages', 'c-api']));
    renderWith(<Settings params={open()} />);
    const detail = screen.getByRole('region', { name: 'GitHub settings' });
    const boxes = within(detail).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.filter((b) => b.checked).map((b) => b.closest('label')?.textContent)).toEqual(['API Requests', 'Pages']);
    expect(detail.textContent).toContain('Watching 2 of 3');
  });

  it('sends the polling interval in seconds and shows an engine refusal beside the control', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')]);
    const r = renderWith(<Settings params={open()} />, { vendors: { configure: () => ({ ...source('github', 'GitHub'), intervalSeconds: 900, components: [], addedAt: '2026-01-01T00:00:00.000Z' }) } });
    const select = screen.getByRole('combobox', { name: 'Check every' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['1 min', '2 min', '5 min', '10 min', '15 min', '30 min', '1 hour']);
    await user.selectOptions(select, '15 min');
    expect(r.calls.find((c) => c.channel === 'vendors.configure')?.request).toEqual({ vendorId: 'github', intervalSeconds: 900 });
    expect(await screen.findByText('Checked every 15 min from now on')).toBeTruthy();
    failing({ 'vendors.configure': { code: 'not_found', message: '"github" is not on the watchlist.' } });
    await user.selectOptions(select, '1 min');
    expect(await screen.findByText('"github" is not on the watchlist.')).toBeTruthy();
  });

  it('sends the severity threshold and the mute toggle to rules.set, keeping the vendor’s other rules', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')], (s) => {
      s.notifications.perVendor['github'] = { threshold: 'major', components: ['Actions'], kinds: [] };
    });
    const r = renderWith(<Settings params={open()} />, { rules: { set: () => useEngine.getState().settings } });
    const detail = screen.getByRole('region', { name: 'GitHub settings' });
    expect((within(detail).getByRole('radio', { name: 'Major and critical' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(detail).getByRole('radio', { name: 'Critical only' }));
    await user.click(within(detail).getByRole('switch', { name: 'Mute GitHub' }));
    expect(r.calls.filter((c) => c.channel === 'rules.set').map((c) => c.request)).toEqual([
      { vendorId: 'github', rules: { threshold: 'critical', components: ['Actions'], kinds: [] } },
      { vendorId: 'github', rules: { threshold: 'muted', components: ['Actions'], kinds: [] } },
    ]);
  });

  it('reads a muted vendor from the settings, and unmuting returns to the default threshold', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')], (s) => {
      s.notifications.defaults.threshold = 'major';
      s.notifications.perVendor['github'] = { threshold: 'muted', components: [], kinds: [] };
    });
    const r = renderWith(<Settings params={open()} />, { rules: { set: () => useEngine.getState().settings } });
    const mute = screen.getByRole('switch', { name: 'Mute GitHub' }) as HTMLInputElement;
    expect(mute.checked).toBe(true);
    expect(screen.getByText(/Nothing from GitHub notifies you/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Major and critical' }).matches(':disabled')).toBe(true);
    expect((screen.getByRole('radio', { name: 'Major and critical' }) as HTMLInputElement).checked).toBe(true);
    await user.click(mute);
    expect(r.calls.find((c) => c.channel === 'rules.set')?.request).toEqual({ vendorId: 'github', rules: { threshold: 'major', components: [], kinds: [] } });
  });

  it('snoozes for 1 hour, until tomorrow 08:00 or a week, in minutes; shows the active snooze and resumes with 0', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')]);
    const r = renderWith(<Settings params={open()} />, { notifications: { snooze: () => useEngine.getState().settings } });
    const group = screen.getByRole('group', { name: 'Snooze GitHub' });
    await user.click(within(group).getByRole('button', { name: 'For 1 hour' }));
    await user.click(within(group).getByRole('button', { name: 'For 1 week' }));
    const expectedMorning = minutesUntilTomorrowMorning(Date.now());
    await user.click(within(group).getByRole('button', { name: 'Until tomorrow 08:00' }));
    const sent = r.calls.filter((c) => c.channel === 'notifications.snooze').map((c) => c.request as { vendorId: string; minutes: number });
    expect(sent.slice(0, 2)).toEqual([{ vendorId: 'github', minutes: 60 }, { vendorId: 'github', minutes: 10080 }]);
    expect(sent[2]!.vendorId).toBe('github');
    expect(Math.abs(sent[2]!.minutes - expectedMorning)).toBeLessThanOrEqual(1);

    // The engine applied a snooze: the settings message brings it back.
    const until = new Date(Date.now() + 60 * 60_000);
    act(() => useEngine.setState({ settings: settingsWith([view('github', 'GitHub')], (s) => (s.notifications.snoozes = [{ vendorId: 'github', until: until.toISOString() }])) }));
    const clock = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(until);
    const shown = screen.getAllByText(new RegExp(`Snoozed until (tomorrow )?${clock}`));
    expect(shown.length).toBeGreaterThan(0);
    await user.click(within(screen.getByRole('group', { name: 'Snooze GitHub' })).getByRole('button', { name: 'Resume' }));
    expect(r.calls.filter((c) => c.channel === 'notifications.snooze').at(-1)?.request).toEqual({ vendorId: 'github', minutes: 0 });
  });
});

describe('settings: notifications, appearance, data', () => {
  it('turns notifications off and sets the default threshold', async () => {
    const user = userEvent.setup();
    given([]);
    const r = renderWith(<Settings params={params('notifications')} />, { settings: { set: () => useEngine.getState().settings }, rules: { set: () => useEngine.getState().settings } });
    await user.click(screen.getByRole('switch', { name: /Show desktop notifications/ }));
    expect(r.calls.find((c) => c.channel === 'settings.set')?.request).toEqual({ notificationsEnabled: false });
    expect(await screen.findByText('Notifications off')).toBeTruthy();
    await user.click(within(screen.getByRole('group', { name: 'Default rules' })).getByRole('radio', { name: 'Critical only' }));
    expect(r.calls.find((c) => c.channel === 'rules.set')?.request).toEqual({ vendorId: null, rules: { threshold: 'critical', components: [], kinds: [] } });
  });

  it('sends quiet hours (enabled, start, end) to settings.set, and refuses an incomplete time', async () => {
    const user = userEvent.setup();
    given([], (s) => (s.notifications.quietHours = { enabled: true, start: '22:00', end: '07:00' }));
    const r = renderWith(<Settings params={params('notifications')} />, { settings: { set: () => useEngine.getState().settings } });
    const quiet = screen.getByRole('group', { name: 'Quiet hours' });
    const from = within(quiet).getByLabelText('From') as HTMLInputElement;
    fireEvent.change(from, { target: { value: '23:30' } });
    fireEvent.blur(from);
    expect(r.calls.find((c) => c.channel === 'settings.set')?.request).toEqual({ quietHours: { enabled: true, start: '23:30', end: '07:00' } });
    expect(await within(quiet).findByText('Quiet from 23:30 to 07:00')).toBeTruthy();
    await user.click(within(quiet).getByRole('switch', { name: 'Hold notifications during quiet hours' }));
    expect(r.calls.filter((c) => c.channel === 'settings.set').at(-1)?.request).toEqual({ quietHours: { enabled: false, start: '23:30', end: '07:00' } });
    const to = within(quiet).getByLabelText('To') as HTMLInputElement;
    fireEvent.change(to, { target: { value: '' } });
    fireEvent.blur(to);
    expect(await within(quiet).findByText('Enter both times as hours and minutes, like 22:00.')).toBeTruthy();
    expect(r.calls.filter((c) => c.channel === 'settings.set')).toHaveLength(2);
  });

  it('snoozes everything (vendorId null)', async () => {
    const user = userEvent.setup();
    given([]);
    const r = renderWith(<Settings params={params('notifications')} />, { notifications: { snooze: () => useEngine.getState().settings } });
    await user.click(within(screen.getByRole('group', { name: 'Snooze all notifications' })).getByRole('button', { name: 'For 1 hour' }));
    expect(r.calls.find((c) => c.channel === 'notifications.snooze')?.request).toEqual({ vendorId: null, minutes: 60 });
  });

  it('sends the theme to settings.set and shows it saved', async () => {
    const user = userEvent.setup();
    given([]);
    const r = renderWith(<Settings params={params('appearance')} />, { settings: { set: () => useEngine.getState().settings } });
    expect((screen.getByRole('radio', { name: /System/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: /Dark/ }));
    expect(r.calls.find((c) => c.channel === 'settings.set')?.request).toEqual({ theme: 'dark' });
    expect(await screen.findByText('Dark theme')).toBeTruthy();
  });

  it('imports a watchlist file and reports what was added and what was skipped, with reasons', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')]);
    const report = { added: ['stripe', 'acme-status'], skipped: [{ entry: 'github', reason: 'already on the watchlist' }, { entry: 'vendors[3]', reason: 'unknown adapter "gopher"' }] };
    const r = renderWith(<Settings params={params('data')} />, { watchlist: { import: () => report } });
    const text = JSON.stringify({ format: 'upstream-watchlist', version: 1, vendors: ['stripe'] });
    await user.upload(screen.getByLabelText('Import a watchlist file…'), new File([text], 'team.json', { type: 'application/json' }));
    await waitFor(() => expect(r.calls.find((c) => c.channel === 'watchlist.import')?.request).toEqual({ text }));
    const shown = await screen.findByRole('group', { name: 'What importing team.json did' });
    expect(shown.textContent).toContain('added 2 vendors, skipped 2');
    expect(within(shown).getByText('stripe')).toBeTruthy();
    expect(within(shown).getByText('acme-status')).toBeTruthy();
    expect(shown.textContent).toContain('github: already on the watchlist');
    expect(shown.textContent).toContain('vendors[3]: unknown adapter "gopher"');
  });

  it('exports the watchlist as upstream-watchlist.json', async () => {
    const user = userEvent.setup();
    given([view('github', 'GitHub')]);
    const blobs: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = (b: Blob) => (blobs.push(b), 'blob:x');
    URL.revokeObjectURL = () => undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    try {
      renderWith(<Settings params={params('data')} />, { watchlist: { export: () => ({ format: 'upstream-watchlist', version: 1, vendors: [{ ...source('github', 'GitHub'), intervalSeconds: 300, components: [] }] }) } });
      await user.click(screen.getByRole('button', { name: 'Export watchlist' }));
      expect(await screen.findByText('Exported 1 vendor to upstream-watchlist.json')).toBeTruthy();
      expect(clicked).toEqual(['upstream-watchlist.json']);
      expect(JSON.parse(await blobs[0]!.text()).vendors[0].id).toBe('github');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('saves the history retention in days and refuses nonsense', async () => {
    given([]);
    const r = renderWith(<Settings params={params('data')} />, { settings: { set: () => useEngine.getState().settings } });
    const field = screen.getByLabelText('Keep incidents and events for') as HTMLInputElement;
    expect(field.value).toBe('365');
    fireEvent.change(field, { target: { value: '90' } });
    fireEvent.blur(field);
    expect(r.calls.find((c) => c.channel === 'settings.set')?.request).toEqual({ retentionDays: 90 });
    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.blur(field);
    expect(await screen.findByText('Enter a whole number of days, from 1 to 36500.')).toBeTruthy();
    expect(r.calls.filter((c) => c.channel === 'settings.set')).toHaveLength(1);
  });

  it('marks the current section in the sub-navigation and falls back to Vendors', () => {
    given([]);
    renderWith(<Settings params={new URLSearchParams('section=nonsense')} />);
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });
    expect(within(nav).getByRole('link', { name: 'Vendors' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Data' }).getAttribute('href')).toBe('#/settings?section=data');
    expect(screen.getByRole('heading', { level: 2, name: 'Vendors' })).toBeTruthy();
  });
});
