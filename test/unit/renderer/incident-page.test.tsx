// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../../shared/contract/history.ts';
import type { Incident } from '../../../shared/model/index.ts';
import { feedXmlAdapter } from '../../../electron/core/feeds/feed/adapter.ts';
import { IncidentView } from '../../../renderer/views/incident/IncidentPage.tsx';
import { SHARED_FIXTURES, SHARED_REFERENCE } from '../../support/paths.ts';
import { renderWith } from './support.tsx';

const reference = (name: string): string => readFileSync(resolve(SHARED_REFERENCE, 'incident-reports', name), 'utf8');

/** Parse's Dec 24 postmortem as our feed adapter reads it from the real 2014 capture: vendor markdown. */
function parsePostmortem(): string {
  const bytes = readFileSync(resolve(SHARED_FIXTURES, 'rss_atom/parse-statuspage-history-2014-01-09-pst-postmortem.rss'));
  const read = feedXmlAdapter.parse({ main: { url: 'https://status.parse.com/history.rss', body: bytes, contentType: 'application/rss+xml' } }, { sourceUrl: 'https://status.parse.com', fetchedAt: '2014-01-09T12:00:00.000Z' });
  if (!read.ok) throw new Error(read.error.message);
  const text = read.snapshot.incidents.find((i) => i.postmortem)?.postmortem;
  if (!text) throw new Error('no postmortem in the Parse capture');
  return text;
}

function record(incident: Partial<Incident> = {}, extra: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    vendorId: 'stripo', vendorName: 'Stripo', firstSeenAt: '2026-04-21T13:38:00.000Z', lastSeenAt: '2026-04-21T14:00:00.000Z', noLongerReported: false, seenOnFirstRead: false,
    incident: {
      id: 'inc1', title: 'Degraded performance in Plugin API Gateway affecting plugin initialization', url: 'https://status.stripo.email/incidents/inc1',
      impact: 'critical', status: 'resolved', startedAt: '2026-04-21T13:36:00.000Z', resolvedAt: '2026-04-21T13:57:00.000Z',
      components: ['API Gateway Service (plugin)'], postmortem: null,
      updates: [
        { id: 'u1', status: 'investigating', label: 'Investigating', body: 'We are currently experiencing increased response times in the Plugin API Gateway.', at: '2026-04-21T13:36:00.000Z' },
        { id: 'u2', status: 'monitoring', label: 'Monitoring', body: 'A fix has been implemented and we are monitoring the results.', at: '2026-04-21T13:51:00.000Z' },
        { id: 'u3', status: 'resolved', label: 'Resolved', body: 'The issue has been resolved.', at: '2026-04-21T13:57:00.000Z' },
      ],
      ...incident,
    },
    ...extra,
  };
}

describe('incident page', () => {
  it('shows the header an alert page shows: started, resolved, duration, detection, components', () => {
    renderWith(<IncidentView record={record()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Degraded performance in Plugin API Gateway/);
    const facts = screen.getByText('Started').closest('dl')!;
    expect(facts.textContent).toContain('Duration21 min');
    expect(facts.textContent).toMatch(/Detected by Upstream.*2 min after the vendor's start/);
    expect(within(facts).getByText('API Gateway Service (plugin)')).toBeTruthy();
    expect(screen.getByText('Critical')).toBeTruthy();
    const link = screen.getByRole('link', { name: /View on Stripo's status page/ });
    expect(link.getAttribute('href')).toBe('https://status.stripo.email/incidents/inc1');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('lists every update with its stage and the time since the previous one, and flips the order on request, remembered', async () => {
    const user = userEvent.setup();
    const view = renderWith(<IncidentView record={record()} />);
    const oldest = screen.getByRole('list', { name: 'Updates, oldest first' });
    const items = within(oldest).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.stage')?.textContent)).toEqual(['Investigating', 'Monitoring', 'Resolved']);
    expect(items[1]!.textContent).toContain('+15 min after Investigating');
    expect(items[2]!.textContent).toContain('+6 min after Monitoring');
    await user.click(screen.getByRole('button', { name: 'Newest first' }));
    const newest = screen.getByRole('list', { name: 'Updates, newest first' });
    expect(within(newest).getAllByRole('listitem').map((li) => li.querySelector('.stage')?.textContent)).toEqual(['Resolved', 'Monitoring', 'Investigating']);
    view.unmount();
    renderWith(<IncidentView record={record()} />);
    expect(screen.getByRole('list', { name: 'Updates, newest first' })).toBeTruthy();
  });

  it('says when the vendor has posted nothing yet, and when it stopped listing an unresolved incident', () => {
    renderWith(<IncidentView record={record({ updates: [], status: 'investigating', resolvedAt: null }, { noLongerReported: true })} />);
    expect(screen.getByText('The vendor has not posted an update yet.')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/stopped listing this incident without marking it resolved/);
    expect(screen.getByText(/so far$/)).toBeTruthy();
  });

  it('says an incident an active-only feed stopped listing is over since then, without the vendor\'s word', () => {
    renderWith(<IncidentView record={record({}, { noLongerReported: true })} />);
    expect(screen.getByRole('note').textContent).toMatch(/lists only what is ongoing.*over since then.*no resolution of its own/);
  });

  it('reads a narrative postmortem (Stripe 2015) as prose paragraphs', () => {
    const text = reference('stripe-2015-postmortem.txt');
    renderWith(<IncidentView record={record({ postmortem: text })} />);
    const pm = document.querySelector('[data-kind]')!;
    expect(pm.getAttribute('data-kind')).toBe('narrative');
    expect(pm.querySelectorAll('p').length).toBeGreaterThanOrEqual(6);
    expect(pm.textContent).toContain('a database index operation resulted in approximately 90 minutes');
    expect(pm.querySelectorAll('h3, h4').length).toBe(0);
  });

  it('reads a structured postmortem (Stripe 2019) as its sections, with the action items as a list', () => {
    const text = reference('stripe-2019-structured-postmortem.txt');
    renderWith(<IncidentView record={record({ postmortem: text })} />);
    const pm = document.querySelector('[data-kind]')!;
    expect(pm.getAttribute('data-kind')).toBe('structured');
    expect([...pm.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(expect.arrayContaining(['Summary', 'Impact', 'Root cause', 'Resolution', 'Lessons', 'Action items']));
    const actions = screen.getByRole('region', { name: 'Action items' });
    expect(within(actions).getAllByRole('listitem').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('region', { name: 'Root cause' }).textContent).toContain('failover election protocol');
  });

  it('renders a vendor\'s markdown postmortem (Parse 2013, from the real feed) as markdown', () => {
    renderWith(<IncidentView record={record({ postmortem: parsePostmortem() })} />);
    const pm = document.querySelector('[data-kind]')!;
    expect(pm.getAttribute('data-kind')).toBe('markdown');
    expect(pm.querySelector('h4')?.textContent).toBe('Summary of the December 24 Parse Service Disruption');
    expect(pm.textContent).not.toContain('# Summary');
  });

  it('shows hostile update text as text: no script, no javascript: or file: link, no image loaded', () => {
    const hostile = [
      '<script>window.__pwned = 1</script>',
      '<img src="x" onerror="window.__pwned = 2">',
      '[click me](javascript:window.__pwned=3)',
      '[passwords](file:///etc/passwd)',
      '![tracker](https://evil.example/pixel.png)',
      '<a href="javascript:alert(1)">raw link</a>',
    ].join('\n\n');
    renderWith(<IncidentView record={record({ updates: [{ id: 'x', status: 'investigating', label: 'Investigating', body: hostile, at: '2026-04-21T13:36:00.000Z' }], postmortem: hostile })} />);
    expect(document.querySelectorAll('script, img, iframe, object').length).toBe(0);
    expect(document.querySelectorAll('[onerror]').length).toBe(0);
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => !/^(https?:|#)/.test(h))).toEqual([]);
    expect(screen.getAllByText(/<script>window.__pwned = 1<\/script>/).length).toBeGreaterThan(0);
    expect(screen.getAllByText('click me')[0]!.closest('a')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
