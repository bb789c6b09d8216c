import { describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../../electron/core/history/index.ts';
import { component, count, event, incident, maintenance, poll, snapshot, storePerTest, update } from './factories.ts';

let store: HistoryStore;
storePerTest({ get: () => store, set: (opened) => { store = opened; } });

const NOW = '2024-06-30T00:00:00.000Z'; // 90 days back is 2024-04-01

function seed(): void {
  store.applyPoll(poll('2024-01-15T00:00:00.000Z', {
    snapshot: snapshot({
      components: [component('api', 'degraded')],
      incidents: [
        incident('old', [update('2024-01-10T10:00:00.000Z', 'Zanzibar outage began.'), update('2024-01-10T12:00:00.000Z', 'Recovered.', 'resolved', 'Resolved')], { title: 'Zanzibar outage', postmortem: 'Quokka cache stampede.' }),
        incident('stuck', [update('2024-01-12T00:00:00.000Z', 'Investigating the marmoset queue.')], { title: 'Marmoset queue stuck' }),
      ],
      maintenances: [
        maintenance('m-old', 'completed', '2024-01-05T00:00:00.000Z', '2024-01-05T02:00:00.000Z'),
        maintenance('m-future', 'scheduled', '2024-07-05T00:00:00.000Z', '2024-07-05T02:00:00.000Z'),
      ],
    }),
    events: [event('old-handled', { at: '2024-01-10T10:00:00.000Z', detectedAt: '2024-01-10T10:01:00.000Z' }), event('old-pending', { at: '2024-01-10T11:00:00.000Z', detectedAt: '2024-01-10T11:01:00.000Z' })],
  }));
  store.markHandled(['old-handled'], 'notified', '2024-01-10T10:01:00.000Z');
  store.applyPoll(poll('2024-06-01T00:00:00.000Z', {
    snapshot: snapshot({
      components: [component('api', 'operational')],
      incidents: [
        incident('recent', [update('2024-05-30T10:00:00.000Z', 'Wombat latency.'), update('2024-05-30T11:00:00.000Z', 'Fixed.', 'resolved', 'Resolved')], { title: 'Wombat latency' }),
        incident('stuck', [update('2024-01-12T00:00:00.000Z', 'Investigating the marmoset queue.')], { title: 'Marmoset queue stuck' }),
      ],
    }),
    events: [event('recent', { at: '2024-05-30T10:00:00.000Z', detectedAt: '2024-05-30T10:01:00.000Z' })],
  }));
}

describe('retention', () => {
  it('forgets closed incidents, past maintenances, handled events and polls older than the window, but never an ongoing incident', () => {
    seed();
    store.applyPoll(poll('2024-06-29T00:00:00.000Z', { snapshot: snapshot({ components: [component('api', 'operational')] }) }));
    expect(store.retention(90, NOW)).toEqual({ incidents: 1, events: 1, polls: 2 });

    expect(store.getIncident('github', 'old')).toBeNull();
    expect(store.getIncident('github', 'stuck')?.incident.updates.map((u) => u.body)).toEqual(['Investigating the marmoset queue.']);
    expect(store.getIncident('github', 'recent')?.incident.status).toBe('resolved');
    expect(count(store, "SELECT count(*) AS n FROM incident_updates WHERE incident_id = 'old'")).toBe(0);
    expect(store.listMaintenances({ from: '2024-01-01T00:00:00.000Z', to: '2024-12-31T00:00:00.000Z' }).map((m) => m.maintenance.id)).toEqual(['m-future']);
    // A notification that never went out is kept: dropping it would lose it silently.
    expect(store.pendingNotifications().map((e) => e.id)).toEqual(['old-pending', 'recent']);
    expect(count(store, "SELECT count(*) AS n FROM events WHERE id = 'old-handled'")).toBe(0);
    // The poll log keeps a week, whatever the window: the June 1st poll is inside 90 days but gone.
    expect(store.pollLog().map((p) => p.at)).toEqual(['2024-06-29T00:00:00.000Z']);
    // The January degraded interval closed on 2024-06-01, inside the window: kept for stats.
    expect(count(store, 'SELECT count(*) AS n FROM component_intervals')).toBe(2);
  });

  it('removes forgotten incidents from search and leaves the index consistent', () => {
    seed();
    expect(store.search({ query: 'zanzibar' })).toHaveLength(2);
    expect(store.search({ query: 'quokka' })).toHaveLength(1);
    store.retention(90, NOW);
    expect(store.search({ query: 'zanzibar' })).toEqual([]);
    expect(store.search({ query: 'quokka' })).toEqual([]);
    expect(store.search({ query: 'marmoset' }).map((h) => h.field).sort()).toEqual(['title', 'update']);
    // title + update of 'stuck', title + 2 updates of 'recent'
    expect(count(store, 'SELECT count(*) AS n FROM search_index')).toBe(5);
    expect(() => store.get("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(store.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
  });

  it('keeps the poll log for a week even when the window is longer, and for the window when it is shorter', () => {
    for (const at of ['2024-06-21T00:00:00.000Z', '2024-06-24T00:00:00.000Z', '2024-06-27T00:00:00.000Z']) {
      store.applyPoll(poll(at, { snapshot: snapshot({ components: [component('api', 'operational')] }) }));
    }
    expect(store.retention(365, NOW).polls).toBe(1);
    expect(store.pollLog().map((p) => p.at)).toEqual(['2024-06-27T00:00:00.000Z', '2024-06-24T00:00:00.000Z']);
    expect(store.retention(5, NOW).polls).toBe(1);
    expect(store.pollLog().map((p) => p.at)).toEqual(['2024-06-27T00:00:00.000Z']);
  });

  it('a second pass with the same window deletes nothing more', () => {
    seed();
    store.retention(90, NOW);
    expect(store.retention(90, NOW)).toEqual({ incidents: 0, events: 0, polls: 0 });
  });
});
