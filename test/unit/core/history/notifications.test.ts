import { describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../../electron/core/history/index.ts';
import { count, event, openStore, poll, storePerTest } from './factories.ts';

let store: HistoryStore;
const tmp = storePerTest({ get: () => store, set: (opened) => { store = opened; } });

const T1 = '2024-05-01T12:00:00.000Z';
const T2 = '2024-05-01T12:05:00.000Z';
const T3 = '2024-05-01T12:10:00.000Z';

describe('what was already notified', () => {
  it('handled events leave the pending list, oldest pending first, and are not handled twice', () => {
    store.applyPoll(poll(T1, { events: [event('c', { at: T3 }), event('a', { at: T1 }), event('b', { at: T2 })] }));
    expect(store.pendingNotifications().map((e) => e.id)).toEqual(['a', 'b', 'c']);

    store.markHandled(['a', 'c'], 'notified', T3);
    store.markHandled(['a'], 'suppressed', '2024-05-02T00:00:00.000Z');
    expect(store.pendingNotifications().map((e) => e.id)).toEqual(['b']);
    // The first verdict stands: 'a' was shown to the user at T3.
    expect(store.get('SELECT handled, handled_at FROM events WHERE id = ?', 'a')).toEqual({ handled: 'notified', handled_at: T3 });
  });

  it('after a restart, events seen again are neither returned as new nor pending again', () => {
    const file = tmp.file();
    const first = [event('opened', { at: T1 }), event('updated', { at: T2, kind: 'incident.updated' })];
    expect(store.applyPoll(poll(T1, { events: first })).map((e) => e.id)).toEqual(['opened', 'updated']);
    store.markHandled(['opened', 'updated'], 'notified', T2);
    store.close();

    store = openStore(file);
    const again = store.applyPoll(poll(T3, { events: [...first, event('resolved', { at: T3, kind: 'incident.resolved' })] }));
    expect(again.map((e) => e.id)).toEqual(['resolved']);
    expect(store.pendingNotifications().map((e) => e.id)).toEqual(['resolved']);
  });

  it('returns pending events exactly as they were stored', () => {
    const stored = event('full', { kind: 'component.status_changed', subjectId: 'api', impact: 'minor', level: 'degraded', url: 'https://www.githubstatus.com', title: 'GitHub: API degraded', body: 'API is degraded.' });
    store.applyPoll(poll(T1, { events: [stored] }));
    expect(store.pendingNotifications()).toEqual([stored]);
  });

  it('a malformed event fails its poll instead of silently never notifying', () => {
    const untitled = event('untitled', { title: null as unknown as string });
    expect(() => store.applyPoll(poll(T1, { events: [event('fine'), untitled] }))).toThrow(/NOT NULL constraint failed: events.title/);
    expect(count(store, 'SELECT count(*) AS n FROM events')).toBe(0);
    expect(count(store, 'SELECT count(*) AS n FROM poll_log')).toBe(0);
  });
});

describe('recent events', () => {
  it('lists newest first, filtered by vendor and instant, up to the limit', () => {
    store.applyPoll(poll(T1, { events: [event('g1', { at: T1 }), event('g2', { at: T2 }), event('g3', { at: T3 })] }));
    store.applyPoll(poll(T1, { vendor: { ...poll(T1).vendor, id: 'stripe', name: 'Stripe' }, events: [event('s1', { at: T2, vendorId: 'stripe' })] }));
    expect(store.recentEvents({}).map((e) => e.id)).toEqual(['g3', 's1', 'g2', 'g1']);
    expect(store.recentEvents({ vendorId: 'github', since: T2 }).map((e) => e.id)).toEqual(['g3', 'g2']);
    expect(store.recentEvents({ limit: 1 }).map((e) => e.id)).toEqual(['g3']);
  });
});
