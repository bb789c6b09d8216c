import { describe, expect, it } from 'vitest';
import type { Snapshot, VendorEvent } from '../../../../shared/model/index.ts';
import { diff } from '../../../../electron/core/changes/diff.ts';
import type { KnownState, MergeOptions } from '../../../../electron/core/changes/known-state.ts';
import { joinKnown, mergeKnown, sameAbsent, splitKnown } from '../../../../electron/core/changes/known-state.ts';
import { countKinds, ctxAt, incident, maintenance, mUpdate, snapshot, update } from './factories.ts';

/** One poll as the engine runs it: diff against the known state, then fold the poll in. */
function poll(known: KnownState | null, next: Snapshot, now: string, opts?: MergeOptions): { known: KnownState; events: VendorEvent[] } {
  const events = diff(known?.snapshot ?? null, next, ctxAt(now));
  // Round-trip through JSON as the store does, so nothing relies on in-memory identity.
  return { known: JSON.parse(JSON.stringify(mergeKnown(known, next, now, opts))) as KnownState, events };
}

const inv = (id: string, at: string) => update(at, 'Investigating', `Investigating ${id}.`);
const res = (id: string, at: string) => update(at, 'Resolved', `${id} is resolved.`, 'resolved');

describe('mergeKnown', () => {
  it('keeps an incident that slid out of the feed, so its return is not announced as new', () => {
    const a = incident('a', [inv('a', '2024-05-01T08:00:00.000Z'), res('a', '2024-05-01T09:00:00.000Z')]);
    let s = poll(null, snapshot({ incidents: [a] }), '2024-05-01T10:00:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'incident.opened': 1, 'incident.resolved': 1, 'incident.updated': 2 });
    s = poll(s.known, snapshot(), '2024-05-01T11:00:00.000Z');
    expect(s.events).toEqual([]);
    expect(s.known.snapshot.incidents.map((i) => i.id)).toEqual(['a']);
    s = poll(s.known, snapshot({ incidents: [a] }), '2024-05-02T11:00:00.000Z');
    expect(s.events).toEqual([]);
  });

  it('compacts items that left the feed (update bodies emptied) but keeps their timeline keys', () => {
    const a = incident('a', [inv('a', '2024-05-01T08:00:00.000Z'), update('2024-05-01T08:30:00.000Z', 'Update', 'x'.repeat(500))]);
    let s = poll(null, snapshot({ incidents: [a] }), '2024-05-01T10:00:00.000Z');
    s = poll(s.known, snapshot(), '2024-05-01T11:00:00.000Z');
    const kept = s.known.snapshot.incidents[0];
    expect(kept?.updates.map((u) => [u.at, u.label, u.body])).toEqual([
      ['2024-05-01T08:00:00.000Z', 'Investigating', ''],
      ['2024-05-01T08:30:00.000Z', 'Update', ''],
    ]);
    // Coming back with its full text is recognised update by update.
    s = poll(s.known, snapshot({ incidents: [a] }), '2024-05-01T12:00:00.000Z');
    expect(s.events).toEqual([]);
    expect(s.known.snapshot.incidents[0]?.updates[1]?.body).toHaveLength(500);
  });

  it('marks an unresolved incident missing for more than 24 h as no longer reported, never as resolved', () => {
    const open = incident('a', [inv('a', '2024-05-01T08:00:00.000Z')]);
    let s = poll(null, snapshot({ incidents: [open] }), '2024-05-01T10:00:00.000Z');
    s = poll(s.known, snapshot(), '2024-05-01T11:00:00.000Z');
    expect(s.known.missingSince).toEqual({ a: '2024-05-01T11:00:00.000Z' });
    expect(s.known.noLongerReported).toEqual([]);
    s = poll(s.known, snapshot(), '2024-05-02T11:00:00.000Z');
    expect(s.known.noLongerReported).toEqual([]);
    s = poll(s.known, snapshot(), '2024-05-02T11:00:01.000Z');
    expect(s.events).toEqual([]);
    expect(s.known.noLongerReported).toEqual(['a']);
    expect(s.known.snapshot.incidents[0]).toMatchObject({ status: 'investigating', resolvedAt: null });
    // If the vendor lists it again, resolved, the resolution is announced then, once.
    const resolved = incident('a', [inv('a', '2024-05-01T08:00:00.000Z'), res('a', '2024-05-03T08:00:00.000Z')]);
    s = poll(s.known, snapshot({ incidents: [resolved] }), '2024-05-03T09:00:00.000Z');
    expect(countKinds(s.events)).toEqual({ 'incident.updated': 1, 'incident.resolved': 1 });
    expect(s.known.missingSince).toEqual({});
    expect(s.known.noLongerReported).toEqual([]);
  });

  it('honours a custom grace period', () => {
    let s = poll(null, snapshot({ incidents: [incident('a', [inv('a', '2024-05-01T08:00:00.000Z')])] }), '2024-05-01T10:00:00.000Z');
    s = poll(s.known, snapshot(), '2024-05-01T11:00:00.000Z', { graceMs: 60_000 });
    s = poll(s.known, snapshot(), '2024-05-01T11:02:00.000Z', { graceMs: 60_000 });
    expect(s.known.noLongerReported).toEqual(['a']);
  });

  it('bounds what it keeps: absent items are forgotten after keepMs and beyond maxAbsent, most recently seen kept', () => {
    const items = ['a', 'b', 'c'].map((id, n) => incident(id, [inv(id, `2024-05-0${n + 1}T08:00:00.000Z`), res(id, `2024-05-0${n + 1}T09:00:00.000Z`)]));
    let s = poll(null, snapshot({ incidents: [items[0]!] }), '2024-05-01T10:00:00.000Z');
    s = poll(s.known, snapshot({ incidents: [items[1]!] }), '2024-05-02T10:00:00.000Z');
    s = poll(s.known, snapshot({ incidents: [items[2]!] }), '2024-05-03T10:00:00.000Z');
    s = poll(s.known, snapshot(), '2024-05-04T10:00:00.000Z', { maxAbsent: 2 });
    expect(s.known.snapshot.incidents.map((i) => i.id)).toEqual(['c', 'b']);
    expect(Object.keys(s.known.lastSeen).sort()).toEqual(['incident:b', 'incident:c']);
    s = poll(s.known, snapshot(), '2024-05-04T10:00:00.000Z', { keepMs: 36 * 3_600_000 });
    expect(s.known.snapshot.incidents.map((i) => i.id)).toEqual(['c']);
  });

  it('a forgotten incident that comes back is re-announced with the very same event ids (the store drops them)', () => {
    const a = incident('a', [inv('a', '2024-05-01T08:00:00.000Z'), res('a', '2024-05-01T09:00:00.000Z')]);
    const first = poll(null, snapshot({ incidents: [a] }), '2024-05-01T10:00:00.000Z');
    const gone = poll(first.known, snapshot(), '2024-05-01T11:00:00.000Z', { maxAbsent: 0 });
    expect(gone.known.snapshot.incidents).toEqual([]);
    const back = poll(gone.known, snapshot({ incidents: [a] }), '2024-06-01T10:00:00.000Z');
    expect(back.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
  });

  it('accumulates the timeline of a feed that only shows the current update (incident.io style)', () => {
    const states = [
      update('2024-05-01T08:00:00.000Z', 'Investigating', 'Login failing.'),
      update('2024-05-01T08:20:00.000Z', 'Identified', 'Bad deploy.', 'identified'),
      update('2024-05-01T08:40:00.000Z', 'Resolved', 'Fixed.', 'resolved'),
    ];
    let known: KnownState | null = null;
    const all: VendorEvent[] = [];
    for (const [n, u] of states.entries()) {
      const s = poll(known, snapshot({ incidents: [incident('login', [u], { startedAt: '2024-05-01T08:00:00.000Z' })] }), `2024-05-01T0${8 + n}:50:00.000Z`);
      known = s.known;
      all.push(...s.events);
    }
    expect(countKinds(all)).toEqual({ 'incident.opened': 1, 'incident.updated': 3, 'incident.resolved': 1 });
    expect(known?.snapshot.incidents[0]?.updates.map((u) => u.label)).toEqual(['Investigating', 'Identified', 'Resolved']);
  });

  it('keeps maintenances that left the feed so their return is silent', () => {
    const m = maintenance('db', 'scheduled', [mUpdate('2024-02-20T09:00:00.000Z', 'Scheduled', 'Upgrade.', 'scheduled')]);
    let s = poll(null, snapshot({ maintenances: [m] }), '2024-02-20T10:00:00.000Z');
    expect(s.events.map((e) => e.kind)).toEqual(['maintenance.scheduled']);
    s = poll(s.known, snapshot(), '2024-02-21T10:00:00.000Z');
    s = poll(s.known, snapshot({ maintenances: [m] }), '2024-02-22T10:00:00.000Z');
    expect(s.events).toEqual([]);
  });

  it('a postmortem that disappears from the feed and comes back fires only once', () => {
    const closed = [inv('a', '2024-05-01T08:00:00.000Z'), res('a', '2024-05-01T09:00:00.000Z')];
    const withPm = incident('a', closed, { postmortem: 'Root cause: expired certificate.' });
    let s = poll(null, snapshot({ incidents: [incident('a', closed)] }), '2024-05-01T10:00:00.000Z');
    s = poll(s.known, snapshot({ incidents: [withPm] }), '2024-05-02T10:00:00.000Z');
    expect(s.events.map((e) => e.kind)).toEqual(['incident.postmortem']);
    s = poll(s.known, snapshot({ incidents: [incident('a', closed)] }), '2024-05-03T10:00:00.000Z');
    s = poll(s.known, snapshot({ incidents: [withPm] }), '2024-05-04T10:00:00.000Z');
    expect(s.events).toEqual([]);
  });
});

describe('a known state in two parts (what the read listed, what it remembers)', () => {
  const a = incident('a', [inv('a', '2024-05-01T08:00:00.000Z'), res('a', '2024-05-01T09:00:00.000Z')]);
  const b = incident('b', [inv('b', '2024-05-02T08:00:00.000Z')]);
  const c = incident('c', [inv('c', '2024-05-03T08:00:00.000Z'), res('c', '2024-05-03T09:00:00.000Z')]);
  const m = maintenance('m', 'scheduled', [mUpdate('2024-05-01T00:00:00.000Z', 'Scheduled', 'Maintenance m is scheduled.', 'scheduled')]);

  it('split then joined is the same known state, through JSON as the store keeps it', () => {
    let k = mergeKnown(null, snapshot({ incidents: [a, b, c], maintenances: [m] }), '2024-05-04T10:00:00.000Z');
    k = mergeKnown(k, snapshot({ incidents: [b] }), '2024-05-05T10:00:00.000Z');
    const parts = splitKnown(k);
    if (!parts) throw new Error('a merged state has readAt');
    expect(parts.listed.snapshot.incidents.map((i) => i.id)).toEqual(['b']);
    expect(parts.absent.incidents.map((i) => i.id).sort()).toEqual(['a', 'c']);
    expect(parts.absent.maintenances.map((x) => x.id)).toEqual(['m']);
    const stored = JSON.parse(JSON.stringify(parts)) as typeof parts;
    expect(joinKnown(stored.listed, stored.absent)).toEqual(k);
  });

  it('absent items that stay absent keep their identity, so an unchanged absent part is told apart without comparing text', () => {
    const first = mergeKnown(null, snapshot({ incidents: [a, b] }), '2024-05-04T10:00:00.000Z');
    const second = mergeKnown(first, snapshot({ incidents: [b] }), '2024-05-05T10:00:00.000Z');
    expect(sameAbsent(first, second)).toBe(false); // `a` just left the feed
    const reloaded = JSON.parse(JSON.stringify(second)) as KnownState;
    const third = mergeKnown(reloaded, snapshot({ incidents: [b, c] }), '2024-05-06T10:00:00.000Z');
    expect(sameAbsent(reloaded, third)).toBe(true);
    const back = mergeKnown(third, snapshot({ incidents: [a, c] }), '2024-05-07T10:00:00.000Z');
    expect(sameAbsent(third, back)).toBe(false); // `a` came back, `b` left
  });
});
