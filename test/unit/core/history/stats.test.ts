import { describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../../electron/core/history/index.ts';
import type { Component } from '../../../../shared/model/index.ts';
import { component, count, incident, poll, snapshot, storePerTest, update } from './factories.ts';

let store: HistoryStore;
storePerTest({ get: () => store, set: (opened) => { store = opened; } });

const zero = { operational: 0, maintenance: 0, unknown: 0, degraded: 0, partial_outage: 0, major_outage: 0 };

/** API degrades just before midnight UTC at the turn of the month, goes down, recovers; Web is dropped at 01:00. */
function componentSequence(): void {
  const at = (when: string, components: Component[]): void => {
    store.applyPoll(poll(when, { snapshot: snapshot({ components }) }));
  };
  at('2024-01-31T23:00:00.000Z', [component('api', 'operational'), component('web', 'operational')]);
  at('2024-01-31T23:10:00.000Z', [component('api', 'operational'), component('web', 'operational')]); // nothing changed
  at('2024-01-31T23:30:00.000Z', [component('api', 'degraded'), component('web', 'operational')]);
  store.applyPoll(poll('2024-01-31T23:45:00.000Z', { outcome: 'fetch_error', health: 'unreachable', error: 'timeout' })); // no reading, no change
  at('2024-02-01T00:15:00.000Z', [component('api', 'major_outage'), component('web', 'operational')]);
  at('2024-02-01T01:00:00.000Z', [component('api', 'operational')]);
}

describe('time in each status', () => {
  it('records one interval per status a component was in, closing it when the status changes or the component disappears', () => {
    componentSequence();
    const rows = (store.get(`SELECT json_group_array(json_array(component_id, status, from_at, to_at)) AS j
      FROM (SELECT * FROM component_intervals ORDER BY component_id, from_at)`) as { j: string }).j;
    expect(JSON.parse(rows)).toEqual([
      ['api', 'operational', '2024-01-31T23:00:00.000Z', '2024-01-31T23:30:00.000Z'],
      ['api', 'degraded', '2024-01-31T23:30:00.000Z', '2024-02-01T00:15:00.000Z'],
      ['api', 'major_outage', '2024-02-01T00:15:00.000Z', '2024-02-01T01:00:00.000Z'],
      ['api', 'operational', '2024-02-01T01:00:00.000Z', null],
      ['web', 'operational', '2024-01-31T23:00:00.000Z', '2024-02-01T01:00:00.000Z'],
    ]);
    expect(count(store, 'SELECT count(*) AS n FROM component_intervals WHERE to_at IS NULL')).toBe(1);
  });

  it('splits component-minutes by month and status, counting the open interval up to "until"', () => {
    componentSequence();
    const [github] = store.stats({ until: '2024-02-01T02:00:00.000Z' });
    expect(github?.months).toEqual([
      // Jan: API 30 min operational + 30 min degraded; Web 60 min operational. Degraded is still "up".
      { month: '2024-01', incidents: 0, minutesByStatus: { ...zero, operational: 90, degraded: 30 }, uptimePercent: 100 },
      // Feb: API 15 degraded + 45 major + 60 operational; Web 60 operational. 45 of 180 minutes down.
      { month: '2024-02', incidents: 0, minutesByStatus: { ...zero, operational: 120, degraded: 15, major_outage: 45 }, uptimePercent: 75 },
    ]);
  });

  it('clips intervals to the query window', () => {
    componentSequence();
    const [github] = store.stats({ since: '2024-02-01T00:30:00.000Z', until: '2024-02-01T01:30:00.000Z' });
    // 00:30-01:00: API major 30, Web operational 30; 01:00-01:30: API operational 30.
    expect(github?.months).toEqual([
      { month: '2024-02', incidents: 0, minutesByStatus: { ...zero, operational: 60, major_outage: 30 }, uptimePercent: (100 * 60) / 90 },
    ]);
  });
});

describe('incident statistics', () => {
  it('counts incidents per month and computes mean and median time to resolve in minutes', () => {
    const resolvedAfter = (id: string, start: string, minutes: number) =>
      incident(id, [update(start, 'Investigating.'), update(new Date(Date.parse(start) + minutes * 60_000).toISOString(), 'Fixed.', 'resolved', 'Resolved')]);
    store.applyPoll(poll('2024-02-02T00:00:00.000Z', {
      snapshot: snapshot({
        incidents: [
          resolvedAfter('a', '2024-01-10T10:00:00.000Z', 30),
          resolvedAfter('b', '2024-01-20T00:00:00.000Z', 120),
          resolvedAfter('c', '2024-02-01T00:00:00.000Z', 90),
          incident('d', [update('2024-02-01T01:00:00.000Z', 'Still looking.')]),
        ],
      }),
    }));
    const [all] = store.stats({ until: '2024-03-01T00:00:00.000Z' });
    expect(all).toMatchObject({ vendorId: 'github', vendorName: 'GitHub', incidents: 4, resolved: 3, meanMinutesToResolve: 80, medianMinutesToResolve: 90 });
    expect(all?.months.map((m) => [m.month, m.incidents, m.uptimePercent])).toEqual([['2024-01', 2, null], ['2024-02', 2, null]]);

    const [february] = store.stats({ since: '2024-02-01T00:00:00.000Z', until: '2024-03-01T00:00:00.000Z' });
    expect(february).toMatchObject({ incidents: 2, resolved: 1, meanMinutesToResolve: 90, medianMinutesToResolve: 90 });
    expect(store.stats({ vendorId: 'nobody' })).toEqual([]);
  });
});

describe('time in each status per component', () => {
  it('gives each component its own minutes and uptime over the window', () => {
    componentSequence();
    expect(store.componentStats({ until: '2024-02-01T02:00:00.000Z' })).toEqual([
      // API: operational 23:00-23:30 and 01:00-02:00, degraded 23:30-00:15, major 00:15-01:00.
      { vendorId: 'github', componentId: 'api', name: 'API', group: null, minutesByStatus: { ...zero, operational: 90, degraded: 45, major_outage: 45 }, uptimePercent: 75 },
      // Web left the feed at 01:00: the hour after is unobserved, not "up".
      { vendorId: 'github', componentId: 'web', name: 'WEB', group: null, minutesByStatus: { ...zero, operational: 120 }, uptimePercent: 100 },
    ]);
  });

  it('clips to since/until and filters by vendor', () => {
    componentSequence();
    const [api] = store.componentStats({ vendorId: 'github', since: '2024-02-01T00:00:00.000Z', until: '2024-02-01T00:45:00.000Z' });
    expect(api).toMatchObject({ componentId: 'api', minutesByStatus: { ...zero, degraded: 15, major_outage: 30 }, uptimePercent: (100 * 15) / 45 });
    expect(store.componentStats({ vendorId: 'stripe' })).toEqual([]);
  });
});
