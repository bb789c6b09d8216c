import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_FIXTURES } from '../../../../support/paths.ts';
import { parseFeed, snapshotOf } from './support.ts';
import { atomFeed, statuspageEntry } from './timeline-builders.ts';

const PARSE = readFileSync(resolve(SHARED_FIXTURES, 'rss_atom/parse-statuspage-history-2014-01-09-pst-postmortem.rss'));

describe('year and zone of a feed stamp', () => {
  const parse = snapshotOf(parseFeed(PARSE, '2014-01-09T12:00:00.000Z'));

  it('puts a postmortem posted two days after the entry\'s pubDate in the same year, not the year before', () => {
    const incident = parse.incidents.find((i) => i.title === 'Elevated error rates and latency')!;
    expect(incident.updates.map((u) => [u.label, u.at])).toEqual([
      ['Investigating', '2013-12-24T16:58:00.000Z'],
      ['Resolved', '2013-12-24T19:21:00.000Z'],
      ['Postmortem', '2013-12-26T18:22:00.000Z'],
    ]);
    expect(incident.status).toBe('postmortem');
    expect(incident.postmortem).toMatch(/^# /);
  });

  it('reads a "PST" stamp of a summer entry dated -0700 as Pacific daylight time, as its pubDate shows', () => {
    const incident = parse.incidents.find((i) => i.title === 'A subset of Parse apps are seeing elevated error rates')!;
    // <pubDate>Mon, 28 Oct 2013 14:48:00 -0700</pubDate>, Resolved stamped "Oct 28, 14:48 PST".
    expect(incident.resolvedAt).toBe('2013-10-28T21:48:00.000Z');
  });

  it('keeps "PST" at -08:00 in winter and for a page whose dates say -08:00', () => {
    const incident = parse.incidents.find((i) => i.title === 'Degraded Service')!;
    expect(incident.resolvedAt).toBe('2013-11-04T18:06:00.000Z');
  });

  it('still puts a December 31 update in the previous year for an entry updated on January 2', () => {
    const s = snapshotOf(parseFeed(atomFeed(statuspageEntry('ny', 'New year', '2024-01-02T01:00:00Z', [
      { stamp: 'Jan 2, 01:00 UTC', label: 'Resolved', body: 'Done.' },
      { stamp: 'Dec 31, 23:10 UTC', label: 'Investigating', body: 'Late.' },
    ]))));
    expect(s.incidents[0]!.updates.map((u) => u.at)).toEqual(['2023-12-31T23:10:00.000Z', '2024-01-02T01:00:00.000Z']);
  });

  it('reads the numeric zone forms Instatus prints', () => {
    const s = snapshotOf(parseFeed(atomFeed(statuspageEntry('z', 'Zones', '2024-06-01T12:00:00Z', [
      { stamp: 'Jun 1, 12:00:00 GMT+0', label: 'Resolved', body: 'a' },
      { stamp: 'Jun 1, 11:00:00 GMT-7', label: 'Update', body: 'b' },
      { stamp: 'Jun 1, 10:00:00 UTC+2', label: 'Update', body: 'c' },
      { stamp: 'Jun 1, 09:00:00 GMT+05:30', label: 'Investigating', body: 'd' },
    ]))));
    expect(s.warnings).toEqual([]);
    expect(s.incidents[0]!.updates.map((u) => [u.body, u.at])).toEqual([
      ['d', '2024-06-01T03:30:00.000Z'], ['c', '2024-06-01T08:00:00.000Z'], ['a', '2024-06-01T12:00:00.000Z'], ['b', '2024-06-01T18:00:00.000Z'],
    ]);
  });
});
