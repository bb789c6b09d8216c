import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';
import { parseFeed, snapshotOf } from './support.ts';
import { atomFeed, statuspageEntry } from './timeline-builders.ts';

const read = (...entries: string[]) => snapshotOf(parseFeed(atomFeed(...entries)));

describe('honest timelines: a finished incident stays finished', () => {
  it('keeps the real demo incident resolved although an earlier-posted Investigating carries a later stamp', () => {
    const s = snapshotOf(parseFeed(readFileSync(resolve(SHARED_FIXTURES, 'rss_atom/ruzismart-statuspage-demo-history-2020-01-04-unordered-updates.atom')), '2020-01-04T08:05:00.000Z'));
    const incident = s.incidents.find((i) => i.id === 'cj386ys3m7fq')!;
    expect(incident.status).toBe('resolved');
    expect(incident.resolvedAt).toBe('2019-08-14T03:42:00.000Z');
    expect(incident.updates.map((u) => [u.at.slice(11, 16), u.label])).toEqual([['03:32', 'Monitoring'], ['03:38', 'Identified'], ['03:42', 'Resolved'], ['04:08', 'Investigating']]);
    expect(s.status.level).toBe('operational');
  });

  it('is not undone by a block stamped in the same minute, whichever way the feed lists them', () => {
    const resolvedFirst = statuspageEntry('a1', 'A', '2024-05-01T10:05:00Z', [
      { stamp: 'May 1, 10:05 UTC', label: 'Resolved', body: 'Fixed.' },
      { stamp: 'May 1, 10:05 UTC', label: 'Identified', body: 'Found it.' },
      { stamp: 'May 1, 10:00 UTC', label: 'Investigating', body: 'Looking.' },
    ]);
    const resolvedLast = statuspageEntry('a2', 'B', '2024-05-01T10:05:00Z', [
      { stamp: 'May 1, 10:05 UTC', label: 'Identified', body: 'Found it.' },
      { stamp: 'May 1, 10:05 UTC', label: 'Resolved', body: 'Fixed.' },
      { stamp: 'May 1, 10:00 UTC', label: 'Investigating', body: 'Looking.' },
    ]);
    const s = read(resolvedFirst, resolvedLast);
    for (const id of ['a1', 'a2']) {
      const incident = s.incidents.find((i) => i.id === id)!;
      expect([id, incident.status, incident.resolvedAt]).toEqual([id, 'resolved', '2024-05-01T10:05:00.000Z']);
      expect(incident.updates.at(-1)!.label).toBe('Resolved');
    }
    expect(s.status.level).toBe('operational');
  });

  it('reopens only for a block posted after the resolution in a later minute', () => {
    const s = read(statuspageEntry('r1', 'Reopened', '2024-05-01T11:00:00Z', [
      { stamp: 'May 1, 11:00 UTC', label: 'Investigating', body: 'It is back.' },
      { stamp: 'May 1, 10:05 UTC', label: 'Resolved', body: 'Fixed.' },
      { stamp: 'May 1, 10:00 UTC', label: 'Investigating', body: 'Looking.' },
    ]));
    expect([s.incidents[0]!.status, s.incidents[0]!.resolvedAt]).toEqual(['investigating', null]);
    expect(s.status.level).toBe('degraded');
  });

  it('keeps an "Update" after Resolved closed: it repeats the status', () => {
    const s = read(statuspageEntry('u1', 'Note', '2024-05-01T12:00:00Z', [
      { stamp: 'May 1, 12:00 UTC', label: 'Update', body: 'A last word.' },
      { stamp: 'May 1, 10:05 UTC', label: 'Resolved', body: 'Fixed.' },
    ]));
    expect(s.incidents[0]!.status).toBe('resolved');
    expect(s.incidents[0]!.updates.map((u) => u.status)).toEqual(['resolved', 'resolved']);
  });

  it('completes a maintenance whose Completed shares its minute with an In progress listed above it', () => {
    const s = read(statuspageEntry('m1', 'Upgrade', '2024-05-02T02:00:00Z', [
      { stamp: 'May 2, 02:00 UTC', label: 'In progress', body: 'Started.' },
      { stamp: 'May 2, 02:00 UTC', label: 'Completed', body: 'Done.' },
      { stamp: 'May 1, 09:00 UTC', label: 'Scheduled', body: 'Planned.' },
    ]));
    const m = s.maintenances[0]!;
    expect(m.status).toBe('completed');
    expect(m.updates.map((u) => u.label)).toEqual(['Scheduled', 'In progress', 'Completed']);
  });
});
