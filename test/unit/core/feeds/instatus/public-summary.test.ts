import { describe, expect, it } from 'vitest';
import { instatusJsonAdapter } from '../../../../../electron/core/feeds/instatus/adapter.ts';
import { INSTATUS_PAGE_LEVELS } from '../../../../../electron/core/feeds/instatus/levels.ts';
import { ctx, doc, own, snapshotOf } from '../json-adapter-support.ts';

const SOURCE = 'https://gizmo.instatus.com/';
const parse = (docs: Parameters<typeof instatusJsonAdapter.parse>[0]) => instatusJsonAdapter.parse(docs, ctx(SOURCE));
const withPage = (status: string) => doc(JSON.stringify({ page: { name: 'Gizmo', url: SOURCE, status }, activeIncidents: [], activeMaintenances: [] }));

describe('Instatus summary as documented (hand-written, instatus.com/help/api/public-data layout)', () => {
  const s = snapshotOf(parse({ summary: own('instatus/summary-js-dates.json'), components: own('instatus/components-v3-grouped.json') }));

  it('reads the JavaScript date strings the documentation shows, offset included', () => {
    expect(s.incidents.map((i) => [i.title, i.startedAt, i.updates[0]!.at])).toEqual([
      ['Checkout is failing for some cards', '2026-02-03T14:05:10.000Z', '2026-02-03T14:05:10.000Z'],
    ]);
    expect(s.maintenances.map((m) => [m.title, m.scheduledFor, m.scheduledUntil])).toEqual([
      ['Search index rebuild', '2026-02-04T22:00:00.000Z', '2026-02-04T23:30:00.000Z'],
    ]);
  });

  it('takes the id an item\'s page link ends with when the summary gives none', () => {
    expect(s.incidents[0]!.id).toBe('clgizmo00incident');
    expect(s.maintenances[0]!.id).toBe('clgizmo00maint');
  });

  it('says the summary lists only what is open now', () => {
    expect(s.source.listing).toBe('active');
  });

  it('reads grouped components and names the one whose status word it does not know', () => {
    expect(s.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Checkout', 'Payments', 'major_outage'],
      ['Refunds', 'Payments', 'operational'],
      ['Search', null, 'maintenance'],
      ['Mobile app', null, 'unknown'],
    ]);
    expect(s.warnings).toEqual([{ code: 'unknown_status', message: 'Component "Mobile app": unknown status "SOMETHINGNEW"; shown as unknown.', path: 'components[3].status' }]);
    expect(s.status.level).toBe('major_outage');
  });

  it('names the incident whose time or status it cannot read', () => {
    const broken = snapshotOf(parse({ summary: doc(JSON.stringify({
      page: { name: 'Gizmo', status: 'HASISSUES' },
      activeIncidents: [{ id: 'i1', name: 'Slow API', started: 'yesterday-ish', status: 'ESCALATED', impact: 'PARTIALOUTAGE' }],
    })) }));
    expect(broken.warnings.map((w) => [w.code, w.message])).toEqual([
      ['bad_date', 'Incident "Slow API": unreadable time "yesterday-ish".'],
      ['unknown_status', 'Incident "Slow API": unknown status "ESCALATED".'],
    ]);
    expect(broken.incidents.map((i) => [i.id, i.status])).toEqual([['i1', 'investigating']]);
  });
});

describe('Instatus page status words, compound ones included', () => {
  // The scope (ALL / SOME / ONE component) is glued to a component status word [C: Instatus API
  // clients; F: Whereby's page data "SOMEDEGRADEDPERFORMANCE"].
  const cases: [string, string][] = [['UP', 'operational'], ['HASISSUES', 'degraded'], ['UNDERMAINTENANCE', 'maintenance']];
  for (const scope of ['ALL', 'SOME', 'ONE']) {
    cases.push(
      [`${scope}UNDERMAINTENANCE`, 'maintenance'], [`${scope}DEGRADEDPERFORMANCE`, 'degraded'], [`${scope}PARTIALOUTAGE`, 'partial_outage'],
      [`${scope}MINOROUTAGE`, 'partial_outage'], [`${scope}MAJOROUTAGE`, 'major_outage'],
    );
  }

  it.each(cases)('page.status %s reads as %s, without warning', (word, level) => {
    const s = snapshotOf(parse({ summary: withPage(word) }));
    expect([s.status.level, s.warnings]).toEqual([level, []]);
  });

  it('covers the 17 words of Instatus\'s API and the documented UNDERMAINTENANCE, and no compound of "operational"', () => {
    expect(cases).toHaveLength(18);
    expect(INSTATUS_PAGE_LEVELS['ALLOPERATIONAL']).toBeUndefined();
  });

  it('reads a word in lower case as the same word', () => {
    expect(snapshotOf(parse({ summary: withPage('someMajorOutage') })).status.level).toBe('major_outage');
  });
});
