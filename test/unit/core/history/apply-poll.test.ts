import { describe, expect, it } from 'vitest';
import { mergeKnown } from '../../../../electron/core/changes/known-state.ts';
import type { HistoryStore } from '../../../../electron/core/history/index.ts';
import { component, count, event, incident, knownAfter, maintenance, openStore, poll, snapshot, storePerTest, tempDir, update } from './factories.ts';

const T0 = '2024-05-01T12:00:00.000Z';
const T1 = '2024-05-01T12:05:00.000Z';
const T2 = '2024-05-01T12:10:00.000Z';
const T3 = '2024-05-01T12:15:00.000Z';

const u1 = update('2024-05-01T11:58:00.000Z', 'We are investigating elevated error rates for Webhooks.');
const u2 = update('2024-05-01T12:03:00.000Z', 'The cause was identified as a failing cache node.', 'identified', 'Identified');
const u3 = update('2024-05-01T12:09:00.000Z', 'This incident has been resolved.', 'resolved', 'Resolved');

describe('applyPoll', () => {
  let store: HistoryStore;
  storePerTest({ get: () => store, set: (opened) => { store = opened; } });

  const incidents = (): number => count(store, 'SELECT count(*) AS n FROM incidents');
  const updates = (): number => count(store, 'SELECT count(*) AS n FROM incident_updates');
  const events = (): number => count(store, 'SELECT count(*) AS n FROM events');

  it('storing the same poll twice duplicates nothing and returns no event the second time', () => {
    const p = poll(T0, {
      snapshot: snapshot({ incidents: [incident('inc1', [u1, u2]), incident('inc2', [u1])], maintenances: [maintenance('m1', 'scheduled', '2024-05-02T00:00:00.000Z', null)] }),
      events: [event('github:incident.opened:inc1'), event('github:incident.opened:inc2', { subjectId: 'inc2' })],
    });
    expect(store.applyPoll(p).map((e) => e.id)).toEqual(['github:incident.opened:inc1', 'github:incident.opened:inc2']);
    expect(store.applyPoll(p)).toEqual([]);
    expect(incidents()).toBe(2);
    expect(updates()).toBe(3);
    expect(events()).toBe(2);
    expect(count(store, 'SELECT count(*) AS n FROM maintenances')).toBe(1);
    expect(count(store, 'SELECT count(*) AS n FROM search_index')).toBe(5);
    expect(count(store, 'SELECT count(*) AS n FROM poll_log')).toBe(2);
  });

  it('appends the updates each new poll brings, in chronological order', () => {
    store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [u1])] }) }));
    store.applyPoll(poll(T1, { snapshot: snapshot({ incidents: [incident('inc1', [u1, u2])] }) }));
    store.applyPoll(poll(T2, { snapshot: snapshot({ incidents: [incident('inc1', [u1, u2, u3])] }) }));
    const record = store.getIncident('github', 'inc1');
    expect(record?.incident.updates.map((u) => u.label)).toEqual(['Investigating', 'Identified', 'Resolved']);
    expect(record?.incident.status).toBe('resolved');
    expect(record?.incident.resolvedAt).toBe('2024-05-01T12:09:00.000Z');
    expect(record?.firstSeenAt).toBe(T0);
    expect(record?.lastSeenAt).toBe(T2);
    expect(updates()).toBe(3);
  });

  it('an edited update (same time and label, new text) replaces the stored one, and search follows', () => {
    const edited = { ...u1, body: 'We are investigating delayed deliveries for Packages.' };
    store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [u1])] }) }));
    expect(store.search({ query: 'webhooks' })).toHaveLength(1);
    store.applyPoll(poll(T1, { snapshot: snapshot({ incidents: [incident('inc1', [edited])] }) }));
    expect(store.getIncident('github', 'inc1')?.incident.updates.map((u) => u.body)).toEqual([edited.body]);
    expect(updates()).toBe(1);
    expect(store.search({ query: 'webhooks' })).toEqual([]);
    expect(store.search({ query: 'packages' }).map((h) => [h.incidentId, h.field])).toEqual([['inc1', 'update']]);
  });

  it('an edited update that keeps its vendor id (Statuspage JSON) also gets its new text, and search follows', () => {
    const withId = update(u1.at, 'We are investigating elevated error rates for Webhooks.', 'investigating', 'Investigating', 'upd-1');
    const edited = { ...withId, body: 'We are investigating delayed deliveries for Packages.' };
    store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [withId])] }) }));
    store.applyPoll(poll(T1, { snapshot: snapshot({ incidents: [incident('inc1', [edited])] }) }));
    expect(store.getIncident('github', 'inc1')?.incident.updates.map((u) => [u.id, u.body])).toEqual([['upd-1', edited.body]]);
    expect(updates()).toBe(1);
    expect(store.search({ query: 'webhooks' })).toEqual([]);
    expect(store.search({ query: 'packages' }).map((h) => h.field)).toEqual(['update']);
  });

  it('a renamed incident is found by its new title only', () => {
    store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [u1], { title: 'Degraded Codespaces' })] }) }));
    store.applyPoll(poll(T1, { snapshot: snapshot({ incidents: [incident('inc1', [u1], { title: 'Disruption with Actions' })] }) }));
    expect(store.search({ query: 'codespaces' })).toEqual([]);
    expect(store.search({ query: 'actions' }).map((h) => [h.title, h.field])).toEqual([['Disruption with Actions', 'title']]);
  });

  it('returns an event only the first time it is stored', () => {
    const a = event('github:incident.opened:inc1');
    const b = event('github:incident.updated:inc1:h1', { kind: 'incident.updated' });
    const c = event('github:incident.resolved:inc1', { kind: 'incident.resolved' });
    expect(store.applyPoll(poll(T0, { events: [a, b] }))).toEqual([a, b]);
    expect(store.applyPoll(poll(T1, { events: [b, c] }))).toEqual([c]);
    expect(store.applyPoll(poll(T2, { events: [a, b, c] }))).toEqual([]);
    expect(store.eventCounts()).toEqual({ 'incident.opened': 1, 'incident.updated': 1, 'incident.resolved': 1 });
  });

  it('logs one poll_log row per poll with its outcome, latency, bytes, HTTP status, error and retries', () => {
    store.applyPoll(poll(T0, { latencyMs: 123.6, bytes: 4096, retries: 0 }));
    store.applyPoll(poll(T1, { outcome: 'fetch_error', latencyMs: 10_000, bytes: 0, httpStatus: 503, error: 'HTTP 503', retries: 2, health: 'unreachable' }));
    store.applyPoll(poll(T2, { outcome: 'not_modified', latencyMs: 40, bytes: 0, httpStatus: 304, retries: 1 }));
    const rows = [0, 1, 2].map((i) => store.get('SELECT vendor_id, at, outcome, latency_ms, bytes, http_status, error, retries FROM poll_log ORDER BY id LIMIT 1 OFFSET ?', i));
    expect(rows).toEqual([
      { vendor_id: 'github', at: T0, outcome: 'ok', latency_ms: 124, bytes: 4096, http_status: 200, error: null, retries: 0 },
      { vendor_id: 'github', at: T1, outcome: 'fetch_error', latency_ms: 10_000, bytes: 0, http_status: 503, error: 'HTTP 503', retries: 2 },
      { vendor_id: 'github', at: T2, outcome: 'not_modified', latency_ms: 40, bytes: 0, http_status: 304, error: null, retries: 1 },
    ]);
    expect(store.retriesSince('github', T1)).toBe(3);
    expect(store.retriesSince('github', T2)).toBe(1);
  });

  it('counts consecutive failures, resets them on success, and keeps the last success across failures', () => {
    const vendor = () => store.vendors()[0]!;
    store.applyPoll(poll(T0, { outcome: 'fetch_error', error: 'ECONNRESET', health: 'unreachable', httpStatus: null }));
    expect(vendor()).toMatchObject({ consecutiveFailures: 1, lastSuccessAt: null, lastPollAt: T0, lastError: 'ECONNRESET', health: 'unreachable' });
    store.applyPoll(poll(T1, { snapshot: snapshot() }));
    expect(vendor()).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: T1, lastError: null, health: 'ok', level: 'operational' });
    store.applyPoll(poll(T2, { outcome: 'feed_error', error: 'malformed JSON', health: 'feed_broken' }));
    store.applyPoll(poll(T3, { outcome: 'fetch_error', error: 'timeout', health: 'unreachable' }));
    expect(vendor()).toMatchObject({ consecutiveFailures: 2, lastSuccessAt: T1, lastPollAt: T3, lastError: 'timeout', level: 'operational' });
    store.applyPoll(poll('2024-05-01T12:20:00.000Z', { outcome: 'not_modified', httpStatus: 304 }));
    expect(vendor()).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: '2024-05-01T12:20:00.000Z', lastError: null });
  });

  it('keeps the poller\'s memory for a restart, and carries it through a failed poll', () => {
    expect(store.loadVendorState('github')).toEqual({ known: null, reachability: null });
    const known = knownAfter(snapshot({ incidents: [incident('inc1', [u1])] }), T0);
    store.applyPoll(poll(T0, { known }));
    store.applyPoll(poll(T1, { outcome: 'fetch_error', error: 'timeout', known, reachability: { reachable: true, since: T0, failures: 1, failingSince: T1 } }));
    expect(store.loadVendorState('github')).toEqual({ known, reachability: { reachable: true, since: T0, failures: 1, failingSince: T1 } });
  });

  it('flags an incident the vendor stopped listing, and clears the flag if it comes back', () => {
    store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [u1]), incident('inc2', [u1])] }) }));
    store.applyPoll(poll(T1, { snapshot: snapshot({ incidents: [incident('inc2', [u1])] }), noLongerReported: ['inc1'] }));
    expect(store.getIncident('github', 'inc1')).toMatchObject({ noLongerReported: true, lastSeenAt: T0 });
    expect(store.getIncident('github', 'inc1')?.incident.status).toBe('investigating');
    expect(store.getIncident('github', 'inc2')?.noLongerReported).toBe(false);
    store.applyPoll(poll(T2, { snapshot: snapshot({ incidents: [incident('inc1', [u1, u2])] }) }));
    expect(store.getIncident('github', 'inc1')).toMatchObject({ noLongerReported: false, lastSeenAt: T2 });
  });

  it('a failed fetch writes no incidents, components or maintenances even when a snapshot is passed', () => {
    const stale = snapshot({ incidents: [incident('inc1', [u1])], components: [component('api', 'major_outage')], maintenances: [maintenance('m1', 'scheduled', T3, null)] });
    store.applyPoll(poll(T0, { outcome: 'fetch_error', error: 'timeout', snapshot: stale }));
    expect(incidents()).toBe(0);
    expect(updates()).toBe(0);
    expect(count(store, 'SELECT count(*) AS n FROM component_intervals')).toBe(0);
    expect(count(store, 'SELECT count(*) AS n FROM maintenances')).toBe(0);
    expect(count(store, 'SELECT count(*) AS n FROM search_index')).toBe(0);
    expect(count(store, 'SELECT count(*) AS n FROM poll_log')).toBe(1);
  });

  it('a poll that fails half-way leaves nothing behind', () => {
    const bad = incident('inc2', [u1]);
    // A title the NOT NULL constraint rejects, after inc1 was already written in the same transaction.
    (bad as { title: unknown }).title = null;
    const p = poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [u1]), bad] }), events: [event('e1')] });
    expect(() => store.applyPoll(p)).toThrow();
    expect(incidents()).toBe(0);
    expect(events()).toBe(0);
    expect(count(store, 'SELECT count(*) AS n FROM poll_log')).toBe(0);
    expect(store.vendors()).toEqual([]);
    expect(store.applyPoll(poll(T1, { events: [event('e1')] })).map((e) => e.id)).toEqual(['e1']);
  });
});

describe('applyPoll: what a poll says it need not rewrite', () => {
  let store: HistoryStore;
  storePerTest({ get: () => store, set: (opened) => { store = opened; } });

  it('an item the poll marks unchanged is only stamped as seen; the others are written', () => {
    const u1b = { ...u1, body: 'Edited in place, yet marked unchanged: must not reach the store.' };
    store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [u1]), incident('inc2', [u1])], maintenances: [maintenance('m1', 'scheduled', T3, null)] }) }));
    store.applyPoll(poll(T1, {
      snapshot: snapshot({ incidents: [incident('inc1', [u1b]), incident('inc2', [u1, u2])], maintenances: [maintenance('m1', 'in_progress', T3, null)] }),
      unchangedItems: new Set(['incident:inc1', 'maintenance:m1']),
    }));
    expect(store.getIncident('github', 'inc1')).toMatchObject({ lastSeenAt: T1 });
    expect(store.getIncident('github', 'inc1')?.incident.updates.map((u) => u.body)).toEqual([u1.body]);
    expect(store.getIncident('github', 'inc2')?.incident.updates).toHaveLength(2);
    expect(store.all('SELECT status, last_seen_at FROM maintenances')).toEqual([{ status: 'scheduled', last_seen_at: T1 }]);
  });

  it("a first read's old news is stored handled with the poll, and never pending", () => {
    const fresh = store.applyPoll(poll(T0, { events: [event('old'), event('ongoing', { subjectId: 'inc2' })], oldNews: new Set(['old']) }));
    expect(fresh.map((e) => e.id)).toEqual(['old', 'ongoing']);
    expect(store.pendingNotifications().map((e) => e.id)).toEqual(['ongoing']);
    expect(store.get("SELECT handled, handled_at FROM events WHERE id = 'old'")).toEqual({ handled: 'suppressed', handled_at: T0 });
  });

  it('writes the absent part of a known state only when it changed, and reads the whole state back', () => {
    const a = incident('a', [u1]);
    const b = incident('b', [u2], { startedAt: u2.at });
    const first = mergeKnown(null, snapshot({ incidents: [a, b] }), T0);
    const second = mergeKnown(first, snapshot({ incidents: [b] }), T1);
    store.applyPoll(poll(T1, { known: second }));
    const stored = store.get('SELECT absent FROM vendor_known') as { absent: string };
    expect(JSON.parse(stored.absent).incidents.map((i: { id: string }) => i.id)).toEqual(['a']);
    const third = mergeKnown(second, snapshot({ incidents: [b] }), T2);
    store.applyPoll(poll(T2, { known: third, absentUnchanged: true }));
    expect(store.get('SELECT absent FROM vendor_known')).toEqual(stored);
    expect(store.loadKnown('github')).toEqual(JSON.parse(JSON.stringify(third)));
    expect(store.knownReadAt('github')).toBe(T2);
  });

  it("stores the summary the faces show of the last read, and keeps it through quiet and failed polls", () => {
    const active = incident('inc1', [u1]);
    store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [active, incident('inc2', [u1, u3])], components: [component('api', 'degraded')] }) }));
    store.applyPoll(poll(T1, { outcome: 'not_modified', httpStatus: 304 }));
    store.applyPoll(poll(T2, { outcome: 'fetch_error', error: 'timeout', health: 'unreachable' }));
    const summary = store.vendor('github')?.summary;
    expect(summary?.activeIncidents.map((i) => i.id)).toEqual(['inc1']);
    expect(summary?.components.map((c) => c.status)).toEqual(['degraded']);
    expect(summary?.level).toBe('operational');
  });
});

describe('applyPoll with compacted update copies', () => {
  it('an incident that comes back with emptied (compacted) update copies keeps the stored text', () => {
    const tmp = tempDir();
    const store = openStore(tmp.file());
    try {
      const withId = update(u2.at, 'Identified: a failing cache node.', 'identified', 'Identified', 'upd-2');
      store.applyPoll(poll(T0, { snapshot: snapshot({ incidents: [incident('inc1', [u1, withId])] }) }));
      // known-state.ts empties the bodies of an absent incident; the feed now shows only a new update.
      const compacted = [{ ...u1, body: '' }, { ...withId, body: '' }, u3];
      store.applyPoll(poll(T1, { snapshot: snapshot({ incidents: [incident('inc1', compacted)] }) }));
      expect(store.getIncident('github', 'inc1')?.incident.updates.map((u) => u.body)).toEqual([u1.body, withId.body, u3.body]);
      expect(count(store, 'SELECT count(*) AS n FROM incident_updates')).toBe(3);
      expect(store.search({ query: 'webhooks' }).map((h) => h.field)).toEqual(['update']);
      expect(store.search({ query: 'cache node' }).map((h) => h.field)).toEqual(['update']);
    } finally {
      store.close();
      tmp.cleanup();
    }
  });
});
