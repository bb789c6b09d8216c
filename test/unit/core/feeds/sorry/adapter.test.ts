import { describe, expect, it } from 'vitest';
import { sorryAdapter } from '../../../../../electron/core/feeds/sorry/adapter.ts';
import { ctx, doc, errorKindOf, own, snapshotOf } from '../json-adapter-support.ts';

/** Hand-written fixtures (test/fixtures/sorry) following Sorry's documented API fields. */
const SOURCE = 'https://status.acme.test/';

describe('Sorry page API', () => {
  const s = snapshotOf(sorryAdapter.parse({ components: own('sorry/components.json'), notices: own('sorry/notices.json'), page: own('sorry/page.json') }, ctx(SOURCE)));

  it('lists components under their parent, degraded above partially degraded', () => {
    expect(s.warnings).toEqual([]);
    expect(s.page).toEqual({ name: 'Acme Status', url: 'https://status.acme.test' });
    expect(s.components.map((c) => [c.name, c.group, c.status])).toEqual([
      ['Website', null, 'operational'], ['API', null, 'partial_outage'], ['EU', 'Regions', 'degraded'], ['US', 'Regions', 'operational'],
    ]);
    expect(s.status.level).toBe('partial_outage');
  });

  it('reads an unplanned notice as an incident, recovering as monitoring, updates oldest first', () => {
    const api = s.incidents.find((i) => i.id === 'n100');
    expect(api).toMatchObject({ title: 'API errors', status: 'monitoring', startedAt: '2026-05-04T09:10:00.000Z', components: ['API'], url: 'https://status.acme.test/notices/n100-api-errors' });
    expect(api?.updates.map((u) => [u.label, u.status, u.at])).toEqual([
      ['Update', 'investigating', '2026-05-04T09:12:00.000Z'], ['Recovering', 'monitoring', '2026-05-04T10:30:00.000Z'],
    ]);
  });

  it('closes a false alarm as resolved, labelled as Sorry words it', () => {
    const alarm = s.incidents.find((i) => i.id === 'n080');
    expect(alarm).toMatchObject({ status: 'resolved', resolvedAt: '2026-04-28T14:20:00.000Z' });
    expect(alarm?.updates.at(-1)).toMatchObject({ status: 'resolved', label: 'False alarm' });
  });

  it('reads a planned notice as a maintenance with its window, its synopsis as its one update', () => {
    expect(s.maintenances).toEqual([expect.objectContaining({ title: 'Network maintenance in EU', status: 'scheduled', scheduledFor: '2026-05-10T22:00:00.000Z', scheduledUntil: '2026-05-11T00:00:00.000Z', components: ['EU'] })]);
    expect(s.maintenances[0]?.updates.map((u) => u.body)).toEqual(['Brief connection drops are possible.']);
  });

  it('warns about an unknown notice state and a notices document it cannot read', () => {
    const odd = snapshotOf(sorryAdapter.parse({ components: own('sorry/components.json'), notices: doc('{"response":[{"id":"x","type":"unplanned","state":"on_fire","subject":"X"}]}') }, ctx(SOURCE)));
    expect(odd.warnings).toEqual([expect.objectContaining({ code: 'unknown_status', path: 'notices[0].state' })]);
    const broken = snapshotOf(sorryAdapter.parse({ components: own('sorry/components.json'), notices: doc('{"response":') }, ctx(SOURCE)));
    expect(broken.warnings).toEqual([expect.objectContaining({ code: 'optional_document', path: 'notices' })]);
  });

  it('refuses documents that are not Sorry components', () => {
    expect(errorKindOf(sorryAdapter.parse({ components: doc('{"response":[{"name":"A"}]}') }, ctx(SOURCE)))).toBe('wrong_format');
    expect(errorKindOf(sorryAdapter.parse({ components: doc('{"components":[]}') }, ctx(SOURCE)))).toBe('wrong_format');
  });
});
