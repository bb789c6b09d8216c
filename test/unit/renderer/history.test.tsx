// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UpstreamClient } from '../../../shared/contract/client.ts';
import type { IncidentRecord, SearchHit, VendorStats } from '../../../shared/contract/history.ts';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import type { Incident } from '../../../shared/model/index.ts';
import { useRoute } from '../../../renderer/app/routes.ts';
import { useEngine } from '../../../renderer/stores/engine.ts';
import { History } from '../../../renderer/views/history/History.tsx';
import { snippetParts } from '../../../renderer/views/history/Snippet.tsx';
import { bucketStats, chartBuckets, formatUptime } from '../../../renderer/views/history/stats-data.ts';
import { renderWith } from './support.tsx';

/*
 * The History view in New York, where local midnight is 05:00 UTC in winter and 04:00 UTC in
 * summer time (from March 8, 2026): a date range read as UTC days would be off by hours.
 */
const previousTz = process.env.TZ;
process.env.TZ = 'America/New_York';
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

function vendor(id: string, name: string): VendorView {
  return { source: { id, name, url: `https://status.${id}.example` }, level: 'operational', components: [], warnings: [] } as unknown as VendorView;
}
const VENDORS = [vendor('github', 'GitHub'), vendor('stripe', 'Stripe')];

beforeEach(() => {
  useEngine.setState({ vendors: VENDORS });
  window.history.replaceState(null, '', '#/history');
});
afterEach(() => {
  useEngine.setState({ vendors: [] });
});

/** The view as the app mounts it: its params follow the hash, so filter changes re-render it. */
function Routed(): ReactNode {
  const route = useRoute();
  return route.name === 'history' ? <History params={route.params} /> : <p>elsewhere: {route.name}</p>;
}

function at(hash: string): ReactNode {
  window.history.replaceState(null, '', hash);
  return <Routed />;
}

function hit(partial: Partial<SearchHit> = {}): SearchHit {
  return {
    vendorId: 'github', vendorName: 'GitHub', incidentId: 'inc1', title: 'Incident with Actions', impact: 'major', field: 'update',
    snippet: '…jobs were «delayed» by the «queue» backlog…', at: '2026-08-17T21:15:46.000Z', url: 'https://www.githubstatus.com/incidents/inc1', ...partial,
  };
}

function record(id: string, incident: Partial<Incident> = {}, vendorId = 'github', vendorName = 'GitHub'): IncidentRecord {
  return {
    vendorId, vendorName, firstSeenAt: '2026-08-17T21:20:00.000Z', lastSeenAt: '2026-08-17T23:00:00.000Z', noLongerReported: false, seenOnFirstRead: false,
    incident: {
      id, title: `Incident ${id}`, url: null, impact: 'minor', status: 'resolved', startedAt: '2026-08-17T21:15:00.000Z', resolvedAt: '2026-08-17T22:20:00.000Z',
      components: [], updates: [], postmortem: null, ...incident,
    },
  };
}

const none = { operational: 0, maintenance: 0, unknown: 0, degraded: 0, partial_outage: 0, major_outage: 0 };

function stats(partial: Partial<VendorStats> = {}): VendorStats {
  return {
    vendorId: 'github', vendorName: 'GitHub', incidents: 7, resolved: 6, meanMinutesToResolve: 65, medianMinutesToResolve: 42,
    months: [
      { month: '2026-09', incidents: 3, minutesByStatus: none, uptimePercent: null },
      { month: '2026-10', incidents: 4, minutesByStatus: { ...none, operational: 89_000, degraded: 100, partial_outage: 44.6 }, uptimePercent: 99.9499 },
    ],
    ...partial,
  };
}

const lastCall = (calls: { channel: string; request: unknown }[], channel: string): unknown => calls.filter((c) => c.channel === channel).at(-1)?.request;

describe('history: search', () => {
  it('marks the matched words from the snippet\'s « » as <mark>, and keeps a <script> in vendor text as text', async () => {
    const hostile = hit({ incidentId: 'inc2', title: 'Hostile <b>title</b>', field: 'postmortem', snippet: 'we saw <script>window.__pwned=1</script> in the «queue»' });
    renderWith(at('#/history?q=queue'), { history: { search: () => [hit(), hostile], stats: () => [] } });
    const results = await screen.findByRole('list', { name: 'Matches for “queue”' });
    const marks = [...results.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['delayed', 'queue', 'queue']);
    expect(results.querySelectorAll('script, b').length).toBe(0);
    expect(within(results).getByText(/<script>window.__pwned=1<\/script>/)).toBeTruthy();
    expect(within(results).getByRole('link', { name: 'Hostile <b>title</b>' }).getAttribute('href')).toBe('#/vendor/github/incident/inc2');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('splits snippets on balanced markers only: a lone French quote stays a character', () => {
    expect(snippetParts('a «b» c')).toEqual([{ text: 'a ', match: false }, { text: 'b', match: true }, { text: ' c', match: false }]);
    expect(snippetParts('il a dit « bonjour')).toEqual([{ text: 'il a dit « bonjour', match: false }]);
    expect(snippetParts('fin » puis «x»')).toEqual([{ text: 'fin » puis ', match: false }, { text: 'x', match: true }]);
  });

  it('shows for each incident the vendor, impact, where the words matched and when, in the user\'s zone', async () => {
    renderWith(at('#/history?q=queue'), {
      history: { search: () => [hit({ title: 'Queue backlog' }), hit({ title: 'Queue backlog', field: 'title', snippet: '«Queue» backlog', at: '2026-08-17T21:15:00.000Z' }), hit({ vendorId: 'stripe', vendorName: 'Stripe', incidentId: 's1', title: 'Payments slow', impact: 'critical' })], stats: () => [] },
    });
    const results = await screen.findByRole('list', { name: 'Matches for “queue”' });
    const cards = within(results).getAllByRole('listitem').filter((li) => li.classList.contains('history-hit'));
    expect(cards).toHaveLength(2);
    expect(cards[0]!.textContent).toContain('GitHub');
    expect(cards[0]!.textContent).toContain('Major');
    expect(cards[0]!.textContent).toContain('GitHub · Matched in the title and an update');
    expect(cards[0]!.textContent).toContain('In an update · ');
    // The title's match is marked in the title itself, not quoted again.
    expect(within(cards[0]!).getByRole('link', { name: 'Queue backlog' }).querySelector('mark')!.textContent).toBe('Queue');
    expect(cards[0]!.querySelectorAll('.history-snippet')).toHaveLength(1);
    // 21:15 UTC is 17:15 in New York (EDT, UTC-4).
    expect(cards[0]!.textContent).toMatch(/Aug 17, 17:15 UTC-4/);
    expect(cards[1]!.textContent).toContain('Critical');
    expect(screen.getByRole('status').textContent).toMatch(/3 matches in 2 incidents/);
  });

  it('searches as the person types (after a short pause), and at once on Enter, keeping the words in the hash', async () => {
    const user = userEvent.setup();
    const view = renderWith(at('#/history'), { history: { search: () => [hit()], stats: () => [] }, incidents: { list: () => [] } });
    const box = screen.getByRole('searchbox', { name: 'Search incidents' });
    await user.type(box, 'queue');
    expect(view.calls.some((c) => c.channel === 'history.search')).toBe(false);
    await waitFor(() => expect(lastCall(view.calls, 'history.search')).toMatchObject({ query: 'queue' }));
    expect(view.calls.filter((c) => c.channel === 'history.search')).toHaveLength(1);
    expect(window.location.hash).toBe('#/history?q=queue');
    await user.type(box, ' back{Enter}');
    expect(window.location.hash).toBe('#/history?q=queue+back');
    await waitFor(() => expect(lastCall(view.calls, 'history.search')).toMatchObject({ query: 'queue back' }));
  });
});

describe('history: filters', () => {
  it('sends vendor, impacts and the date range as local midnights (since inclusive, until the next day) to search', async () => {
    const view = renderWith(at('#/history?q=api&vendor=github&impact=critical,major&from=2026-01-01&to=2026-03-31'), { history: { search: () => [hit()], stats: () => [] } });
    await screen.findByRole('list', { name: 'Matches for “api”' });
    expect(lastCall(view.calls, 'history.search')).toEqual({
      query: 'api', vendorId: 'github', impacts: ['major', 'critical'], since: '2026-01-01T05:00:00.000Z', until: '2026-04-01T04:00:00.000Z', limit: 25,
    });
    expect(lastCall(view.calls, 'history.stats')).toEqual({ vendorId: 'github', since: '2026-01-01T05:00:00.000Z', until: '2026-04-01T04:00:00.000Z' });
    expect((screen.getByRole('combobox', { name: 'Vendor' }) as HTMLSelectElement).value).toBe('github');
    expect(screen.getByRole('button', { name: 'Critical' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Minor' }).getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-01-01');
  });

  it('changes the request as the person picks a vendor, toggles impacts and sets dates, and keeps it all in the hash', async () => {
    const user = userEvent.setup();
    const view = renderWith(at('#/history'), { incidents: { list: () => [record('a')] }, history: { stats: () => [] } });
    await screen.findByRole('link', { name: 'Incident a' });
    expect(lastCall(view.calls, 'incidents.list')).toEqual({ limit: 25, offset: 0 });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vendor' }), 'stripe');
    await user.click(screen.getByRole('button', { name: 'Major' }));
    await user.click(screen.getByRole('button', { name: 'No impact' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-07-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-07-31' } });
    await waitFor(() => expect(lastCall(view.calls, 'incidents.list')).toEqual({
      vendorId: 'stripe', impacts: ['none', 'major'], since: '2026-07-01T04:00:00.000Z', until: '2026-08-01T04:00:00.000Z', limit: 25, offset: 0,
    }));
    expect(window.location.hash).toBe('#/history?vendor=stripe&impact=major%2Cnone&from=2026-07-01&to=2026-07-31');
    await user.click(screen.getByRole('button', { name: 'Major' }));
    expect(screen.getByRole('button', { name: 'Major' }).getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(lastCall(view.calls, 'incidents.list')).toMatchObject({ impacts: ['none'] }));
  });

  it('says which filters are active when nothing matches, and "Clear filters" clears them but keeps the words', async () => {
    const user = userEvent.setup();
    const view = renderWith(at('#/history?q=api&vendor=github&impact=critical,major&from=2026-01-01&to=2026-03-31'), {
      history: { search: (r: { vendorId?: string }) => (r.vendorId ? [] : [hit()]), stats: () => [] },
    });
    expect(await screen.findByRole('heading', { name: 'No matches for “api”' })).toBeTruthy();
    const active = screen.getByRole('list', { name: 'Filters in use' });
    expect(within(active).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Vendor: GitHub', 'Impact: Major or Critical', 'Dates: Jan 1, 2026 – Mar 31, 2026',
    ]);
    const empty = screen.getByRole('heading', { name: 'No matches for “api”' }).closest('.empty') as HTMLElement;
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    expect(window.location.hash).toBe('#/history?q=api');
    await screen.findByRole('list', { name: 'Matches for “api”' });
    expect(lastCall(view.calls, 'history.search')).toEqual({ query: 'api', limit: 25 });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('');
    expect((screen.getByRole('searchbox', { name: 'Search incidents' }) as HTMLInputElement).value).toBe('api');
  });

  it('offers to clear the search when the words alone find nothing', async () => {
    const user = userEvent.setup();
    renderWith(at('#/history?q=zebra'), { history: { search: () => [], stats: () => [] }, incidents: { list: () => [record('a')] } });
    await screen.findByRole('heading', { name: 'No matches for “zebra”' });
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(await screen.findByRole('link', { name: 'Incident a' })).toBeTruthy();
    expect((screen.getByRole('searchbox', { name: 'Search incidents' }) as HTMLInputElement).value).toBe('');
  });
});

describe('history: browsing without words', () => {
  it('lists incidents newest first under their month, each linking to its page, and asks for more on request', async () => {
    const user = userEvent.setup();
    const page = (limit: number): IncidentRecord[] => Array.from({ length: limit }, (_, i) => record(`i${i}`, { startedAt: new Date(Date.UTC(2026, 7, 30 - i, 12)).toISOString(), resolvedAt: null, status: i === 0 ? 'investigating' : 'resolved' }));
    const view = renderWith(at('#/history'), { incidents: { list: (r: { limit: number }) => page(Math.min(r.limit, 40)) }, history: { stats: () => [] } });
    const first = await screen.findByRole('link', { name: 'Incident i0' });
    expect(first.getAttribute('href')).toBe('#/vendor/github/incident/i0');
    expect(screen.getByRole('heading', { name: 'August 2026' })).toBeTruthy();
    expect(first.closest('li')!.textContent).toMatch(/ongoing/);
    expect(screen.getAllByRole('link', { name: /^Incident i\d+$/ })).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'Show more incidents' }));
    await waitFor(() => expect(screen.getAllByRole('link', { name: /^Incident i\d+$/ })).toHaveLength(40));
    expect(lastCall(view.calls, 'incidents.list')).toEqual({ limit: 50, offset: 0 });
    expect(screen.getByRole('heading', { name: 'July 2026' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show more incidents' })).toBeNull();
  });

  it('explains an empty history, and sends a person without vendors to Settings', async () => {
    useEngine.setState({ vendors: [] });
    renderWith(at('#/history'), { incidents: { list: () => [] }, history: { stats: () => [] } });
    expect(await screen.findByRole('heading', { name: 'No history yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Add vendors in Settings' }).getAttribute('href')).toBe('#/settings?section=vendors');
  });

  it('shows an error with a way to try again', async () => {
    const user = userEvent.setup();
    let failing = true;
    const client = {
      incidents: { list: async () => (failing ? fail('internal', 'database is locked') : ok([record('a')])) },
      history: { stats: async () => ok([]) },
    } as unknown as UpstreamClient;
    useEngine.setState({ client, status: 'ready', revision: 0 });
    render(at('#/history'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The history could not be read.');
    expect(alert.textContent).toContain('database is locked');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Incident a' })).toBeTruthy();
  });
});

describe('history: reliability', () => {
  it('shows one vendor\'s figures and charts, with every number in a table, and says when a month has no component data', async () => {
    renderWith(at('#/history?vendor=github&from=2026-09-01&to=2026-10-31'), { incidents: { list: () => [] }, history: { stats: () => [stats()] } });
    const section = await screen.findByRole('region', { name: 'Reliability' });
    await within(section).findByText('Mean time to resolve');
    const figures = section.querySelector('dl')!;
    expect(figures.textContent).toContain('Incidents7');
    expect(figures.textContent).toContain('Mean time to resolve1 h 5 min');
    expect(figures.textContent).toContain('Median time to resolve42 min');
    const table = within(section).getByRole('table', { name: /GitHub by month/ });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Sep 2026', '3', 'no component data', '—', '—', '—', '—', '—', '—'],
      ['Oct 2026', '4', '99.94 %', '61 d 19 h', '—', '—', '1 h 40 min', '45 min', '—'],
    ]);
    expect(within(section).getByRole('img', { name: /Incidents per month at GitHub\. Sep 2026: 3, Oct 2026: 4/ })).toBeTruthy();
    expect(within(section).getByRole('img', { name: /Time in each status at GitHub.*Operational 99\.8 %.*Degraded performance 0\.11 %.*Partial outage 0\.05 %/ })).toBeTruthy();
    const uptime = within(section).getByText('Monthly uptime').closest('figure')!;
    expect(uptime.textContent).toContain('Oct 202699.94 %');
    expect(uptime.textContent).toContain('Sep 2026no component data');
    const legend = within(section).getByRole('list', { name: /Legend/ });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Partial outage0.05 %', 'Degraded performance0.11 %', 'Operational99.8 %']);
  });

  it('handles a vendor with no component data and nothing resolved', async () => {
    const empty = stats({ resolved: 0, meanMinutesToResolve: null, medianMinutesToResolve: null, months: [{ month: '2026-09', incidents: 1, minutesByStatus: none, uptimePercent: null }] });
    renderWith(at('#/history?vendor=github&from=2026-09-01&to=2026-09-30'), { incidents: { list: () => [] }, history: { stats: () => [empty] } });
    const section = await screen.findByRole('region', { name: 'Reliability' });
    await within(section).findByText('Mean time to resolve');
    expect(section.querySelector('dl')!.textContent).toContain('Uptimeno component data');
    expect(section.querySelector('dl')!.textContent).toContain('Mean time to resolve—');
    expect(within(section).getByText(/No component data for this period/)).toBeTruthy();
  });

  it('lists every vendor compactly under "All vendors", each a link to its own figures', async () => {
    const user = userEvent.setup();
    const view = renderWith(at('#/history?from=2026-09-01&to=2026-10-31'), {
      incidents: { list: () => [] },
      history: { stats: (r: { vendorId?: string }) => (r.vendorId ? [stats()] : [stats(), stats({ vendorId: 'stripe', vendorName: 'Stripe', incidents: 1, medianMinutesToResolve: 5, months: [] })]) },
    });
    const section = await screen.findByRole('region', { name: 'Reliability' });
    const table = await within(section).findByRole('table', { name: 'Reliability by vendor' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['GitHub761 h 5 min42 min99.94 %', 'Stripe161 h 5 min5 minno component data']);
    await user.click(within(section).getByRole('link', { name: /^Stripe/ }));
    await waitFor(() => expect(lastCall(view.calls, 'history.stats')).toMatchObject({ vendorId: 'stripe' }));
    expect(window.location.hash).toContain('vendor=stripe');
  });
});

describe('history: chart spans', () => {
  const month = (m: string, incidents: number) => ({ month: m, incidents, minutesByStatus: none, uptimePercent: null });
  const now = new Date('2026-11-30T12:00:00.000Z');

  it('shows up to 24 months as months, longer spans as quarters, and very long ones as years, without gaps', () => {
    const recent = chartBuckets([stats({ months: [month('2026-07', 7), month('2026-08', 18)] })], { from: '', to: '' }, now);
    expect(recent.unit).toBe('month');
    expect(recent.buckets.map((b) => b.label)).toEqual(['Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026']);

    const streamyard = stats({ months: [month('2022-02', 2), month('2022-03', 4), month('2024-02', 1)] });
    const quarters = chartBuckets([streamyard], { from: '', to: '' }, now);
    expect(quarters.unit).toBe('quarter');
    expect(quarters.buckets[0]!.label).toBe('Q1 2022');
    expect(quarters.buckets.at(-1)!.label).toBe('Q4 2026');
    expect(bucketStats(streamyard, quarters.buckets).slice(0, 10).map((b) => b.incidents)).toEqual([6, 0, 0, 0, 0, 0, 0, 0, 1, 0]);

    const parse = stats({ months: [month('2012-12', 1), month('2013-08', 5), month('2013-12', 3), month('2014-01', 1)] });
    const years = chartBuckets([parse], { from: '', to: '' }, now);
    expect(years.unit).toBe('year');
    expect(bucketStats(parse, years.buckets).map((b) => `${b.label}:${b.incidents}`).slice(0, 4)).toEqual(['2012:1', '2013:8', '2014:1', '2015:0']);
    expect(years.buckets.at(-1)!.label).toBe('2026');

    const ranged = chartBuckets([parse], { from: '2013-11-15', to: '2014-01-10' }, now);
    expect(ranged.buckets.map((b) => b.key)).toEqual(['2013-11', '2013-12', '2014-01']);
  });

  it('never rounds an uptime up to a better figure', () => {
    expect(formatUptime(99.95)).toBe('99.95 %');
    expect(formatUptime(99.999)).toBe('99.99 %');
    expect(formatUptime(100)).toBe('100 %');
    expect(formatUptime(null)).toBeNull();
  });
});

describe('history: hash', () => {
  it('keeps state across a reload: the same address gives the same page', async () => {
    const view = renderWith(at('#/history?q=queue&impact=major'), { history: { search: () => [hit()], stats: () => [] } });
    await screen.findByRole('list', { name: 'Matches for “queue”' });
    view.unmount();
    act(() => undefined);
    renderWith(at(window.location.hash), { history: { search: () => [hit()], stats: () => [] } });
    expect((screen.getByRole('searchbox', { name: 'Search incidents' }) as HTMLInputElement).value).toBe('queue');
    expect(screen.getByRole('button', { name: 'Major' }).getAttribute('aria-pressed')).toBe('true');
  });
});
