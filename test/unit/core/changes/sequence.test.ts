import { describe, expect, it } from 'vitest';
import type { Incident, IncidentUpdate, Snapshot, VendorEvent } from '../../../../shared/model/index.ts';
import { diff } from '../../../../electron/core/changes/diff.ts';
import type { KnownState, MergeOptions } from '../../../../electron/core/changes/known-state.ts';
import { mergeKnown } from '../../../../electron/core/changes/known-state.ts';
import { countKinds, ctxAt, incident, snapshot, update } from './factories.ts';

/**
 * A synthetic year-in-a-morning: seven incidents unfold over twelve hourly polls of a feed that
 * shows only the THREE most recently active incidents (Statuspage's history.atom keeps 25), and
 * re-renders whitespace differently on every other poll. Incident A slides out and comes back when
 * its postmortem is posted. Expected counts are hand-computed from the world below:
 * 7 incidents, 19 updates → 7 opened, 19 updated (one per update, the first included), 6 resolved,
 * 1 postmortem.
 */
const h = (hhmm: string): string => `2024-05-01T${hhmm}:00.000Z`;
const WORLD: Record<string, IncidentUpdate[]> = {
  A: [update(h('00:30'), 'Investigating', 'A: errors on git push.'), update(h('01:30'), 'Update', 'A: fix deploying.'), update(h('02:30'), 'Resolved', 'A: resolved.', 'resolved'),
    update(h('10:15'), 'Postmortem', 'A: an expired certificate.', 'postmortem')],
  B: [update(h('02:10'), 'Investigating', 'B: slow Pages builds.'), update(h('03:10'), 'Resolved', 'B: resolved.', 'resolved')],
  C: [update(h('03:40'), 'Investigating', 'C: Actions queued.'), update(h('04:20'), 'Update', 'C: scaling runners.'), update(h('04:50'), 'Update', 'C: backlog draining.'),
    update(h('05:15'), 'Resolved', 'C: resolved.', 'resolved')],
  D: [update(h('05:30'), 'Investigating', 'D: API 5xx.'), update(h('06:30'), 'Resolved', 'D: resolved.', 'resolved')],
  E: [update(h('06:45'), 'Investigating', 'E: Codespaces.'), update(h('07:30'), 'Monitoring', 'E: monitoring.', 'monitoring'), update(h('08:10'), 'Resolved', 'E: resolved.', 'resolved')],
  F: [update(h('08:40'), 'Investigating', 'F: webhooks delayed.'), update(h('09:30'), 'Update', 'F: still delayed.'), update(h('11:20'), 'Resolved', 'F: resolved.', 'resolved')],
  G: [update(h('11:50'), 'Investigating', 'G: Copilot errors.')],
};

/** Re-render text as a feed might: extra spaces and line breaks, padded labels. */
function rerender(u: IncidentUpdate, odd: boolean): IncidentUpdate {
  return odd ? { ...u, label: ` ${u.label} `, body: `  ${u.body.replace(/ /g, '  \n')} ` } : u;
}

/** The feed as published at `at`: the three most recently active incidents, whole timelines. */
function feedAt(at: string, odd: boolean): Snapshot {
  const visible: Incident[] = [];
  for (const [id, updates] of Object.entries(WORLD)) {
    const shown = updates.filter((u) => u.at <= at).map((u) => rerender(u, odd));
    if (shown.length === 0) continue;
    const pm = shown.find((u) => u.status === 'postmortem');
    visible.push(incident(id, shown, { postmortem: pm ? pm.body : null }));
  }
  const active = (i: Incident): string => i.updates.at(-1)?.at ?? '';
  return snapshot({ incidents: visible.sort((a, b) => active(b).localeCompare(active(a))).slice(0, 3), fetchedAt: at });
}

function replay(polls: string[], opts?: MergeOptions): VendorEvent[] {
  let known: KnownState | null = null;
  const events: VendorEvent[] = [];
  polls.forEach((at, n) => {
    const next = feedAt(at, n % 2 === 1);
    events.push(...diff(known?.snapshot ?? null, next, ctxAt(at)));
    known = JSON.parse(JSON.stringify(mergeKnown(known, next, at, opts))) as KnownState;
  });
  return events;
}

const HOURLY = Array.from({ length: 12 }, (_, n) => h(`${String(n + 1).padStart(2, '0')}:00`));

describe('a multi-poll sequence through a sliding window', () => {
  it('emits exactly one opened per incident, one updated per update, one resolved per resolution', () => {
    // Two extra polls of the unchanged last feed must add nothing.
    const events = replay([...HOURLY, h('12:30'), h('12:45')]);
    expect(countKinds(events)).toEqual({ 'incident.opened': 7, 'incident.updated': 19, 'incident.resolved': 6, 'incident.postmortem': 1 });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const opened = events.filter((e) => e.kind === 'incident.opened').map((e) => e.subjectId);
    expect(opened).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('the returning incident adds only its postmortem update and the postmortem event', () => {
    const events = replay(HOURLY).filter((e) => e.subjectId === 'A' && e.detectedAt === h('11:00'));
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['incident.updated', h('10:15')],
      ['incident.postmortem', h('10:15')],
    ]);
  });

  it('polling less often sees the same events (counts do not depend on the poll rhythm)', () => {
    const everyThreeHours = replay([h('03:00'), h('06:00'), h('09:00'), h('12:00')]);
    // Every 3 h, C is already resolved when first seen (06:00) and slides out before 09:00: the
    // totals hold because every incident was visible once after its last update.
    expect(countKinds(everyThreeHours)).toEqual({ 'incident.opened': 7, 'incident.updated': 19, 'incident.resolved': 6, 'incident.postmortem': 1 });
    expect(new Set(everyThreeHours.map((e) => e.id))).toEqual(new Set(replay(HOURLY).map((e) => e.id)));
  });

  it('with no memory of absent items the same ids come back, so de-duplication by id still gives exactly once', () => {
    const forgetful = replay(HOURLY, { maxAbsent: 0 });
    // A returns as "new": opened, its 3 older updates and resolved are re-announced (5 more than the 33).
    expect(forgetful).toHaveLength(38);
    expect(new Set(forgetful.map((e) => e.id))).toEqual(new Set(replay(HOURLY).map((e) => e.id)));
  });
});
