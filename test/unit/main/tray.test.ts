import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineState, VendorView } from '../../../shared/contract/vendors.ts';
import type { Incident } from '../../../shared/model/index.ts';
import { trayIconFile } from '../../../assets/icons.ts';
import { minutesUntilTomorrowMorning, trayMenu, type MenuItem } from '../../../electron/main/tray/menu.ts';
import { trayView } from '../../../electron/main/tray/state.ts';
import { trayTooltip } from '../../../electron/main/tray/tooltip.ts';
import { emptySettings } from '../../../shared/contract/settings.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const NOW = new Date('2026-11-30T15:00:00.000Z');

function incident(id: string, impact: Incident['impact'], title = `Incident ${id}`): Incident {
  return { id, title, url: null, impact, status: 'investigating', startedAt: '2026-11-30T14:00:00.000Z', resolvedAt: null, components: [], updates: [], postmortem: null };
}

function vendor(id: string, name: string, extra: Partial<VendorView> = {}): VendorView {
  return {
    source: { id, name, url: `https://status.${id}.example`, platform: 'statuspage', adapter: 'statuspage-json', base: `https://status.${id}.example` },
    level: 'operational', description: 'All Systems Operational', health: 'ok', stale: false, lastPollAt: '2026-11-30T14:59:00.000Z',
    lastSuccessAt: '2026-11-30T14:59:00.000Z', lastError: null, consecutiveFailures: 0, retriesLastDay: 0, intervalSeconds: 300,
    components: [], activeIncidents: [], maintenances: [], warnings: [], ...extra,
  };
}

function state(extra: Partial<EngineState> = {}): EngineState {
  return { connectivity: 'online', worst: 'operational', vendorCount: 2, lastCycleAt: '2026-11-30T14:59:00.000Z', progress: null, ...extra };
}

const github = vendor('github', 'GitHub', { level: 'partial_outage', activeIncidents: [incident('gh1', 'major', 'Incident with Actions')] });
const stripe = vendor('stripe', 'Stripe', { level: 'degraded', activeIncidents: [incident('st1', 'minor')] });
const slack = vendor('slack', 'Slack');

const labels = (items: MenuItem[]): string[] => items.map((i) => (i.kind === 'separator' ? '—' : i.label));

describe('tray icon, tooltip and menu', () => {
  it('shows the worst level with a count and names each troubled vendor with its worst impact', () => {
    const vendors = [slack, stripe, github];
    const view = trayView(state({ worst: 'partial_outage', vendorCount: 3 }), vendors);
    expect(view).toEqual({ state: 'partial_outage', incidents: 2 });
    expect(trayTooltip(view, vendors)).toBe('2 vendors with incidents: GitHub (major), Stripe (minor)');
    expect(trayIconFile(view.state, { platform: 'linux', size: 16, scale: 1, count: view.incidents })).toBe('tray/badge/partial_outage-2.png');
    const menu = trayMenu({ view, vendors, settings: emptySettings(), launchAtLogin: false, now: NOW });
    expect(labels(menu).slice(0, 4)).toEqual(['2 active incidents', '—', 'GitHub: Incident with Actions', 'Stripe: Incident st1']);
    const open = menu.find((i) => i.kind === 'item' && i.label === 'GitHub: Incident with Actions');
    expect(open).toMatchObject({ action: { type: 'open', route: '#/vendor/github/incident/gh1' } });
    const vendorsMenu = menu.find((i) => i.kind === 'submenu' && i.label === 'Vendors');
    expect(vendorsMenu?.kind === 'submenu' && labels(vendorsMenu.items)).toEqual(['GitHub: Partial outage', 'Stripe: Degraded performance', 'Slack: Operational']);
  });

  it('says offline as offline, never as an outage, even when the last known levels were bad', () => {
    const vendors = [github, vendor('slack', 'Slack', { stale: true, health: 'stale' })];
    const view = trayView(state({ connectivity: 'offline', worst: 'partial_outage' }), vendors);
    expect(view.state).toBe('offline');
    expect(trayTooltip(view, vendors)).toBe('Upstream: you are offline; showing the last known status');
    expect(labels(trayMenu({ view, vendors, settings: null, launchAtLogin: false, now: NOW }))[0]).toBe('You are offline');
    expect(trayIconFile(view.state, { platform: 'darwin', size: 16, scale: 2 })).toBe('tray/mac/offlineTemplate@2x.png');
  });

  it('marks stale vendors in the tooltip and the vendor list', () => {
    const vendors = [slack, vendor('aws', 'AWS', { stale: true, health: 'stale' })];
    const view = trayView(state(), vendors);
    expect(view).toEqual({ state: 'operational', incidents: 0 });
    expect(trayTooltip(view, vendors)).toBe('Upstream: all 2 vendors operational (1 not read lately)');
    const sub = trayMenu({ view, vendors, settings: null, launchAtLogin: false, now: NOW }).find((i) => i.kind === 'submenu' && i.label === 'Vendors');
    expect(sub?.kind === 'submenu' && labels(sub.items)).toContain('AWS: Operational (stale)');
  });

  it('is unknown before any read and with nothing watched', () => {
    const pending = vendor('slack', 'Slack', { health: 'pending', level: 'unknown', lastPollAt: null, lastSuccessAt: null });
    expect(trayView(state(), [pending]).state).toBe('unknown');
    expect(trayTooltip(trayView(state(), [pending]), [pending])).toBe('Upstream: checking 1 vendor…');
    expect(trayView(state({ vendorCount: 0 }), []).state).toBe('unknown');
    expect(trayTooltip(trayView(null, []), [])).toBe('Upstream: no vendors watched yet');
    expect(labels(trayMenu({ view: trayView(null, []), vendors: [], settings: null, launchAtLogin: false, now: NOW }))).toEqual([
      'No vendors watched yet', '—', 'Refresh now', 'Pause notifications', '—', 'Open Upstream', 'Settings…', 'Launch at login', '—', 'Quit Upstream',
    ]);
  });

  it('keeps the tooltip under Windows\' 127 characters, ending with "and N more"', () => {
    const many = Array.from({ length: 12 }, (_, n) => vendor(`v${n}`, `Vendor With A Long Name ${n}`, { level: 'major_outage', activeIncidents: [incident(`i${n}`, 'critical')] }));
    const text = trayTooltip(trayView(state({ worst: 'major_outage' }), many), many);
    expect(text.length).toBeLessThanOrEqual(127);
    expect(text).toMatch(/^12 vendors with incidents: Vendor With A Long Name 0 \(critical\), .*and \d+ more$/);
  });

  it('offers pause for an hour or until tomorrow 08:00, and resume only while paused', () => {
    const settings = emptySettings();
    const view = trayView(state(), [slack]);
    const pause = (s = settings) => trayMenu({ view, vendors: [slack], settings: s, launchAtLogin: true, now: NOW }).find((i) => i.kind === 'submenu' && /ause/.test(i.label))!;
    const open = pause();
    expect(open.kind === 'submenu' && open.items.map((i) => (i.kind === 'item' ? [i.label, i.enabled, i.action] : []))).toEqual([
      ['For 1 hour', true, { type: 'pause', minutes: 60 }],
      ['Until tomorrow morning', true, { type: 'pause', minutes: minutesUntilTomorrowMorning(NOW) }],
      ['Resume notifications', false, { type: 'resume' }],
    ]);
    const paused = pause({ ...settings, notifications: { ...settings.notifications, snoozes: [{ vendorId: null, until: '2026-11-30T16:00:00.000Z' }] } });
    expect(paused.kind === 'submenu' && paused.label).toMatch(/^Notifications paused until /);
    expect(paused.kind === 'submenu' && paused.items[2]).toMatchObject({ label: 'Resume notifications', enabled: true });
    expect(trayMenu({ view, vendors: [slack], settings, launchAtLogin: true, now: NOW }).find((i) => i.kind === 'checkbox')).toEqual({
      kind: 'checkbox', label: 'Launch at login', checked: true, action: { type: 'launch-at-login', enabled: false },
    });
  });

  it('points at an icon file that exists for every state, platform and count the tray can show', () => {
    for (const s of ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown', 'offline'] as const) {
      for (const platform of ['linux', 'win32', 'darwin'] as const) {
        for (const count of [0, 1, 12]) expect(existsSync(join(REPO_ROOT, 'assets', trayIconFile(s, { platform, size: 16, scale: 1, count }))), `${s} ${platform} ${count}`).toBe(true);
      }
    }
  });
});
