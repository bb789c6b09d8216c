import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../../../shared/model/index.ts';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';
import { MARKUP, ownFeed, parseFeed, snapshotOf } from './support.ts';

const NORTHFLANK = readFileSync(resolve(SHARED_FIXTURES, 'instatus/northflank-instatus-history-rss-2026-09-25-trimmed.rss'));
const timeline = (s: Snapshot, id: string) => [...s.incidents, ...s.maintenances].find((i) => i.id === id)!.updates.map((u) => [u.at, u.label, u.status, u.body]);

describe('Instatus history.rss: the real Northflank capture', () => {
  const s = snapshotOf(parseFeed(NORTHFLANK, '2026-10-01T00:00:00.000Z'));

  it('reads 3 incidents from Instatus, named from the channel, with no warning', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('instatus');
    expect(s.page.name).toBe('Northflank Status');
    expect(s.incidents.map((i) => [i.id, i.title, i.status])).toEqual([
      ['cmuh4kc8h00s013pih51rz3uf', 'Degraded SSO login via WorkOS', 'resolved'],
      ['cmtnae42b0e811no58822esum', 'Addon expose/unexpose temporarily disabled in US - Central', 'resolved'],
      ['cmsg4fvtt034m1ao3nowjoker', 'Workloads Failing to Start Across Multiple Regions', 'resolved'],
    ]);
  });

  it('gives every update its own UTC instant, seconds kept, from the twice-escaped timeline', () => {
    expect(timeline(s, 'cmuh4kc8h00s013pih51rz3uf')).toEqual([
      ['2026-09-25T15:15:00.000Z', 'Investigating', 'investigating', 'We are currently investigating this incident.'],
      ['2026-09-25T16:01:05.000Z', 'Resolved', 'resolved', 'This incident has been resolved.'],
    ]);
    expect(timeline(s, 'cmtnae42b0e811no58822esum')).toEqual([
      ['2026-09-04T18:27:54.000Z', 'Monitoring', 'monitoring', 'We have temporarily disabled addon expose/unexpose in our US - Central region. This is due to an ongoing incident with our cloud service provider.\nWe will re-enable this feature once we confirm that it is safe to do so.'],
      ['2026-09-04T20:52:58.000Z', 'Resolved', 'resolved', 'This incident has been resolved.'],
    ]);
    expect(timeline(s, 'cmsg4fvtt034m1ao3nowjoker')).toEqual([
      ['2026-08-05T13:27:13.000Z', 'Investigating', 'investigating', 'We are seeing partial start up issues for workloads across multiple regions.\n\nWe are currently investigating this incident.'],
      ['2026-08-05T13:42:39.000Z', 'Monitoring', 'monitoring', 'We have identified the issue and applied a mitigation. Previously stuck workloads are now starting successfully across affected regions. We are monitoring recovery and will confirm once all workloads are fully operational.'],
      ['2026-08-05T14:27:54.000Z', 'Resolved', 'resolved', 'All affected workloads are now fully operational.'],
    ]);
  });

  it('takes the affected components from the plain-text copy when the HTML line is empty', () => {
    expect(s.incidents.map((i) => i.components)).toEqual([['Northflank App'], ['Addons'], ['Addons', 'Jobs', 'Services']]);
  });

  it('resolves each incident at its Resolved update', () => {
    expect(s.incidents.map((i) => [i.startedAt, i.resolvedAt])).toEqual([
      ['2026-09-25T15:15:00.000Z', '2026-09-25T16:01:05.000Z'],
      ['2026-09-04T18:27:54.000Z', '2026-09-04T20:52:58.000Z'],
      ['2026-08-05T13:27:13.000Z', '2026-08-05T14:27:54.000Z'],
    ]);
  });

  it('leaves no stamp, markup or doubled stop in a body', () => {
    for (const update of s.incidents.flatMap((i) => i.updates)) {
      expect(update.body).not.toMatch(MARKUP);
      expect(update.body).not.toMatch(/GMT\+0|\d{2}:\d{2}:\d{2}/);
      expect(update.body).not.toMatch(/[.!?]\s*\.$/);
    }
  });
});

describe('Instatus history.atom (hand-written): zones, order, maintenances, components', () => {
  const s = snapshotOf(parseFeed(ownFeed('instatus-history-zones.atom')));

  it('reads GMT-7, GMT+05:30 and UTC+2 stamps to the right UTC instant, with no warning', () => {
    expect(s.warnings).toEqual([]);
    expect(timeline(s, 'clgadget0001').map((u) => u[0])).toEqual([
      '2024-03-08T15:40:05.000Z', '2024-03-08T16:15:00.000Z', '2024-03-08T18:42:10.000Z', '2024-03-12T16:00:30.000Z',
    ]);
    expect(timeline(s, 'clgadget0002').map((u) => u[0])).toEqual(['2024-03-18T09:00:00.000Z', '2024-03-20T02:00:00.000Z', '2024-03-20T04:00:00.000Z']);
    expect(timeline(s, 'clgadget0003').map((u) => u[0])).toEqual(['2024-03-25T21:50:00.000Z', '2024-03-25T22:10:45.000Z']);
  });

  it('keeps a postmortem posted four days after the entry date in the same year, closing the incident', () => {
    const incident = s.incidents.find((i) => i.id === 'clgadget0001')!;
    expect([incident.status, incident.resolvedAt, incident.postmortem]).toEqual(['postmortem', '2024-03-08T18:42:10.000Z', 'A certificate expired; renewals are now monitored.']);
  });

  it('reads a maintenance labelled Identified, Identified, Completed as scheduled, in progress, completed', () => {
    const m = s.maintenances.find((x) => x.id === 'clgadget0002')!;
    expect(m.updates.map((u) => [u.label, u.status])).toEqual([['Identified', 'scheduled'], ['Identified', 'in_progress'], ['Completed', 'completed']]);
    expect([m.status, m.scheduledFor, m.scheduledUntil, m.components]).toEqual(['completed', '2024-03-20T02:00:00.000Z', '2024-03-20T04:00:00.000Z', ['Database']]);
  });

  it('reads updates listed newest first or oldest first alike', () => {
    expect(timeline(s, 'clgadget0001').map((u) => u[1])).toEqual(['Investigating', 'Identified', 'Resolved', 'Postmortem']);
    expect(timeline(s, 'clgadget0002').map((u) => u[3])).toEqual(['We will upgrade the database on March 20.', 'The upgrade has started.', 'The upgrade is complete.']);
  });

  it('falls back to the summary\'s Affected Components line when the HTML one is only commas', () => {
    expect(s.incidents.find((i) => i.id === 'clgadget0003')!.components).toEqual(['Exports', 'Reports']);
    expect(s.incidents.find((i) => i.id === 'clgadget0001')!.components).toEqual(['API', 'Webhooks']);
  });
});

describe('Instatus history.rss without HTML (hand-written): the plain-text runs', () => {
  const s = snapshotOf(parseFeed(ownFeed('instatus-history-plain.rss')));

  it('reads the timeline from the description\'s "stamp - Label - text" runs', () => {
    expect(s.warnings).toEqual([]);
    expect(s.source.platform).toBe('instatus');
    expect(timeline(s, 'clgadget0009')).toEqual([
      ['2024-02-02T09:05:00.000Z', 'Investigating', 'investigating', 'Search returns errors.'],
      ['2024-02-02T09:30:00.000Z', 'Monitoring', 'monitoring', 'A fix is out.'],
      ['2024-02-02T10:05:09.000Z', 'Resolved', 'resolved', 'Search is back.'],
    ]);
    expect(s.incidents[0]!.components).toEqual(['Search']);
  });
});
