// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MaintenanceQuery, MaintenanceRecord } from '../../../shared/contract/history.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import type { Maintenance } from '../../../shared/model/index.ts';
import { useRoute } from '../../../renderer/app/routes.ts';
import { useEngine } from '../../../renderer/stores/engine.ts';
import { Calendar } from '../../../renderer/views/calendar/Calendar.tsx';
import { renderWith } from './support.tsx';

/*
 * The maintenance calendar, in the zone the e2e browser uses (Europe/Berlin, UTC+1 in November),
 * on Monday 30 November 2026 at 13:00 local. November 2026 begins on a Sunday, so its grid runs
 * from Monday 26 October to Sunday 6 December.
 */
const previousTz = process.env.TZ;
process.env.TZ = 'Europe/Berlin';
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const NOW = '2026-11-30T12:00:00.000Z';

function vendor(id: string, name: string): VendorView {
  return {
    source: { id, name, url: `https://status.${id}.example`, platform: 'statuspage', adapter: 'statuspage-json', base: `https://status.${id}.example` },
    level: 'operational', description: 'All Systems Operational', health: 'ok', stale: false, lastPollAt: NOW, lastSuccessAt: NOW, lastError: null,
    consecutiveFailures: 0, retriesLastDay: 0, intervalSeconds: 300, components: [], activeIncidents: [], maintenances: [], warnings: [],
  } as unknown as VendorView;
}

const VENDORS = [vendor('github', 'GitHub'), vendor('stripe', 'Stripe')];

function rec(vendorId: string, m: Partial<Maintenance> & Pick<Maintenance, 'id' | 'title' | 'scheduledFor'>): MaintenanceRecord {
  const v = VENDORS.find((x) => x.source.id === vendorId)!;
  return {
    vendorId, vendorName: v.source.name,
    maintenance: { url: `https://status.${vendorId}.example/incidents/${m.id}`, status: 'scheduled', scheduledUntil: null, components: [], updates: [], ...m },
  };
}

/** 3 Nov 22:00 to 5 Nov 02:00 Berlin: three local days. */
const MULTI_DAY = rec('github', {
  id: 'multi', title: 'Database migration', status: 'completed', scheduledFor: '2026-11-03T21:00:00.000Z', scheduledUntil: '2026-11-05T01:00:00.000Z',
  components: ['API', 'Webhooks'],
});
/** Today 22:00 to 02:00: the brief's example window. */
const TONIGHT = rec('stripe', {
  id: 'tonight', title: 'Card network upgrade', scheduledFor: '2026-11-30T21:00:00.000Z', scheduledUntil: '2026-12-01T01:00:00.000Z',
  components: ['Payments API'],
  updates: [{ id: 'u1', status: 'scheduled', label: 'Scheduled', body: 'We will upgrade the **card network** link.', at: '2026-11-20T10:00:00.000Z' }],
});
/** Under way now (11:00 to 15:00 local today). */
const RUNNING = rec('github', {
  id: 'running', title: 'Codespaces Scheduled Maintenance', status: 'in_progress', scheduledFor: '2026-11-30T10:00:00.000Z', scheduledUntil: '2026-11-30T14:00:00.000Z',
  components: ['Codespaces'],
  updates: [
    { id: 'r1', status: 'scheduled', label: 'Scheduled', body: 'Codespaces will be **unavailable** during the window.', at: '2026-11-25T09:00:00.000Z' },
    { id: 'r2', status: 'in_progress', label: 'In progress', body: 'Scheduled maintenance is currently in progress.', at: '2026-11-30T10:00:00.000Z' },
  ],
});
/** Five short windows on 12 Nov: more than a day shows. */
const BUSY = ['08', '09', '10', '11', '12'].map((h, i) => rec(i % 2 ? 'stripe' : 'github', {
  id: `busy${i}`, title: `Busy window ${i + 1}`, scheduledFor: `2026-11-12T${h}:00:00.000Z`, scheduledUntil: `2026-11-12T${h}:30:00.000Z`,
}));
/** Open end, next week. */
const OPEN_END = rec('stripe', { id: 'open', title: 'Dashboard maintenance', scheduledFor: '2026-12-07T08:00:00.000Z' });

const ALL = [MULTI_DAY, ...BUSY, RUNNING, TONIGHT, OPEN_END];

/** The fake engine: the stored maintenances a query window (and vendor) selects, as the store does. */
function list(records: MaintenanceRecord[]) {
  return (q: MaintenanceQuery) => records.filter((r) => (!q.vendorId || r.vendorId === q.vendorId)
    && r.maintenance.scheduledFor < q.to && (r.maintenance.scheduledUntil ?? r.maintenance.scheduledFor) >= q.from);
}

/** The calendar as the app routes it: the hash is the source of its parameters. */
function Routed() {
  const route = useRoute();
  return route.name === 'calendar' ? <Calendar params={route.params} /> : <p>elsewhere</p>;
}

function show(hash: string, records: MaintenanceRecord[] = ALL, more: Parameters<typeof renderWith>[1] = {}) {
  window.location.hash = hash;
  useEngine.setState({ vendors: VENDORS });
  return renderWith(<Routed />, { maintenances: { list: list(records), ...more.maintenances } });
}

function dayCell(label: string): HTMLTableCellElement {
  const cell = screen.getByText(label, { selector: '.visually-hidden' }).closest('td');
  if (!cell) throw new Error(`no cell for ${label}`);
  return cell;
}

beforeAll(() => {
  // jsdom has <dialog> but not its methods: model what browsers do (open, focus inside, close event).
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    this.querySelector<HTMLElement>('button, a[href]')?.focus();
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(NOW));
});

afterEach(() => {
  vi.useRealTimers();
  useEngine.setState({ vendors: [] });
  window.location.hash = '';
});

describe('maintenance calendar: month', () => {
  it('lays the month out in Monday-first weeks, each day under its weekday, today marked', async () => {
    show('#/calendar?month=2026-11');
    const grid = await screen.findByRole('table', { name: 'November 2026' });
    const heads = within(grid).getAllByRole('columnheader').map((th) => th.querySelector('.visually-hidden')?.textContent);
    expect(heads).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(within(grid).getAllByRole('row')).toHaveLength(1 + 6);
    // 1 Nov 2026 is a Sunday; the 30th a Monday; 26 Oct fills the first Monday.
    expect(dayCell('Sunday, November 1').cellIndex).toBe(6);
    expect(dayCell('Monday, November 30').cellIndex).toBe(0);
    expect(dayCell('Monday, October 26').classList.contains('calendar-day-outside')).toBe(true);
    const today = dayCell('Monday, November 30');
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(within(today).getByText('Today')).toBeTruthy();
    expect(grid.querySelectorAll('[aria-current="date"]')).toHaveLength(1);
  });

  it('shows a window on every day it covers, saying when on each', async () => {
    show('#/calendar?month=2026-11');
    await screen.findAllByRole('button', { name: /Database migration/ });
    const entry = (label: string) => within(dayCell(label)).getByRole('button', { name: /Database migration/ });
    expect(entry('Tuesday, November 3').textContent).toMatch(/^22:00/);
    expect(entry('Wednesday, November 4').textContent).toMatch(/^all day/);
    expect(entry('Thursday, November 5').textContent).toMatch(/^until 02:00/);
    expect(within(dayCell('Monday, November 2')).queryByRole('button', { name: /Database migration/ })).toBeNull();
    expect(within(dayCell('Friday, November 6')).queryByRole('button', { name: /Database migration/ })).toBeNull();
    // Tonight's 22:00-02:00 window spills into 1 December, shown in the grid's last week.
    expect(within(dayCell('Tuesday, December 1')).getByRole('button', { name: /Card network upgrade/ }).textContent).toMatch(/^until 02:00/);
  });

  it('highlights a window under way with a distinct style and the words "In progress"', async () => {
    show('#/calendar?month=2026-11');
    const running = await within(dayCell('Monday, November 30')).findByRole('button', { name: /Codespaces Scheduled Maintenance/ });
    expect(running.classList.contains('calendar-entry-now')).toBe(true);
    expect(within(running).getByText('In progress').className).toBe('calendar-entry-state');
    const planned = within(dayCell('Monday, November 30')).getByRole('button', { name: /Card network upgrade/ });
    expect(planned.classList.contains('calendar-entry-now')).toBe(false);
    expect(within(planned).getByText('Scheduled').className).toBe('visually-hidden');
  });

  it('shows "+N more" when a day is full, and the rest on request', async () => {
    const user = userEvent.setup();
    show('#/calendar?month=2026-11');
    const busy = () => dayCell('Thursday, November 12');
    await within(busy()).findByRole('button', { name: /Busy window 1/ });
    expect(within(busy()).getAllByRole('button', { name: /Busy window/ }).map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^09:00.*Busy window 1/), expect.stringMatching(/^10:00.*Busy window 2/),
    ]);
    const more = within(busy()).getByRole('button', { name: /^\+3 more/ });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(within(busy()).getAllByRole('button', { name: /Busy window/ })).toHaveLength(5);
    expect(within(busy()).getByRole('button', { name: /^Show fewer/ }).getAttribute('aria-expanded')).toBe('true');
  });

  it('moves between months with Previous, Next and Today, keeping the month in the address', async () => {
    const user = userEvent.setup();
    const view = show('#/calendar');
    await screen.findByRole('heading', { level: 2, name: 'November 2026' });
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'December 2026' })).toBeTruthy();
    expect(window.location.hash).toBe('#/calendar?view=month&month=2026-12');
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'October 2026' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'November 2026' })).toBeTruthy();
    // The grid's whole span is read: Monday 26 Oct 00:00 to Monday 7 Dec 00:00, Berlin.
    expect(view.calls.filter((c) => c.channel === 'maintenances.list').at(-1)!.request).toEqual({ from: '2026-10-25T23:00:00.000Z', to: '2026-12-06T23:00:00.000Z' });
  });

  it('says when a month has no maintenance, and offers the agenda', async () => {
    const user = userEvent.setup();
    show('#/calendar?month=2027-02');
    expect(await screen.findByText('No maintenance scheduled in February 2027.')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'February 2027' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'See everything coming up in the agenda' }));
    expect(window.location.hash).toBe('#/calendar?view=agenda&month=2027-02');
  });
});

describe('maintenance calendar: agenda', () => {
  it('lists windows from today forward, grouped by day in order, each with vendor, window, duration, status and components', async () => {
    const user = userEvent.setup();
    const view = show('#/calendar?month=2026-11');
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Agenda' }));
    expect(window.location.hash).toBe('#/calendar?view=agenda&month=2026-11');
    expect(screen.getByRole('button', { name: 'Agenda' }).getAttribute('aria-pressed')).toBe('true');
    const agenda = await screen.findByRole('list', { name: /Upcoming maintenance by day/ });
    expect(view.calls.at(-1)).toEqual({ channel: 'maintenances.list', request: { from: '2026-11-29T23:00:00.000Z', to: '2027-11-29T23:00:00.000Z' } });
    const days = within(agenda).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(days).toEqual(['Today Monday, November 30', 'Monday, December 7']);
    const today = within(agenda).getByRole('listitem', { name: /Today/ });
    const titles = within(today).getAllByRole('button').map((b) => b.textContent);
    expect(titles).toEqual(['GitHub: Codespaces Scheduled Maintenance', 'Stripe: Card network upgrade']);
    const tonight = within(today).getAllByRole('listitem').find((li) => li.textContent?.includes('Card network upgrade'))!;
    expect(tonight.textContent).toContain('Stripe');
    expect(tonight.textContent).toContain('Nov 30, 22:00 – 02:00 UTC+1');
    expect(tonight.textContent).toContain('4 h');
    expect(tonight.textContent).toContain('Scheduled');
    expect(within(tonight).getByRole('list', { name: 'Affected components' }).textContent).toBe('Payments API');
    const running = within(today).getAllByRole('listitem').find((li) => li.textContent?.includes('Codespaces'))!;
    expect(running.classList.contains('calendar-agenda-now')).toBe(true);
    expect(within(running).getByText('In progress')).toBeTruthy();
    const open = within(agenda).getByRole('listitem', { name: /December 7/ });
    expect(open.textContent).toContain('Dec 7, 09:00 UTC+1, end not announced');
    // The multi-day window of 3 Nov is past: not listed from today on.
    expect(agenda.textContent).not.toContain('Database migration');
  });

  it('shows past maintenance on request, most recent first', async () => {
    const user = userEvent.setup();
    const view = show('#/calendar?view=agenda');
    await screen.findByRole('list', { name: /Upcoming maintenance/ });
    await user.click(screen.getByRole('button', { name: 'Past' }));
    const past = await screen.findByRole('list', { name: /Past maintenance by day, most recent first/ });
    expect(view.calls.at(-1)!.request).toEqual({ from: '1970-01-01T00:00:00.000Z', to: '2026-11-29T23:00:00.000Z' });
    const days = within(past).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(days).toEqual(['Thursday, November 12', 'Tuesday, November 3']);
    expect(window.location.hash).toBe('#/calendar?view=agenda&when=past');
  });
});

describe('maintenance calendar: detail', () => {
  it('opens a dialog with every update, closes on Escape and gives focus back to the entry', async () => {
    const user = userEvent.setup();
    show('#/calendar?month=2026-11');
    const entry = await within(dayCell('Monday, November 30')).findByRole('button', { name: /Codespaces Scheduled Maintenance/ });
    await user.click(entry);
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('calendar-dialog-title');
    // Focus starts on Close, not on the external link.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Codespaces Scheduled Maintenance');
    expect(dialog.textContent).toContain('GitHub maintenance');
    expect(dialog.textContent).toContain('Nov 30, 11:00 – 15:00 UTC+1');
    expect(dialog.textContent).toContain('Duration4 h');
    expect(within(dialog).getByText('Codespaces', { selector: '.tags li' })).toBeTruthy();
    const updates = within(dialog).getByRole('list', { name: 'Updates, oldest first' });
    const items = within(updates).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.stage')?.textContent)).toEqual(['Scheduled', 'In progress']);
    expect(items[0]!.textContent).toContain('Nov 25, 10:00 UTC+1');
    // Vendor text goes through <Markdown>: emphasis rendered, never raw HTML.
    expect(within(items[0]!).getByText('unavailable').tagName).toBe('STRONG');
    const link = within(dialog).getByRole('link', { name: "View on GitHub's status page" });
    expect(link.getAttribute('href')).toBe('https://status.github.example/incidents/running');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');

    await user.keyboard('{Escape}');
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(entry);
  });

  it('opens from the keyboard, says when the end was not announced, and shows no link the vendor did not give safely', async () => {
    const user = userEvent.setup();
    show('#/calendar?view=agenda', [{ ...OPEN_END, maintenance: { ...OPEN_END.maintenance, url: 'javascript:alert(1)' } }]);
    const title = await screen.findByRole('button', { name: 'Stripe: Dashboard maintenance' });
    title.focus();
    await user.keyboard('{Enter}');
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('End not announced');
    expect(dialog.textContent).toContain('The vendor has posted no update yet.');
    expect(within(dialog).queryByRole('link')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(title);
  });
});

describe('maintenance calendar: filter and export', () => {
  it('filters by vendor through the query, and remembers it in the address', async () => {
    const user = userEvent.setup();
    const view = show('#/calendar?month=2026-11');
    await screen.findAllByRole('button', { name: /Busy window/ });
    const select = screen.getByRole('combobox', { name: 'Vendor' });
    expect((select as HTMLSelectElement).value).toBe('');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All vendors', 'GitHub', 'Stripe']);
    await user.selectOptions(select, 'Stripe');
    await waitFor(() => expect(view.calls.at(-1)!.request).toMatchObject({ vendorId: 'stripe' }));
    expect(window.location.hash).toBe('#/calendar?view=month&month=2026-11&vendor=stripe');
    await waitFor(() => expect(screen.queryByRole('button', { name: /Codespaces/ })).toBeNull());
    expect(screen.getAllByRole('button', { name: /Card network upgrade/ }).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('November 2026 for Stripe');
  });

  it('exports the month shown as an .ics file, downloaded through a temporary link', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:calendar-test';
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    const clicks: { download: string; href: string; attached: boolean }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, attached: this.isConnected });
    });
    const ics = vi.fn((q: MaintenanceQuery) => ({ filename: `upstream-maintenance${q.vendorId ? `-${q.vendorId}` : ''}.ics`, text: 'BEGIN:VCALENDAR\r\nSUMMARY:Stripe: Card network upgrade\r\nEND:VCALENDAR\r\n' }));
    const view = show('#/calendar?month=2026-11&vendor=stripe', ALL, { maintenances: { ics } });
    await screen.findAllByRole('button', { name: /Card network upgrade/ });
    await user.click(screen.getByRole('button', { name: 'Export .ics' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    // The month itself (1 Nov to 1 Dec, Berlin), not the grid's spill-over days.
    expect(view.calls.find((c) => c.channel === 'maintenances.ics')!.request).toEqual({ from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', vendorId: 'stripe' });
    expect(clicks[0]).toEqual({ download: 'upstream-maintenance-stripe.ics', href: 'blob:calendar-test', attached: true });
    expect(created[0]!.type).toBe('text/calendar;charset=utf-8');
    expect(await created[0]!.text()).toContain('SUMMARY:Stripe: Card network upgrade');
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => expect(revoked).toEqual(['blob:calendar-test']), { timeout: 3_000 });
    click.mockRestore();
  });

  it('exports the next 365 days from the agenda', async () => {
    const user = userEvent.setup();
    URL.createObjectURL = () => 'blob:agenda';
    URL.revokeObjectURL = () => undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const view = show('#/calendar?view=agenda', ALL, { maintenances: { ics: () => ({ filename: 'upstream-maintenance.ics', text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }) } });
    await screen.findByRole('list', { name: /Upcoming maintenance/ });
    await user.click(screen.getByRole('button', { name: 'Export .ics' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(view.calls.find((c) => c.channel === 'maintenances.ics')!.request).toEqual({ from: '2026-11-29T23:00:00.000Z', to: '2027-11-29T23:00:00.000Z' });
    click.mockRestore();
  });
  it('says when the file could not be made, and offers to try again', async () => {
    const user = userEvent.setup();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    show('#/calendar?month=2026-11', ALL, { maintenances: { ics: () => fail('internal', 'disk full') } });
    await screen.findAllByRole('button', { name: /Card network upgrade/ });
    await user.click(screen.getByRole('button', { name: 'Export .ics' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The calendar file could not be made.');
    expect(alert.textContent).toContain('disk full');
    expect(click).not.toHaveBeenCalled();
    click.mockRestore();
  });
});

describe('maintenance calendar: states', () => {
  it('sends a person with no vendors to Settings', () => {
    window.location.hash = '#/calendar';
    renderWith(<Routed />, {});
    expect(screen.getByText('No vendors watched yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add vendors in Settings' }).getAttribute('href')).toBe('#/settings?section=vendors');
  });

  it('says when maintenance could not be read, and tries again on request', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    show('#/calendar?month=2026-11', ALL, {
      maintenances: { list: () => (attempts++ === 0 ? fail('internal', 'database is locked') : [RUNNING]) },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Maintenance could not be read.');
    expect(alert.textContent).toContain('database is locked');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: /Codespaces/ })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows loading while the first answer is on its way', async () => {
    let answer: (v: MaintenanceRecord[]) => void = () => undefined;
    show('#/calendar?month=2026-11', ALL, { maintenances: { list: () => new Promise<MaintenanceRecord[]>((r) => (answer = r)) } });
    expect(await screen.findByText(/Loading maintenance/)).toBeTruthy();
    await act(async () => answer([RUNNING]));
    expect(await screen.findByRole('button', { name: /Codespaces/ })).toBeTruthy();
    expect(screen.queryByText(/Loading maintenance/)).toBeNull();
  });
});
