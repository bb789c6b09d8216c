import { describe, expect, it } from 'vitest';
import type { Snapshot, VendorEvent } from '../../../../shared/model/index.ts';
import { UNLISTED_LABEL } from '../../../../electron/core/changes/active-listing.ts';
import { diffKnown } from '../../../../electron/core/changes/diff.ts';
import type { KnownState } from '../../../../electron/core/changes/known-state.ts';
import { mergeKnown } from '../../../../electron/core/changes/known-state.ts';
import { countKinds, ctxAt, incident, maintenance, mUpdate, snapshot, update } from './factories.ts';

/** One poll as the engine runs it: diff against the known state, then fold the poll in (JSON round trip, as stored). */
function poll(known: KnownState | null, next: Snapshot, now: string): { known: KnownState; events: VendorEvent[] } {
  const events = diffKnown(known, next, ctxAt(now));
  return { known: JSON.parse(JSON.stringify(mergeKnown(known, next, now))) as KnownState, events };
}

type Parts = Parameters<typeof snapshot>[0];
const active = (parts: Parts = {}): Snapshot => {
  const s = snapshot(parts);
  return { ...s, source: { ...s.source, listing: 'active' } };
};

const T0 = '2024-05-01T08:00:00.000Z';
const first = update(T0, 'Investigating', 'Users of Storage in West Europe may see errors.');
const edited = update(T0, 'Investigating', 'Users of Storage in West Europe may see errors. Mitigation is under way.');

describe('a feed that lists only what is ongoing', () => {
  it('opens an item once, makes an in-place edit a new update, and resolves the item when it leaves', () => {
    let s = poll(null, active({ incidents: [incident('a', [first])] }), '2024-05-01T08:05:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'incident.opened': 1, 'incident.updated': 1 });

    s = poll(s.known, active({ incidents: [incident('a', [edited])] }), '2024-05-01T08:10:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'incident.updated': 1 });
    // The notification quotes what changed, not the opening words the user already read.
    expect(s.events[0]?.body).toBe('Investigating — … Mitigation is under way.');
    expect(s.known.snapshot.incidents[0]?.updates.map((u) => u.body)).toEqual([first.body, edited.body]);

    s = poll(s.known, active(), '2024-05-01T08:15:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'incident.resolved': 1 });
    expect(s.events[0]).toMatchObject({ at: '2024-05-01T08:15:00.000Z', level: 'operational', impact: 'major', body: expect.stringMatching(/^No longer listed by the vendor — /) });
    const resolved = s.known.snapshot.incidents[0]!;
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2024-05-01T08:15:00.000Z' });
    expect(resolved.updates.at(-1)).toMatchObject({ label: UNLISTED_LABEL, status: 'resolved', at: '2024-05-01T08:15:00.000Z' });
    expect(s.known.noLongerReported).toEqual(['a']);
    // The store writes the resolution with this poll.
    expect(s.known.lastSeen['incident:a']).toBe('2024-05-01T08:15:00.000Z');

    // Later empty polls say nothing more, and the record stays flagged.
    s = poll(s.known, active(), '2024-05-02T08:15:00.000Z');
    expect(s.events).toEqual([]);
    expect(s.known.noLongerReported).toEqual(['a']);
    expect(s.known.snapshot.incidents[0]?.status).toBe('resolved');
  });

  it('re-reading the same poll emits nothing twice', () => {
    const known = poll(null, active({ incidents: [incident('a', [first])] }), '2024-05-01T08:05:00.000Z').known;
    const departed = poll(known, active(), '2024-05-01T08:10:00.000Z');
    const ids = departed.events.map((e) => e.id);
    expect(diffKnown(known, active(), ctxAt('2024-05-01T08:10:00.000Z')).map((e) => e.id)).toEqual(ids);
    expect(poll(departed.known, active(), '2024-05-01T08:10:00.000Z').events).toEqual([]);
  });

  it('never closes an item it still lists, however long it stays unchanged', () => {
    let s = poll(null, active({ incidents: [incident('a', [first])] }), '2024-05-01T08:05:00.000Z');
    for (const day of ['2024-05-09', '2024-05-20', '2024-06-01']) {
      s = poll(s.known, active({ incidents: [incident('a', [first])], fetchedAt: `${day}T08:00:00.000Z` }), `${day}T08:00:00.000Z`);
      expect(s.events).toEqual([]);
      expect(s.known.snapshot.incidents[0]).toMatchObject({ status: 'investigating', resolvedAt: null });
      expect(s.known.noLongerReported).toEqual([]);
    }
  });

  it('takes the vendor\'s own resolution while the item is listed, and adds none when it then leaves', () => {
    const done = incident('a', [first, update('2024-05-01T09:00:00.000Z', 'Resolved', 'Fixed.', 'resolved')]);
    let s = poll(null, active({ incidents: [incident('a', [first])] }), '2024-05-01T08:05:00.000Z');
    s = poll(s.known, active({ incidents: [done] }), '2024-05-01T09:05:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'incident.updated': 1, 'incident.resolved': 1 });
    s = poll(s.known, active(), '2024-05-01T09:10:00.000Z');
    expect(s.events).toEqual([]);
    expect(s.known.snapshot.incidents[0]?.updates.map((u) => u.label)).toEqual(['Investigating', 'Resolved']);
    expect(s.known.noLongerReported).toEqual([]);
  });

  it('says so once when the vendor lists a departed item again, and clears the flag', () => {
    let s = poll(null, active({ incidents: [incident('a', [first])] }), '2024-05-01T08:05:00.000Z');
    s = poll(s.known, active(), '2024-05-01T08:10:00.000Z');
    s = poll(s.known, active({ incidents: [incident('a', [first])] }), '2024-05-01T08:15:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'incident.reopened': 1 });
    expect(s.known.noLongerReported).toEqual([]);
    expect(s.known.snapshot.incidents[0]).toMatchObject({ status: 'investigating', resolvedAt: null });
    s = poll(s.known, active({ incidents: [incident('a', [first])] }), '2024-05-01T08:20:00.000Z');
    expect(s.events).toEqual([]);
  });

  it('completes a maintenance that leaves the feed, once', () => {
    const running = maintenance('m', 'in_progress', [mUpdate('2024-03-01T10:00:00.000Z', 'In progress', 'Work started.', 'in_progress')]);
    let s = poll(null, active({ maintenances: [running] }), '2024-03-01T10:05:00.000Z');
    s = poll(s.known, active(), '2024-03-01T10:30:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'maintenance.completed': 1 });
    expect(s.known.snapshot.maintenances[0]).toMatchObject({ status: 'completed', scheduledUntil: '2024-03-01T10:30:00.000Z' });
    expect(s.known.snapshot.maintenances[0]?.updates.at(-1)?.label).toBe(UNLISTED_LABEL);
    expect(poll(s.known, active(), '2024-03-01T10:35:00.000Z').events).toEqual([]);
  });
});

describe('a vendor watched before its adapter said the feed is active-only', () => {
  it('resolves what the last read listed, but never announces an item that had left long before', () => {
    // Stored by an older version: no `readAt`, history rules (the snapshot's fetchedAt is the poll).
    const gone = incident('gone', [update('2024-04-01T08:00:00.000Z', 'Investigating', 'Old event.')]);
    let s = poll(null, snapshot({ incidents: [gone], fetchedAt: '2024-04-01T08:05:00.000Z' }), '2024-04-01T08:05:00.000Z');
    s = poll(s.known, snapshot({ incidents: [incident('a', [first])], fetchedAt: '2024-05-01T08:05:00.000Z' }), '2024-05-01T08:05:00.000Z');
    const legacy: KnownState = { ...s.known };
    delete legacy.readAt;
    expect(legacy.missingSince).toEqual({ gone: '2024-05-01T08:05:00.000Z' });

    s = poll(legacy, active(), '2024-05-01T08:10:00.000Z');
    expect(s.events.map((e) => [e.kind, e.subjectId])).toEqual([['incident.resolved', 'a']]);
    expect(s.known.snapshot.incidents.find((i) => i.id === 'gone')).toMatchObject({ status: 'investigating', resolvedAt: null });
    expect(s.known.missingSince).toEqual({ gone: '2024-05-01T08:05:00.000Z' });
    expect(poll(s.known, active(), '2024-05-01T08:15:00.000Z').events).toEqual([]);
  });
});

describe('a feed that keeps its history (the default) is unchanged', () => {
  it('takes an in-place edit as the same update and an item leaving as nothing', () => {
    let s = poll(null, snapshot({ incidents: [incident('a', [first])] }), '2024-05-01T08:05:00.000Z');
    s = poll(s.known, snapshot({ incidents: [incident('a', [edited])] }), '2024-05-01T08:10:00.000Z');
    expect(s.events).toEqual([]);
    expect(s.known.snapshot.incidents[0]?.updates.map((u) => u.body)).toEqual([edited.body]);
    s = poll(s.known, snapshot(), '2024-05-01T08:15:00.000Z');
    expect(s.events).toEqual([]);
    expect(s.known.snapshot.incidents[0]).toMatchObject({ status: 'investigating', resolvedAt: null });
    expect(s.known.missingSince).toEqual({ a: '2024-05-01T08:15:00.000Z' });
  });
});
