import type { Settings } from '../../../shared/contract/settings.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import { rankOf, STATUS_LABELS } from '../../../shared/model/index.ts';
import type { TrayView } from './state.ts';

/** What a menu item does; main turns these into calls (plain data, so the menu is testable). */
export type MenuAction =
  | { type: 'open'; route: string }
  | { type: 'refresh' }
  | { type: 'pause'; minutes: number }
  | { type: 'resume' }
  | { type: 'launch-at-login'; enabled: boolean }
  | { type: 'quit' };

export type MenuItem =
  | { kind: 'item'; label: string; enabled: boolean; action?: MenuAction }
  | { kind: 'checkbox'; label: string; checked: boolean; action: MenuAction }
  | { kind: 'submenu'; label: string; items: MenuItem[] }
  | { kind: 'separator' };

export interface MenuInputs {
  view: TrayView;
  vendors: readonly VendorView[];
  settings: Settings | null;
  launchAtLogin: boolean;
  /** Now, for the pause state and "until tomorrow". */
  now: Date;
}

const SHOWN_VENDORS = 12;
const SHOWN_INCIDENTS = 8;
const SHOWN_MAINTENANCE = 5;
const enc = encodeURIComponent;

/** Minutes from `now` until tomorrow 08:00 local time: "pause until tomorrow". */
export function minutesUntilTomorrowMorning(now: Date): number {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(8, 0, 0, 0);
  return Math.max(1, Math.round((next.getTime() - now.getTime()) / 60_000));
}

/** The global snooze in force, if any (a vendorId of null silences every vendor). */
export function pausedUntil(settings: Settings | null, now: Date): Date | null {
  const until = settings?.notifications.snoozes.filter((s) => s.vendorId === null).map((s) => Date.parse(s.until)).filter((t) => t > now.getTime());
  return until?.length ? new Date(Math.max(...until)) : null;
}

/**
 * The tray menu, rebuilt on every change (Linux shows a menu only as it was last set): vendors
 * with their status, active incidents that open their page, upcoming maintenance, Refresh now,
 * Pause notifications, Open Upstream, Settings, Launch at login, Quit.
 */
export function trayMenu(input: MenuInputs): MenuItem[] {
  const { vendors, now } = input;
  const items: MenuItem[] = [];
  const headline = input.view.state === 'offline' ? 'You are offline' : input.view.incidents > 0
    ? `${input.view.incidents} active incident${input.view.incidents === 1 ? '' : 's'}`
    : vendors.length === 0 ? 'No vendors watched yet' : 'All systems operational';
  items.push({ kind: 'item', label: headline, enabled: false });

  // Worst first, then the most recently updated.
  const severity = (impact: string): number => ['none', 'minor', 'major', 'critical'].indexOf(impact);
  const incidents = vendors.flatMap((v) => v.activeIncidents.map((i) => ({ v, i })))
    .sort((a, b) => severity(b.i.impact) - severity(a.i.impact) || (b.i.updates.at(-1)?.at ?? b.i.startedAt).localeCompare(a.i.updates.at(-1)?.at ?? a.i.startedAt));
  if (incidents.length) {
    items.push({ kind: 'separator' });
    for (const { v, i } of incidents.slice(0, SHOWN_INCIDENTS)) {
      items.push({ kind: 'item', label: truncate(`${v.source.name}: ${i.title}`), enabled: true, action: { type: 'open', route: `#/vendor/${enc(v.source.id)}/incident/${enc(i.id)}` } });
    }
    if (incidents.length > SHOWN_INCIDENTS) items.push({ kind: 'item', label: `${incidents.length - SHOWN_INCIDENTS} more…`, enabled: true, action: { type: 'open', route: '#/' } });
  }

  if (vendors.length) {
    const sorted = [...vendors].sort((a, b) => rankOf(b.level) - rankOf(a.level) || a.source.name.localeCompare(b.source.name));
    const vendorItems: MenuItem[] = sorted.slice(0, SHOWN_VENDORS).map((v) => ({
      kind: 'item', enabled: true, action: { type: 'open', route: `#/vendor/${enc(v.source.id)}` },
      label: truncate(`${v.source.name}: ${v.health === 'pending' && v.level === 'unknown' ? 'not checked yet' : STATUS_LABELS[v.level]}${v.stale ? ' (stale)' : ''}`),
    }));
    if (sorted.length > SHOWN_VENDORS) vendorItems.push({ kind: 'item', label: `All ${sorted.length} vendors…`, enabled: true, action: { type: 'open', route: '#/' } });
    items.push({ kind: 'submenu', label: 'Vendors', items: vendorItems });
  }

  const horizon = now.getTime() + 7 * 86_400_000;
  const maintenance = vendors.flatMap((v) => v.maintenances.filter((m) => m.status !== 'completed' && Date.parse(m.scheduledFor) <= horizon).map((m) => ({ v, m })))
    .sort((a, b) => a.m.scheduledFor.localeCompare(b.m.scheduledFor));
  if (maintenance.length) {
    items.push({
      kind: 'submenu', label: 'Upcoming maintenance',
      items: maintenance.slice(0, SHOWN_MAINTENANCE).map(({ v, m }) => ({
        kind: 'item', enabled: true, action: { type: 'open', route: '#/calendar?view=agenda' },
        label: truncate(`${v.source.name}: ${m.title} (${m.status === 'scheduled' ? shortWhen(m.scheduledFor, now) : 'in progress'})`),
      })),
    });
  }

  items.push({ kind: 'separator' });
  items.push({ kind: 'item', label: 'Refresh now', enabled: vendors.length > 0, action: { type: 'refresh' } });
  const paused = pausedUntil(input.settings, now);
  items.push({
    kind: 'submenu', label: paused ? `Notifications paused until ${shortWhen(paused.toISOString(), now)}` : 'Pause notifications',
    items: [
      { kind: 'item', label: 'For 1 hour', enabled: true, action: { type: 'pause', minutes: 60 } },
      { kind: 'item', label: 'Until tomorrow morning', enabled: true, action: { type: 'pause', minutes: minutesUntilTomorrowMorning(now) } },
      { kind: 'item', label: 'Resume notifications', enabled: paused !== null, action: { type: 'resume' } },
    ],
  });
  items.push({ kind: 'separator' });
  items.push({ kind: 'item', label: 'Open Upstream', enabled: true, action: { type: 'open', route: '#/' } });
  items.push({ kind: 'item', label: 'Settings…', enabled: true, action: { type: 'open', route: '#/settings' } });
  items.push({ kind: 'checkbox', label: 'Launch at login', checked: input.launchAtLogin, action: { type: 'launch-at-login', enabled: !input.launchAtLogin } });
  items.push({ kind: 'separator' });
  items.push({ kind: 'item', label: 'Quit Upstream', enabled: true, action: { type: 'quit' } });
  return items;
}

/** Menu labels are one line; vendor text can be long. */
function truncate(text: string, max = 64): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function shortWhen(iso: string, now: Date): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === now.toDateString();
  const time = d.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return sameDay ? time : `${d.toLocaleDateString('en-US', { weekday: 'short' })} ${time}`;
}
