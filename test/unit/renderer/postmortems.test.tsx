// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedXmlAdapter } from '../../../electron/core/feeds/feed/adapter.ts';
import type { IncidentRecord } from '../../../shared/contract/history.ts';
import type { VendorView } from '../../../shared/contract/vendors.ts';
import type { Incident } from '../../../shared/model/index.ts';
import { useRoute } from '../../../renderer/app/routes.ts';
import { useEngine } from '../../../renderer/stores/engine.ts';
import { excerptOf, highlight, searchTerms } from '../../../renderer/views/postmortems/excerpt.ts';
import { Postmortems } from '../../../renderer/views/postmortems/Postmortems.tsx';
import { SHARED_FIXTURES } from '../../support/paths.ts';
import { renderWith } from './support.tsx';

/** Parse's Dec 24 postmortem as our feed adapter reads it from the real 2014 capture. */
function parseRecord(): IncidentRecord {
  const bytes = readFileSync(resolve(SHARED_FIXTURES, 'rss_atom/parse-statuspage-history-2014-01-09-pst-postmortem.rss'));
  const read = feedXmlAdapter.parse({ main: { url: 'https://status.parse.com/history.rss', body: bytes, contentType: 'application/rss+xml' } }, { sourceUrl: 'https://status.parse.com', fetchedAt: '2014-01-09T12:00:00.000Z' });
  if (!read.ok) throw new Error(read.error.message);
  const incident = read.snapshot.incidents.find((i) => i.postmortem);
  if (!incident) throw new Error('no postmortem in the Parse capture');
  return { vendorId: 'parse', vendorName: 'Parse', incident, firstSeenAt: '2014-01-09T12:00:00.000Z', lastSeenAt: '2014-01-09T12:00:00.000Z', noLongerReported: false, seenOnFirstRead: true };
}

const MARKDOWN_PM = [
  '**What happened**',
  'Shortly after a scheduled **certificate** rotation, two of the six gateways that connect us to the card networks stopped completing authorisation requests. See [our runbook](https://example.com/runbook) and `gateway-7`.',
  '',
  '## Root cause',
  '- The rotation job installed the new certificate before the card network had activated it.',
  '- Our health checks only verified that each gateway was _reachable_.',
].join('\n');

const STRUCTURED_PM = [
  'Summary',
  'A faulty release of our payment routing service caused every card payment to fail for 1 hour and 12 minutes.',
  '',
  'Impact',
  'All card payments attempted during the outage were declined.',
  '',
  'Root cause',
  'A missing default left the list of gateways empty.',
  '',
  'Action items',
  '- Add one command that rolls back every region at once.',
].join('\n');

function record(id: string, postmortem: string, incident: Partial<Incident> = {}): IncidentRecord {
  return {
    vendorId: 'skyline', vendorName: 'Skyline Payments', firstSeenAt: '2026-11-01T10:00:00.000Z', lastSeenAt: '2026-11-01T12:00:00.000Z', noLongerReported: false, seenOnFirstRead: false,
    incident: {
      id, title: `Incident ${id}`, url: null, impact: 'major', status: 'postmortem', startedAt: '2026-11-01T10:00:00.000Z', resolvedAt: '2026-11-01T11:12:00.000Z',
      components: [], updates: [], postmortem, ...incident,
    },
  };
}

function vendor(id: string, name: string): VendorView {
  return { source: { id, name, url: `https://status.${id}.example` }, level: 'operational', components: [], warnings: [] } as unknown as VendorView;
}

function Routed(): ReactNode {
  const route = useRoute();
  return route.name === 'postmortems' ? <Postmortems params={route.params} /> : null;
}
function at(hash: string): ReactNode {
  window.history.replaceState(null, '', hash);
  return <Routed />;
}

beforeEach(() => useEngine.setState({ vendors: [vendor('skyline', 'Skyline Payments'), vendor('parse', 'Parse')] }));
afterEach(() => useEngine.setState({ vendors: [] }));

const lastCall = (calls: { channel: string; request: unknown }[], channel: string): unknown => calls.filter((c) => c.channel === channel).at(-1)?.request;

describe('postmortems: the reading list', () => {
  it('shows each postmortem with vendor, title linking to the incident page, date, duration, impact and a plain-text excerpt', async () => {
    renderWith(at('#/postmortems'), { postmortems: { list: () => [record('md1', MARKDOWN_PM), record('st1', STRUCTURED_PM, { impact: 'critical', resolvedAt: null, status: 'identified' }), parseRecord()] } });
    const list = await screen.findByRole('list', { name: 'Reading list' });
    const entries = within(list).getAllByRole('article');
    expect(entries).toHaveLength(3);

    const md = entries[0]!;
    expect(within(md).getByRole('heading', { name: 'Incident md1' })).toBeTruthy();
    expect(within(md).getByRole('link', { name: 'Incident md1' }).getAttribute('href')).toBe('#/vendor/skyline/incident/md1');
    expect(within(md).getByRole('link', { name: 'Read the postmortem: Incident md1' }).getAttribute('href')).toBe('#/vendor/skyline/incident/md1');
    expect(md.textContent).toContain('Skyline Payments');
    expect(md.textContent).toContain('Major');
    expect(md.textContent).toContain('lasted 1 h 12 min');
    expect(md.querySelector('time')!.getAttribute('dateTime')).toBe('2026-11-01T10:00:00.000Z');
    const excerpt = md.querySelector('.pm-excerpt')!.textContent!;
    expect(excerpt).toMatch(/^What happened\. Shortly after a scheduled certificate rotation/);
    expect(excerpt).toContain('See our runbook and gateway-7.');
    expect(excerpt).toContain('Root cause. The rotation job');
    for (const marker of ['**', '##', '](', '`', '- The', '_reachable_']) expect(excerpt).not.toContain(marker);
    expect(excerpt.length).toBeLessThanOrEqual(320);
    expect(md.querySelectorAll('a').length).toBe(2);

    const st = entries[1]!;
    expect(st.querySelector('.pm-excerpt')!.textContent).toMatch(/^Summary\. A faulty release of our payment routing service/);
    expect(st.textContent).toContain('not marked resolved');
    expect(st.textContent).toContain('Critical');

    const parse = entries[2]!;
    const parseExcerpt = parse.querySelector('.pm-excerpt')!.textContent!;
    expect(parseExcerpt).toMatch(/^Summary of the December 24 Parse Service Disruption\. We would like to share some more details/);
    expect(parseExcerpt).not.toContain('#');
    expect(parseExcerpt).toMatch(/…$/);
    expect(parseExcerpt.length).toBeLessThanOrEqual(320);
  });

  it('sends the search words to postmortems.list as the person types, keeps them in the hash, and marks them in the excerpts', async () => {
    const user = userEvent.setup();
    const view = renderWith(at('#/postmortems'), {
      postmortems: { list: (r: { query?: string }) => (r.query ? [record('md1', MARKDOWN_PM)] : [record('md1', MARKDOWN_PM), record('st1', STRUCTURED_PM)]) },
    });
    await screen.findAllByRole('article');
    expect(lastCall(view.calls, 'postmortems.list')).toEqual({ limit: 20, offset: 0 });
    await user.type(screen.getByRole('searchbox', { name: 'Search postmortems' }), 'certif');
    await waitFor(() => expect(lastCall(view.calls, 'postmortems.list')).toEqual({ query: 'certif', limit: 20, offset: 0 }));
    expect(window.location.hash).toBe('#/postmortems?q=certif');
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect([...document.querySelectorAll('.pm-excerpt mark')].map((m) => m.textContent)).toEqual(['certificate', 'certificate']);
    expect(screen.getByRole('status').textContent).toBe('1 postmortem mentioning “certif”');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vendor' }), 'parse');
    await waitFor(() => expect(lastCall(view.calls, 'postmortems.list')).toEqual({ query: 'certif', vendorId: 'parse', limit: 20, offset: 0 }));
    expect(window.location.hash).toBe('#/postmortems?q=certif&vendor=parse');
  });

  it('explains that postmortems appear when vendors publish them, and says what a search that found nothing searched', async () => {
    const user = userEvent.setup();
    renderWith(at('#/postmortems?q=zebra&vendor=parse'), { postmortems: { list: (r: { query?: string; vendorId?: string }) => (r.query || r.vendorId ? [] : []) } });
    expect(await screen.findByRole('heading', { name: 'No postmortem mentions “zebra”' })).toBeTruthy();
    expect(screen.getByText(/Searched the postmortems of Parse only/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and vendor' }));
    expect(await screen.findByRole('heading', { name: 'No postmortems yet' })).toBeTruthy();
    expect(screen.getByText(/Postmortems appear here when your vendors publish them/)).toBeTruthy();
    expect((screen.getByRole('searchbox', { name: 'Search postmortems' }) as HTMLInputElement).value).toBe('');
  });

  it('shows hostile postmortem text as text', async () => {
    renderWith(at('#/postmortems'), { postmortems: { list: () => [record('x', '<script>window.__pwned=1</script> **bold** <img src=x onerror="window.__pwned=2">')] } });
    const entry = await screen.findByRole('article');
    expect(entry.querySelectorAll('script, img').length).toBe(0);
    expect(entry.querySelector('.pm-excerpt')!.textContent).toContain('<script>window.__pwned=1</script> bold <img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('postmortems: excerpts', () => {
  it('starts near the first paragraph that holds a search word', () => {
    const parts = excerptOf(parseRecord().incident.postmortem!, { terms: searchTerms('stack traces') });
    const text = parts.map((p) => p.text).join(' ');
    expect(text.startsWith('…')).toBe(true);
    expect(text).toMatch(/stack traces/);
    expect(highlight('Stack traces and a stacked trace', searchTerms('stack trace'))).toEqual([
      { text: 'Stack', match: true }, { text: ' ', match: false }, { text: 'traces', match: true }, { text: ' and a ', match: false },
      { text: 'stacked', match: true }, { text: ' ', match: false }, { text: 'trace', match: true },
    ]);
  });
});
