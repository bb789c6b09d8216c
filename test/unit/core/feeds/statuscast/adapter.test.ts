import { describe, expect, it } from 'vitest';
import { statuscastAdapter } from '../../../../../electron/core/feeds/statuscast/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

/** Hand-written fixtures (test/fixtures/statuscast) following the markup public clients read. */
const SOURCE = 'https://status.acme.test/';

describe('StatusCast page', () => {
  const s = snapshotOf(statuscastAdapter.parse({ main: own('statuscast/page.html', SOURCE), incidents: own('statuscast/incidents.html', `${SOURCE}incidents?IncidentStatus=OpenStarted`) }, ctx(SOURCE)));

  it('maps each component state class to a level', () => {
    expect(s.page.name).toBe('Acme Cloud Status');
    expect(s.components.map((c) => [c.name, c.status])).toEqual([
      ['Voice', 'operational'], ['Messaging & SMS', 'degraded'], ['Video meetings', 'major_outage'], ['Admin portal', 'maintenance'],
    ]);
    expect(s.status.level).toBe('major_outage');
  });

  it('lists the open incidents with their impact and link, and says they carry no times', () => {
    expect(s.incidents.map((i) => [i.id, i.title, i.impact, i.url])).toEqual([
      ['4821', 'Video meetings fail to connect', 'critical', 'https://status.acme.test/incidents/4821'],
      ['4822', 'Delayed SMS delivery', 'minor', 'https://status.acme.test/incidents/4822'],
    ]);
    expect(s.incidents[0]?.updates.map((u) => u.body)).toEqual(['We are investigating failures when joining video meetings.']);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'partial_page_data', path: 'incidents' })]);
  });

  it('says its incident list shows only what is open, so an incident that leaves it is over', () => {
    expect(s.source.listing).toBe('active');
  });

  it('keeps the same update id when the same text is read again later, so it is not news twice', () => {
    const later = snapshotOf(statuscastAdapter.parse({ main: own('statuscast/page.html'), incidents: own('statuscast/incidents.html') }, ctx(SOURCE, { fetchedAt: '2026-08-01T13:00:00.000Z' })));
    expect(later.incidents[0]?.updates[0]?.id).toBe(s.incidents[0]?.updates[0]?.id);
  });

  it('warns about a state word it does not know, and a status without a name', () => {
    const page = '<!DOCTYPE html><html><body><span class="status-list-component-status-text component-weird">?</span><span class="status-list-component-name">A</span><span class="status-list-component-status-text component-sparkly">Sparkly</span></body></html>';
    const odd = snapshotOf(statuscastAdapter.parse({ main: doc(page) }, ctx(SOURCE)));
    expect(odd.components).toEqual([expect.objectContaining({ name: 'A', status: 'unknown' })]);
    expect(odd.warnings.map((w) => w.code)).toEqual(['unreadable_item', 'unknown_status']);
  });

  it('refuses a page without StatusCast markup', () => {
    expect(errorKindOf(statuscastAdapter.parse({ main: doc('<!DOCTYPE html><html><body>Shop</body></html>') }, ctx(SOURCE)))).toBe('wrong_format');
    expect(errorKindOf(statuscastAdapter.parse({ main: doc('{}') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
